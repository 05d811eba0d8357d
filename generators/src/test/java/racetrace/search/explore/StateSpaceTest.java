package racetrace.search.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import racetrace.engine.Config;
import racetrace.engine.Execution;
import racetrace.engine.LostIncrementModel;
import racetrace.engine.Op;
import racetrace.engine.Outcome;
import racetrace.engine.Scenario;
import racetrace.engine.ThreadScript;
import racetrace.search.Case;

/** The explorer and the minimal search against brute force on the toy model. */
class StateSpaceTest {

    static Stream<Arguments> scenarios() {
        List<Arguments> out = new ArrayList<>();
        String[][] scripts = {{"inc"}, {"inc", "inc"}, {"incTwice"}, {"inc", "incTwice"}};
        for (boolean locked : new boolean[] {false, true}) {
            for (int threads = 1; threads <= 3; threads++) {
                for (String[] s : scripts) {
                    if (threads == 3 && s.length > 1) {
                        continue;
                    }
                    List<ThreadScript> ts = new ArrayList<>();
                    for (int t = 0; t < threads; t++) {
                        String[] mine = t == 1 ? new String[] {"incTwice"} : s;
                        ts.add(new ThreadScript("cpu", Stream.of(mine).map(Op::of).toList()));
                    }
                    out.add(Arguments.of(locked, new Scenario(new Config(java.util.Map.of("start", 1)), ts)));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void countsEveryReachableStateOnceAndFindsTheShortestViolation(boolean locked, Scenario scenario) {
        LostIncrementModel model = new LostIncrementModel(locked);
        BruteForce<LostIncrementModel.State> brute = BruteForce.of(model, scenario, "NoLostIncrement");

        Exploration x = StateSpace.explore(model, scenario, Limits.defaults());
        assertThat(x.complete()).isTrue();
        assertThat(x.distinctStates()).isEqualTo(brute.states.size());
        if (brute.fewestSteps == Integer.MAX_VALUE) {
            assertThat(x.violations()).isEmpty();
        } else {
            Case c = x.violations().get("NoLostIncrement");
            Execution<?> ex = c.run();
            assertThat(ex.outcome()).isInstanceOf(Outcome.Violated.class);
            assertThat(ex.outcome().steps()).isEqualTo(brute.fewestSteps);
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void minimalSearchFindsTheFewestPreemptionsThenSteps(boolean locked, Scenario scenario) {
        LostIncrementModel model = new LostIncrementModel(locked);
        BruteForce<LostIncrementModel.State> brute = BruteForce.of(model, scenario, "NoLostIncrement");

        MinimalSearch.Result r = MinimalSearch.search(model, scenario, "NoLostIncrement", Limits.defaults());
        assertThat(r.proven()).isTrue();
        if (brute.bestPreemptions == Integer.MAX_VALUE) {
            assertThat(r.found()).isNull();
        } else {
            assertThat(r.preemptions()).isEqualTo(brute.bestPreemptions);
            assertThat(r.steps()).isEqualTo(brute.bestStepsAtBestPreemptions);
            Execution<?> ex = r.found().run();
            assertThat(ex.outcome()).isInstanceOf(Outcome.Violated.class);
            assertThat(ex.measure().preemptions()).isEqualTo(brute.bestPreemptions);
            assertThat(ex.measure().steps()).isEqualTo(brute.bestStepsAtBestPreemptions);
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void aStateCapStopsTheSearchAndSaysSo(boolean locked, Scenario scenario) {
        Exploration x = StateSpace.explore(new LostIncrementModel(locked), scenario, Limits.states(3));
        assertThat(x.distinctStates()).isLessThanOrEqualTo(3);
        if (!x.complete()) {
            assertThat(x.stopReason()).contains("state cap 3");
        }
    }
}
