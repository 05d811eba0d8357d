package racetrace.flags;

import static racetrace.flags.Instr.ARG;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import racetrace.engine.ActorKind;
import racetrace.engine.Config;
import racetrace.engine.Op;
import racetrace.engine.Param;

/**
 * {@code struct vfio_pci_core_device} flags and their writers (notes §2.1, §3). Programs cite the
 * notes' table rows; see {@link VfioPciFamily} for the contexts and what may run concurrently.
 */
final class VfioPci extends FlagsDefinition {

    static final List<String> VARIANTS = List.of("pre-a", "pre-b", "pre-c", "v2", "merged");

    private static final String RUN = "rbar+28";

    static Layout layout(String variant) {
        List<Layout.Field> f = new ArrayList<>();
        switch (variant) {
            case "pre-a" -> f.addAll(Layout.run(RUN, "has_dyn_msix", "pci_2_3", "virq_disabled", "reset_works",
                    "extended_caps", "bardirty", "has_vga", "needs_reset", "nointx", "needs_pm_restore",
                    "pm_intx_masked", "pm_runtime_engaged"));
            case "pre-b" -> f.addAll(Layout.run(RUN, "has_dyn_msix", "pci_2_3", "virq_disabled", "reset_works",
                    "extended_caps", "bardirty", "has_vga", "needs_reset", "nointx", "needs_pm_restore",
                    "pm_intx_masked", "pm_runtime_engaged", "sriov_pwr_active"));
            case "pre-c" -> {
                f.addAll(Layout.run(RUN, "has_dyn_msix", "pci_2_3", "virq_disabled", "reset_works",
                        "extended_caps", "bardirty", "has_vga", "needs_reset", "nointx", "needs_pm_restore",
                        "pm_intx_masked", "pm_runtime_engaged", "disable_idle_d3"));
                f.add(Layout.Field.plain("sriov_active"));
            }
            case "v2" -> {
                // May v2 1/2 on pre-a: virq_disabled and bardirty fill the hole after bar_mmap_supported.
                f.add(Layout.Field.plain("virq_disabled"));
                f.add(Layout.Field.plain("bardirty"));
                f.addAll(Layout.run(RUN, "has_dyn_msix", "pci_2_3", "reset_works", "extended_caps", "has_vga",
                        "needs_reset", "nointx", "needs_pm_restore"));
                f.add(Layout.Field.plain("pm_intx_masked"));
                f.add(Layout.Field.plain("pm_runtime_engaged"));
            }
            case "merged" -> {
                f.add(Layout.Field.plain("virq_disabled"));
                f.add(Layout.Field.plain("bardirty"));
                f.addAll(Layout.run(RUN, "has_dyn_msix", "pci_2_3", "reset_works", "extended_caps", "has_vga",
                        "nointx", "needs_pm_restore", "disable_idle_d3"));
                f.add(Layout.Field.plain("needs_reset"));
                f.add(Layout.Field.plain("pm_intx_masked"));
                f.add(Layout.Field.plain("pm_runtime_engaged"));
                f.add(Layout.Field.plain("sriov_active"));
            }
            default -> throw new IllegalArgumentException("variant " + variant);
        }
        return new Layout(variant, f);
    }

    static final int PHASE_OPEN = 0;
    static final int PHASE_LOW_POWER = 1;
    static final int PHASE_CLOSED = 2;
    static final int PHASE_PROBING = 3;

    private final String sriovFlag;

    VfioPci(String variant, Granularity granularity) {
        super(variant, granularity, layout(variant));
        sriovFlag = units.has("sriov_pwr_active") ? "sriov_pwr_active"
                : units.has("sriov_active") ? "sriov_active" : null;
    }

    @Override
    String family() {
        return "vfio-pci";
    }

    @Override
    List<String> locks() {
        return List.of("devSet", "device", "memory");
    }

    @Override
    List<Param> params() {
        return List.of(new Param("phase", 0, 3,
                "0 open, 1 open and in low power with a wake eventfd, 2 bound but closed, 3 probing"));
    }

    @Override
    List<ActorKind> actors(Config config) {
        int phase = config.get("phase");
        List<ActorKind> out = new ArrayList<>();
        boolean open = phase == PHASE_OPEN || phase == PHASE_LOW_POWER;
        if (open) {
            out.add(new ActorKind("user", 0, 2, 1, 2, true));
            out.add(new ActorKind("closer", 0, 1, 1, 1));
        }
        if (phase == PHASE_PROBING) {
            out.add(new ActorKind("probe", 1, 1, 1, 1));
        }
        if (sriovFlag != null) {
            out.add(new ActorKind("sysfs", 0, 1, 1, 2));
        }
        out.add(new ActorKind("pm", 0, 1, 1, 2));
        out.add(new ActorKind("peer", 0, 1, 1, 1));
        return out;
    }

