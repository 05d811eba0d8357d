package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racetrace.conform.ScenarioStateCounts;
import racetrace.engine.ForwardingModel;
import racetrace.engine.Model;
import racetrace.engine.Models;
import racetrace.engine.Scenario;
import racetrace.tlc.StateCounts;

/**
 * Conformance the other way round: on the small coverage scenarios of every version (under its own
 * callers, and one without callers' locks), the exhaustive search of the Java model and TLC's
 * breadth-first search of XenFifo.tla count the same distinct states; and when they do not, the
 * comparison names a state one side has and the other lacks.
 */
class XenStateCountTest {

    /** Coverage scenarios up to this many states (the two smallest of each version). */
    private static final long SMALL = 1_500;

    @BeforeEach
    void tlcEnabled() {
        assumeFalse(Boolean.getBoolean("racetrace.tlc.skip"), "TLC runs skipped (-Dracetrace.tlc.skip=true)");
    }

    @Test
    void javaAndTlcCountTheSameStatesOnSmallCoverageScenariosOfEveryVersion(@TempDir Path dir) {
        List<Model<?>> instances = new ArrayList<>();
        for (String v : Models.family("xen-fifo").variants()) {
            instances.add(Models.create("xen-fifo", v, Map.of()));
        }
        instances.add(Models.create("xen-fifo", "d1", Map.of("callers", "none")));
        List<Model<?>> models = new ArrayList<>();
        List<Scenario> scenarios = new ArrayList<>();
        for (Model<?> m : instances) {
            for (Scenario sc : m.coverageScenarios()) {
                models.add(m);
                scenarios.add(sc);
            }
        }
        // One TLC run counts every scenario's states.
        List<StateCounts.Comparison> all = ScenarioStateCounts.compare(models, scenarios, dir, Duration.ofMinutes(10),
                SMALL);
        List<String> unequal = new ArrayList<>();
        int compared = 0;
        for (int i = 0; i < all.size(); i++) {
            StateCounts.Comparison c = all.get(i);
            if (ScenarioStateCounts.tooLarge(c)) {
                continue; // a larger scenario: racetrace conform --states compares it
            }
            compared++;
            System.out.println("state count " + models.get(i).instance() + " " + c.scenario().threads() + ": "
                    + ScenarioStateCounts.describe(c));
            if (!c.equal()) {
                unequal.add(ScenarioStateCounts.describe(c));
            }
        }
        assertThat(unequal).isEmpty();
        assertThat(compared).isGreaterThanOrEqualTo(2 * instances.size());
    }

    @Test
    void aStateOnlyTheSpecReachesIsNamed(@TempDir Path dir) {
        @SuppressWarnings("unchecked")
        Model<Object> e2 = (Model<Object>) Models.create("xen-fifo", "e2", Map.of());
        Scenario sc = e2.coverageScenarios().get(0); // the rogue scribbling on a tail
        // A model that never lets the rogue write: the spec's rogue states are missing from it.
        Model<Object> noRogue = new Lame(e2);
        StateCounts.Comparison c = ScenarioStateCounts.compare(List.of(noRogue), List.of(sc), dir,
                Duration.ofMinutes(5), SMALL).get(0);
        assertThat(c.equal()).isFalse();
        assertThat(c.javaStates()).isLessThan(c.tlcStates());
        assertThat(c.difference()).startsWith("TLC reaches a state Java does not").contains("R |-> TRUE");
    }

    /** The e2 model with the rogue guest's thread (the last one) never enabled. */
    private static final class Lame extends ForwardingModel<Object> {

        Lame(Model<Object> m) {
            super(m);
        }

        @Override
        public boolean enabled(Object s, int t) {
            return !scribbles(s, t) && inner.enabled(s, t);
        }

        @Override
        public boolean finished(Object s, int t) {
            return inner.finished(s, t) || scribbles(s, t);
        }

        private boolean scribbles(Object s, int t) {
            return String.valueOf(((List<?>) inner.variables(s).get("pc")).get(t)).equals("R1_scribble");
        }
    }
}
