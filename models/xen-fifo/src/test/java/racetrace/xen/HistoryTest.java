package racetrace.xen;

import static org.assertj.core.api.Assertions.assertThat;
import static racetrace.xen.Coverage.xen;
import static racetrace.xen.XenTestSupport.config;

import java.util.List;
import org.junit.jupiter.api.Test;
import racetrace.engine.Op;
import racetrace.engine.Scenario;
import racetrace.engine.ThreadScript;

/**
 * Every version history says is broken is broken in the model under the callers of its own era,
 * with callers that era had, and today's code is not: each check is an exhaustive search of one
 * scenario. (Sanity checks of the model, not data for the search.)
 */
class HistoryTest {

    private static final int MAX = 3_000_000;

    private static ThreadScript guest() {
        return ThreadScript.of(XenFifoModel.GUEST, Op.of("upcall"));
    }

    /** A send, the unmask hypercall and a priority change, one guest (the old-tail bugs; race D). */
    private static Scenario priorityMove(XenFifoModel m) {
        return new Scenario(config(m, 1, 2, 1, 0, 0, 1, 0), List.of(xen(Op.of("send", 1)),
                xen(Op.of("setPriority", 1, 0), Op.of("unmask", 1)),
                ThreadScript.of(XenFifoModel.GUEST, Op.of("upcall"), Op.of("upcall"))));
    }

    /** bind_vcpu then a send on one CPU, the unmask hypercall on another, both vCPUs' guests (race A). */
    private static Scenario tornRead(XenFifoModel m) {
        return new Scenario(config(m, 2, 2, 1, 0, 0, 1, 0), List.of(xen(Op.of("bindVcpu", 1, 1), Op.of("send", 1)),
                xen(Op.of("unmask", 1)), guest(), guest()));
    }

    /** A send and the unmask hypercall on a fresh port, one guest (e1's stale read, race E). */
    private static Scenario staleRead(XenFifoModel m) {
        return new Scenario(config(m, 1, 2, 1, 0, 0, 1, 0), List.of(xen(Op.of("send", 1)), xen(Op.of("unmask", 1)),
                guest()));
    }

    private static void broken(XenVersion v, Scenario sc, String invariant) {
        XenFifoModel m = new XenFifoModel(v);
        assertThat(XenTestSupport.reaches(m, sc, invariant, MAX)).as("%s under %s: %s", v.id(), m.callers().id(),
                invariant).isTrue();
    }

    @Test
    void theOldTailBugsIn2013() {
        for (XenVersion v : List.of(XenVersion.A0, XenVersion.A)) {
            broken(v, priorityMove(new XenFifoModel(v)), "TailIsLast");
        }
    }

    @Test
    void theTornLastQueueFrom2013To2020() {
        broken(XenVersion.B, tornRead(new XenFifoModel(XenVersion.B)), "NoSelfLink");
        broken(XenVersion.C, tornRead(new XenFifoModel(XenVersion.C)), "NoSelfLink");
        broken(XenVersion.D, tornRead(new XenFifoModel(XenVersion.D)), "NoSelfLink");
        broken(XenVersion.D1, tornRead(new XenFifoModel(XenVersion.D1)), "NoSelfLink");
    }

    @Test
    void raceDInDAndInFix1() {
        broken(XenVersion.D, priorityMove(new XenFifoModel(XenVersion.D)), "LastQueueCorrect");
        broken(XenVersion.FIX1, priorityMove(new XenFifoModel(XenVersion.FIX1)), "LastQueueCorrect");
        // d1 records the queue it used: no race D
        XenFifoModel d1 = new XenFifoModel(XenVersion.D1);
        assertThat(XenTestSupport.reaches(d1, priorityMove(d1), "LastQueueCorrect", MAX)).isFalse();
    }

    @Test
    void theStaleReadIn2020() {
        broken(XenVersion.E1, staleRead(new XenFifoModel(XenVersion.E1)), "NoSelfLink");
    }

    @Test
    void todaysCodeHoldsOnAllOfThem() {
        XenFifoModel e2 = new XenFifoModel(XenVersion.E2);
        for (Scenario sc : List.of(priorityMove(e2), tornRead(e2), staleRead(e2))) {
            assertThat(XenTestSupport.anyViolation(e2, sc, MAX)).as(sc.toString()).isNull();
        }
    }
}
