package racetrace.xen;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import racetrace.engine.Invariant;

/**
 * The invariants of notes 3.3 over the derived definitions of 3.2 (Start, Queue, InFlight,
 * Consuming), with the same names and meaning as the spec's operators. The derived definitions
 * of a state are computed once, on first use, and kept with the state.
 */
final class Invariants {

    private final XenVersion version;
    /** Between winning the LINKED claim and completing the link (InFlight). */
    private final boolean[] inFlightPc = new boolean[Pc.count()];
    /** Between writing HEAD and setting READY, for a CPU that wrote HEAD (HeadToReady). */
    private final boolean[] headToReadyPc = new boolean[Pc.count()];
    private final List<Invariant<XenState>> list;

    Invariants(XenVersion version) {
        this.version = version;
        Set<Pc> inFlight = EnumSet.copyOf(SetLink.LABELS);
        Set<Pc> headToReady;
        switch (version) {
            case A0, A -> {
                inFlight.addAll(List.of(Pc.A6_lockQ, Pc.A7_readTail, Pc.A8_writeHead));
                headToReady = EnumSet.of(Pc.A9_writeTail, Pc.A10_unlockQ, Pc.A11_tasReady);
            }
            case B, C, FIX1 -> {
                // from the LINKED claim on: C8 before B9 in c, B8 after B9 in b and fix1
                if (version == XenVersion.C) {
                    inFlight.add(Pc.B9_invalidateTail);
                }
                inFlight.addAll(List.of(Pc.B10a_readNv, Pc.B10a_writeLastv, Pc.B10b_readPrio,
                        Pc.B10b_writeLastp, Pc.B10c_unlockOldQ, Pc.B10d_lockQ, Pc.B11_readTail, Pc.B12_writeHead));
                headToReady = EnumSet.of(Pc.B13_writeTail, Pc.B14_unlockQ, Pc.B15_tasReady);
            }
            case D, D1, E1 -> {
                inFlight.addAll(List.of(Pc.D7_invalidateTail, Pc.D8a_readNv, Pc.D8a_writeLastv, Pc.D8b_readPrio,
                        Pc.D8b_writeLastp, Pc.D8_writeLastq, Pc.D8c_unlockOldQ, Pc.D8d_lockQ, Pc.D9_readTail,
                        Pc.D10_writeHead));
                headToReady = EnumSet.of(Pc.D11_writeTail, Pc.D12_unlockQ, Pc.D13_tasReady);
            }
            default -> {
                inFlight.addAll(List.of(Pc.E5a_invalidateTail, Pc.E5b_writeLastq, Pc.E5b_unlockOldQ, Pc.E5c_readTail,
                        Pc.E5d_writeHead));
                headToReady = EnumSet.of(Pc.E5e_writeTail, Pc.E6_unlockOldQ, Pc.E6_unlockQ, Pc.E7_tasReady);
            }
        }
        inFlight.forEach(pc -> inFlightPc[pc.ordinal()] = true);
        headToReady.forEach(pc -> headToReadyPc[pc.ordinal()] = true);
        List<Invariant<XenState>> inv = new ArrayList<>();
        inv.add(Invariant.of("NoSelfLink", "no LINKED word links to itself", Invariants::noSelfLink));
        inv.add(Invariant.of("Acyclic", "no queue's chain repeats a port", s -> of(s).acyclic));
        inv.add(Invariant.of("Reachable",
                "every LINKED port is in flight, being consumed, dropped on purpose, or on exactly one queue",
                s -> of(s).reachable));
        inv.add(Invariant.of("UniqueOccurrence", "the queues are pairwise disjoint and repeat no port",
                s -> of(s).unique));
        inv.add(Invariant.of("TailIsLast", "a LINKED tail of an unlocked queue is the end of that queue",
                s -> of(s).tailIsLast));
        inv.add(Invariant.of("EmptyImpliesOldTail",
                "an empty unlocked queue has no tail, or a tail that is not LINKED", s -> of(s).emptyOldTail));
        if (version.hasLastQueue()) {
            inv.add(Invariant.of("LastQueueCorrect",
                    "outside set_pending, a port's last queue names the queue it tails and the queue it is on",
                    s -> of(s).lastQueueCorrect));
        }
        // Notes 3.3, 8: the full form in every version; in a0, which sets READY on every link, a stale
        // HEAD breaks it benignly (race R0, fixed by 70ccddb1), so the harmful form is an invariant of its own.
        inv.add(Invariant.of("ReadyImpliesValidHead", "a READY bit means HEAD is LINKED and first on its queue",
                s -> of(s).readyValidHead));
        inv.add(Invariant.of("NoForeignDequeue",
                "the guest walking queue (v,k) never dequeues a port LINKED on another queue",
                s -> of(s).noForeignDequeue));
        inv.add(Invariant.of("Quiescent",
                "when everything is idle and drained, no port is LINKED or pending and unmasked",
                s -> of(s).quiescent));
        inv.add(Invariant.of("NoLostEvent",
                "when everything is idle and drained, every event raised and not delivered is still pending",
                s -> of(s).noLostEvent));
        this.list = List.copyOf(inv);
    }

