package racetrace.flags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
 * The storage-unit flags model: an interpreter of per-op step programs over a struct layout. Each
 * thread runs its script of ops; each op is a program of atomic steps (memory accesses, lock and
 * runtime-PM operations) built by a {@link FlagsDefinition}. The TLA+ module {@code StorageFlags}
 * interprets the same programs.
 */
public final class FlagsModel implements Model<FlagsState> {

    static final int ACTIVE = 0;
    static final int SUSPENDING = 1;
    static final int SUSPENDED = 2;
    static final int RESUMING = 3;
    static final String[] RPM_NAMES = {"active", "suspending", "suspended", "resuming"};

    public static final String NO_LOST_UPDATE = "NoLostUpdate";
    public static final String RESET_CLEANUP_RUNS = "ResetCleanupRuns";

    /** A scenario compiled for the interpreter; shared by all states of a run. */
    static final class Run {
        final Scenario scenario;
        /** The program of op k of thread t. */
        final Instr[][][] prog;
        final int[][] arg;
        /** Threads of actor {@code user} (syscalls on the device fd), bitmask. */
        final int userMask;

        Run(Scenario scenario, Instr[][][] prog, int[][] arg, int userMask) {
            this.scenario = scenario;
            this.prog = prog;
            this.arg = arg;
            this.userMask = userMask;
        }
    }

    private final FlagsDefinition def;
    private final Instance instance;
    private final Map<String, Instr[]> programs;
    private final List<Invariant<FlagsState>> invariants;
    private final ScenarioSpace space;

    FlagsModel(FlagsDefinition def) {
        this.def = def;
        this.instance = Instance.of(def.family(), def.variant, Map.of("granularity", def.granularity.option()));
        this.programs = def.programs();
        List<Invariant<FlagsState>> inv = new ArrayList<>();
        inv.add(Invariant.of(NO_LOST_UPDATE,
                "every field holds the value of the last write that targeted it", this::noLostUpdate));
        if (def.checksResetCleanup()) {
            inv.add(Invariant.of(RESET_CLEANUP_RUNS,
                    "when every thread is done, every reset_done has been followed by the deferred cleanup",
                    this::resetCleanupRuns));
        }
        this.invariants = List.copyOf(inv);
        this.space = new ScenarioSpace() {
            @Override
            public List<Param> params() {
                return def.params();
            }

            @Override
            public List<ActorKind> actors(Config config) {
                return def.actors(config);
            }

            @Override
            public List<Op> alphabet(Config config, String actor) {
                return def.alphabet(config, actor);
            }
        };
    }

