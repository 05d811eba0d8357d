package racetrace.flags;

import static racetrace.flags.Instr.ARG;
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
 * {@code struct mlx5vf_pci_core_device} and {@code struct mlx5_vhca_page_tracker} flags and their
 * writers (notes §2.2, §4). See {@link Mlx5Family} for the contexts.
 */
final class Mlx5 extends FlagsDefinition {

    static final List<String> VARIANTS = List.of("pre", "v2", "merged");

    static final Assumption PROBE_WINDOW = Assumption.probeWindow(
            "a PF SR-IOV event may reach the VF while it probes: set_migratable stores the capability flags after "
                    + "the notifier is registered",
            "no PF SR-IOV event reaches the VF before its probe has stored the capability flags",
            "notes §4 migrate_cap row: the stores come after mlx5_sriov_blocking_notifier_register; whether the "
                    + "PF sends an event then is not stated");

    static final int PHASE_OPEN = 0;
    static final int PHASE_TRACKING = 1;
    static final int PHASE_PROBING = 2;

    Mlx5(FlagsFamily family, String variant, Layout layout, Granularity granularity, Map<String, String> assumed) {
        super(family, variant, layout, granularity, assumed);
    }

    @Override
    String lockName(String lock) {
        return switch (lock) {
            case "state" -> "state_mutex";
            case "reset" -> "reset_lock";
            default -> lock;
        };
    }

    @Override
    List<String> locks() {
        return List.of("state", "reset");
    }

    @Override
    List<Param> params() {
        return List.of(new Param("phase", 0, 2,
                "0 open and migration capable, 1 the same with dirty tracking running, 2 probing"));
    }

    @Override
    List<ActorKind> actors(Config config) {
        if (config.get("phase") == PHASE_PROBING) {
            return probeWindowOpen()
                    ? List.of(new ActorKind("probe", 1, 1, 1, 1), new ActorKind("pf", 0, 1, 1, 2))
                    : List.of(new ActorKind("probe", 1, 1, 1, 1));
        }
        return List.of(new ActorKind("user", 0, 2, 1, 2, true), new ActorKind("closer", 0, 1, 1, 1),
                new ActorKind("pf", 0, 1, 1, 2), new ActorKind("reset", 0, 1, 1, 2),
                new ActorKind("eq", 0, 1, 1, 2));
    }

    @Override
    List<Op> alphabet(Config config, String actor) {
        return switch (actor) {
            case "user" -> List.of(Op.of("startTracker"), Op.of("stopTracker"), Op.of("readAndClear", 0),
                    Op.of("readAndClear", 1));
            case "closer" -> List.of(Op.of("close"));
            case "probe" -> List.of(Op.of("probe"));
            case "pf" -> List.of(Op.of("vfEvent", 0), Op.of("vfEvent", 1));
            case "reset" -> List.of(Op.of("resetDone"));
            case "eq" -> List.of(Op.of("eqError"), Op.of("objChange"));
            default -> List.of();
        };
    }

    @Override
    Start start(Config config) {
        return switch (config.get("phase")) {
            case PHASE_OPEN -> new Start(Set.of("migrate_cap", "chunk_mode", "mig_state_cap"), 0, 1, false, false);
            case PHASE_TRACKING -> new Start(Set.of("migrate_cap", "chunk_mode", "mig_state_cap", "log_active"),
                    0, 1, false, true);
            default -> new Start(Set.of(), 0, 0, false, false);
        };
    }

    @Override
    String policyBase() {
        return "pre";
    }

    @Override
    boolean checksResetCleanup() {
        return true;
    }

    @Override
    Set<String> hiddenInTable() {
        return Set.of("ghost", "reg", "pc", "opIdx", "cur", "readers", "usage", "rpm", "wake", "open", "vfs");
    }

