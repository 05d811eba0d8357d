package racetrace.properties;

import java.util.Map;
import net.jqwik.api.Group;
import racetrace.engine.Model;
import racetrace.engine.Models;
import racetrace.property.Found;
import racetrace.property.RaceProperties;

/**
 * Property suites over every mlx5 instance; {@link Found} records what jqwik found and
 * shrank (seed 20261123, 1500 tries) when the suite was written; unmarked instances held.
 */
class Mlx5Properties {
    @Group
    @Found(invariant = "NoLostUpdate", threads = 2, ops = 2, preemptions = 1, steps = 14)
    class PreByte extends RaceProperties {
        @Override
        protected Model<?> model() {
            return Models.create("mlx5", "pre", Map.of("granularity", "byte"));
        }
    }
    @Group
    @Found(invariant = "NoLostUpdate", threads = 2, ops = 2, preemptions = 1, steps = 14)
    class PreLocation extends RaceProperties {
        @Override
        protected Model<?> model() {
            return Models.create("mlx5", "pre", Map.of("granularity", "location"));
        }
    }
    @Group
    @Found(invariant = "NoLostUpdate", threads = 2, ops = 2, preemptions = 1, steps = 14)
    class V2Byte extends RaceProperties {
        @Override
        protected Model<?> model() {
            return Models.create("mlx5", "v2", Map.of("granularity", "byte"));
        }
    }
    @Group
    @Found(invariant = "NoLostUpdate", threads = 2, ops = 2, preemptions = 1, steps = 14)
    class V2Location extends RaceProperties {
        @Override
        protected Model<?> model() {
            return Models.create("mlx5", "v2", Map.of("granularity", "location"));
        }
    }
    @Group
    class MergedByte extends RaceProperties {
        @Override
        protected Model<?> model() {
            return Models.create("mlx5", "merged", Map.of("granularity", "byte"));
        }
    }
    @Group
    class MergedLocation extends RaceProperties {
        @Override
        protected Model<?> model() {
            return Models.create("mlx5", "merged", Map.of("granularity", "location"));
        }
    }

}