    List<Invariant<XenState>> list() {
        return list;
    }

    private Derived of(XenState s) {
        if (s.derived instanceof Derived d && d.owner() == this) {
            return d;
        }
        Derived d = new Derived(s);
        s.derived = d;
        return d;
    }

    private static boolean noSelfLink(XenState s) {
        for (int p = 1; p <= s.u.ports; p++) {
            if (s.linked(p) && s.link(p) == p) {
                return false;
            }
        }
        return true;
    }

    /** Whether thread t has run its script; a guest idle at G0 with READY(v) empty counts as done. */
    static boolean finished(XenState s, int t) {
        int pc = s.reg(t, Reg.pc);
        return pc == Pc.Done.ordinal()
                || pc == Pc.G0_xchgReady.ordinal() && s.m[s.u.ready + s.u.guestV[t]] == 0;
    }

    /** The derived definitions of notes 3.2 and the invariants over them, computed once per state. */
    private final class Derived {
        // Final, so a state shared between search threads publishes them safely.
        final boolean acyclic;
        final boolean reachable;
        final boolean unique;
        final boolean tailIsLast;
        final boolean emptyOldTail;
        final boolean lastQueueCorrect;
        final boolean readyValidHead;
        final boolean noForeignDequeue;
        final boolean quiescent;
        final boolean noLostEvent;

        Invariants owner() {
            return Invariants.this;
        }

