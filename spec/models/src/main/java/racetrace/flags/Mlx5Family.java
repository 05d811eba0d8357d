package racetrace.flags;

import java.util.List;
import java.util.Map;
import racetrace.engine.Model;
import racetrace.engine.ModelFamily;

/**
 * vfio/mlx5's device and page-tracker flags, and the deferred-reset hand-off (research notes
 * vfio-pci-bitfields.md §2.2, §4).
 *
 * <p>Actors (grouped in this order): {@code user} (DMA-logging ioctls on the open fd: tracker
 * start/stop, read-and-clear with arg 1 = the device reports an error), {@code closer} (last fd
 * release, after every user thread is done: close_migratable), {@code probe} (phase probing only:
 * set_migratable after the PF notifier is registered), {@code pf} (the PF's SR-IOV notifier:
 * {@code vfEvent(1)} = DISABLE_VF, {@code vfEvent(0)} = ENABLE_VF), {@code reset} (PCI reset_done)
 * and {@code eq} (EQ/CQ error and object-change events, no lock). Every state_mutex holder leaves
 * through the unlock path that runs a deferred reset's cleanup.
 *
 * <p>Phases: 0 open, migration capable, tracker stopped; 1 the same with the tracker running
 * (log_active, notifier registered); 2 probing (probe and pf only).
 *
 * <p>Choices where the notes are silent: the tracker memset is one plain store of both tracker
 * flags (it can only hide races, not add any); EQ events are delivered only while the notifier is
 * registered and unregistering waits for callbacks in flight; start refuses when log_active is
 * already set; reset_done is an actor of its own (the reset that causes it is not modelled).
 */
public final class Mlx5Family implements ModelFamily {

    @Override
    public String name() {
        return "mlx5";
    }

    @Override
    public String description() {
        return "vfio/mlx5 flags and the deferred_reset hand-off between reset_lock and state_mutex";
    }

    @Override
    public List<String> variants() {
        return Mlx5.VARIANTS;
    }

    @Override
    public String describeVariant(String variant) {
        return switch (variant) {
            case "pre" -> "7.x before the fix: device flags in one byte, tracker flags in one byte";
            case "v2" -> "May v2 2/2: deferred_reset, is_err, object_changed plain";
            case "merged" -> "f2365a63b02d: every runtime flag its own storage unit";
            default -> variant;
        };
    }

    @Override
    public Map<String, List<String>> options() {
        return Map.of("granularity", List.of("byte", "location"));
    }

    @Override
    public Model<?> create(String variant, Map<String, String> options) {
        return new FlagsModel(new Mlx5(variant, Granularity.ofOption(options.getOrDefault("granularity", "byte"))));
    }

    public static FlagsModel model(String variant, Granularity g) {
        return new FlagsModel(new Mlx5(variant, g));
    }
}
