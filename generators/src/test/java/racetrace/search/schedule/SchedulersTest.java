package racetrace.search.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import racetrace.engine.Config;
import racetrace.engine.Execution;
import racetrace.engine.LostIncrementModel;
import racetrace.engine.Op;
import racetrace.engine.Outcome;
import racetrace.engine.Replay;
import racetrace.engine.Scenario;
import racetrace.engine.ThreadScript;

class SchedulersTest {

    static final Scenario THREE = new Scenario(new Config(Map.of("start", 0)), List.of(
            new ThreadScript("cpu", List.of(Op.of("incTwice"))),
            new ThreadScript("cpu", List.of(Op.of("incTwice"))),
            new ThreadScript("cpu", List.of(Op.of("incTwice")))));

    @Test
    void pctOfDepthOneRunsThreadsOneAfterAnotherInPriorityOrder() {
        LostIncrementModel model = new LostIncrementModel(false);
        for (int seed = 0; seed < 20; seed++) {
            Execution<?> ex = Execution.check(model, THREE, new Pct(3, 1, 12, new Random(seed)), List.of());
            assertThat(ex.preemptions()).isZero();
            assertThat(ex.outcome().steps()).isEqualTo(12);
        }
    }

    @Test
    void pctPreemptsAtMostOncePerChangePoint() {
        LostIncrementModel model = new LostIncrementModel(false);
        boolean preempted = false;
        for (int seed = 0; seed < 200; seed++) {
            Execution<?> ex = Execution.check(model, THREE, new Pct(3, 3, 12, new Random(seed)), List.of());
            assertThat(ex.preemptions()).isLessThanOrEqualTo(2);
            preempted |= ex.preemptions() > 0;
        }
        assertThat(preempted).isTrue();
        assertThat(Pct.bound(3, 12, 3)).isEqualTo(1.0 / (3 * 144));
    }

    @Test
    void uniformStopsPreemptingAfterItsPrefix() {
        LostIncrementModel model = new LostIncrementModel(true);
        for (int seed = 0; seed < 50; seed++) {
            Execution<?> ex = Execution.check(model, THREE, new UniformRandom(new Random(seed), 3), List.of());
            assertThat(ex.outcome()).isInstanceOf(Outcome.Completed.class);
            Execution<LostIncrementModel.State> full = Execution.run(model, THREE, ex.executed());
            int[] run = ex.executed().toArray();
            for (int i = 3; i < run.length; i++) {
                if (run[i] != run[i - 1]) {
                    // After the prefix a switch happens only when the running thread cannot step.
                    assertThat(model.enabled(full.stateAt(i), run[i - 1])).isFalse();
                }
            }
        }
    }

    @Test
    void aRandomRunReplaysToTheSameTrace() {
        LostIncrementModel model = new LostIncrementModel(false);
        for (int seed = 0; seed < 50; seed++) {
            Execution<?> a = Execution.check(model, THREE, new Pct(3, 4, 12, new Random(seed)), List.of());
            Execution<?> b = Execution.check(model, THREE, new Replay(a.executed()), List.of());
            assertThat(b.executed()).isEqualTo(a.executed());
            assertThat(b.measure()).isEqualTo(a.measure());
        }
    }
}
