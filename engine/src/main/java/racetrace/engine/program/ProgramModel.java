package racetrace.engine.program;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import racetrace.api.Actor;
import racetrace.api.Covered;
import racetrace.api.Family;
import racetrace.api.Presented;
import racetrace.api.Program;
import racetrace.api.TlaMapped;
import racetrace.api.View;
import racetrace.engine.Access;
import racetrace.engine.ActorKind;
import racetrace.engine.Adapted;
import racetrace.engine.BadInputException;
import racetrace.engine.Config;
import racetrace.engine.Fingerprint;
import racetrace.engine.Instance;
import racetrace.engine.Invariant;
import racetrace.engine.IdentifiedModel;
import racetrace.engine.Model;
import racetrace.engine.Op;
import racetrace.engine.OpChoice;
import racetrace.engine.Param;
import racetrace.engine.Scenario;
import racetrace.engine.ScenarioSpace;
import racetrace.engine.ThreadScript;
import racetrace.engine.Transition;

/**
 * A {@link Program} as the engine runs it: one instance (variant, options) of its family, a
 * {@link Model} that chooses ops ({@link OpChoice}), so that one exploration covers a whole
 * scope. Everything a program does not say is derived here: the instance, the scenario space,
 * the TLA+ variables (memory fields, register fields as sequences, {@code opi}, {@code pc}) and
 * constants ({@code Variant}, options, parameters, {@code Actor}, {@code Script}), the spec's
 * name, the fingerprint, the table's hidden variables.
 *
 * <p>A thread's op begins at its actor's entry label; a step that calls {@code end()} leaves the
 * thread done, and the engine begins its next op in the same step (or leaves it done). A thread
 * of a created actor kind begins its first op in the start state but waits, not enabled, until a
 * step creates it.
 */
public final class ProgramModel<M, R> extends IdentifiedModel<ProgramState> implements Adapted {

    private final Program<M, R> program;
    private final Family family;
    private final List<Invariant<ProgramState>> invariants;
    private final String tlaModule;
    private final Map<Class<?>, Fields> fields = new ConcurrentHashMap<>();
    private final OpChoice<ProgramState> ops = new Choice();

    ProgramModel(Program<M, R> program, Family family, String variant, Map<String, String> options) {
        super(Instance.of(family.name(), variant, options), family.version(), new Space(family));
        this.program = program;
        this.family = family;
        List<Invariant<ProgramState>> inv = new ArrayList<>();
        for (Invariant<View<M, R>> i : program.invariants()) {
            inv.add(Invariant.of(i.name(), i.description(), s -> i.holds(new StateView<>(this, s))));
        }
        this.invariants = List.copyOf(inv);
        this.tlaModule = findSpec(program, family);
    }

    /** The program this model runs. */
    public Program<M, R> program() {
        return program;
    }

    @Override
    public Class<?> adaptedClass() {
        return program.getClass();
    }

    private static String findSpec(Program<?, ?> program, Family family) {
        String name = program instanceof TlaMapped m && m.tlaModule() != null ? m.tlaModule() : Instance.camelCase(family.name());
        ClassLoader loader = program.getClass().getClassLoader();
        return loader != null && loader.getResource("tla/" + name + ".tla") != null ? name : null;
    }

    Fields memoryFields(Object memory) {
        return fields.computeIfAbsent(memory.getClass(), c -> Fields.of(c, "memory"));
    }

    Fields registerFields(Object registers) {
        return fields.computeIfAbsent(registers.getClass(), c -> Fields.of(c, "registers"));
    }

    @Override
    public OpChoice<ProgramState> opChoice() {
        return ops;
    }

    @Override
    public boolean enabled(ProgramState s, int t) {
        if (s.done(t) || s.waiting[t]) {
            return false;
        }
        try {
            program.step(new Stepping<>(this, s, t));
            return true;
        } catch (Stepping.Blocked b) {
            return false;
        }
    }

    @Override
    public boolean finished(ProgramState s, int t) {
        return s.done(t);
    }

