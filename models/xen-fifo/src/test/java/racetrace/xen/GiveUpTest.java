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
 * The designed give-ups are reached by actors that can cause them, under each version's own
 * callers, reported (a notice, the ghost {@code dropped}) and counted; the invariants excuse
 * what they lose, and the ghost {@code owed} sees what e2's give-up loses with PENDING clear.
 */
class GiveUpTest {

    /** Two sends, the second appended after port 1, while a rogue guest scribbles on port 1's word. */
    private static Scenario rogueOnTheTail(XenFifoModel m) {
        return new Scenario(config(m, 1, 1, 2, 0, 0, 0, 0), List.of(xen(Op.of("send", 1), Op.of("send", 2)),
                ThreadScript.of("guest-rogue", Op.of("scribble", 1))));
    }

    @Test
    void aRogueGuestMakesSetLinkGiveUpInEveryBusyVersion() {
        for (XenVersion v : XenVersion.values()) {
            XenFifoModel m = new XenFifoModel(v);
            XenTestSupport.Survey s = XenTestSupport.survey(m, rogueOnTheTail(m), 100_000);
            System.out.printf("xen-fifo/%s[callers=%s] rogue on the tail: %d states, give-ups %s%n", v.id(),
                    m.callers().id(), s.states(), s.giveUps());
            assertThat(s.violated()).as(v.id()).isEmpty();
            if (v == XenVersion.A0) {
                assertThat(s.giveUps()).as("a0's set_link retries without bound").isEmpty();
            } else {
                assertThat(s.giveUps()).as(v.id()).containsOnlyKeys("set_link").allSatisfy((k, n) -> assertThat(n)
                        .isPositive());
            }
        }
    }

    @Test
    void e2GivesUpUnderThreePriorityChangesAndTheGhostSeesTheEventLostWithPendingClear() {
        XenFifoModel e2 = new XenFifoModel(XenVersion.E2);
        Scenario sc = new Scenario(config(e2, 1, 2, 1, 0, 0, 0, 0), List.of(xen(Op.of("send", 1)),
                xen(Op.of("setPriority", 1, 0), Op.of("setPriority", 1, 1), Op.of("setPriority", 1, 0))));
        XenTestSupport.Survey s = XenTestSupport.survey(e2, sc, 100_000);
        System.out.printf("xen-fifo/e2 three priority changes: %d states, give-ups %s%n", s.states(), s.giveUps());
        assertThat(s.giveUps()).containsOnlyKeys("set_pending");
        assertThat(s.violated()).isEmpty();
        // An end state: the event raised (owed), never delivered, PENDING clear; dropped, so excused.
        assertThat(s.all()).anySatisfy(st -> {
            assertThat(e2.invariants().stream().filter(i -> i.name().equals("Quiescent"))).allMatch(i -> i.holds(st));
            for (int t = 0; t < 2; t++) {
                assertThat(e2.finished(st, t)).isTrue();
            }
            assertThat(st.m[st.u.owed] & 2).isNotZero();
            assertThat(st.pending(1)).isFalse();
            assertThat(st.m[st.u.dropped] & 2).isNotZero();
        });
    }

    @Test
    void withoutTheExcuseNoLostEventWouldFail() {
        XenFifoModel e2 = new XenFifoModel(XenVersion.E2);
        Scenario sc = new Scenario(config(e2, 1, 2, 1, 0, 0, 0, 0), List.of(xen(Op.of("send", 1)),
                xen(Op.of("setPriority", 1, 0), Op.of("setPriority", 1, 1), Op.of("setPriority", 1, 0))));
        var noLost = e2.invariants().stream().filter(i -> i.name().equals("NoLostEvent")).findFirst().orElseThrow();
        XenTestSupport.Survey s = XenTestSupport.survey(e2, sc, 100_000);
        boolean seen = false;
        for (XenState st : s.all()) {
            if ((st.m[st.u.dropped] & 2) != 0 && e2.finished(st, 0) && e2.finished(st, 1)) {
                int[] m = st.m.clone();
                m[st.u.dropped] = 0; // the same state had the give-up not been reported
                XenState unreported = new XenState(st.u, m);
                assertThat(noLost.holds(unreported)).isFalse();
                seen = true;
            }
        }
        assertThat(seen).isTrue();
    }
}