    @Override
    List<Op> alphabet(Config config, String actor) {
        return switch (actor) {
            case "user" -> List.of(Op.of("cfgBar"), Op.of("cfgReadBar"), Op.of("cfgCmd", 0), Op.of("cfgCmd", 1),
                    Op.of("mmapFault"), Op.of("lowPowerEntry", 0), Op.of("lowPowerEntry", 1), Op.of("lowPowerExit"));
            case "closer" -> List.of(Op.of("close", 1), Op.of("close", 0));
            case "probe" -> List.of(Op.of("probe", 0), Op.of("probe", 1));
            case "sysfs" -> List.of(Op.of("sriovEnable"), Op.of("sriovDisable"));
            case "pm" -> List.of(Op.of("suspend", 0), Op.of("suspend", 1), Op.of("resume"));
            case "peer" -> List.of(Op.of("peerClose"));
            default -> List.of();
        };
    }

    @Override
    Start start(Config config) {
        return switch (config.get("phase")) {
            // vfio_config_init at open sets bardirty; open holds one usage reference.
            case PHASE_OPEN -> new Start(Set.of("bardirty"), 1, 1, false, false);
            // Low-power entry with wakeup: engaged, wake armed, the open's reference dropped.
            case PHASE_LOW_POWER -> new Start(Set.of("bardirty", "pm_runtime_engaged"), 0, 1, true, false);
            default -> new Start(Set.of(), 0, 0, false, false);
        };
    }

    @Override
    boolean checksResetCleanup() {
        return false;
    }

    @Override
    Set<String> hiddenInTable() {
        return Set.of("ghost", "reg", "pc", "opIdx", "nb", "rcu", "resetPending");
    }

