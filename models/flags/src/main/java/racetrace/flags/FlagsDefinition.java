package racetrace.flags;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import racetrace.engine.ActorKind;
import racetrace.engine.Config;
import racetrace.engine.Op;
import racetrace.engine.Param;

/** What one family adds to the generic flags interpreter: locks, actors, programs, writers, start. */
abstract class FlagsDefinition {

    /**
     * The start state's scalars.
     *
     * @param trueFields the flags set at the start
     * @param usage the runtime-PM usage count
     * @param open the device's open count
     * @param wake whether a low-power wake eventfd is armed
     * @param nb whether the tracker's event notifier is registered
     */
    record Start(Set<String> trueFields, int usage, int open, boolean wake, boolean nb) {
    }

    final String variant;
    final Granularity granularity;
    final Layout layout;
    final UnitMap units;
    final Map<String, String> assumed;
    private List<Writer> writers;

    FlagsDefinition(String variant, Layout layout, Granularity granularity, Map<String, String> assumed) {
        this.variant = variant;
        this.granularity = granularity;
        this.layout = layout;
        this.units = UnitMap.of(layout, granularity);
        Map<String, String> a = new LinkedHashMap<>();
        for (Assumption x : assumptions()) {
            a.put(x.option(), assumed.getOrDefault(x.option(), x.assumed()));
        }
        this.assumed = a;
    }

    abstract String family();

    /** The modelling choices the notes leave open, each an option of the family. */
    abstract List<Assumption> assumptions();

    /** Lock names; "memory" is the one rwsem. Their order is the order of the {@code owner} record. */
    abstract List<String> locks();

    /** How the writers table writes a lock of {@link #locks()}. */
    abstract String lockName(String lock);

    abstract List<Param> params();

    abstract List<ActorKind> actors(Config config);

    abstract List<Op> alphabet(Config config, String actor);

    abstract Start start(Config config);

    /** Op name to program, for every op any alphabet of this instance holds. */
    abstract Map<String, Instr[]> programs();

    /** The writers table of this instance: every store site of the programs, and the writers no thread runs. */
    abstract List<Writer> buildWriters();

    /** The newest layout before the fix: the base the thread's two policies are applied to. */
    abstract String policyBase();

    /** Whether the instance checks {@code ResetCleanupRuns} (mlx5 only). */
    abstract boolean checksResetCleanup();

    /** Variables the CPU table leaves out for this family. */
    abstract Set<String> hiddenInTable();

    final List<Writer> writers() {
        if (writers == null) {
            writers = buildWriters().stream().filter(w -> units.has(w.field())).toList();
        }
        return writers;
    }

    /** The value kind of a store site, from its writers-table row. */
    final String kindOf(String site) {
        for (Writer w : writers()) {
            if (w.covers(site)) {
                return w.kind();
            }
        }
        throw new IllegalStateException("store site " + site + " has no row in the " + family() + " writers table");
    }

    final String assumed(String option) {
        return assumed.get(option);
    }

    Prog prog() {
        return new Prog(this);
    }
}
