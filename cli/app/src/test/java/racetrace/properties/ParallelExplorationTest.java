package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import racetrace.engine.Config;
import racetrace.engine.Model;
import racetrace.engine.Models;
import racetrace.engine.Scenario;
import racetrace.engine.ThreadScript;
import racetrace.search.ScheduleString;
import racetrace.search.explore.Exploration;
import racetrace.search.explore.Limits;
import racetrace.search.explore.StateSpace;

/** The explorer on two or three threads numbers, counts and finds exactly what it does on one. */
class ParallelExplorationTest {

    // Without callers' locks, so the two CPUs' sends overlap: a space of a few hundred thousand states.
    private static final String[] THREADS = {"xen-cpu/bindVcpu.2.1+send.1", "xen-cpu/send.2+send.1", "guest/upcall",
        "guest/upcall", "guest-unmask/unmask.2"};

    @Test
    void sameStatesInTheSameOrderWithTheSameCases() {
        Scenario s = scenario();
        Model<?> m = Models.create("xen-fifo", "d1", Map.of("callers", "none"));
        // Three workers too: each owner then merges more than two outboxes by key.
        for (long cap : new long[] {150_000, 37_123}) {
            List<Long> one = new ArrayList<>();
            Exploration a = explore(m, s, Limits.states(cap), one);
            for (int workers : new int[] {2, 3}) {
                List<Long> two = new ArrayList<>();
                Exploration b = explore(m, s, Limits.states(cap).withWorkers(workers), two);
                assertThat(b.distinctStates()).isEqualTo(a.distinctStates());
                assertThat(b.transitions()).isEqualTo(a.transitions());
                assertThat(b.depth()).isEqualTo(a.depth());
                assertThat(b.complete()).isEqualTo(a.complete());
                assertThat(b.deadlocks()).isEqualTo(a.deadlocks());
                assertThat(b.notices()).isEqualTo(a.notices());
                assertThat(b.violations()).isEqualTo(a.violations());
                assertThat(two).isEqualTo(one);
            }
        }
    }

    private static Scenario scenario() {
        Map<String, Integer> config = new LinkedHashMap<>();
        config.put("vcpus", 2);
        config.put("prios", 2);
        config.put("ports", 2);
        config.put("masked", 0);
        config.put("oldTail", 0);
        config.put("guest", 1);
        config.put("unmaskForm", 0);
        List<ThreadScript> threads = new ArrayList<>();
        for (String t : THREADS) {
            threads.add(ScheduleString.parseThread(t));
        }
        return new Scenario(new Config(config), threads);
    }

    private static <S> Exploration explore(Model<S> m, Scenario s, Limits limits, List<Long> order) {
        return StateSpace.explore(m, s, null, limits, false, st -> order.add(m.fingerprint(st)));
    }
}
