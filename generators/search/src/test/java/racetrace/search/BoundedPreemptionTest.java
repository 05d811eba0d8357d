package racetrace.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import racetrace.engine.Config;
import racetrace.engine.Execution;
import racetrace.engine.LostIncrementModel;
import racetrace.engine.Op;
import racetrace.engine.Outcome;
import racetrace.engine.Scenario;
import racetrace.engine.ThreadScript;

class BoundedPreemptionTest {

    private static final Scenario TWO = new Scenario(new Config(Map.of("start", 0)),
            List.of(ThreadScript.of("cpu", Op.of("inc")), ThreadScript.of("cpu", Op.of("inc"))));

    @Test
    void noPreemptionFindsNothingOnePreemptionFindsTheLostIncrement() {
        LostIncrementModel racy = new LostIncrementModel(false);
        BoundedPreemption.Result none = BoundedPreemption.explore(racy, TWO, 0, 1_000);
        assertThat(none.violating()).isNull();
        assertThat(none.schedules()).isEqualTo(2);
        BoundedPreemption.Result one = BoundedPreemption.explore(racy, TWO, 1, 1_000);
        assertThat(one.invariant()).isEqualTo("NoLostIncrement");
        Execution<?> ex = Execution.run(racy, TWO, one.violating());
        assertThat(ex.outcome()).isEqualTo(new Outcome.Violated("NoLostIncrement", 4));
        assertThat(ex.preemptions()).isEqualTo(1);
    }

    @Test
    void theLockedCounterHoldsForEverySchedule() {
        BoundedPreemption.Result r = BoundedPreemption.explore(new LostIncrementModel(true), TWO, 10, 100_000);
        assertThat(r.violating()).isNull();
        assertThat(r.truncated()).isFalse();
        // The lock leaves only the order in which threads take it: 2 schedules for 2 threads, 6 for 3.
        assertThat(r.schedules()).isEqualTo(2);
        Scenario three = new Scenario(new Config(Map.of("start", 0)), List.of(ThreadScript.of("cpu", Op.of("inc")),
                ThreadScript.of("cpu", Op.of("inc")), ThreadScript.of("cpu", Op.of("inc"))));
        assertThat(BoundedPreemption.explore(new LostIncrementModel(true), three, 10, 100_000).schedules()).isEqualTo(6);
    }
}
