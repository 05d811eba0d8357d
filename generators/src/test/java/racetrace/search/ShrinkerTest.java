package racetrace.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import racetrace.engine.LostIncrementModel;
import racetrace.engine.Measure;
import racetrace.engine.Outcome;
import racetrace.engine.Schedule;

class ShrinkerTest {

    private static Case firstFailure(LostIncrementModel model, long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 10_000; i++) {
            Case c = RandomCases.draw(model, 64, random);
            if (c.check(null).outcome().isViolation()) {
                return c;
            }
        }
        throw new AssertionError("no failure found");
    }

    @Test
    void shrinksALostIncrementToTwoThreadsOnePreemption() {
        LostIncrementModel model = new LostIncrementModel(false);
        for (long seed = 1; seed <= 10; seed++) {
            Case failing = firstFailure(model, seed);
            Shrinker.Result r = Shrinker.shrink(failing, "NoLostIncrement");
            // load A, load B, store B, store A (or the mirror): one preemption, four steps.
            assertThat(r.measure()).isEqualTo(new Measure(2, 2, 1, 4));
            assertThat(r.shrunk().run().outcome()).isEqualTo(new Outcome.Violated("NoLostIncrement", 4));
            assertThat(r.shrunk().scenario().config().get("start")).isZero();
        }
    }

    @Test
    void shrinkingIsDeterministic() {
        LostIncrementModel model = new LostIncrementModel(false);
        Case failing = firstFailure(model, 7);
        assertThat(Shrinker.shrink(failing, "NoLostIncrement").shrunk().toString())
                .isEqualTo(Shrinker.shrink(failing, "NoLostIncrement").shrunk().toString());
    }

    @Test
    void candidatesAreValidScenarios() {
        LostIncrementModel model = new LostIncrementModel(false);
        Random random = new Random(3);
        for (int i = 0; i < 200; i++) {
            Case c = RandomCases.draw(model, 20, random);
            Candidates.of(c).limit(200).forEach(k -> model.space().validate(k.scenario()));
        }
    }

    @Test
    void droppingAThreadRenumbersTheSchedule() {
        assertThat(Candidates.withoutThread(Schedule.of(0, 1, 2, 1, 0), 1))
                .isEqualTo(Schedule.of(0, 1, 0));
    }
}
