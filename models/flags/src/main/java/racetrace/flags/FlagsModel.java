package racetrace.flags;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import racetrace.engine.Access;
import racetrace.engine.Fingerprint;
import racetrace.engine.Instance;
import racetrace.engine.Invariant;
import racetrace.engine.OpChoice;
import racetrace.engine.OpPlan;
import racetrace.engine.Scenario;
import racetrace.engine.Transition;

/**
 * The storage-unit flags model: an interpreter of per-op step programs over a struct layout. Each
 * thread runs its script of ops; each op is a program of atomic steps (memory accesses, lock and
 * runtime-PM operations) built by a {@link FlagsDefinition}. The TLA+ module {@code StorageFlags}
 * interprets the same programs.
 */
public final class FlagsModel extends Interpreter {

    public static final String NO_LOST_UPDATE = "NoLostUpdate";
    public static final String RESET_CLEANUP_RUNS = "ResetCleanupRuns";
    public static final String NO_LOST_UPDATE_BETWEEN = "NoLostUpdateBetween";

    /**
     * Still 1: what this version added (the lost ghost, byte units reached by a store, open/enable,
     * the assumptions' other values, compiler profiles) changes no step, start state or invariant
     * of a scenario version 1 had, so its schedule strings replay the same run.
     */
    private static final int VERSION = 1;

    private final Map<String, Instr[]> programs;
    /** Op names in code order, and their programs. */
    private final List<String> codes;
    private final Set<String> actions;
    private final List<Invariant<FlagsState>> invariants;
    /** The pair {@link #NO_LOST_UPDATE_BETWEEN} is about (field indices), or -1. */
    private final int pairA;
    private final int pairB;
    private final FlagsAccesses accesses;
    private final FlagsOps ops;

    FlagsModel(FlagsDefinition def) {
        this(def, -1, -1);
    }

    private FlagsModel(FlagsDefinition def, int pairA, int pairB) {
        super(instance(def), VERSION, def);
        this.pairA = pairA;
        this.pairB = pairB;
        this.programs = def.allPrograms();
        this.codes = List.copyOf(programs.keySet());
        this.actions = Coverage.actions(programs, def.resumesWithoutWake());
        this.accesses = new FlagsAccesses(def);
        this.ops = new FlagsOps(def, instance(), codes, programs.values().toArray(new Instr[0][]));
        this.invariants = FlagsInvariants.of(def, pairA, pairB);
    }