        Derived(XenState s) {
            Layout u = s.u;
            int[] m = s.m;
            int nq = u.queues;
            int np = u.ports;
            // Ports (bit sets) in flight, being consumed, inside a set_pending critical section.
            int inFlight = 0;
            int consuming = 0;
            int inCs = 0;
            boolean[] headToReady = new boolean[nq];
            for (int t = 0; t < u.threads; t++) {
                int pc = s.reg(t, Reg.pc);
                int port = s.reg(t, Reg.port);
                if (inFlightPc[pc]) {
                    inFlight |= 1 << port;
                }
                if (headToReadyPc[pc] && s.reg(t, Reg.linked) == 0) {
                    headToReady[u.queue(s.reg(t, Reg.vc), s.reg(t, Reg.kq))] = true;
                }
                if (pc == Pc.G5_clearLinked.ordinal()) {
                    consuming |= 1 << s.reg(t, Reg.cur);
                }
                if (u.kind[t] != Layout.GUEST && (pc == Pc.B10d_lockQ.ordinal() || pc == Pc.D8d_lockQ.ordinal())) {
                    inCs |= 1 << port;
                }
            }
            for (int q = 0; q < nq; q++) {
                int o = m[u.owner + q];
                if (o != 0) {
                    inCs |= 1 << s.reg(o - 1, Reg.port);
                }
            }
            int dropped = m[u.dropped];
            // Queue(v,k): the LINK chain from Start(v,k), cut at the first repeated port.
            boolean acyclic = true;
            int[] count = new int[np + 1];
            int[] members = new int[nq];
            int[] first = new int[nq];
            int[] last = new int[nq];
            for (int q = 0; q < nq; q++) {
                int x = start(s, q / u.prios, q % u.prios, headToReady[q]);
                first[q] = x;
                int seen = 0;
                while (x != 0) {
                    if ((seen & (1 << x)) != 0) {
                        acyclic = false;
                        break;
                    }
                    seen |= 1 << x;
                    count[x]++;
                    members[q] |= 1 << x;
                    last[q] = x;
                    x = Word.link(m[u.word + x]);
                }
            }
            // A port dropped on purpose strands itself and whatever is later linked behind it.
            int excused = dropped;
            for (int p = 1; p <= np; p++) {
                if ((dropped & (1 << p)) != 0 && count[p] == 0 && s.linked(p)) {
                    int x = s.link(p);
                    while (x != 0 && (excused & (1 << x)) == 0) {
                        excused |= 1 << x;
                        x = s.link(x);
                    }
                }
            }
            boolean reachable = true;
            boolean unique = acyclic;
            for (int p = 1; p <= np; p++) {
                unique &= count[p] <= 1;
                if (s.linked(p) && count[p] != 1 && ((inFlight | consuming | excused) & (1 << p)) == 0) {
                    reachable = false;
                }
            }
            // Tails of unlocked queues.
            boolean tailIsLast = true;
            boolean emptyOldTail = true;
            for (int q = 0; q < nq; q++) {
                int tail = m[u.tail + q];
                if (m[u.owner + q] != 0 || tail == 0 || !s.linked(tail)) {
                    continue;
                }
                int bit = 1 << tail;
                if (((inFlight | excused) & bit) == 0 && (first[q] == 0 || last[q] != tail)) {
                    tailIsLast = false;
                }
                if (first[q] == 0 && ((inFlight | consuming | excused) & bit) == 0) {
                    emptyOldTail = false;
                }
            }
            // The last queue (b onwards), outside set_pending's critical sections.
            boolean lastQueueCorrect = true;
            if (version.hasLastQueue()) {
                for (int q = 0; q < nq; q++) {
                    int tail = m[u.tail + q];
                    if (tail != 0 && (inCs & (1 << tail)) == 0
                            && u.queue(m[u.lastv + tail], m[u.lastp + tail]) != q) {
                        lastQueueCorrect = false;
                    }
                }
                for (int p = 1; p <= np; p++) {
                    int bit = 1 << p;
                    if (s.linked(p) && ((inFlight | inCs | excused) & bit) == 0
                            && (members[u.queue(m[u.lastv + p], m[u.lastp + p])] & bit) == 0) {
                        lastQueueCorrect = false;
                    }
                }
            }
            // READY and HEAD (the full form, every version).
            boolean readyValidHead = true;
            for (int q = 0; q < nq; q++) {
                if ((m[u.ready + q / u.prios] & (1 << (q % u.prios))) == 0) {
                    continue;
                }
                int h = m[u.head + q];
                if (h == 0 || !s.linked(h) || first[q] != h) {
                    readyValidHead = false;
                }
            }
            // The harmful form: a guest at G5 on queue (v,k) about to dequeue a port LINKED on another queue.
            boolean noForeignDequeue = true;
            for (int t = 0; t < u.threads; t++) {
                int h = s.reg(t, Reg.cur);
                if (u.kind[t] != Layout.GUEST || s.reg(t, Reg.pc) != Pc.G5_clearLinked.ordinal() || h == 0
                        || !s.linked(h)) {
                    continue;
                }
                int own = u.queue(u.guestV[t], s.reg(t, Reg.kq));
                for (int q = 0; q < nq; q++) {
                    if (q != own && (members[q] & (1 << h)) != 0) {
                        noForeignDequeue = false;
                    }
                }
            }
            // Quiescence: everything finished and drained.
            boolean idle = true;
            for (int t = 0; t < u.threads && idle; t++) {
                idle = finished(s, t);
            }
            for (int v = 0; v < u.vcpus && idle; v++) {
                idle = m[u.ready + v] == 0 && m[u.lready + v] == 0;
            }
            for (int q = 0; q < nq && idle; q++) {
                idle = m[u.lhead + q] == 0;
            }
            boolean quiescent = true;
            boolean noLostEvent = true;
            if (idle) {
                for (int p = 1; p <= np; p++) {
                    int w = s.word(p);
                    if ((excused & (1 << p)) != 0) {
                        continue;
                    }
                    if (Word.has(w, Word.L) || (w & (Word.P | Word.M)) == Word.P) {
                        quiescent = false;
                    }
                    // the ghost owed sees an event lost with PENDING clear (e2's give-up sets no P)
                    if ((m[u.owed] & (1 << p)) != 0 && !Word.has(w, Word.P)) {
                        noLostEvent = false;
                    }
                }
            }
            this.acyclic = acyclic;
            this.reachable = reachable;
            this.unique = unique;
            this.tailIsLast = tailIsLast;
            this.emptyOldTail = emptyOldTail;
            this.lastQueueCorrect = lastQueueCorrect;
            this.readyValidHead = readyValidHead;
            this.noForeignDequeue = noForeignDequeue;
            this.quiescent = quiescent;
            this.noLostEvent = noLostEvent;
        }

        /**
         * Start(v,k), notes 3.2, except that a guest which just emptied its chain (nxt = 0) falls
         * through to rule 3, so a HEAD published meanwhile counts.
         */
        private int start(XenState s, int v, int k, boolean headToReady) {
            Layout u = s.u;
            int g = u.guestOf[v];
            if (g >= 0) {
                int pc = s.reg(g, Reg.pc);
                boolean afterG5 = pc == Pc.G7_testPending.ordinal() || pc == Pc.G7_testMasked.ordinal()
                        || pc == Pc.G7_ackPending.ordinal();
                if (afterG5 && s.reg(g, Reg.kq) == k) {
                    if (s.reg(g, Reg.nxt) != 0) {
                        return s.reg(g, Reg.nxt);
                    }
                } else if (s.m[u.lhead + u.queue(v, k)] != 0) {
                    return s.m[u.lhead + u.queue(v, k)];
                }
            }
            if (((s.m[u.ready + v] | s.m[u.lready + v]) & (1 << k)) != 0 || headToReady) {
                return s.m[u.head + u.queue(v, k)];
            }
            return 0;
        }
    }
}