    @Override
    List<Writer> buildWriters() {
        List<String> state = List.of("state");
        List<Writer> w = new ArrayList<>();
        w.add(new Writer("migrate_cap", "probe_mc", Context.PROBE, "mlx5vf_cmd_set_migratable", "true", CONSTANT,
                List.of(), "-", null));
        w.add(new Writer("chunk_mode", "probe_chunk", Context.PROBE, "mlx5vf_cmd_set_migratable", "true", CONSTANT,
                List.of(), "-", null));
        w.add(new Writer("mig_state_cap", "probe_msc", Context.PROBE, "mlx5vf_cmd_set_migratable", "true", CONSTANT,
                List.of(), "-", null));
        w.add(new Writer("deferred_reset", "resetDone_dr", Context.RESET_DONE, "mlx5vf_pci_aer_reset_done", "true",
                CONSTANT, List.of("reset"), "-", null));
        w.add(new Writer("deferred_reset", "*_ulDr", Context.STATE_UNLOCK, "mlx5vf_state_mutex_unlock", "false",
                CONSTANT, List.of("state", "reset"), "-", null));
        w.add(new Writer("mdev_detach", "vfEvent_detach", Context.PF_NOTIFIER, "mlx5fv_vf_event",
                "true on DISABLE_VF, false on ENABLE_VF", CONSTANT, state, "-", null));
        w.add(new Writer("log_active", "startTracker_log", Context.IOCTL, "mlx5vf_start_page_tracker", "true",
                CONSTANT, state, "-", null));
        w.add(new Writer("log_active", "stopTracker_log", Context.IOCTL, "mlx5vf_stop_page_tracker", "false",
                CONSTANT, state, "-", null));
        w.add(new Writer("log_active", "vfEvent_cm_log", Context.PF_NOTIFIER,
                "_mlx5vf_free_page_tracker_resources <- mlx5vf_cmd_close_migratable", "false", CONSTANT, state, "-",
                null));
        w.add(new Writer("log_active", "close_log", Context.CLOSE,
                "_mlx5vf_free_page_tracker_resources <- mlx5vf_cmd_close_migratable", "false", CONSTANT, state, "-",
                null));
        w.add(new Writer("is_err", "vfEvent_cm_isErr", Context.PF_NOTIFIER,
                "set_tracker_error <- mlx5vf_cmd_close_migratable", "true", CONSTANT, List.of(), "-", null));
        w.add(new Writer("is_err", "close_isErr", Context.CLOSE, "set_tracker_error <- mlx5vf_cmd_close_migratable",
                "true", CONSTANT, List.of(), "-", null));
        w.add(new Writer("is_err", "eqError_isErr", Context.EQ_EVENT,
                "set_tracker_error <- mlx5vf_event_notifier / mlx5vf_cq_event", "true", CONSTANT, List.of(), "-",
                null));
        w.add(new Writer("is_err", "readAndClear_isErr", Context.IOCTL, "mlx5vf_tracker_read_and_clear", "true",
                CONSTANT, state, "-", null));
        w.add(new Writer("is_err", "startTracker_memset", Context.IOCTL, "mlx5vf_start_page_tracker (memset)",
                "false", CONSTANT, state, "-", null));
        w.add(new Writer("object_changed", "startTracker_memset", Context.IOCTL,
                "mlx5vf_start_page_tracker (memset)", "false", CONSTANT, state, "-", null));
        w.add(new Writer("object_changed", "objChange_oc", Context.EQ_EVENT,
                "set_tracker_change_event <- mlx5vf_event_notifier", "true", CONSTANT, List.of(), "-", null));
        w.add(new Writer("object_changed", "readAndClear_oc", Context.IOCTL, "mlx5vf_tracker_read_and_clear",
                "false", CONSTANT, state, "-", null));
        return w;
    }

    /**
     * {@code mlx5vf_state_mutex_unlock} (§4 deferred_reset row 2): under reset_lock, a set
     * deferred_reset is cleared and the cleanup runs outside reset_lock, then the check repeats;
     * otherwise state_mutex is released before reset_lock.
     */
    private static Prog stateUnlock(Prog p, String x) {
        return p.lock(x + "_ulLockReset", Instr.LOCK, "reset")
                .jumpIf(x + "_ulTest", "deferred_reset", 0, x + "_ulUnlockState")
                .write(x + "_ulDr", "deferred_reset", 0)
                .lock(x + "_ulUnlockReset", Instr.UNLOCK, "reset")
                .step(x + "_ulCleanup", Instr.CLEANUP).then(x + "_ulLockReset")
                .lock(x + "_ulUnlockState", Instr.UNLOCK, "state")
                .lock(x + "_ulUnlockReset2", Instr.UNLOCK, "reset");
    }

    /**
     * {@code mlx5vf_cmd_close_migratable} up to its unlock: set_tracker_error outside the lock
     * (§4 is_err row 1), then under state_mutex the tracker is freed (§4 log_active row).
     */
    private static Prog closeMigratable(Prog p, String x, String skipTo) {
        p.jumpIf(x + "_capTest", "migrate_cap", 0, skipTo)
                .write(x + "_isErr", "is_err", 1)
                .lock(x + "_lockState", Instr.LOCK, "state")
                .jumpIf(x + "_logTest", "log_active", 0, x + "_ulLockReset")
                .step(x + "_nbUnreg", Instr.NB_UNREGISTER)
                .write(x + "_log", "log_active", 0);
        return stateUnlock(p, x);
    }

    /**
     * Writers added from a file run as ioctls (the user actor; state_mutex released through
     * mlx5vf_state_mutex_unlock, as every holder does) or in an EQ/CQ event (the eq actor, delivered
     * only while the tracker's notifier is registered).
     */
    @Override
    Frame frame(Context context) {
        return switch (context) {
            case IOCTL -> new Frame("user", "syscall");
            case EQ_EVENT -> new Frame("eq", "event");
            default -> null;
        };
    }

