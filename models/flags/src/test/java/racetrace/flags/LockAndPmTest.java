package racetrace.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import racetrace.engine.Execution;
import racetrace.engine.Outcome;
import racetrace.engine.Scenario;
import racetrace.engine.Schedule;
import racetrace.engine.Step;

class LockAndPmTest {

    private final FlagsModel model = VfioPciFamily.model("pre-c", Granularity.BYTE);

    @Test
    void aThreadWaitingForAHeldLockIsNotEnabled() {
        Scenario sc = Scenarios.of(0, "user", "lowPowerEntry(0)", "|", "user", "lowPowerExit");
        Execution<FlagsState> ex = Execution.run(model, sc, Schedule.of(0, 0, 1, 1, 1));
        FlagsState s = ex.stateAt(3);
        assertThat(FlagsProbe.owner(model, s, "memory")).isEqualTo(0);
        assertThat(FlagsProbe.pc(s, 1)).isEqualTo("lowPowerExit_lockMem");
        assertThat(model.enabled(s, 1)).isFalse();
        // Choices of the blocked thread fell through to the holder.
        assertThat(ex.steps().get(3).thread()).isZero();
        assertThat(ex.outcome()).isInstanceOf(Outcome.Completed.class);
    }

    @Test
    void rwsemReadersShareAndKeepAWriterOut() {
        Scenario sc = Scenarios.of(1, "user", "mmapFault", "|", "user", "mmapFault", "|", "pm", "suspend(0)");
        Execution<FlagsState> ex = Execution.run(model, sc, Schedule.of(0, 1, 2, 2));
        assertThat(ex.steps()).extracting(Step::label).startsWith("mmapFault_lockMemRead", "mmapFault_lockMemRead",
                "suspend_begin");
        FlagsState s = ex.stateAt(3);
        assertThat(model.variables(s).get("readers")).isEqualTo(Set.of(1, 2));
        assertThat(FlagsProbe.rpmStatus(s)).isEqualTo("suspending");
        assertThat(FlagsProbe.pc(s, 2)).isEqualTo("suspend_lockMem");
        assertThat(model.enabled(s, 2)).isFalse();
        assertThat(ex.steps().get(3).thread()).isNotEqualTo(2);
        assertThat(ex.outcome()).isInstanceOf(Outcome.Completed.class);
    }

    @Test
    void suspendDoesNotStartWhileAUsageReferenceIsHeld() {
        Scenario open = Scenarios.of(0, "pm", "suspend(1)");
        Execution<FlagsState> ex = Execution.run(model, open, Schedule.empty());
        assertThat(ex.steps()).extracting(Step::label).containsExactly("suspend_begin");
        assertThat(FlagsProbe.bit(model, ex.stateAt(1), "pm_intx_masked")).isFalse();
        assertThat(FlagsProbe.rpmStatus(ex.stateAt(1))).isEqualTo("active");

        // In low power (usage 0) a config access that took its reference first keeps suspend out.
        Scenario lowPower = Scenarios.of(1, "user", "cfgBar", "|", "pm", "suspend(1)");
        Execution<FlagsState> held = Execution.run(model, lowPower, Schedule.of(0, 1));
        assertThat(held.steps().get(1).label()).isEqualTo("suspend_begin");
        assertThat(model.finished(held.stateAt(2), 1)).isTrue();
        assertThat(FlagsProbe.rpmStatus(held.stateAt(2))).isEqualTo("active");
    }

    @Test
    void aReferenceTakerWaitsForASuspendInFlightThenResumes() {
        Scenario sc = Scenarios.of(1, "user", "cfgBar", "|", "pm", "suspend(1)");
        Execution<FlagsState> ex = Execution.run(model, sc, Schedule.of(1, 0, 0, 0, 0));
        FlagsState s = ex.stateAt(1);
        assertThat(FlagsProbe.rpmStatus(s)).isEqualTo("suspending");
        assertThat(model.enabled(s, 0)).isFalse();
        assertThat(ex.steps()).extracting(Step::label).containsSubsequence("suspend_end", "cfgBar_pmGet",
                "cfgBar_resLockMem", "cfgBar_resWakeTest", "cfgBar_resEngTest", "cfgBar_resEng_store",
                "cfgBar_resGetNoresume", "cfgBar_resUnlockMem", "cfgBar_resEnd", "cfgBar_bardirty_load");
        FlagsState end = ex.stateAt(ex.steps().size());
        assertThat(ex.outcome()).isInstanceOf(Outcome.Completed.class);
        // The wake eventfd made the resume leave low power: the entry's dropped reference is back.
        assertThat(FlagsProbe.bit(model, end, "pm_runtime_engaged")).isFalse();
        assertThat(FlagsProbe.bit(model, end, "pm_intx_masked")).isTrue();
        assertThat(FlagsProbe.usage(end)).isEqualTo(1);
        assertThat(FlagsProbe.rpmStatus(end)).isEqualTo("active");
    }

    @Test
    void closeWaitsForEverySyscallOnTheFd() {
        Scenario sc = Scenarios.of(0, "user", "cfgBar", "|", "closer", "close(1)");
        Execution<FlagsState> ex = Execution.run(model, sc, Schedule.of(0, 1, 1, 1));
        assertThat(model.enabled(ex.stateAt(1), 1)).isFalse();
        assertThat(ex.steps()).extracting(Step::label).startsWith("cfgBar_pmGet", "cfgBar_bardirty_load",
                "cfgBar_bardirty_modify", "cfgBar_bardirty_store", "cfgBar_pmPut", "close_release");
        FlagsState end = ex.stateAt(ex.steps().size());
        assertThat(model.variables(end).get("open")).isEqualTo(0);
        assertThat(FlagsProbe.usage(end)).isZero();
        assertThat(FlagsProbe.bit(model, end, "needs_reset")).isFalse();
    }

    @Test
    void aPeersTryResetSkipsWhileOurDeviceIsOpen() {
        Execution<FlagsState> open = Execution.run(model, Scenarios.of(0, "peer", "peerClose"), Schedule.empty());
        assertThat(open.steps()).extracting(Step::label).containsExactly("peerClose_lockDevSet",
                "peerClose_openTest", "peerClose_unlockDevSet");
        Execution<FlagsState> closed = Execution.run(model, Scenarios.of(2, "peer", "peerClose"), Schedule.empty());
        assertThat(closed.steps()).extracting(Step::label).contains("peerClose_nr_load", "peerClose_nr_store");
    }
}
