package racetrace.flags;

import java.util.List;
import java.util.Map;

/**
 * vfio-pci's {@code struct vfio_pci_core_device} flags under concurrent writers (research notes
 * docs/research/vfio-pci-bitfields.md §2.1, §3).
 *
 * <p>Actors (one thread each, grouped in this order):
 * <ul>
 * <li>{@code user}: syscalls on the open device fd: config writes of COMMAND ({@code cfgCmd(v)},
 * v = the DisINTx bit written) and of BARs, config reads of BARs, the BAR mmap fault, low-power
 * entry ({@code lowPowerEntry(w)}, w = with wake eventfd) and exit ioctls. Config rw and ioctls
 * hold a runtime-PM reference; nothing else serializes them.</li>
 * <li>{@code closer}: the release of the last fd ({@code close(r)}, r = the function reset
 * succeeded). Its first step waits until every user thread is done: the fd's reference count
 * keeps release from running while a syscall is in flight.</li>
 * <li>{@code opener}: only in phase closed: the first open ({@code open(v)}; vfio_pci_core_enable
 * stores the capability flags, bardirty and extended_caps; v = 1: a device with broken INTx
 * masking that is a VGA device).</li>
 * <li>{@code probe}: only in phase probing ({@code probe(v)} writes needs_pm_restore := v).</li>
 * <li>{@code sysfs}: sriov_numvfs enable/disable; only in variants with an sriov flag.</li>
 * <li>{@code pm}: the runtime-PM worker: {@code suspend(v)} (v = the INTx-masked result) and an
 * asynchronous {@code resume}. A suspend request finds usage &gt; 0 or a transition in flight and
 * gives up (as rpm_suspend returns -EAGAIN).</li>
 * <li>{@code peer}: close of another device of the same dev_set; its try-reset clears our
 * needs_reset if our device is not open (§3 open-count rule).</li>
 * </ul>
 *
 * <p>Phases (config {@code phase}): 0 open (usage 1 held by open, bardirty set by config init);
 * 1 open and in low power with a wake eventfd (usage 0); 2 bound but closed (no user/closer; an
 * opener); 3 probing (probe thread, no user/closer). Flags no step has set start FALSE.
 *
 * <p>Assumptions (options, the default first): {@code close-pm} and {@code probe-window}, see
 * {@link VfioPci#CLOSE_PM} and {@link VfioPci#PROBE_WINDOW}. Fixed choices, none of which stores a
 * flag or can hide a lost update: the rwsem lets readers in whenever no writer holds it; the
 * resume callback's read of pm_intx_masked is left out; igate/irqlock are left out (they protect
 * no flag store); enable of SR-IOV always succeeds; the PCI core's num_VFs check makes a disable
 * without VFs and a second enable no-ops; a peer's try-reset always finds its own device needing
 * reset (the most writes it can make); open stores every capability as true (a store that leaves
 * a flag unchanged cannot lose anything); disable_idle_d3 is stored only by .init, before the
 * device is registered, so no thread runs it.
 */
public final class VfioPciFamily extends FlagsFamily {

    public VfioPciFamily() {
        super("vfio-pci", "vfio-pci core device flags: bitfield read-modify-writes vs. concurrent writers",
                VfioPci.VARIANTS, List.of(VfioPci.CLOSE_PM, VfioPci.PROBE_WINDOW), VfioPci::new);
    }

    /** A typed instance with the default assumptions, for tests and callers that know the family. */
    public static FlagsModel model(String variant, Granularity g) {
        return new VfioPciFamily().instance(variant, Map.of("granularity", g.option()));
    }

    /** A typed instance with options (granularity, assumptions); missing ones take their default. */
    public static FlagsModel model(String variant, Map<String, String> options) {
        return new VfioPciFamily().instance(variant, options);
    }

    /** Adds a layout read from a file as a variant; returns its name (for LayoutFileTest, in this package). */
    static String addLayout(Layout layout) {
        return new VfioPciFamily().add(layout);
    }
}