    @Override
    public Transition<ProgramState> step(ProgramState s, int t) {
        if (s.done(t) || s.waiting[t]) {
            throw new IllegalStateException("thread " + (t + 1) + " cannot step: it is " + (s.done(t) ? "done" : "waiting to be created"));
        }
        Stepping<M, R> step = new Stepping<>(this, s, t);
        try {
            program.step(step);
        } catch (Stepping.Blocked b) {
            throw new IllegalStateException(instance() + ": thread " + (t + 1) + " stepped at " + s.pc[t]
                    + " where its step awaits a condition that does not hold");
        }
        ProgramState next = step.result();
        String label = s.pc[t];
        return step.noticeText() == null ? Transition.of(next, label) : Transition.noticed(next, label, step.noticeText());
    }

    @Override
    public List<Invariant<ProgramState>> invariants() {
        return invariants;
    }

    /** Memory fields, register fields (a sequence over the threads each), {@code opi}, {@code pc}. */
    @Override
    public Map<String, Object> variables(ProgramState s) {
        Map<String, Object> v = new LinkedHashMap<>();
        if (s.memory != null) {
            Fields f = memoryFields(s.memory);
            for (int i = 0; i < f.size(); i++) {
                put(v, f.names().get(i), f.value(s.memory, i));
            }
        }
        Fields rf = null;
        for (Object r : s.registers) {
            if (r != null) {
                rf = registerFields(r);
                break;
            }
        }
        if (rf != null) {
            List<String> names = rf.names();
            for (int i = 0; i < rf.size(); i++) {
                List<Object> column = new ArrayList<>(s.threads());
                for (Object r : s.registers) {
                    column.add(registerFields(r).value(r, i));
                }
                put(v, names.get(i), column);
            }
        }
        List<Object> opi = new ArrayList<>(s.threads());
        StateView<M, R> view = new StateView<>(this, s);
        for (int t = 1; t <= s.threads(); t++) {
            opi.add(view.opi(t));
        }
        put(v, "opi", opi);
        put(v, "pc", List.of((Object[]) s.pc));
        return v;
    }

    private void put(Map<String, Object> v, String name, Object value) {
        if (v.put(name, value) != null) {
            throw new BadInputException(instance().model() + ": two state variables are named '" + name + "' (memory and"
                    + " register fields, opi and pc share one name space: the spec's variables)");
        }
    }

    /** A hash of the variables and of each thread's current op (which a scope's threads choose). */
    @Override
    public long fingerprint(ProgramState s) {
        long h = s.fingerprint;
        if (h == 0) {
            h = Fingerprint.of(variables(s));
            for (Op o : s.op) {
                h = Fingerprint.mix(h, o == null ? 0 : Fingerprint.of(o.toString()));
            }
            h = h == 0 ? 1 : h;
            s.fingerprint = h;
        }
        return h;
    }

    /**
     * The step's memory reads and stores, which a program does not say: found by taking the step
     * again with one memory leaf changed at a time ({@link StepAccesses}); register stores from the
     * state diff.
     */
    @Override
    public List<Access> accesses(ProgramState before, Transition<ProgramState> step, int thread) {
        return StepAccesses.of(this, before, step.next(), thread);
    }

    @Override
    public String tlaModule() {
        return tlaModule;
    }