    @Override
    public Instance instance() {
        return instance;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public ScenarioSpace space() {
        return space;
    }

    /** The layout under this instance's granularity. */
    public UnitMap units() {
        return def.units;
    }

    /** The op names this instance has programs for. */
    public Set<String> opNames() {
        return programs.keySet();
    }

    /** The step labels of an op's program, in program order (for tests and docs). */
    public List<String> labels(String op) {
        List<String> out = new ArrayList<>();
        for (Instr i : programs.get(op)) {
            out.add(i.label);
        }
        return out;
    }

    @Override
    public FlagsState initial(Scenario scenario) {
        int n = scenario.threadCount();
        Instr[][][] prog = new Instr[n][][];
        int[][] arg = new int[n][];
        int userMask = 0;
        for (int t = 0; t < n; t++) {
            ThreadScript ts = scenario.threads().get(t);
            if (ts.actor().equals("user")) {
                userMask |= 1 << t;
            }
            List<Op> ops = ts.ops();
            prog[t] = new Instr[ops.size()][];
            arg[t] = new int[ops.size()];
            for (int k = 0; k < ops.size(); k++) {
                Op o = ops.get(k);
                prog[t][k] = programs.get(o.name());
                if (prog[t][k] == null) {
                    throw new IllegalArgumentException("no program for op " + o.name() + " in " + instance);
                }
                arg[t][k] = o.args().isEmpty() ? 0 : o.arg(0);
            }
        }
        Run run = new Run(scenario, prog, arg, userMask);
        FlagsDefinition.Start st = def.start(scenario.config());
        int[] mem = new int[def.units.unitCount()];
        int ghost = 0;
        for (String f : st.trueFields()) {
            int i = def.units.fieldIndex(f);
            mem[def.units.unitOf(i)] |= 1 << i;
            ghost |= 1 << i;
        }
        return new FlagsState(run, mem, ghost, new int[n], new int[n], new int[n], new int[def.locks().size()], 0,
                st.usage(), ACTIVE, st.wake(), st.open(), false, st.nb(), 0, false);
    }

    private static Instr current(FlagsState s, int t) {
        return s.run.prog[t][s.op[t]][s.ip[t]];
    }

    @Override
    public boolean finished(FlagsState s, int t) {
        return s.op[t] >= s.run.arg[t].length;
    }

    @Override
    public boolean enabled(FlagsState s, int t) {
        if (finished(s, t)) {
            return false;
        }
        Instr in = current(s, t);
        switch (in.kind) {
            case Instr.LOCK:
                return s.owner[in.lock] == 0;
            case Instr.READ_LOCK:
                return s.owner[in.lock] == 0;
            case Instr.WRITE_LOCK:
                return s.owner[in.lock] == 0 && s.readers == 0;
            case Instr.PM_GET:
            case Instr.PM_RESUME:
                return s.rpm != SUSPENDING && s.rpm != RESUMING;
            case Instr.AWAIT_USERS:
                for (int u = 0; u < s.op.length; u++) {
                    if ((s.run.userMask & (1 << u)) != 0 && !finished(s, u)) {
                        return false;
                    }
                }
                return true;
            case Instr.NB_UNREGISTER:
                return s.rcu == 0;
            default:
                return true;
        }
    }

    @Override
    public Transition<FlagsState> step(FlagsState s, int t) {
        Instr in = current(s, t);
        int k = s.op[t];
        int v = in.val == Instr.ARG ? s.run.arg[t][k] : in.val;
        int[] mem = s.mem;
        int ghost = s.ghost;
        int[] reg = s.reg;
        int[] owner = s.owner;
        int readers = s.readers;
        int usage = s.usage;
        int rpm = s.rpm;
        boolean wake = s.wake;
        int open = s.open;
        boolean vfs = s.vfs;
        boolean nb = s.nb;
        int rcu = s.rcu;
        boolean resetPending = s.resetPending;
        int next = in.nx;
        int bit = in.field >= 0 ? 1 << in.field : 0;
        switch (in.kind) {
            case Instr.LOAD -> {
                reg = reg.clone();
                reg[t] = mem[def.units.unitOf(in.field)];
            }
            case Instr.MODIFY -> {
                reg = reg.clone();
                reg[t] = v != 0 ? reg[t] | bit : reg[t] & ~bit;
            }
            case Instr.STORE, Instr.STORE_PLAIN -> {
                mem = mem.clone();
                int u = def.units.unitOf(in.field);
                if (in.kind == Instr.STORE) {
                    mem[u] = reg[t];
                } else {
                    mem[u] = v != 0 ? bit : 0;
                }
                ghost = v != 0 ? ghost | bit : ghost & ~bit;
                resetPending |= in.pend;
            }
            case Instr.JUMP_IF -> {
                boolean set = (mem[def.units.unitOf(in.field)] & bit) != 0;
                if (set == (v != 0)) {
                    next = in.to;
                }
            }
            case Instr.CLEAR -> {
                mem = mem.clone();
                for (int u = 0; u < mem.length; u++) {
                    mem[u] &= ~in.field;
                }
                ghost &= ~in.field;
            }
            case Instr.LOCK, Instr.WRITE_LOCK -> {
                owner = owner.clone();
                owner[in.lock] = t + 1;
            }
            case Instr.UNLOCK, Instr.WRITE_UNLOCK -> {
                owner = owner.clone();
                owner[in.lock] = 0;
            }
            case Instr.TRYLOCK -> {
                if (owner[in.lock] == 0) {
                    owner = owner.clone();
                    owner[in.lock] = t + 1;
                } else {
                    next = in.to;
                }
            }
            case Instr.READ_LOCK -> readers |= 1 << t;
            case Instr.READ_UNLOCK -> readers &= ~(1 << t);
            case Instr.PM_GET, Instr.PM_RESUME -> {
                if (in.kind == Instr.PM_GET) {
                    usage++;
                }
                if (rpm == SUSPENDED) {
                    rpm = RESUMING;
                } else {
                    next = in.to;
                }
            }
            case Instr.PM_PUT -> usage--;
            case Instr.PM_GET_NORESUME -> {
                usage++;
                wake = false;
            }
            case Instr.PM_PUT_NOIDLE -> {
                usage--;
                wake = v != 0;
            }
            case Instr.JUMP_IF_NO_WAKE -> {
                if (!wake) {
                    next = in.to;
                }
            }
            case Instr.SUSPEND_BEGIN -> {
                if (usage == 0 && rpm == ACTIVE) {
                    rpm = SUSPENDING;
                } else {
                    next = Instr.END;
                }
            }
            case Instr.SUSPEND_END -> rpm = SUSPENDED;
            case Instr.RESUME_BEGIN -> {
                if (rpm == SUSPENDED) {
                    rpm = RESUMING;
                } else {
                    next = Instr.END;
                }
            }
            case Instr.RESUME_END -> rpm = ACTIVE;
            case Instr.AWAIT_USERS -> {
            }
            case Instr.JUMP_IF_OPEN -> {
                if (open > 0) {
                    next = in.to;
                }
            }
            case Instr.CLOSE_FD -> open = 0;
            case Instr.JUMP_IF_VFS -> {
                if (vfs == (v != 0)) {
                    next = in.to;
                }
            }
            case Instr.SET_VFS -> vfs = v != 0;
            case Instr.NB_REGISTER -> nb = true;
            case Instr.NB_UNREGISTER -> nb = false;
            case Instr.NB_ENTER -> {
                if (nb) {
                    rcu++;
                } else {
                    next = Instr.END;
                }
            }
            case Instr.NB_EXIT -> rcu--;
            case Instr.CLEANUP -> resetPending = false;
            case Instr.JUMP_IF_ARG -> {
                if (s.run.arg[t][k] == v) {
                    next = in.to;
                }
            }
            default -> throw new IllegalStateException("unknown step kind " + in.kind);
        }
        int[] ip = s.ip.clone();
        int[] op = s.op;
        if (next == Instr.END) {
            op = op.clone();
            op[t]++;
            ip[t] = 0;
        } else {
            ip[t] = next;
        }
        return Transition.of(new FlagsState(s.run, mem, ghost, reg, ip, op, owner, readers, usage, rpm, wake, open,
                vfs, nb, rcu, resetPending), in.label);
    }

    @Override
    public List<Invariant<FlagsState>> invariants() {
        return invariants;
    }

    private boolean noLostUpdate(FlagsState s) {
        int all = 0;
        for (int u : s.mem) {
            all |= u;
        }
        return all == s.ghost;
    }

    private boolean resetCleanupRuns(FlagsState s) {
        if (!s.resetPending) {
            return true;
        }
        for (int t = 0; t < s.op.length; t++) {
            if (!finished(s, t)) {
                return true;
            }
        }
        return false;
    }

    /** The label of the thread's next step, or "Done": the TLA+ {@code pc}. */
    public String pc(FlagsState s, int t) {
        return finished(s, t) ? "Done" : current(s, t).label;
    }

    /** Whether a field is set in memory now. */
    public boolean bit(FlagsState s, String field) {
        int f = def.units.fieldIndex(field);
        return (s.mem[def.units.unitOf(f)] & (1 << f)) != 0;
    }

    /** The rwsem {@code memory}'s readers and the locks' owners, for tests: owner is thread index or -1. */
    public int owner(FlagsState s, String lock) {
        return s.owner[def.locks().indexOf(lock)] - 1;
    }

    public int usage(FlagsState s) {
        return s.usage;
    }

    public String rpmStatus(FlagsState s) {
        return RPM_NAMES[s.rpm];
    }

    public boolean resetPending(FlagsState s) {
        return s.resetPending;
    }

    private Set<String> fieldSet(int mask) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < def.units.fieldCount(); i++) {
            if ((mask & (1 << i)) != 0) {
                out.add(def.units.fieldName(i));
            }
        }
        return out;
    }

    @Override
    public long fingerprint(FlagsState s) {
        // Exactly what variables() shows, as ints: program counters by their label, as TLC sees them.
        int n = s.op.length;
        int[] a = new int[s.mem.length + 3 * n + s.owner.length + 10];
        int k = 0;
        for (int u : s.mem) {
            a[k++] = u;
        }
        for (int t = 0; t < n; t++) {
            a[k++] = s.reg[t];
            a[k++] = pc(s, t).hashCode();
            a[k++] = s.op[t];
        }
        for (int o : s.owner) {
            a[k++] = o;
        }
        a[k++] = s.ghost;
        a[k++] = s.readers;
        a[k++] = s.usage;
        a[k++] = s.rpm;
        a[k++] = s.wake ? 1 : 0;
        a[k++] = s.open;
        a[k++] = s.vfs ? 1 : 0;
        a[k++] = s.nb ? 1 : 0;
        a[k++] = s.rcu;
        a[k] = s.resetPending ? 1 : 0;
        return racetrace.engine.Fingerprint.ofInts(a);
    }

    @Override
    public Map<String, Object> variables(FlagsState s) {
        int n = s.op.length;
        Map<String, Object> v = new LinkedHashMap<>();
        List<Object> mem = new ArrayList<>();
        for (int u : s.mem) {
            mem.add(fieldSet(u));
        }
        v.put("mem", mem);
        Map<String, Object> ghost = new LinkedHashMap<>();
        for (int i = 0; i < def.units.fieldCount(); i++) {
            ghost.put(def.units.fieldName(i), (s.ghost & (1 << i)) != 0);
        }
        v.put("ghost", ghost);
        List<Object> reg = new ArrayList<>();
        List<Object> pc = new ArrayList<>();
        List<Object> opIdx = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            reg.add(fieldSet(s.reg[t]));
            pc.add(pc(s, t));
            opIdx.add(s.op[t] + 1);
        }
        v.put("reg", reg);
        v.put("pc", pc);
        v.put("opIdx", opIdx);
        Map<String, Object> owner = new LinkedHashMap<>();
        List<String> locks = def.locks();
        for (int l = 0; l < locks.size(); l++) {
            owner.put(locks.get(l), s.owner[l]);
        }
        v.put("owner", owner);
        Set<Object> readers = new LinkedHashSet<>();
        for (int t = 0; t < n; t++) {
            if ((s.readers & (1 << t)) != 0) {
                readers.add(t + 1);
            }
        }
        v.put("readers", readers);
        v.put("usage", s.usage);
        v.put("rpm", RPM_NAMES[s.rpm]);
        v.put("wake", s.wake);
        v.put("open", s.open);
        v.put("vfs", s.vfs);
        v.put("nb", s.nb);
        v.put("rcu", s.rcu);
        v.put("resetPending", s.resetPending);
        return v;
    }

    @Override
    public String tlaModule() {
        return "StorageFlags";
    }

    @Override
    public Map<String, Object> tlaConstants(Scenario scenario) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("Family", def.family());
        c.put("Variant", def.variant);
        c.put("Granularity", def.granularity.option());
        c.put("Phase", scenario.config().get("phase"));
        List<Object> fields = new ArrayList<>();
        Map<String, Object> unitOf = new LinkedHashMap<>();
        Map<String, Object> isBit = new LinkedHashMap<>();
        for (int i = 0; i < def.units.fieldCount(); i++) {
            String f = def.units.fieldName(i);
            fields.add(f);
            unitOf.put(f, def.units.unitOf(i) + 1);
            isBit.put(f, def.units.isBitfield(i));
        }
        c.put("Fields", fields);
        c.put("UnitOf", unitOf);
        c.put("IsBit", isBit);
        c.put("NUnits", def.units.unitCount());
        List<Object> actors = new ArrayList<>();
        List<Object> scripts = new ArrayList<>();
        for (ThreadScript ts : scenario.threads()) {
            actors.add(ts.actor());
            List<Object> ops = new ArrayList<>();
            for (Op o : ts.ops()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("op", o.name());
                r.put("arg", o.args().isEmpty() ? 0 : o.arg(0));
                ops.add(r);
            }
            scripts.add(ops);
        }
        c.put("Actors", actors);
        c.put("Scripts", scripts);
        return c;
    }

    @Override
    public Set<String> hiddenInTable() {
        return def.hiddenInTable();
    }

    @Override
    public String threadName(Scenario scenario, int thread) {
        return "CPU " + (char) ('A' + thread) + " (" + scenario.threads().get(thread).actor() + ")";
    }
}
