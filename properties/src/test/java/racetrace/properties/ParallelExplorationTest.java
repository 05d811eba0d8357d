package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import racetrace.engine.Model;
import racetrace.engine.Models;
import racetrace.engine.Scenario;
import racetrace.search.ScheduleString;
import racetrace.search.explore.Exploration;
import racetrace.search.explore.Limits;
import racetrace.search.explore.StateSpace;

/** The explorer on two threads numbers, counts and finds exactly what it does on one. */
class ParallelExplorationTest {

    // Without callers' locks, so the two CPUs' sends overlap as they did when this was written.
    private static final String D1 = "rt1:xen-fifo:d1:callers=none:2.%s:vcpus=2,prios=2,ports=2,masked=0,oldTail=0,"
            + "guest=1,unmaskForm=0:xen-cpu/bindVcpu.2.1+send.1,xen-cpu/send.2+send.1,guest/upcall,guest/upcall,"
            + "guest-unmask/unmask.2:-";

    @Test
    void sameStatesInTheSameOrderWithTheSameCases() {
        Scenario s = scenario();
        Model<?> m = Models.create("xen-fifo", "d1", Map.of("callers", "none"));
        for (long cap : new long[] {150_000, 37_123}) {
            List<Long> one = new ArrayList<>();
            List<Long> two = new ArrayList<>();
            Exploration a = explore(m, s, Limits.states(cap), one);
            Exploration b = explore(m, s, Limits.states(cap).withWorkers(2), two);
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

    private static Scenario scenario() {
        Model<?> m = Models.create("xen-fifo", "d1", Map.of("callers", "none"));
        return ScheduleString.decode(String.format(D1, ScheduleString.hash(m))).scenario();
    }

    private static <S> Exploration explore(Model<S> m, Scenario s, Limits limits, List<Long> order) {
        return StateSpace.explore(m, s, null, limits, false, st -> order.add(m.fingerprint(st)));
    }
}
