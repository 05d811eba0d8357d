package racetrace.flags;

import java.util.List;
import java.util.Map;

/**
 * vfio/mlx5's device and page-tracker flags, and the deferred-reset hand-off (research notes
 * docs/research/vfio-pci-bitfields.md §2.2, §4).
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
 * (log_active, notifier registered); 2 probing (probe, and pf when probe-window=open).
 *
 * <p>Assumption (option, the default first): {@code probe-window}, see {@link Mlx5#PROBE_WINDOW}.
 * Fixed choices: the tracker memset is one plain store of both tracker flags (a memset writes
 * bytes; it reads none back); EQ events are delivered only while the notifier is registered and
 * unregistering waits for callbacks in flight (the notifier chain's contract); start refuses when
 * log_active is already set; reset_done is an actor of its own (the reset that causes it is not
 * modelled).
 */
public final class Mlx5Family extends FlagsFamily {

    public Mlx5Family() {
        super("mlx5", "vfio/mlx5 flags and the deferred_reset hand-off between reset_lock and state_mutex",
                Mlx5.VARIANTS, List.of(Mlx5.PROBE_WINDOW), Mlx5::new);
    }

    public static FlagsModel model(String variant, Granularity g) {
        return new Mlx5Family().instance(variant, Map.of("granularity", g.option()));
    }

    public static FlagsModel model(String variant, Map<String, String> options) {
        return new Mlx5Family().instance(variant, options);
    }
}