    private static Instance instance(FlagsDefinition def) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("granularity", def.granularity.option());
        // Assumptions at their default are left out of the name: vfio-pci/pre-a[granularity=byte].
        for (Assumption a : def.assumptions()) {
            if (!def.assumed(a.option()).equals(a.assumed())) {
                options.put(a.option(), def.assumed(a.option()));
            }
        }
        return Instance.of(def.family(), def.variant, options);
    }

    /**
     * The same instance checking only {@link #NO_LOST_UPDATE_BETWEEN} for two fields: whether a store
     * of one writes back a stale copy of the other.
     */
    public FlagsModel forPair(String a, String b) {
        int fa = def.units.fieldIndex(a);
        int fb = def.units.fieldIndex(b);
        if (fa < 0 || fb < 0 || fa == fb) {
            throw new IllegalArgumentException("not two fields of " + instance() + ": " + a + ", " + b);
        }
        return new FlagsModel(def, Math.min(fa, fb), Math.max(fa, fb));
    }

    /** The two fields of a pair instance, else an empty list. */
    public List<String> pair() {
        return pairA < 0 ? List.of() : List.of(def.units.fieldName(pairA), def.units.fieldName(pairB));
    }

    /** The instance without its pair focus. */
    public FlagsModel unpaired() {
        return pairA < 0 ? this : new FlagsModel(def);
    }

    /** The bundled variant the thread's policies start from: the newest layout before the fix. */
    public String policyBase() {
        return def.policyBase();
    }

    public Layout layout() {
        return def.layout;
    }

    public Granularity granularity() {
        return def.granularity;
    }

    /** The writers table of this instance (rows of fields the layout has). */
    public List<Writer> writers() {
        return def.writers();
    }

    /** The assumptions of the family, and the value this instance takes for each. */
    public Map<Assumption, String> assumptions() {
        Map<Assumption, String> out = new LinkedHashMap<>();
        for (Assumption a : def.assumptions()) {
            out.put(a, def.assumed(a.option()));
        }
        return out;
    }

    /** How the writers table names a lock. */
    public String lockName(String lock) {
        return def.lockName(lock);
    }

    /**
     * The store sites of an op's program: site (label prefix) to the field it stores, in program
     * order; a memset site stores several fields and appears once per field as site#field.
     */
    public Map<String, String> storeSites(String op) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Instr i : programs.get(op)) {
            if (i.kind() == Instr.STORE || i.kind() == Instr.STORE_PLAIN) {
                out.put(i.site(), def.units.fieldName(i.field()));
            } else if (i.kind() == Instr.CLEAR) {
                for (int f = 0; f < def.units.fieldCount(); f++) {
                    if ((i.field() & (1 << f)) != 0) {
                        out.put(i.site() + "#" + def.units.fieldName(f), def.units.fieldName(f));
                    }
                }
            }
        }
        return out;
    }

    /** Every step label of the instance's programs: the spec's pc values it can take. */
    @Override
    public Set<String> actions() {
        return actions;
    }

    /** Each op alone in every configuration, and pairs of ops of two actors ({@link Coverage}). */
    @Override
    public List<Scenario> coverageScenarios() {
        return Coverage.scenarios(space());
    }

    /** The family's definition of this instance (for the writers file). */
    FlagsDefinition definition() {
        return def;
    }

    public UnitMap units() {
        return def.units;
    }

    /** The programs by op name, in op code order. */
    Map<String, Instr[]> programs() {
        return programs;
    }

    /** Threads take their ops from the engine: a scenario's scripts, or a scope's choices. */
    @Override
    public OpChoice<FlagsState> opChoice() {
        return ops;
    }

    /** Agrees with {@link #variables}: pc and opIdx follow from (op, ip), the sets from the bitmasks. */
    @Override
    public long fingerprint(FlagsState s) {
        long h = Fingerprint.ofInts(s.mem);
        h = Fingerprint.mix(h, s.ghost);
        h = Fingerprint.mix(h, Fingerprint.ofInts(s.lost));
        h = Fingerprint.mix(h, Fingerprint.ofInts(s.reg));
        h = Fingerprint.mix(h, Fingerprint.ofInts(s.ip));
        h = Fingerprint.mix(h, Fingerprint.ofInts(s.op));
        h = Fingerprint.mix(h, Fingerprint.ofInts(s.cur));
        h = Fingerprint.mix(h, Fingerprint.ofInts(s.arg));
        h = Fingerprint.mix(h, Fingerprint.ofInts(s.owner));
        h = Fingerprint.mix(h, s.readers);
        h = Fingerprint.mix(h, s.usage);
        h = Fingerprint.mix(h, s.rpm);
        h = Fingerprint.mix(h, (s.wake ? 1 : 0) | (s.vfs ? 2 : 0) | (s.nb ? 4 : 0) | (s.resetPending ? 8 : 0));
        h = Fingerprint.mix(h, s.open);
        return Fingerprint.mix(h, s.rcu);
    }

    @Override
    public List<Invariant<FlagsState>> invariants() {
        return invariants;
    }

    @Override
    public Map<String, Object> variables(FlagsState s) {
        return TlaMapping.variables(def, codes, s);
    }

    /** The units a step loads, tests and stores, its locks and references ({@link FlagsAccesses}). */
    @Override
    public List<Access> accesses(FlagsState before, Transition<FlagsState> step, int thread) {
        return accesses.of(before, step, thread);
    }

    @Override
    public String violationDetail(String invariant, FlagsState state) {
        return accesses.violation(invariant, state);
    }

    @Override
    public String tlaModule() {
        return "StorageFlags";
    }

    @Override
    public Map<String, Object> tlaConstants(Scenario scenario) {
        return TlaMapping.constants(def, programs, pair(), OpPlan.of(scenario));
    }

    @Override
    public Map<String, Object> tlaConstants(OpPlan plan) {
        return TlaMapping.constants(def, programs, pair(), plan);
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
