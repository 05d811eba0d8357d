package racetrace.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import racetrace.engine.Execution;
import racetrace.engine.Invariant;
import racetrace.engine.Outcome;
import racetrace.engine.Scenario;
import racetrace.engine.Schedule;
import racetrace.engine.Step;

class Mlx5HandoffTest {

    @Test
    void aResetWhileStateMutexIsHeldIsCleanedUpByTheHoldersUnlock() {
        FlagsModel model = Mlx5Family.model("merged", Granularity.BYTE);
        Scenario sc = Scenarios.of(0, "user", "stopTracker", "|", "reset", "resetDone");
        Execution<FlagsState> ex = Execution.run(model, sc, Schedule.of(0, 1, 1, 1, 1, 1));
        assertThat(ex.steps()).extracting(Step::label).startsWith("stopTracker_lockState", "resetDone_capTest",
                "resetDone_lockReset", "resetDone_dr_store", "resetDone_trylockState", "resetDone_failUnlockReset");
        assertThat(FlagsProbe.resetPending(ex.stateAt(6))).isTrue();
        assertThat(model.finished(ex.stateAt(6), 1)).isTrue();
        assertThat(ex.steps()).extracting(Step::label).containsSubsequence("stopTracker_ulTest", "stopTracker_ulDr_store",
                "stopTracker_ulUnlockReset", "stopTracker_ulCleanup", "stopTracker_ulLockReset", "stopTracker_ulTest",
                "stopTracker_ulUnlockState", "stopTracker_ulUnlockReset2");
        assertThat(ex.outcome()).isInstanceOf(Outcome.Completed.class);
        assertThat(FlagsProbe.resetPending(ex.stateAt(ex.steps().size()))).isFalse();
    }

    @Test
    void anUncontendedResetRunsItsOwnCleanup() {
        FlagsModel model = Mlx5Family.model("pre", Granularity.BYTE);
        Execution<FlagsState> ex = Execution.run(model, Scenarios.of(0, "reset", "resetDone"), Schedule.empty());
        assertThat(ex.steps()).extracting(Step::label).contains("resetDone_unlockReset", "resetDone_ulCleanup")
                .doesNotContain("resetDone_failUnlockReset");
        assertThat(ex.outcome()).isInstanceOf(Outcome.Completed.class);
    }

    @Test
    void aLostDeferredResetMeansTheCleanupNeverRuns() {
        FlagsModel model = Mlx5Family.model("pre", Granularity.BYTE);
        Scenario sc = Scenarios.of(0, "user", "startTracker", "|", "reset", "resetDone");
        // startTracker loads the device byte for log_active; reset_done sets deferred_reset in it,
        // fails the trylock and leaves; the stale store of log_active drops the flag.
        Schedule s = Schedule.of(0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1);
        Execution<FlagsState> ex = Execution.run(model, sc, s);
        assertThat(ex.steps().get(5).label()).isEqualTo("startTracker_log_load");
        assertThat(ex.steps().get(12).label()).isEqualTo("resetDone_failUnlockReset");
        assertThat(ex.outcome()).isEqualTo(new Outcome.Violated(FlagsModel.NO_LOST_UPDATE, 15));

        List<Invariant<FlagsState>> cleanupOnly = model.invariants().stream()
                .filter(i -> i.name().equals(FlagsModel.RESET_CLEANUP_RUNS)).toList();
        Execution<FlagsState> toEnd = Execution.run(model, sc, s, cleanupOnly, true, Execution.DEFAULT_STEP_LIMIT);
        assertThat(toEnd.outcome().invariantOrNull()).isEqualTo(FlagsModel.RESET_CLEANUP_RUNS);
        assertThat(toEnd.steps()).extracting(Step::label).doesNotContain("startTracker_ulCleanup");

        FlagsModel merged = Mlx5Family.model("merged", Granularity.BYTE);
        assertThat(Execution.run(merged, sc, s).outcome()).isInstanceOf(Outcome.Completed.class);
    }

    @Test
    void eventsAreDeliveredOnlyWhileTheNotifierIsRegistered() {
        FlagsModel model = Mlx5Family.model("pre", Granularity.LOCATION);
        Execution<FlagsState> off = Execution.run(model, Scenarios.of(0, "eq", "eqError"), Schedule.empty());
        assertThat(off.steps()).extracting(Step::label).containsExactly("eqError_enter");
        Execution<FlagsState> on = Execution.run(model, Scenarios.of(1, "eq", "objChange"), Schedule.empty());
        assertThat(on.steps()).extracting(Step::label).containsExactly("objChange_enter", "objChange_oc_load",
                "objChange_oc_modify", "objChange_oc_store", "objChange_exit");
        // Unregistering waits for a callback in flight.
        Scenario sc = Scenarios.of(1, "user", "stopTracker", "|", "eq", "eqError");
        Execution<FlagsState> ex = Execution.run(model, sc, Schedule.of(1, 0, 0, 0));
        assertThat(FlagsProbe.pc(ex.stateAt(3), 0)).isEqualTo("stopTracker_nbUnreg");
        assertThat(model.enabled(ex.stateAt(3), 0)).isFalse();
    }
}
