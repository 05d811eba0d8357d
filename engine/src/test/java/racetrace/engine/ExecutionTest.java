package racetrace.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutionTest {

    private static Scenario twoIncrements() {
        return new Scenario(new Config(Map.of("start", 0)),
                List.of(ThreadScript.of("cpu", Op.of("inc")), ThreadScript.of("cpu", Op.of("inc"))));
    }

    @Test
    void interleavedLoadsLoseAnIncrement() {
        Execution<LostIncrementModel.State> ex = Execution.run(new LostIncrementModel(false), twoIncrements(),
                Schedule.of(0, 1, 0, 1));
        assertThat(ex.outcome()).isEqualTo(new Outcome.Violated("NoLostIncrement", 4));
        assertThat(ex.steps()).extracting(Step::label).containsExactly("load", "load", "store", "store");
        assertThat(ex.measure()).isEqualTo(new Measure(2, 2, 2, 4));
    }

    @Test
    void emptyScheduleRunsThreadsOneAfterTheOther() {
        Execution<LostIncrementModel.State> ex = Execution.run(new LostIncrementModel(false), twoIncrements(),
                Schedule.empty());
        assertThat(ex.outcome()).isEqualTo(new Outcome.Completed(4));
        assertThat(ex.executed()).isEqualTo(Schedule.of(0, 0, 1, 1));
        assertThat(ex.preemptions()).isZero();
    }

    @Test
    void choiceOfBlockedThreadFallsThroughToNextEnabled() {
        Execution<LostIncrementModel.State> ex = Execution.run(new LostIncrementModel(true), twoIncrements(),
                Schedule.of(0, 1, 1, 1, 7));
        // Thread 1 is blocked on the lock while thread 0 holds it: its choices fall to thread 0.
        assertThat(ex.outcome()).isEqualTo(new Outcome.Completed(6));
        assertThat(ex.executed()).isEqualTo(Schedule.of(0, 0, 0, 1, 1, 1));
        assertThat(ex.preemptions()).isZero();
    }

    @Test
    void sameInputsGiveTheSameTrace() {
        LostIncrementModel model = new LostIncrementModel(false);
        Execution<LostIncrementModel.State> a = Execution.run(model, twoIncrements(), Schedule.of(1, 0, 0, 1, 1));
        Execution<LostIncrementModel.State> b = Execution.run(model, twoIncrements(), Schedule.of(1, 0, 0, 1, 1));
        assertThat(a.executed()).isEqualTo(b.executed());
        assertThat(a.steps()).extracting(s -> model.variables(s.state()))
                .isEqualTo(b.steps().stream().map(s -> model.variables(s.state())).toList());
    }

    @Test
    void executedScheduleReplaysTheSameTrace() {
        LostIncrementModel model = new LostIncrementModel(false);
        Execution<LostIncrementModel.State> a = Execution.run(model, twoIncrements(), Schedule.of(5, 3, 9));
        Execution<LostIncrementModel.State> b = Execution.run(model, twoIncrements(), a.executed());
        assertThat(b.outcome()).isEqualTo(a.outcome());
        assertThat(b.executed()).isEqualTo(a.executed());
    }

    @Test
    void scenarioOutsideTheSpaceIsRefusedWithItsName() {
        Scenario bad = new Scenario(new Config(Map.of("start", 0)), List.of(ThreadScript.of("cpu", Op.of("dec"))));
        assertThatThrownBy(() -> Execution.run(new LostIncrementModel(false), bad, Schedule.empty()))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("op dec is not in the cpu alphabet");
    }

    @Test
    void deadlockIsItsOwnOutcome() {
        Model<Integer> stuck = new ToyModel<>("stuck", "v", new LostIncrementModel(false).space()) {
            @Override
            @SuppressWarnings("removal")
            public Integer initial(Scenario scenario) {
                return 0;
            }

            @Override
            public boolean enabled(Integer state, int thread) {
                return state == 0 && thread == 0;
            }

            @Override
            public boolean finished(Integer state, int thread) {
                return false;
            }

            @Override
            public Transition<Integer> step(Integer state, int thread) {
                return Transition.of(1, "grab");
            }

            @Override
            public List<Invariant<Integer>> invariants() {
                return List.of();
            }

            @Override
            public Map<String, Object> variables(Integer state) {
                return Map.of("x", state);
            }
        };
        Execution<Integer> ex = Execution.run(stuck, twoIncrements(), Schedule.empty());
        assertThat(ex.outcome()).isEqualTo(new Outcome.Deadlock(1, List.of(0, 1)));
    }
}