    @Override
    void unlock(Prog p, String op, String lock) {
        if (lock.equals("state")) {
            stateUnlock(p, op);
        } else {
            super.unlock(p, op, lock);
        }
    }

    @Override
    Map<String, Instr[]> programs() {
        Map<String, Instr[]> m = new LinkedHashMap<>();
        // §4 log_active row, is_err row 3: DMA_LOGGING_START under state_mutex; the tracker is
        // zeroed with one plain store, the EQ notifier registered, then log_active set.
        Prog st = prog().lock("startTracker_lockState", Instr.LOCK, "state")
                .jumpIf("startTracker_logTest", "log_active", 1, "startTracker_ulLockReset")
                .jumpIf("startTracker_detachTest", "mdev_detach", 1, "startTracker_ulLockReset")
                .clear("startTracker_memset", "is_err", "object_changed")
                .step("startTracker_nbReg", Instr.NB_REGISTER)
                .write("startTracker_log", "log_active", 1);
        m.put("startTracker", stateUnlock(st, "startTracker").build());
        // §4 log_active row: DMA_LOGGING_STOP under state_mutex.
        Prog sp = prog().lock("stopTracker_lockState", Instr.LOCK, "state")
                .jumpIf("stopTracker_logTest", "log_active", 0, "stopTracker_ulLockReset")
                .step("stopTracker_nbUnreg", Instr.NB_UNREGISTER)
                .write("stopTracker_log", "log_active", 0);
        m.put("stopTracker", stateUnlock(sp, "stopTracker").build());
        // §4 is_err row 2, object_changed row 2: DMA_LOGGING_REPORT under state_mutex; arg 1: the
        // device reports the tracker in error state.
        Prog rc = prog().lock("readAndClear_lockState", Instr.LOCK, "state")
                .jumpIf("readAndClear_logTest", "log_active", 0, "readAndClear_ulLockReset")
                .jumpIf("readAndClear_errTest", "is_err", 1, "readAndClear_ulLockReset")
                .jumpIf("readAndClear_ocTest", "object_changed", 0, "readAndClear_argTest")
                .write("readAndClear_oc", "object_changed", 0)
                .jump("readAndClear_argTest", Instr.JUMP_IF_ARG, 0, "readAndClear_ulLockReset")
                .write("readAndClear_isErr", "is_err", 1);
        m.put("readAndClear", stateUnlock(rc, "readAndClear").build());
        // §4 mdev_detach row: the PF's SR-IOV notifier; arg 1 = DISABLE_VF (close_migratable first),
        // arg 0 = ENABLE_VF.
        Prog ve = prog().jump("vfEvent_argTest", Instr.JUMP_IF_ARG, 0, "vfEvent_lockState");
        closeMigratable(ve, "vfEvent_cm", "vfEvent_lockState")
                .lock("vfEvent_lockState", Instr.LOCK, "state")
                .write("vfEvent_detach", "mdev_detach", ARG);
        m.put("vfEvent", stateUnlock(ve, "vfEvent").build());
        // Close of the fd after every syscall returned: close_migratable.
        Prog cl = prog().step("close_release", Instr.AWAIT_USERS);
        m.put("close", closeMigratable(cl, "close", Prog.END).build());
        // §4 deferred_reset row 1: reset_done sets the flag under reset_lock, then trylocks
        // state_mutex; on failure the holder's unlock path does the cleanup.
        Prog rd = prog().jumpIf("resetDone_capTest", "migrate_cap", 0, Prog.END)
                .lock("resetDone_lockReset", Instr.LOCK, "reset")
                .write("resetDone_dr", "deferred_reset", 1, true)
                .tryLock("resetDone_trylockState", "state", "resetDone_failUnlockReset")
                .lock("resetDone_unlockReset", Instr.UNLOCK, "reset");
        stateUnlock(rd, "resetDone").then(Prog.END)
                .lock("resetDone_failUnlockReset", Instr.UNLOCK, "reset");
        m.put("resetDone", rd.build());
        // §4 is_err row 1 / object_changed row 1: EQ/CQ event context, no lock; delivered only
        // while the tracker's notifier is registered (unregister waits for callbacks in flight).
        m.put("eqError", prog().step("eqError_enter", Instr.NB_ENTER)
                .write("eqError_isErr", "is_err", 1)
                .step("eqError_exit", Instr.NB_EXIT).build());
        m.put("objChange", prog().step("objChange_enter", Instr.NB_ENTER)
                .write("objChange_oc", "object_changed", 1)
                .step("objChange_exit", Instr.NB_EXIT).build());
        // §4 migrate_cap/chunk_mode/mig_state_cap rows: probe, after the PF notifier is registered.
        m.put("probe", prog().write("probe_mc", "migrate_cap", 1)
                .write("probe_chunk", "chunk_mode", 1)
                .write("probe_msc", "mig_state_cap", 1).build());
        return m;
    }
}
