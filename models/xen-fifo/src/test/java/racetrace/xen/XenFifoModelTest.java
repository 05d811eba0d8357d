package racetrace.xen;

import static org.assertj.core.api.Assertions.assertThat;
import static racetrace.xen.Coverage.guest;
import static racetrace.xen.Coverage.xen;
import static racetrace.xen.XenTestSupport.config;
import static racetrace.xen.XenTestSupport.none;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import racetrace.engine.Config;
import racetrace.engine.Execution;
import racetrace.engine.Model;
import racetrace.engine.ModelFamily;
import racetrace.engine.Models;
import racetrace.engine.Op;
import racetrace.engine.Outcome;
import racetrace.engine.RandomRuns;
import racetrace.engine.Scenario;
import racetrace.engine.Schedule;
import racetrace.engine.Step;
import racetrace.engine.Stepper;
import racetrace.engine.ThreadScript;

class XenFifoModelTest {

    private static XenFifoModel model(XenVersion v) {
        return new XenFifoModel(v);
    }

    private static ThreadScript unmasker(Op... ops) {
        return ThreadScript.of(XenFifoModel.GUEST_UNMASK, ops);
    }

    /** Ports whose event the guest acknowledged (G7_ackPending), in order. */
    /** The scenario's run with no preemption (each thread runs to the end in turn), which must complete. */
    private static Execution<XenState> completes(XenFifoModel m, Config config, ThreadScript... threads) {
        Execution<XenState> ex = Execution.run(m, new Scenario(config, List.of(threads)), Schedule.empty());
        assertThat(ex.outcome()).as("%s", ex.outcome()).isInstanceOf(Outcome.Completed.class);
        return ex;
    }

    private static List<Integer> delivered(Execution<XenState> ex) {
        List<Integer> out = new ArrayList<>();
        for (Step<XenState> s : ex.steps()) {
            if (s.label().equals("G7_ackPending")) {
                XenState before = ex.stateAt(s.index() - 1);
                out.add(before.reg(s.thread(), Reg.cur));
            }
        }
        return out;
    }

    @Test
    void familyIsRegisteredWithTheNineVersionsEachUnderItsOwnCallers() {
        ModelFamily f = Models.family("xen-fifo");
        assertThat(f.variants()).containsExactly("a0", "a", "b", "c", "fix1", "d", "d1", "e1", "e2");
        Model<?> m = Models.create("xen-fifo", "d1", Map.of());
        assertThat(m.instance().toString()).isEqualTo("xen-fifo/d1[callers=2020-09]");
        assertThat(m.tlaModule()).isEqualTo("XenFifo");
        assertThat(f.variants()).extracting(v -> f.defaultOption(v, "callers"))
                .containsExactly("2013", "2013", "2013", "2013", "2013", "2015", "2020-09", "2020-11", "2020-11");
        assertThat(Models.create("xen-fifo", "d", Map.of("callers", "none")).instance().toString())
                .isEqualTo("xen-fifo/d[callers=none]");
    }

    @Test
    void lastQueueCorrectOnlyWhereTheFieldsExist() {
        assertThat(model(XenVersion.A).invariants()).extracting(i -> i.name())
                .containsExactly("NoSelfLink", "Acyclic", "Reachable", "UniqueOccurrence", "TailIsLast",
                        "EmptyImpliesOldTail", "ReadyImpliesValidHead", "NoForeignDequeue", "Quiescent", "NoLostEvent");
        assertThat(model(XenVersion.B).invariants()).extracting(i -> i.name()).contains("LastQueueCorrect");
    }

    @ParameterizedTest
    @EnumSource(XenVersion.class)
    void sameScenarioAndScheduleGiveTheSameTrace(XenVersion v) {
        XenFifoModel m = model(v);
        Random r = new Random(42 + v.ordinal());
        for (int i = 0; i < 50; i++) {
            Scenario sc = XenTestSupport.randomScenario(m, r, 3);
            Schedule sch = RandomRuns.schedule(r, sc.threadCount(), 120);
            Execution<XenState> a = Execution.run(m, sc, sch);
            Execution<XenState> b = Execution.run(model(v), sc, sch);
            assertThat(b.outcome()).isEqualTo(a.outcome());
            assertThat(b.executed()).isEqualTo(a.executed());
            assertThat(b.steps()).extracting(s -> m.variables(s.state()).toString() + s.label())
                    .isEqualTo(a.steps().stream().map(s -> m.variables(s.state()).toString() + s.label()).toList());
        }
    }

