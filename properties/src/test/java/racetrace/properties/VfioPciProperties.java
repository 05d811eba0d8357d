package racetrace.properties;

import java.util.Map;
import net.jqwik.api.Group;
import racetrace.engine.Model;
import racetrace.engine.Models;
import racetrace.property.Found;
import racetrace.property.RaceProperties;

/**
 * Property suites over every vfio-pci instance; {@link Found} records what jqwik found and
 * shrank (seed 20261123, 1500 tries) when the suite was written; unmarked instances held.
 */
class VfioPciProperties {
    @Group
    @Found(invariant = "NoLostUpdate", threads = 2, ops = 2, preemptions = 2, steps = 12)
    class PreAByte extends RaceProperties {
        @Override
        protected Model<?> model() {
            return Models.create("vfio-pci", "pre-a", Map.of("granularity", "byte"));
        }
    }
    @Group
    @Found(invariant = "NoLostUpdate", threads = 2, ops = 2, preemptions = 1, steps = 12)
    class PreALocation extends RaceProperties {
        @Override
        protected Model<?> model() {
            return Models.create("vfio-pci", "pre-a", Map.of("granularity", "location"));
        }
    }
    @Group
    @Found(invariant = "NoLostUpdate", threads = 2, ops = 2, preemptions = 1, steps = 12)
    class PreBByte extends RaceProperties {
        @Override
        protected Model<?> model() {
            return Models.create("vfio-pci", "pre-b", Map.of("granularity", "byte"));
        }
    }
    @Group
    @Found(invariant = "NoLostUpdate", threads = 2, ops = 2, preemptions = 2, steps = 14)
    class PreBLocation extends RaceProperties {
        @Override
        protected Model<?> model() {
            return Models.create("vfio-pci", "pre-b", Map.of("granularity", "location"));
        }
    }
    @Group
    @Found(invariant = "NoLostUpdate", threads = 2, ops = 2, preemptions = 1, steps = 12)
    class PreCByte extends RaceProperties {
        @Override
        protected Model<?> model() {
            return Models.create("vfio-pci", "pre-c", Map.of("granularity", "byte"));
        }
    }
    @Group
    @Found(invariant = "NoLostUpdate", threads = 2, ops = 2, preemptions = 2, steps = 13)
    class PreCLocation extends RaceProperties {
        @Override
        protected Model<?> model() {
            return Models.create("vfio-pci", "pre-c", Map.of("granularity", "location"));
        }
    }
    @Group
    @Found(invariant = "NoLostUpdate", threads = 2, ops = 2, preemptions = 1, steps = 13)
    class V2Byte extends RaceProperties {
        @Override
        protected Model<?> model() {
            return Models.create("vfio-pci", "v2", Map.of("granularity", "byte"));
        }
    }
    @Group
    @Found(invariant = "NoLostUpdate", threads = 2, ops = 2, preemptions = 1, steps = 13)
    class V2Location extends RaceProperties {
        @Override
        protected Model<?> model() {
            return Models.create("vfio-pci", "v2", Map.of("granularity", "location"));
        }
    }
    @Group
    class MergedByte extends RaceProperties {
        @Override
        protected Model<?> model() {
            return Models.create("vfio-pci", "merged", Map.of("granularity", "byte"));
        }
    }
    @Group
    class MergedLocation extends RaceProperties {
        @Override
        protected Model<?> model() {
            return Models.create("vfio-pci", "merged", Map.of("granularity", "location"));
        }
    }

}
