package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import racetrace.engine.Fingerprint;
import racetrace.engine.ForwardingModel;
import racetrace.engine.Model;
import racetrace.engine.Models;
import racetrace.engine.Scenario;
import racetrace.search.Resealed;
import racetrace.search.ScenarioGenerator;
import racetrace.search.ScheduleString;
import racetrace.search.explore.Limits;
import racetrace.search.explore.StateSpace;
import racetrace.tlc.StateCounts;

/**
 * The Java explorer and TLC's BFS reach the same states, one by one, on small scenarios of every
 * bundled model; and a model that reports a state the spec cannot reach is caught, with the state.
 */
class StateSpaceConformanceTest {

    static Stream<Arguments> instances() {
        return Stream.of(
                Arguments.of("vfio-pci", "pre-a", Map.of("granularity", "location"), 11L),
                Arguments.of("vfio-pci", "merged", Map.of("granularity", "byte"), 12L),
                Arguments.of("mlx5", "pre", Map.of("granularity", "byte"), 13L),
                Arguments.of("xen-fifo", "a0", Map.of(), 14L),
                Arguments.of("xen-fifo", "b", Map.of(), 15L),
                Arguments.of("xen-fifo", "d1", Map.of(), 16L),
                Arguments.of("xen-fifo", "e2", Map.of(), 17L));
    }

    @ParameterizedTest
    @MethodSource("instances")
    void javaAndTlcReachTheSameStates(String model, String variant, Map<String, String> options, long seed,
            @TempDir Path dir) {
        assumeFalse(Boolean.getBoolean("racetrace.tlc.skip"), "TLC runs skipped (-Dracetrace.tlc.skip=true)");
        Model<?> m = Models.create(model, variant, options);
        // A small random scenario (one op per thread keeps each TLC run to seconds) where
        // something happens: the first from the seed with at least 20 states.
        Random random = new Random(seed);
        Scenario s = ScenarioGenerator.generate(m.space(), random, 1);
        while (StateSpace.explore(m, s, Limits.states(20))
                .complete()) {
            s = ScenarioGenerator.generate(m.space(), random, 1);
        }
        StateCounts.Comparison c = StateCounts.compare(m, s, dir, Duration.ofMinutes(5), 1_000_000);
        assertThat(c.tlc().verdict().isFailure()).as(c.tlc().summary()).isFalse();
        assertThat(c.difference()).as(m.instance() + " " + s).isNull();
        assertThat(c.javaStates()).isEqualTo(c.tlcStates()).isGreaterThan(1);
        assertThat(c.equal()).isTrue();
    }

    @Test
    void aStateTheSpecCannotReachIsNamed(@TempDir Path dir) {
        assumeFalse(Boolean.getBoolean("racetrace.tlc.skip"), "TLC runs skipped (-Dracetrace.tlc.skip=true)");
        // Two config-space writers: the usage count goes 1, 2, 3 along the way.
        Scenario s = ScheduleString.decode(Resealed.of(
                "rt2:vfio-pci:pre-a:granularity=location:1.6b7ebaa4:phase=0:user/cfgCmd.1,user/cfgBar:11000000001:-"))
                .scenario();
        Model<?> real = Models.create("vfio-pci", "pre-a", Map.of("granularity", "location"));
        Model<?> lying = Misreporting.of(real);
        StateCounts.Comparison c = StateCounts.compare(lying, s, dir, Duration.ofMinutes(5), 1_000_000);
        assertThat(c.equal()).isFalse();
        assertThat(c.difference()).contains("Java reaches a state TLC does not", "usage |-> 9");
    }

    /** A model that reports usage 9 wherever the real one has usage 3: states the spec never has. */
    static final class Misreporting<S> extends ForwardingModel<S> {

        private Misreporting(Model<S> inner) {
            super(inner);
        }

        static <S> Misreporting<S> of(Model<S> inner) {
            return new Misreporting<>(inner);
        }

        @Override
        public Map<String, Object> variables(S state) {
            Map<String, Object> v = new LinkedHashMap<>(inner.variables(state));
            if (Integer.valueOf(3).equals(v.get("usage"))) {
                v.put("usage", 9);
            }
            return v;
        }

        @Override
        public long fingerprint(S state) {
            return Fingerprint.of(variables(state));
        }
    }
}
