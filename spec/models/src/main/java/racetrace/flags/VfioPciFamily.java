package racetrace.flags;

import java.util.List;
import java.util.Map;
import racetrace.engine.Model;
import racetrace.engine.ModelFamily;

/**
 * vfio-pci's {@code struct vfio_pci_core_device} flags under concurrent writers (research notes
 * vfio-pci-bitfields.md §2.1, §3).
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
 * 1 open and in low power with a wake eventfd (usage 0); 2 bound but closed (no user/closer);
 * 3 probing (probe thread, no user/closer). Setup-only flags start FALSE: no step reads them.
 *
 * <p>Choices where the notes are silent: the rwsem lets readers in whenever no writer holds it
 * (no writer-waiting fairness); close holds no usage reference of its own before the low-power
 * exit; the resume callback reads pm_intx_masked but that read is not modelled; igate/irqlock are
 * left out (they protect no flag store); enable of SR-IOV always succeeds; the PCI core's
 * num_VFs check makes a disable without VFs and a second enable no-ops; in pre-a and v2 (no sriov
 * flag) the sysfs actor is absent; a peer's try-reset always finds its own device needing reset.
 */
public final class VfioPciFamily implements ModelFamily {

    @Override
    public String name() {
        return "vfio-pci";
    }

    @Override
    public String description() {
        return "vfio-pci core device flags: bitfield read-modify-writes vs. concurrent writers";
    }

    @Override
    public List<String> variants() {
        return VfioPci.VARIANTS;
    }

    @Override
    public String describeVariant(String variant) {
        return switch (variant) {
            case "pre-a" -> "7.1 base of May v2: 12 bitfields in one run";
            case "pre-b" -> "base of May v1: pre-a + sriov_pwr_active:1";
            case "pre-c" -> "7.2-rc1: plain sriov_active, disable_idle_d3:1";
            case "v2" -> "May v2 1/2 on pre-a: runtime flags plain except needs_reset";
            case "merged" -> "e73638e55f86: every runtime flag its own storage unit";
            default -> variant;
        };
    }

    @Override
    public Map<String, List<String>> options() {
        return Map.of("granularity", List.of("byte", "location"));
    }

    @Override
    public Model<?> create(String variant, Map<String, String> options) {
        return new FlagsModel(new VfioPci(variant, Granularity.ofOption(options.getOrDefault("granularity", "byte"))));
    }

    /** A typed instance, for tests and callers that know the family. */
    public static FlagsModel model(String variant, Granularity g) {
        return new FlagsModel(new VfioPci(variant, g));
    }
}
