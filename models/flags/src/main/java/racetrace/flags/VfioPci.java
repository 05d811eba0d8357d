package racetrace.flags;

import static racetrace.flags.Instr.ARG;
import static racetrace.flags.UnitMap.COMPUTED;
import static racetrace.flags.UnitMap.CONSTANT;

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

    static final Assumption CLOSE_PM = new Assumption("close-pm", List.of("unreferenced", "referenced"), List.of(
            "close holds no runtime-PM usage reference before its low-power exit, so the suspend callback may run "
                    + "while close is in vfio_pci_core_disable",
            "close takes a usage reference first, as config accesses and ioctls do, so no suspend callback runs "
                    + "during close"),
            "notes §3: the table gives close dev_set->lock and memory_lock but no usage reference; no row says "
                    + "whether one is held");
    static final Assumption PROBE_WINDOW = Assumption.probeWindow(
            "a peer device's close may reset the dev_set while our device probes (probe stores needs_pm_restore "
                    + "after the device joined the dev_set's list)",
            "no peer close runs while our device probes",
            "notes §3 needs_pm_restore row: the device is on dev_set->device_list before the store; whether a "
                    + "peer's try-reset reaches it then is not stated");

    static final int PHASE_OPEN = 0;
    static final int PHASE_LOW_POWER = 1;
    static final int PHASE_CLOSED = 2;
    static final int PHASE_PROBING = 3;

    private final String sriovFlag;

    VfioPci(FlagsFamily family, String variant, Layout layout, Granularity granularity, Map<String, String> assumed) {
        super(family, variant, layout, granularity, assumed);
        sriovFlag = units.has("sriov_pwr_active") ? "sriov_pwr_active"
                : units.has("sriov_active") ? "sriov_active" : null;
    }

    @Override
    List<String> locks() {
        return List.of("devSet", "device", "memory");
    }

    @Override
    String lockName(String lock) {
        return switch (lock) {
            case "devSet" -> "dev_set->lock";
            case "device" -> "device_lock";
            case "memory" -> "memory_lock (write)";
            default -> lock;
        };
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
        if (phase == PHASE_CLOSED) {
            out.add(new ActorKind("opener", 0, 1, 1, 1));
        }
        if (phase == PHASE_PROBING) {
            out.add(new ActorKind("probe", 1, 1, 1, 1));
        }
        if (sriovFlag != null) {
            out.add(new ActorKind("sysfs", 0, 1, 1, 2));
        }
        out.add(new ActorKind("pm", 0, 1, 1, 2));
        if (phase != PHASE_PROBING || probeWindowOpen()) {
            out.add(new ActorKind("peer", 0, 1, 1, 1));
        }
        return out;
    }

    @Override
    List<Op> alphabet(Config config, String actor) {
        return switch (actor) {
            case "user" -> List.of(Op.of("cfgBar"), Op.of("cfgReadBar"), Op.of("cfgCmd", 0), Op.of("cfgCmd", 1),
                    Op.of("mmapFault"), Op.of("lowPowerEntry", 0), Op.of("lowPowerEntry", 1), Op.of("lowPowerExit"));
            case "closer" -> List.of(Op.of("close", 1), Op.of("close", 0));
            case "opener" -> List.of(Op.of("open", 0), Op.of("open", 1));
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

    /*
     * Only an open device enters low power with a wake eventfd: open and probe run on a closed
     * device and a peer's close resets a closed one; close leaves low power itself (close_eng,
     * close_getNoresume disarm the wake under the memory lock) after it waited out every user, so
     * its pm_runtime_resume and the pm-get of its try-reset never find the wake armed.
     */
    @Override
    Set<String> resumesWithoutWake() {
        return Set.of("open", "probe", "peerClose", "close", "close_tr");
    }

    @Override
    String policyBase() {
        return "pre-c";
    }

    @Override
    boolean checksResetCleanup() {
        return false;
    }

    @Override
    Set<String> hiddenInTable() {
        return Set.of("ghost", "reg", "pc", "opIdx", "cur", "nb", "rcu", "resetPending");
    }

    /**
     * Writers added from a file run as syscalls on the open fd (config reads and writes, ioctls:
     * the user actor, with a runtime-PM reference when the row holds one, as vfio_pci_rw and the
     * ioctls do) or from sysfs (the sysfs actor).
     */
    @Override
    Frame frame(Context context) {
        return switch (context) {
            case CONFIG_READ, CONFIG_WRITE, IOCTL -> new Frame("user", "syscall-pm");
            case SYSFS -> sriovFlag == null ? null : new Frame("sysfs", "syscall-pm");
            default -> null;
        };
    }

    @Override
    List<Writer> buildWriters() {
        String ref = "holds a usage reference";
        String closePm = assumed(CLOSE_PM.option()).equals("referenced") ? ref
                : "no usage reference (close-pm=unreferenced)";
        List<Writer> w = new ArrayList<>();
        w.add(new Writer("virq_disabled", "cfgCmd_virq", Context.CONFIG_WRITE, "vfio_basic_config_write",
                "true/false as COMMAND's DisINTx", CONSTANT, List.of(), ref, null));
        w.add(new Writer("virq_disabled", "close_virq", Context.CLOSE, "vfio_pci_core_disable", "false", CONSTANT,
                List.of("devSet"), ref + " (pm_runtime_resume after the low-power exit)", null));
        w.add(new Writer("bardirty", "open_cfgBar", Context.OPEN, "vfio_config_init", "true", CONSTANT,
                List.of("devSet"), ref, null));
        w.add(new Writer("bardirty", "cfgBar_bardirty", Context.CONFIG_WRITE, "vfio_basic_config_write", "true",
                CONSTANT, List.of(), ref, null));
        w.add(new Writer("bardirty", "cfgReadBar_bardirty", Context.CONFIG_READ, "vfio_bar_fixup", "false",
                CONSTANT, List.of(), ref, null));
        w.add(new Writer("needs_reset", "close_nrSet", Context.CLOSE, "vfio_pci_core_disable", "true", CONSTANT,
                List.of("devSet"), ref, null));
        w.add(new Writer("needs_reset", "close_nrClr", Context.CLOSE, "vfio_pci_core_disable", "false (reset done)",
                CONSTANT, List.of("devSet"), ref, null));
        w.add(new Writer("needs_reset", "close_trClr", Context.CLOSE, "vfio_pci_dev_set_try_reset", "false",
                CONSTANT, List.of("devSet"), ref, null));
        w.add(new Writer("needs_reset", "peerClose_nr", Context.PEER_RESET, "vfio_pci_dev_set_try_reset", "false",
                CONSTANT, List.of("devSet"), ref + " (pm_runtime_get on every device of the set)", null));
        w.add(new Writer("pm_intx_masked", "suspend_intx", Context.RPM_SUSPEND, "vfio_pci_core_runtime_suspend",
                "INTx masked", COMPUTED, List.of(), "the suspend callback: usage 0", null));
        w.add(new Writer("pm_runtime_engaged", "lowPowerEntry_eng", Context.IOCTL, "vfio_pci_runtime_pm_entry",
                "true", CONSTANT, List.of("memory"), ref, null));
        w.add(new Writer("pm_runtime_engaged", "lowPowerExit_eng", Context.IOCTL, "__vfio_pci_runtime_pm_exit",
                "false", CONSTANT, List.of("memory"), ref, null));
        w.add(new Writer("pm_runtime_engaged", "close_eng", Context.CLOSE, "__vfio_pci_runtime_pm_exit", "false",
                CONSTANT, List.of("devSet", "memory"), closePm, CLOSE_PM.option()));
        w.add(new Writer("pm_runtime_engaged", "*_resEng", Context.RPM_RESUME,
                "vfio_pci_core_runtime_resume -> __vfio_pci_runtime_pm_exit", "false", CONSTANT,
                List.of("+", "memory"), "the resume callback, in the context that takes a reference", null));
        if (sriovFlag != null) {
            w.add(new Writer(sriovFlag, "sriovEnable_sriov", Context.SYSFS, "vfio_pci_core_sriov_configure", "true",
                    CONSTANT, List.of("device", "memory"), ref, null));
            w.add(new Writer(sriovFlag, "sriovDisable_sriov", Context.SYSFS, "vfio_pci_core_sriov_configure (out_del)",
                    "false", CONSTANT, List.of("device"), "after pm_runtime_put", null));
        }
        w.add(new Writer("needs_pm_restore", "probe_npr", Context.PROBE, "vfio_pci_probe_power_state",
                "!(pmcsr & NO_SOFT_RESET)", COMPUTED, List.of("device"), ref + " (the PCI core's, during probe)",
                null));
        w.add(new Writer("disable_idle_d3", null, Context.INIT, "vfio_pci_core_init_dev", "module parameter",
                COMPUTED, List.of(), "-", null));
        w.add(new Writer("reset_works", "open_rw", Context.OPEN, "vfio_pci_core_enable", "!ret", COMPUTED,
                List.of("devSet"), ref, null));
        w.add(new Writer("pci_2_3", "open_pci23", Context.OPEN, "vfio_pci_core_enable", "pci_intx_mask_supported()",
                COMPUTED, List.of("devSet"), ref, null));
        w.add(new Writer("nointx", "open_nointx", Context.OPEN, "vfio_pci_core_enable", "true", CONSTANT,
                List.of("devSet"), ref, null));
        w.add(new Writer("extended_caps", "open_ecap", Context.OPEN, "vfio_cap_len <- vfio_config_init",
                "dword != 0", COMPUTED, List.of("devSet"), ref, null));
        w.add(new Writer("has_dyn_msix", "open_dynMsix", Context.OPEN, "vfio_pci_core_enable",
                "pci_msix_can_alloc_dyn()", COMPUTED, List.of("devSet"), ref, null));
        w.add(new Writer("has_vga", "open_vga", Context.OPEN, "vfio_pci_core_enable", "true", CONSTANT,
                List.of("devSet"), ref, null));
        return w;
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
        m.put("close", close());
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
        m.put("open", open());
        return m;
    }

    /**
     * Open of the first fd: vfio_pci_core_enable under dev_set->lock (§3 rows reset_works, nointx,
     * pci_2_3, has_dyn_msix, has_vga, extended_caps, bardirty row 1). Enable takes a usage
     * reference first and keeps it while the device is open. Arg 1: a device with broken INTx
     * masking (nointx) that is a VGA device; arg 0: INTx masking works (pci_2_3), not VGA. Every
     * capability is stored as true: a store that leaves a flag as it was could not lose anything.
     */
    private Instr[] open() {
        Prog p = prog();
        p.lock("open_lockDevSet", Instr.LOCK, "devSet")
                .pmGet("open")
                .write("open_rw", "reset_works", 1)
                .jump("open_intxTest", Instr.JUMP_IF_ARG, 1, p.writeStart("open_nointx", "nointx"))
                .write("open_pci23", "pci_2_3", 1).then(p.writeStart("open_cfgBar", "bardirty"))
                .write("open_nointx", "nointx", 1)
                // vfio_config_init: bardirty, then vfio_cap_init finds the extended capabilities.
                .write("open_cfgBar", "bardirty", 1)
                .write("open_ecap", "extended_caps", 1)
                .write("open_dynMsix", "has_dyn_msix", 1)
                .jump("open_vgaTest", Instr.JUMP_IF_ARG, 0, "open_openFd")
                .write("open_vga", "has_vga", 1)
                .step("open_openFd", Instr.OPEN_FD)
                .lock("open_unlockDevSet", Instr.UNLOCK, "devSet");
        return p.build();
    }

    /**
     * Close of the last fd: vfio_pci_core_disable under dev_set->lock, after every syscall on the fd
     * has returned (§3 virq_disabled row 2, needs_reset rows, pm_runtime_engaged (b)). With
     * close-pm=referenced it holds a usage reference of its own from the start.
     */
    private Instr[] close() {
        boolean referenced = assumed(CLOSE_PM.option()).equals("referenced");
        Prog p = prog().step("close_release", Instr.AWAIT_USERS);
        if (referenced) {
            p.pmGet("close_ref");
        }
        p.lock("close_lockDevSet", Instr.LOCK, "devSet")
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
                .step("close_pmPut", Instr.PM_PUT);
        if (referenced) {
            p.step("close_refPut", Instr.PM_PUT);
        }
        return p.step("close_closeFd", Instr.CLOSE_FD)
                .lock("close_unlockDevSet", Instr.UNLOCK, "devSet").build();
    }
}
