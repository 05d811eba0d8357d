package racetrace.xen;

import static org.assertj.core.api.Assertions.assertThat;
import static racetrace.xen.Coverage.xen;
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
 * with the callers it names ("called from evtchn_fifo_unmask() ... only the local event lock is
 * held which is different than the lock used for interdomain ... events"), and the same
 * scenarios are clean in today's code.
 */
class SeedRacesTest {

    private static final int MAX_STATES = 2_000_000;

    /** "CPU A writes last_vcpu, CPU B reads it and the old last_pri, locks the wrong queue, links the port to itself." */
    private static Scenario tornLastQueue(XenFifoModel m) {
        return new Scenario(config(m, 2, 2, 1, 0, 0, 0, 0),
                List.of(xen(Op.of("bindVcpu", 1, 1), Op.of("send", 1)), xen(Op.of("unmask", 1))));
    }

    /** The same with a second interdomain send instead of the unmask hypercall. */
    private static Scenario tornLastQueueTwoSends(XenFifoModel m) {
        return new Scenario(config(m, 2, 2, 1, 0, 0, 0, 0),
                List.of(xen(Op.of("bindVcpu", 1, 1), Op.of("send", 1)), xen(Op.of("send", 1))));
    }

    /** "set_pending on one CPU, guest clear MASKED + test PENDING + EVTCHNOP_unmask on another: double link." */
    private static Scenario unmaskDoubleLink(XenFifoModel m) {
        return new Scenario(config(m, 1, 1, 2, 1, 0, 0, 0),
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
    void tornLastQueueReadLinksAPortToItselfInPatchV5WithTheSeedsCallers() {
        XenFifoModel b = new XenFifoModel(XenVersion.B);
        assertThat(b.callers()).isEqualTo(Callers.E2013);
        Schedule s = XenTestSupport.shortestViolation(b, tornLastQueue(b), "NoSelfLink", MAX_STATES);
        assertReplaysTo(b, tornLastQueue(b), s, "NoSelfLink");
    }

    @Test
    void twoInterdomainSendsOfOnePortDoNotOverlapIn2013ButDoWithoutCallerLocks() {
        // bind_vcpu (the guest's event_lock) still races the send (race D), but no self link
        XenFifoModel b = new XenFifoModel(XenVersion.B);
        assertThat(XenTestSupport.reaches(b, tornLastQueueTwoSends(b), "NoSelfLink", MAX_STATES)).isFalse();
        assertThat(XenTestSupport.reaches(b, tornLastQueueTwoSends(b), "LastQueueCorrect", MAX_STATES)).isTrue();
        XenFifoModel none = new XenFifoModel(XenVersion.B, Callers.NONE);
        Schedule s = XenTestSupport.shortestViolation(none, tornLastQueueTwoSends(none), "NoSelfLink", MAX_STATES);
        assertReplaysTo(none, tornLastQueueTwoSends(none), s, "NoSelfLink");
    }

    @Test
    void concurrentUnmaskDoubleLinksInPatchV5() {
        XenFifoModel b = new XenFifoModel(XenVersion.B);
        Schedule s = XenTestSupport.shortestViolation(b, unmaskDoubleLink(b), "Reachable", MAX_STATES);
        assertReplaysTo(b, unmaskDoubleLink(b), s, "Reachable");
    }

    @Test
    void testAndSetLinkedOrTheEventLockClosesTheDoubleLink() {
        for (XenVersion v : List.of(XenVersion.C, XenVersion.FIX1, XenVersion.D, XenVersion.D1, XenVersion.E1,
                XenVersion.E2)) {
            XenFifoModel m = new XenFifoModel(v);
            assertThat(XenTestSupport.anyViolation(m, unmaskDoubleLink(m), MAX_STATES)).as(v.id()).isNull();
        }
    }

    @Test
    void fix1SerialisesTheTornReadAwayButFix2DoesNot() {
        XenFifoModel fix1 = new XenFifoModel(XenVersion.FIX1);
        assertThat(XenTestSupport.anyViolation(fix1, tornLastQueue(fix1), MAX_STATES)).isNull();
        XenFifoModel c = new XenFifoModel(XenVersion.C);
        Scenario sc = new Scenario(config(c, 2, 2, 1, 0, 0, 1, 0),
                List.of(xen(Op.of("bindVcpu", 1, 1), Op.of("send", 1)), xen(Op.of("unmask", 1)),
                        ThreadScript.of(XenFifoModel.GUEST, Op.of("upcall")),
                        ThreadScript.of(XenFifoModel.GUEST, Op.of("upcall"))));
        Schedule s = XenTestSupport.shortestViolation(c, sc, "NoSelfLink", MAX_STATES);
        assertReplaysTo(c, sc, s, "NoSelfLink");
    }

    @Test
    void todaysCodeIsCleanOnBothSeedScenarios() {
        XenFifoModel e2 = new XenFifoModel(XenVersion.E2);
        assertThat(XenTestSupport.anyViolation(e2, tornLastQueue(e2), MAX_STATES)).isNull();
        assertThat(XenTestSupport.anyViolation(e2, unmaskDoubleLink(e2), MAX_STATES)).isNull();
    }

    @Test
    void staleLastQueueReadIsReachableInE1ButNotE2() {
        XenFifoModel e1 = new XenFifoModel(XenVersion.E1);
        Scenario sc = new Scenario(config(e1, 1, 2, 1, 0, 0, 1, 0),
                List.of(xen(Op.of("send", 1)), xen(Op.of("send", 1)),
                        ThreadScript.of(XenFifoModel.GUEST, Op.of("upcall"))));
        assertThat(XenTestSupport.anyViolation(e1, sc, MAX_STATES)).isNotNull();
        assertThat(XenTestSupport.anyViolation(new XenFifoModel(XenVersion.E2), sc, MAX_STATES)).isNull();
    }
}