    @ParameterizedTest
    @EnumSource(XenVersion.class)
    void randomSchedulesRunToAnEndWithoutDeadlock(XenVersion v) {
        XenFifoModel m = model(v);
        Random r = new Random(7 + v.ordinal());
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < 3000; i++) {
            Scenario sc = XenTestSupport.randomScenario(m, r, 3);
            Schedule sch = RandomRuns.schedule(r, sc.threadCount(), r.nextInt(200));
            Execution<XenState> ex = Execution.run(m, sc, sch);
            Outcome o = ex.outcome();
            assertThat(o).as("%s under %s", sc, sch).isNotInstanceOf(Outcome.Deadlock.class)
                    .isNotInstanceOf(Outcome.StepLimit.class);
            outcomes.merge(o instanceof Outcome.Violated vi ? vi.invariant() : o.getClass().getSimpleName(), 1,
                    Integer::sum);
        }
        System.out.println("xen-fifo/" + v.id() + " random outcomes: " + outcomes);
    }

    @Test
    void e2KeepsEveryInvariantUnderRandomSchedules() {
        XenFifoModel m = model(XenVersion.E2);
        Random r = new Random(2020);
        for (int i = 0; i < 8000; i++) {
            Scenario sc = XenTestSupport.randomScenario(m, r, 3);
            Schedule sch = RandomRuns.schedule(r, sc.threadCount(), r.nextInt(250));
            Execution<XenState> ex = Execution.run(m, sc, sch);
            assertThat(ex.outcome().isViolation()).as("%s under %s: %s", sc, sch, ex.outcome()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(XenVersion.class)
    void sequentialSendsAreDeliveredInOrder(XenVersion v) {
        XenFifoModel m = model(v);
        Execution<XenState> ex = completes(m, config(m, 1, 1, 2, 0, 0, 1, 0),
                xen(Op.of("send", 1), Op.of("send", 2)), guest(1));
        assertThat(delivered(ex)).containsExactly(1, 2);
        XenState end = ex.stateAt(ex.steps().size());
        for (int p = 1; p <= 2; p++) {
            assertThat(end.linked(p)).isFalse();
            assertThat(end.pending(p)).isFalse();
        }
        assertThat(end.ready(0)).isZero();
        assertThat(end.tail(0, 0)).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(XenVersion.class)
    void sendAfterConsumingReusesTheOldTail(XenVersion v) {
        XenFifoModel m = model(v);
        Execution<XenState> ex = completes(m, config(m, 1, 2, 2, 0, 1, 1, 0),
                xen(Op.of("send", 1), Op.of("send", 2), Op.of("send", 1)), guest(1));
        assertThat(delivered(ex)).containsExactly(1, 2);
    }

    @ParameterizedTest
    @EnumSource(XenVersion.class)
    void eventsFollowPriorityAndVcpuChanges(XenVersion v) {
        XenFifoModel m = model(v);
        Execution<XenState> ex = completes(m, config(m, 2, 2, 2, 0, 0, 1, 0),
                xen(Op.of("bindVcpu", 1, 1), Op.of("setPriority", 1, 0), Op.of("send", 1)), xen(Op.of("send", 2)),
                guest(1), guest(1));
        assertThat(delivered(ex)).containsExactlyInAnyOrder(1, 2);
        XenState end = ex.stateAt(ex.steps().size());
        assertThat(end.tail(1, 0)).isEqualTo(1);
        assertThat(end.tail(0, 1)).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(XenVersion.class)
    void maskedEventIsDeliveredAfterTheGuestUnmasks(XenVersion v) {
        for (int form = 0; form <= 1; form++) {
            XenFifoModel m = model(v);
            Execution<XenState> ex = completes(m, config(m, 1, 1, 1, 1, 0, 1, form),
                    xen(Op.of("send", 1)), guest(1), unmasker(Op.of("unmask", 1)));
            assertThat(delivered(ex)).containsExactly(1);
            assertThat(ex.steps()).extracting(Step::label).contains("X0_readNv", "XU1_clearMasked");
        }
    }

    @ParameterizedTest
    @EnumSource(XenVersion.class)
    void xenUnmaskRelinksAPendingMaskedEvent(XenVersion v) {
        XenFifoModel m = model(v);
        Execution<XenState> ex = completes(m, config(m, 1, 1, 1, 1, 0, 1, 0),
                xen(Op.of("send", 1), Op.of("unmask", 1)), guest(1));
        assertThat(delivered(ex)).containsExactly(1);
    }

    @Test
    void aSecondCpuBlocksOnTheQueueLock() {
        XenFifoModel m = new XenFifoModel(XenVersion.D, Callers.NONE);
        Scenario sc = new Scenario(config(m, 1, 1, 2, 0, 0, 0, 0),
                List.of(xen(Op.of("send", 1)), xen(Op.of("send", 2))));
        XenState s = Stepper.of(m, sc).initial();
        while (!s.pc(0).equals("D6_tasLinked")) {
            s = Stepper.of(m, sc).step(s, 0, 0).next();
        }
        assertThat(s.lockOwner(0, 0)).isEqualTo(1);
        while (m.enabled(s, 1)) {
            s = Stepper.of(m, sc).step(s, 1, 0).next();
        }
        assertThat(s.pc(1)).isEqualTo("L3_lockOldQ");
        assertThat(m.finished(s, 1)).isFalse();
        // A schedule that keeps choosing the blocked thread falls through to the lock holder.
        Execution<XenState> ex = Execution.run(m, sc, Schedule.of(0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1,
                1, 1, 1, 1, 1, 1, 1));
        assertThat(ex.outcome()).isInstanceOf(Outcome.Completed.class);
        int firstLock1 = -1;
        for (Step<XenState> st : ex.steps()) {
            if (st.thread() == 1 && st.label().equals("L3_lockOldQ")) {
                firstLock1 = st.index();
            }
        }
        int unlock0 = -1;
        for (Step<XenState> st : ex.steps()) {
            if (st.thread() == 0 && st.label().equals("D12_unlockQ")) {
                unlock0 = st.index();
            }
        }
        assertThat(firstLock1).isGreaterThan(unlock0);
    }

    /** Where thread 0, running alone, ended, and the notices of its steps ("label: notice"). */
    private record Alone(XenState end, List<String> notices) {
    }

    /** Runs thread 0 alone until it finishes (200 steps at most), {@code interfere} changing memory before each step. */
    private static Alone alone(XenFifoModel m, Scenario sc, UnaryOperator<XenState> interfere) {
        XenState s = Stepper.of(m, sc).initial();
        List<String> notices = new ArrayList<>();
        for (int i = 0; i < 200 && !m.finished(s, 0); i++) {
            s = interfere.apply(s);
            var tr = Stepper.of(m, sc).step(s, 0, 0);
            if (tr.notice() != null) {
                notices.add(tr.label() + ": " + tr.notice());
            }
            s = tr.next();
        }
        return new Alone(s, notices);
    }

    private static void assertEveryInvariantHolds(XenFifoModel m, XenState s) {
        for (var inv : m.invariants()) {
            assertThat(inv.holds(s)).as(inv.name()).isTrue();
        }
    }

    /** The state with memory word {@code offset} holding the other of 0 and 1. */
    private static XenState other(XenState s, int offset) {
        return with(s, offset, 1 - s.m[offset]);
    }

    /** The state with the bits {@code mask} of memory word {@code offset} flipped. */
    private static XenState flip(XenState s, int offset, int mask) {
        return with(s, offset, s.m[offset] ^ mask);
    }

    private static XenState with(XenState s, int offset, int value) {
        int[] m = s.m.clone();
        m[offset] = value;
        return new XenState(s.u, m);
    }

    @Test
    void lockOldQueueGivesUpAfterThreeTriesWithANotice() {
        for (XenVersion v : List.of(XenVersion.D, XenVersion.D1)) {
            XenFifoModel m = model(v);
            Scenario sc = new Scenario(config(m, 1, 2, 1, 0, 0, 0, 0), List.of(xen(Op.of("send", 1))));
            // another CPU moved the port's last queue meanwhile
            Alone run = alone(m, sc, s -> s.pc(0).equals("L4_rereadLastv") ? other(s, s.u.lastp + 1) : s);
            assertThat(run.notices()).singleElement().asString().startsWith("L7_unlockOldQ: lock_old_queue gave up");
            assertThat(run.end().pending(1)).isTrue();
            assertThat(run.end().linked(1)).isFalse();
            assertEveryInvariantHolds(m, run.end());
        }
    }

    @Test
    void e2GivesUpAfterThreeTriesWithoutSettingPending() {
        XenFifoModel m = model(XenVersion.E2);
        Scenario sc = new Scenario(config(m, 1, 2, 1, 0, 0, 0, 0), List.of(xen(Op.of("send", 1))));
        Alone run = alone(m, sc, s -> s.pc(0).equals("E1d_rereadPrio") ? other(s, s.u.prio + 1) : s);
        assertThat(run.notices()).singleElement().asString().startsWith("E1f_unlockQ: set_pending gave up");
        assertThat(run.end().pending(1)).isFalse();
        assertThat(run.end().ready(0)).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = XenVersion.class, names = {"A", "D", "E2"})
    void setLinkGivesUpAfterFourFailedAttemptsWithANotice(XenVersion v) {
        XenFifoModel m = model(v);
        Scenario sc = new Scenario(config(m, 1, 1, 2, 0, 0, 0, 0),
                List.of(xen(Op.of("send", 1), Op.of("send", 2))));
        // something else writes the tail word (port 1) before each CAS
        Alone run = alone(m, sc, s -> s.pc(0).equals("S3_cas") || s.pc(0).equals("S6_cas")
                ? flip(s, s.u.word + 1, Word.M) : s);
        XenState s = run.end();
        assertThat(run.notices()).containsExactly(
                "S7_clearBusy: set_link gave up after 4 failed attempts: port 2 not linked after tail 1");
        assertThat(s.linked(2)).isTrue();
        assertThat(s.link(1)).isZero();
        assertThat((s.word(1) & Word.B)).isZero();
        assertEveryInvariantHolds(m, s);
    }

    @Test
    void guestUnmaskWaitsWhileBusy() {
        XenFifoModel m = model(XenVersion.A);
        Scenario sc = new Scenario(config(m, 1, 1, 1, 1, 0, 0, 0),
                List.of(xen(Op.of("send", 1)), unmasker(Op.of("unmask", 1))));
        XenState s = Stepper.of(m, sc).initial();
        s = with(s, s.u.word + 1, s.word(1) | Word.B);
        assertThat(m.enabled(s, 1)).isFalse();
        s = with(s, s.u.word + 1, s.word(1) & ~Word.B);
        assertThat(m.enabled(s, 1)).isTrue();
    }

    @Test
    void variablesHaveTheSpecShape() {
        XenFifoModel m = model(XenVersion.E2);
        Scenario sc = new Scenario(config(m, 2, 2, 2, 1, 1, 1, 0),
                List.of(xen(Op.of("send", 1)), guest(1), guest(1), unmasker(Op.of("mask", 2))));
        Map<String, Object> vars = m.variables(Stepper.of(m, sc).initial());
        assertThat(vars.keySet()).containsExactlyElementsOf(XenFifoModel.VARIABLES);
        assertThat(vars.get("word").toString()).isEqualTo("[{P=false, M=true, L=false, B=false, R=false, LINK=0}, "
                + "{P=false, M=false, L=false, B=false, R=false, LINK=0}]");
        assertThat(vars.get("tail").toString()).isEqualTo("{0={0=0, 1=1}, 1={0=0, 1=0}}");
        assertThat(vars.get("pc").toString()).isEqualTo("[XL_lockCaller, G0_xchgReady, G0_xchgReady, U0_setMasked]");
        assertThat(vars.get("locks").toString()).isEqualTo("{dom=[], virq=[], remote=[[], []], chn=[[], []], evt=[[], []]}");
        assertThat(m.threadName(sc, 0)).isEqualTo("Xen CPU A: send(1)");
        assertThat(m.threadName(sc, 2)).isEqualTo("guest v1");
        assertThat(m.threadName(sc, 3)).isEqualTo("guest unmask");
        assertThat(m.hiddenInTable()).contains("pc", "port", "cur");
        Map<String, Object> k = m.tlaConstants(sc);
        assertThat(k).containsEntry("Version", "e2").containsEntry("NV", 2).containsEntry("OldTail", 1);
    }

    @Test
    void everyVersionHasItsOwnLabelsOnly() {
        Map<XenVersion, Set<String>> labels = new EnumMap<>(XenVersion.class);
        for (XenVersion v : XenVersion.values()) {
            XenFifoModel m = model(v);
            Random r = new Random(99);
            Set<String> seen = new TreeSet<>();
            for (int i = 0; i < 1500; i++) {
                Scenario sc = XenTestSupport.randomScenario(m, r, 3);
                Execution<XenState> ex = Execution.run(m, sc,
                        RandomRuns.schedule(r, sc.threadCount(), 100));
                ex.steps().forEach(s -> seen.add(s.label()));
            }
            labels.put(v, seen);
        }
        assertThat(labels.get(XenVersion.A0)).contains("SL1_readTail", "A11_tasReady")
                .noneMatch(l -> l.startsWith("S") && !l.startsWith("SL") || l.startsWith("D") || l.startsWith("E"));
        assertThat(labels.get(XenVersion.B)).contains("B8_setLinked", "B10b_writeLastp")
                .noneMatch(l -> l.startsWith("L") || l.startsWith("D"));
        assertThat(labels.get(XenVersion.C)).contains("L5_rereadLastp", "C8_tasLinked");
        assertThat(labels.get(XenVersion.D)).contains("D8a_readNv", "L4_rereadLastv").doesNotContain("D8_writeLastq");
        assertThat(labels.get(XenVersion.D1)).contains("D8a_writeLastv").doesNotContain("D8a_readNv", "D8b_readPrio");
        assertThat(labels.get(XenVersion.E1)).contains("L1_readLastq", "D8_writeLastq")
                .doesNotContain("L4_rereadLastv", "L7_unlockOldQ");
        assertThat(labels.get(XenVersion.E2)).contains("E1c_lockFirst", "E5b_writeLastq")
                .noneMatch(l -> l.startsWith("D") || l.startsWith("L"));
    }

    @Test
    void configParamsAreSimplestFirst() {
        XenFifoModel m = model(XenVersion.E2);
        Config c = config(2, 2, 2, 0, 0, 1, 0);
        assertThat(m.space().alphabet(c, XenFifoModel.XEN_CPU)).extracting(Op::toString).startsWith("send(1)",
                "send(2)", "unmask(1)", "unmask(2)", "setPriority(1,0)");
        assertThat(m.space().alphabet(config(1, 1, 1, 0, 0, 0, 0), XenFifoModel.XEN_CPU))
                .extracting(Op::toString).containsExactly("send(1)", "unmask(1)");
        assertThat(m.space().actors(c)).extracting(a -> a.name())
                .containsExactly(XenFifoModel.XEN_CPU, XenFifoModel.GUEST, XenFifoModel.GUEST_UNMASK, "guest-rogue");
        XenFifoModel d = model(XenVersion.D);
        assertThat(d.space().params()).extracting(p -> p.name()).endsWith("unmaskForm", "source");
        assertThat(d.space().alphabet(config(d, 1, 1, 1, 0, 0, 0, 0).with("source", 2), XenFifoModel.XEN_CPU))
                .extracting(Op::toString).containsExactly("virq(1)", "unmask(1)");
    }
}