    /** {@code Variant}, options, parameters, {@code Actor}, {@code Script}, then the program's own. */
    @Override
    public Map<String, Object> tlaConstants(Scenario scenario) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("Variant", instance().variant());
        c.putAll(instance().options());
        scenario.config().values().forEach(c::put);
        List<Object> actors = new ArrayList<>();
        List<Object> scripts = new ArrayList<>();
        for (ThreadScript t : scenario.threads()) {
            actors.add(t.actor());
            List<Object> ops = new ArrayList<>();
            for (Op o : t.ops()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("name", o.name());
                r.put("args", new ArrayList<Object>(o.args()));
                ops.add(r);
            }
            scripts.add(ops);
        }
        c.put("Actor", actors);
        c.put("Script", scripts);
        if (program instanceof TlaMapped m) {
            m.tlaConstants(instance().variant(), scenario.config()).forEach((k, val) -> {
                if (c.put(k, val) != null) {
                    throw new BadInputException(instance().model() + ": the constant " + k + " is the engine's; name yours"
                            + " otherwise");
                }
            });
        }
        return c;
    }

    @Override
    public Set<String> actions() {
        return program instanceof Covered c ? c.actions(instance().variant()) : Set.of();
    }

    @Override
    public List<Scenario> coverageScenarios() {
        return program instanceof Covered c ? c.coverageScenarios(instance().variant()) : List.of();
    }

    @Override
    public Set<String> hiddenInTable() {
        Set<String> h = new LinkedHashSet<>(List.of("opi", "pc"));
        if (program instanceof Presented p) {
            h.addAll(p.hiddenInTable());
        }
        return h;
    }

    @Override
    public String threadName(Scenario scenario, int thread) {
        if (program instanceof Presented p) {
            ThreadScript ts = scenario.threads().get(thread);
            int index = 0;
            for (int i = 0; i < thread; i++) {
                if (scenario.threads().get(i).actor().equals(ts.actor())) {
                    index++;
                }
            }
            String name = p.threadName(ts.actor(), index, ts.ops());
            if (name != null) {
                return name;
            }
        }
        return super.threadName(scenario, thread);
    }

    @Override
    public String toString() {
        return instance().toString();
    }

    /** Op choice: the engine begins each op at the thread's entry label. */
    private final class Choice implements OpChoice<ProgramState> {

        @Override
        public ProgramState start(Config config, List<String> actors) {
            Binding b = new Binding(config, actors, family.actors());
            int n = actors.size();
            Object memory = program.memory(config);
            Object[] registers = new Object[n];
            for (int t = 0; t < n; t++) {
                registers[t] = program.registers(config, actors.get(t));
            }
            if (memory != null) {
                memoryFields(memory).freeze(memory);
            }
            for (Object r : registers) {
                if (r != null) {
                    registerFields(r).freeze(r);
                }
            }
            String[] pc = new String[n];
            Arrays.fill(pc, ProgramState.DONE);
            return new ProgramState(b, memory, registers, pc, new Op[n], new int[n], new boolean[n]);
        }

        @Override
        public ProgramState begin(ProgramState s, int t, Op op) {
            String[] pc = s.pc.clone();
            Op[] o = s.op.clone();
            int[] opi = s.opi.clone();
            boolean[] waiting = s.waiting;
            Actor kind = s.binding.kind[t];
            if (kind.created() && opi[t] == 0) {
                // chosen now, run once another thread creates it
                waiting = waiting.clone();
                waiting[t] = true;
            }
            pc[t] = kind.entry();
            o[t] = op;
            opi[t]++;
            return new ProgramState(s.binding, s.memory, s.registers, pc, o, opi, waiting);
        }

        @Override
        public int opCount(ProgramState s, int t) {
            return s.opi[t];
        }

        @Override
        public boolean done(ProgramState s, int t) {
            return s.done(t);
        }
    }

    /** The family's parameters and actor kinds as the engine's scenario space. */
    private static final class Space implements ScenarioSpace {

        private final Family family;
        private final Map<String, Actor> byName = new LinkedHashMap<>();

        Space(Family family) {
            this.family = family;
            for (Actor a : family.actors()) {
                byName.put(a.name(), a);
            }
        }

        @Override
        public List<Param> params() {
            return family.params();
        }

        @Override
        public List<ActorKind> actors(Config config) {
            List<ActorKind> out = new ArrayList<>();
            for (Actor a : family.actors()) {
                out.add(new ActorKind(a.name(), a.minThreads(), a.maxThreads(), a.minOps(), a.maxOps(),
                        a.interchangeable()));
            }
            return out;
        }

        @Override
        public List<Op> alphabet(Config config, String actor) {
            Actor a = byName.get(actor);
            if (a == null) {
                throw new BadInputException("unknown actor '" + actor + "'; " + family.name() + " has " + byName.keySet());
            }
            return a.alphabet().apply(config);
        }
    }
}
