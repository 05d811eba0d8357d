package racetrace.xen;

import static org.assertj.core.api.Assertions.assertThat;
import static racetrace.xen.XenTestSupport.config;

import java.util.List;
import org.junit.jupiter.api.Test;
import racetrace.engine.Execution;
import racetrace.engine.Op;
import racetrace.engine.Outcome;
import racetrace.engine.Scenario;
import racetrace.engine.Schedule;
import racetrace.engine.ThreadScript;

/**
 * Sanity checks of the model, not data for the search: the races the seed thread spells out are
 * reachable (bounded breadth-first search over all interleavings) in the version it discusses,
 * and the same scenarios are clean in today's code.
 */
class SeedRacesTest {

    private static final int MAX_STATES = 2_000_000;

    private static ThreadScript xen(Op... ops) {
        return ThreadScript.of(XenFifoModel.XEN_CPU, ops);
    }

    /** "CPU A writes last_vcpu, CPU B reads it and the old last_pri, locks the wrong queue, links the port to itself." */
    private static Scenario tornLastQueue() {
        return new Scenario(config(2, 2, 1, 0, 0, 0, 0),
                List.of(xen(Op.of("bindVcpu", 1, 1), Op.of("send", 1)), xen(Op.of("send", 1))));
    }

    /** "set_pending on one CPU, guest clear MASKED + test PENDING + EVTCHNOP_unmask on another: double link." */
    private static Scenario unmaskDoubleLink() {
        return new Scenario(config(1, 1, 2, 1, 0, 0, 0),
                List.of(xen(Op.of("send", 2), Op.of("send", 1)),
                        ThreadScript.of(XenFifoModel.GUEST_UNMASK, Op.of("unmask", 1))));
    }

    private static void assertReplaysTo(XenFifoModel m, Scenario sc, Schedule found, String invariant) {
        assertThat(found).as("%s reachable in %s", invariant, m.instance()).isNotNull();
        Execution<XenState> ex = Execution.run(m, sc, found);
        assertThat(ex.outcome()).isInstanceOf(Outcome.Violated.class);
        assertThat(ex.outcome().invariantOrNull()).isEqualTo(invariant);
    }

    @Test
    void tornLastQueueReadLinksAPortToItselfInPatchV5() {
        XenFifoModel b = new XenFifoModel(XenVersion.B);
        Schedule s = XenTestSupport.shortestViolation(b, tornLastQueue(), "NoSelfLink", MAX_STATES);
        assertReplaysTo(b, tornLastQueue(), s, "NoSelfLink");
    }

    @Test
    void concurrentUnmaskDoubleLinksInPatchV5() {
        XenFifoModel b = new XenFifoModel(XenVersion.B);
        Schedule s = XenTestSupport.shortestViolation(b, unmaskDoubleLink(), "Reachable", MAX_STATES);
        assertReplaysTo(b, unmaskDoubleLink(), s, "Reachable");
    }

    @Test
    void testAndSetLinkedClosesTheDoubleLink() {
        for (XenVersion v : List.of(XenVersion.C, XenVersion.D, XenVersion.D1, XenVersion.E1, XenVersion.E2)) {
            assertThat(XenTestSupport.anyViolation(new XenFifoModel(v), unmaskDoubleLink(), MAX_STATES))
                    .as(v.id()).isNull();
        }
    }

    @Test
    void todaysCodeIsCleanOnBothSeedScenarios() {
        XenFifoModel e2 = new XenFifoModel(XenVersion.E2);
        assertThat(XenTestSupport.anyViolation(e2, tornLastQueue(), MAX_STATES)).isNull();
        assertThat(XenTestSupport.anyViolation(e2, unmaskDoubleLink(), MAX_STATES)).isNull();
    }

    @Test
    void staleLastQueueReadIsReachableInE1ButNotE2() {
        Scenario sc = new Scenario(config(1, 2, 1, 0, 0, 1, 0),
                List.of(xen(Op.of("send", 1)), xen(Op.of("send", 1)),
                        ThreadScript.of(XenFifoModel.GUEST, Op.of("upcall"))));
        XenFifoModel e1 = new XenFifoModel(XenVersion.E1);
        assertThat(XenTestSupport.anyViolation(e1, sc, MAX_STATES)).isNotNull();
        assertThat(XenTestSupport.anyViolation(new XenFifoModel(XenVersion.E2), sc, MAX_STATES)).isNull();
    }
}