    @Override
    Map<String, Instr[]> programs() {
        Map<String, Instr[]> m = new LinkedHashMap<>();
        // §3 bardirty row 2: pwrite to a BAR, no lock; vfio_pci_rw holds a PM reference.
        m.put("cfgBar", prog().pmGet("cfgBar")
                .write("cfgBar_bardirty", "bardirty", 1)
                .step("cfgBar_pmPut", Instr.PM_PUT).build());
        // §3 bardirty row 3: pread of a BAR runs vfio_bar_fixup when dirty and clears the flag, no lock.
        m.put("cfgReadBar", prog().pmGet("cfgReadBar")
                .jumpIf("cfgReadBar_dirtyTest", "bardirty", 0, "cfgReadBar_pmPut")
                .write("cfgReadBar_bardirty", "bardirty", 0)
                .step("cfgReadBar_pmPut", Instr.PM_PUT).build());
        // §3 virq_disabled row 1: memory_lock is held only around the mem/io part of COMMAND and
        // dropped before the INTx-disable emulation writes the flag.
        m.put("cfgCmd", prog().pmGet("cfgCmd")
                .lock("cfgCmd_lockMem", Instr.WRITE_LOCK, "memory")
                .lock("cfgCmd_unlockMem", Instr.WRITE_UNLOCK, "memory")
                .jumpIf("cfgCmd_virqTest", "virq_disabled", ARG, "cfgCmd_pmPut")
                .write("cfgCmd_virq", "virq_disabled", ARG)
                .step("cfgCmd_pmPut", Instr.PM_PUT).build());
        // §3 readers: the BAR mmap fault reads pm_runtime_engaged under memory_lock read.
        m.put("mmapFault", prog().lock("mmapFault_lockMemRead", Instr.READ_LOCK, "memory")
                .jumpIf("mmapFault_engTest", "pm_runtime_engaged", 1, "mmapFault_unlockMemRead")
                .lock("mmapFault_unlockMemRead", Instr.READ_UNLOCK, "memory").build());
        // §3 pm_runtime_engaged row 1: ioctl (PM reference) + memory_lock write; entry drops a usage
        // reference so the device may suspend and arms the wake eventfd when asked to.
        m.put("lowPowerEntry", prog().pmGet("lowPowerEntry")
                .lock("lowPowerEntry_lockMem", Instr.WRITE_LOCK, "memory")
                .jumpIf("lowPowerEntry_engTest", "pm_runtime_engaged", 1, "lowPowerEntry_unlockMem")
                .write("lowPowerEntry_eng", "pm_runtime_engaged", 1)
                .jump("lowPowerEntry_putNoidle", Instr.PM_PUT_NOIDLE, ARG, null)
                .lock("lowPowerEntry_unlockMem", Instr.WRITE_UNLOCK, "memory")
                .step("lowPowerEntry_pmPut", Instr.PM_PUT).build());
        // §3 pm_runtime_engaged row 2 (a): LOW_POWER_EXIT ioctl, memory_lock write.
        m.put("lowPowerExit", prog().pmGet("lowPowerExit")
                .lock("lowPowerExit_lockMem", Instr.WRITE_LOCK, "memory")
                .jumpIf("lowPowerExit_engTest", "pm_runtime_engaged", 0, "lowPowerExit_unlockMem")
                .write("lowPowerExit_eng", "pm_runtime_engaged", 0)
                .step("lowPowerExit_getNoresume", Instr.PM_GET_NORESUME)
                .lock("lowPowerExit_unlockMem", Instr.WRITE_UNLOCK, "memory")
                .step("lowPowerExit_pmPut", Instr.PM_PUT).build());
        // Close of the last fd: vfio_pci_core_disable under dev_set->lock, after every syscall on
        // the fd has returned (§3 virq_disabled row 2, needs_reset rows, pm_runtime_engaged (b)).
        m.put("close", prog().step("close_release", Instr.AWAIT_USERS)
                .lock("close_lockDevSet", Instr.LOCK, "devSet")
                .lock("close_lockMem", Instr.WRITE_LOCK, "memory")
                .jumpIf("close_engTest", "pm_runtime_engaged", 0, "close_unlockMem")
                .write("close_eng", "pm_runtime_engaged", 0)
                .step("close_getNoresume", Instr.PM_GET_NORESUME)
                .lock("close_unlockMem", Instr.WRITE_UNLOCK, "memory")
                .pmResume("close")
                .write("close_virq", "virq_disabled", 0)
                .write("close_nrSet", "needs_reset", 1)
                // arg 1: the function reset under pci_dev_trylock succeeded.
                .jump("close_resetFn", Instr.JUMP_IF_ARG, 0, "close_trTest")
                .write("close_nrClr", "needs_reset", 0)
                // vfio_pci_dev_set_try_reset: only this device is open, so it runs when a reset is needed.
                .jumpIf("close_trTest", "needs_reset", 0, "close_pmPut")
                .pmGet("close_tr")
                .write("close_trClr", "needs_reset", 0)
                .step("close_trPut", Instr.PM_PUT)
                .step("close_pmPut", Instr.PM_PUT)
                .step("close_closeFd", Instr.CLOSE_FD)
                .lock("close_unlockDevSet", Instr.UNLOCK, "devSet").build());
        // §3 needs_reset row 2: another device of the dev_set closes; its try-reset runs only when
        // no other device is open, holds a PM reference on ours and clears our needs_reset.
        m.put("peerClose", prog().lock("peerClose_lockDevSet", Instr.LOCK, "devSet")
                .jump("peerClose_openTest", Instr.JUMP_IF_OPEN, 0, "peerClose_unlockDevSet")
                .pmGet("peerClose")
                .write("peerClose_nr", "needs_reset", 0)
                .step("peerClose_pmPut", Instr.PM_PUT)
                .lock("peerClose_unlockDevSet", Instr.UNLOCK, "devSet").build());
        // §3 pm_intx_masked row: the suspend callback needs usage 0; memory_lock around the D0
        // transition, the flag stored after up_write.
        m.put("suspend", prog().step("suspend_begin", Instr.SUSPEND_BEGIN)
                .lock("suspend_lockMem", Instr.WRITE_LOCK, "memory")
                .lock("suspend_unlockMem", Instr.WRITE_UNLOCK, "memory")
                .write("suspend_intx", "pm_intx_masked", ARG)
                .step("suspend_end", Instr.SUSPEND_END).build());
        // §3 pm_runtime_engaged row 2 (c): an asynchronous resume (e.g. a wakeup) runs the callback.
        m.put("resume", prog().step("resume_begin", Instr.RESUME_BEGIN).resumeBlock("resume").build());
        if (sriovFlag != null) {
            // §3 sriov row 1: device_lock + PM reference + memory_lock write; the reference is
            // kept while VFs are enabled. The PCI core refuses a second enable under device_lock.
            m.put("sriovEnable", prog().lock("sriovEnable_lockDevice", Instr.LOCK, "device")
                    .jump("sriovEnable_vfsTest", Instr.JUMP_IF_VFS, 1, "sriovEnable_unlockDevice")
                    .pmGet("sriovEnable")
                    .lock("sriovEnable_lockMem", Instr.WRITE_LOCK, "memory")
                    .write("sriovEnable_sriov", sriovFlag, 1)
                    .lock("sriovEnable_unlockMem", Instr.WRITE_UNLOCK, "memory")
                    .jump("sriovEnable_enableVfs", Instr.SET_VFS, 1, null)
                    .lock("sriovEnable_unlockDevice", Instr.UNLOCK, "device").build());
            // §3 sriov row 2: disable, pm_runtime_put, then the clear at out_del with device_lock only.
            m.put("sriovDisable", prog().lock("sriovDisable_lockDevice", Instr.LOCK, "device")
                    .jump("sriovDisable_vfsTest", Instr.JUMP_IF_VFS, 0, "sriovDisable_unlockDevice")
                    .jump("sriovDisable_disableVfs", Instr.SET_VFS, 0, null)
                    .step("sriovDisable_pmPut", Instr.PM_PUT)
                    .write("sriovDisable_sriov", sriovFlag, 0)
                    .lock("sriovDisable_unlockDevice", Instr.UNLOCK, "device").build());
        }
        // §3 needs_pm_restore row: probe, after the device joined its dev_set; the driver core holds
        // device_lock and the PCI core a PM reference.
        m.put("probe", prog().lock("probe_lockDevice", Instr.LOCK, "device")
                .pmGet("probe")
                .write("probe_npr", "needs_pm_restore", ARG)
                .step("probe_pmPut", Instr.PM_PUT)
                .lock("probe_unlockDevice", Instr.UNLOCK, "device").build());
        return m;
    }
}
