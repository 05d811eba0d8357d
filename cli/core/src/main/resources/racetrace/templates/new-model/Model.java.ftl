package ${package};

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import racetrace.engine.ActorKind;
import racetrace.engine.Config;
import racetrace.engine.Instance;
import racetrace.engine.Invariant;
import racetrace.engine.Model;
import racetrace.engine.Op;
import racetrace.engine.Param;
import racetrace.engine.Scenario;
import racetrace.engine.ScenarioSpace;
import racetrace.engine.ThreadScript;
import racetrace.engine.Transition;

/**
 * Written by racetrace new-model as a start: CPUs increment one shared counter, each op "inc" a
 * load of the counter into a register and a store of register + 1. Variant "buggy" does that with
 * nothing else, so two CPUs can lose an update; "fixed" takes a lock around the two accesses.
 * Replace it with the code under review, keeping the rules: one step = one atomic memory access or
 * lock operation, states are immutable, the label of a step is the TLA+ spec's pc value before it.
 *
 * <p>The spec describing the same system is src/main/tla/${module}.tla.
 */
public final class ${prefix}Model implements Model<${prefix}Model.State> {

    /**
     * A state (immutable: arrays are copied on every step).
     *
     * @param counter the shared counter
     * @param owner the lock's owner, 1-based thread number, 0 = free
     * @param pc each thread's next step label, or "Done"
     * @param reg each thread's register
     * @param opi how many ops each thread has finished
     * @param ops how many ops each thread runs (from the scenario; constant)
     */
    public record State(int counter, int owner, String[] pc, int[] reg, int[] opi, int[] ops) {
    }

    private final boolean locked;

    public ${prefix}Model(boolean locked) {
        this.locked = locked;
    }

    @Override
    public Instance instance() {
        return Instance.of("${name}", locked ? "fixed" : "buggy");
    }

    /** Bump when a step, the start state or an invariant changes meaning: old schedule strings are refused. */
    @Override
    public int version() {
        return 1;
    }

    /** 1 to 3 CPUs, each running 1 or 2 increments; no configuration parameters. */
    @Override
    public ScenarioSpace space() {
        return new ScenarioSpace() {
            @Override
            public List<Param> params() {
                return List.of();
            }

            @Override
            public List<ActorKind> actors(Config config) {
                return List.of(new ActorKind("cpu", 1, 3, 1, 2));
            }

            @Override
            public List<Op> alphabet(Config config, String actor) {
                return List.of(Op.of("inc"));
            }
        };
    }

    @Override
    public State initial(Scenario scenario) {
        int n = scenario.threadCount();
        String[] pc = new String[n];
        int[] ops = new int[n];
        for (int t = 0; t < n; t++) {
            ops[t] = scenario.threads().get(t).ops().size();
            pc[t] = ops[t] == 0 ? "Done" : first();
        }
        return new State(0, 0, pc, new int[n], new int[n], ops);
    }

    private String first() {
        return locked ? "lock" : "load";
    }

    @Override
    public boolean enabled(State s, int t) {
        return switch (s.pc()[t]) {
            case "Done" -> false;
            case "lock" -> s.owner() == 0; // a CPU spinning on a held lock makes no step
            default -> true;
        };
    }

    @Override
    public boolean finished(State s, int t) {
        return s.pc()[t].equals("Done");
    }

    @Override
    public Transition<State> step(State s, int t) {
        String[] pc = s.pc().clone();
        int[] reg = s.reg().clone();
        int[] opi = s.opi().clone();
        int counter = s.counter();
        int owner = s.owner();
        String label = pc[t];
        switch (label) {
            case "lock" -> { // spin_lock: test-and-set of the lock word
                owner = t + 1;
                pc[t] = "load";
            }
            case "load" -> { // one load of the counter
                reg[t] = counter;
                pc[t] = "store";
            }
            case "store" -> { // one store of register + 1
                counter = reg[t] + 1;
                opi[t]++;
                pc[t] = locked ? "unlock" : opi[t] == s.ops()[t] ? "Done" : "load";
            }
            case "unlock" -> { // spin_unlock: one store to the lock word
                owner = 0;
                pc[t] = opi[t] == s.ops()[t] ? "Done" : "lock";
            }
            default -> throw new IllegalStateException("no step at " + label);
        }
        return Transition.of(new State(counter, owner, pc, reg, opi, s.ops()), label);
    }

    /** Names are the TLA+ operators that state the same thing. */
    @Override
    public List<Invariant<State>> invariants() {
        return List.of(Invariant.of("NoLostUpdate", "when every CPU is done, the counter counts every increment",
                s -> !Arrays.stream(s.pc()).allMatch("Done"::equals)
                        || s.counter() == Arrays.stream(s.ops()).sum()));
    }

    /** Exactly the spec's VARIABLES, in its order; per-thread arrays as lists (TLA+ sequences). */
    @Override
    public Map<String, Object> variables(State s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("counter", s.counter());
        v.put("owner", s.owner());
        v.put("pc", List.of(s.pc()));
        v.put("reg", list(s.reg()));
        v.put("opi", list(s.opi()));
        return v;
    }

    /**
     * The labels this variant's steps can have: the spec's actions it takes, written from the code
     * (not found by running the model). conform reports which of them TLC checked ("actions 4 of 4")
     * and runs the coverage scenarios below for any that random runs missed.
     */
    @Override
    public Set<String> actions() {
        return locked ? Set.of("lock", "load", "store", "unlock") : Set.of("load", "store");
    }

    /**
     * Small scenarios that take every action, for conform: it runs them when random runs miss an
     * action, and conform --states compares their whole state spaces with TLC's, state by state
     * (without them --states has nothing to compare). Add one for every rare path your code has.
     */
    @Override
    public List<Scenario> coverageScenarios() {
        ThreadScript one = ThreadScript.of("cpu", Op.of("inc"));
        ThreadScript two = ThreadScript.of("cpu", Op.of("inc"), Op.of("inc"));
        return List.of(new Scenario(Config.empty(), List.of(one, one)), new Scenario(Config.empty(), List.of(two, one)));
    }

    @Override
    public String tlaModule() {
        return "${module}";
    }

    /** The spec's CONSTANTS for a scenario. */
    @Override
    public Map<String, Object> tlaConstants(Scenario scenario) {
        List<Object> ops = new ArrayList<>();
        scenario.threads().forEach(t -> ops.add(t.ops().size()));
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("Ops", ops);
        c.put("Locked", locked);
        return c;
    }

    private static List<Object> list(int[] a) {
        List<Object> out = new ArrayList<>();
        for (int x : a) {
            out.add(x);
        }
        return out;
    }
}
