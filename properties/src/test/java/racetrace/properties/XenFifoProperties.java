package racetrace.properties;

import java.util.Map;
import net.jqwik.api.Group;
import racetrace.engine.Model;
import racetrace.engine.Models;
import racetrace.property.Found;
import racetrace.property.RaceProperties;

/**
 * Property suites over every xen-fifo version under the callers of its own era; {@link Found}
 * records what jqwik found and shrank (seed 20261123, 1500 tries) when the suite was written;
 * unmarked instances held.
 */
class XenFifoProperties {
    @Group
    @Found(invariant = "TailIsLast", threads = 1, ops = 2, preemptions = 0, steps = 12)
    class A0 extends RaceProperties {
        @Override
        protected Model<?> model() {
            return Models.create("xen-fifo", "a0", Map.of());
        }
    }
    @Group
    @Found(invariant = "TailIsLast", threads = 1, ops = 2, preemptions = 0, steps = 12)
    class A extends RaceProperties {
        @Override
        protected Model<?> model() {
            return Models.create("xen-fifo", "a", Map.of());
        }
    }
    @Group
    @Found(invariant = "LastQueueCorrect", threads = 2, ops = 2, preemptions = 1, steps = 24)
    class B extends RaceProperties {
        @Override
        protected Model<?> model() {
            return Models.create("xen-fifo", "b", Map.of());
        }
    }
    @Group
    @Found(invariant = "LastQueueCorrect", threads = 2, ops = 2, preemptions = 1, steps = 26)
    class C extends RaceProperties {
        @Override
        protected Model<?> model() {
            return Models.create("xen-fifo", "c", Map.of());
        }
    }
    @Group
    @Found(invariant = "LastQueueCorrect", threads = 2, ops = 2, preemptions = 1, steps = 24)
    class Fix1 extends RaceProperties {
        @Override
        protected Model<?> model() {
            return Models.create("xen-fifo", "fix1", Map.of());
        }
    }
    @Group
    @Found(invariant = "LastQueueCorrect", threads = 2, ops = 2, preemptions = 1, steps = 26)
    class D extends RaceProperties {
        @Override
        protected Model<?> model() {
            return Models.create("xen-fifo", "d", Map.of());
        }
    }
    @Group
    class D1 extends RaceProperties {
        @Override
        protected Model<?> model() {
            return Models.create("xen-fifo", "d1", Map.of());
        }
    }
    @Group
    @Found(invariant = "NoSelfLink", threads = 4, ops = 4, preemptions = 1, steps = 46)
    class E1 extends RaceProperties {
        @Override
        protected Model<?> model() {
            return Models.create("xen-fifo", "e1", Map.of());
        }
    }
    @Group
    class E2 extends RaceProperties {
        @Override
        protected Model<?> model() {
            return Models.create("xen-fifo", "e2", Map.of());
        }
    }
}
