package racetrace.flags;

import java.util.List;
import java.util.Map;
import java.util.Set;
import racetrace.engine.ActorKind;
import racetrace.engine.Config;
import racetrace.engine.Op;
import racetrace.engine.Param;

/** What one family adds to the generic flags interpreter: layouts, locks, actors, programs, start. */
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

    FlagsDefinition(String variant, Granularity granularity, Layout layout) {
        this.variant = variant;
        this.granularity = granularity;
        this.layout = layout;
        this.units = layout.units(granularity);
    }

    abstract String family();

    /** Lock names; "memory" is the one rwsem. Their order is the order of the {@code owner} record. */
    abstract List<String> locks();

    abstract List<Param> params();

    abstract List<ActorKind> actors(Config config);

    abstract List<Op> alphabet(Config config, String actor);

    abstract Start start(Config config);

    /** Op name to program, for every op any alphabet of this instance holds. */
    abstract Map<String, Instr[]> programs();

    /** Whether the instance checks {@code ResetCleanupRuns} (mlx5 only). */
    abstract boolean checksResetCleanup();

    /** Variables the CPU table leaves out for this family. */
    abstract Set<String> hiddenInTable();

    Prog prog() {
        return new Prog(units, locks());
    }
}
