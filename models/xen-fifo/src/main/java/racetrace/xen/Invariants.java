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
        List<String> names = new ArrayList<>();
        add(inv, names, NO_SELF_LINK, "NoSelfLink", "no LINKED word links to itself");
        add(inv, names, ACYCLIC, "Acyclic", "no queue's chain repeats a port");
        add(inv, names, REACHABLE, "Reachable",
                "every LINKED port is in flight, being consumed, dropped on purpose, or on exactly one queue");
        add(inv, names, UNIQUE, "UniqueOccurrence", "the queues are pairwise disjoint and repeat no port");
        add(inv, names, TAIL_IS_LAST, "TailIsLast", "a LINKED tail of an unlocked queue is the end of that queue");
        add(inv, names, EMPTY_OLD_TAIL, "EmptyImpliesOldTail",
                "an empty unlocked queue has no tail, or a tail that is not LINKED");
        if (version.hasLastQueue()) {
            add(inv, names, LAST_QUEUE, "LastQueueCorrect",
                    "outside set_pending, a port's last queue names the queue it tails and the queue it is on");
        }
        // Notes 3.3, 8: the full form in every version; in a0, which sets READY on every link, a stale
        // HEAD breaks it benignly (race R0, fixed by 70ccddb1), so the harmful form is an invariant of its own.
        add(inv, names, READY_HEAD, "ReadyImpliesValidHead", "a READY bit means HEAD is LINKED and first on its queue");
        add(inv, names, NO_FOREIGN_DEQUEUE, "NoForeignDequeue",
                "the guest walking queue (v,k) never dequeues a port LINKED on another queue");
        add(inv, names, QUIESCENT, "Quiescent",
                "when everything is idle and drained, no port is LINKED or pending and unmasked");
        add(inv, names, NO_LOST_EVENT, "NoLostEvent",
                "when everything is idle and drained, every event raised and not delivered is still pending");
        this.list = List.copyOf(inv);
        this.names = List.copyOf(names);
        this.bitOf = new int[names.size()];
        for (int k = 0; k < names.size(); k++) {
            bitOf[k] = ALL_NAMES.indexOf(names.get(k));
        }
    }

    // The invariants' bits in broken(): one per name, whether or not the version checks it.
    static final int NO_SELF_LINK = 0;
    static final int ACYCLIC = 1;
    static final int REACHABLE = 2;
    static final int UNIQUE = 3;
    static final int TAIL_IS_LAST = 4;
    static final int EMPTY_OLD_TAIL = 5;
    static final int LAST_QUEUE = 6;
    static final int READY_HEAD = 7;
    static final int QUIESCENT = 8;
    static final int NO_LOST_EVENT = 9;
    static final int NO_FOREIGN_DEQUEUE = 10;
    private static final List<String> ALL_NAMES = List.of("NoSelfLink", "Acyclic", "Reachable", "UniqueOccurrence",
            "TailIsLast", "EmptyImpliesOldTail", "LastQueueCorrect", "ReadyImpliesValidHead", "Quiescent",
            "NoLostEvent", "NoForeignDequeue");

    private final List<String> names;
    /** For invariant k of {@link #list}, its bit in {@link #broken}. */
    private final int[] bitOf;

    private void add(List<Invariant<XenState>> inv, List<String> names, int bit, String name, String description) {
        inv.add(Invariant.of(name, description, s -> (of(s) & (1 << bit)) == 0));
        names.add(name);
    }

    /** The names of {@link #list}, in order. */
    List<String> names() {
        return names;
    }

    List<Invariant<XenState>> list() {
        return list;
    }

    /** The broken invariants of a state (bits by name), computed once and kept with it. */
    private int of(XenState s) {
        if (s.derived instanceof Broken b && b.owner == this) {
            return b.bits;
        }
        int bits = broken(s.u, s.m, new Scratch(s.u));
        s.derived = new Broken(this, bits);
        return bits;
    }

    /** A state's broken invariants, kept with it. Final fields: safe to share between search threads. */
    private record Broken(Invariants owner, int bits) {
    }

    /**
     * For invariant k of {@link #list} (bit k of {@code check}), bit k of the result when it fails
     * in state {@code m}.
     */
    long broken(Layout u, int[] m, long check, Scratch sc) {
        int bits = broken(u, m, sc);
        if (bits == 0) {
            return 0; // most states: nothing to map
        }
        long out = 0;
        for (int k = 0; k < bitOf.length; k++) {
            if ((check & (1L << k)) != 0 && (bits & (1 << bitOf[k])) != 0) {
                out |= 1L << k;
            }
        }
        return out;
    }

    /** Whether thread t is done; a guest idle at G0 with READY(v) empty counts as finished too. */
    static boolean finished(XenState s, int t) {
        return finished(s.u, s.m, t);
    }

    static boolean finished(Layout u, int[] m, int t) {
        int pc = m[u.reg(t, Reg.pc)];
        return pc == Pc.Done.ordinal() || pc == Pc.G0_xchgReady.ordinal() && m[u.ready + u.guestV[t]] == 0;
    }

    /** Arrays one evaluation of the invariants uses, per queue: reused by a machine. */
    static final class Scratch {
        final int[] members;
        final int[] first;
        final int[] last;

        Scratch(Layout u) {
            members = new int[u.queues];
            first = new int[u.queues];
            last = new int[u.queues];
        }
    }

    // Register offsets and labels the invariants read, as ints.
    private static final int PC = Reg.pc.ordinal();
    private static final int PORT = Reg.port.ordinal();
    private static final int LINKED = Reg.linked.ordinal();
    private static final int VC = Reg.vc.ordinal();
    private static final int KQ = Reg.kq.ordinal();
    private static final int CUR = Reg.cur.ordinal();
    private static final int G5 = Pc.G5_clearLinked.ordinal();
    private static final int B10D = Pc.B10d_lockQ.ordinal();
    private static final int D8D = Pc.D8d_lockQ.ordinal();

    /**
     * The derived definitions of notes 3.2 over state {@code m} and the invariants over them: bit
     * {@code NAME} set when that invariant fails. One pass, no allocation (scratch arrays).
     */
    int broken(Layout u, int[] m, Scratch sc) {
        int nq = u.queues;
        int np = u.ports;
        // Ports (bit sets) in flight, being consumed, inside a set_pending critical section; queues
        // (a bit set) whose CPU wrote HEAD and has not yet set READY.
        int inFlight = 0;
        int consuming = 0;
        int inCs = 0;
        int headToReady = 0;
        for (int t = 0; t < u.threads; t++) {
            int r = u.regs(t);
            int pc = m[r + PC];
            if (pc == 0) {
                continue; // done: no register is read
            }
            int port = m[r + PORT];
            if (inFlightPc[pc]) {
                inFlight |= 1 << port;
            }
            if (headToReadyPc[pc] && m[r + LINKED] == 0) {
                headToReady |= 1 << u.queue(m[r + VC], m[r + KQ]);
            }
            if (pc == G5) {
                consuming |= 1 << m[r + CUR];
            }
            if ((pc == B10D || pc == D8D) && u.kind[t] != Layout.GUEST) {
                inCs |= 1 << port;
            }
        }
        for (int q = 0; q < nq; q++) {
            int o = m[u.owner + q];
            if (o != 0) {
                inCs |= 1 << m[u.reg(o - 1, Reg.port)];
            }
        }
        int dropped = m[u.dropped];
        // Queue(v,k): the LINK chain from Start(v,k), cut at the first repeated port. Ports on a
        // queue once (bit set), on several; each queue's members, first and last port.
        boolean acyclic = true;
        int once = 0;
        int twice = 0;
        int[] members = sc.members;
        int[] first = sc.first;
        int[] last = sc.last;
        for (int v = 0, q = 0; v < u.vcpus; v++) {
            for (int k = 0; k < u.prios; k++, q++) {
                int x = start(u, m, v, k, (headToReady & (1 << q)) != 0);
                first[q] = x;
                last[q] = 0;
                int mine = 0;
                while (x != 0) {
                    int bit = 1 << x;
                    if ((mine & bit) != 0) {
                        acyclic = false;
                        break;
                    }
                    mine |= bit;
                    twice |= once & bit;
                    once |= bit;
                    last[q] = x;
                    x = m[u.word + x] >>> Word.LINK_SHIFT;
                }
                members[q] = mine;
            }
        }
        // A port dropped on purpose strands itself and whatever is later linked behind it.
        int excused = dropped;
        if (dropped != 0) {
            for (int p = 1; p <= np; p++) {
                if ((dropped & (1 << p)) != 0 && (once & (1 << p)) == 0 && Word.has(m[u.word + p], Word.L)) {
                    int x = Word.link(m[u.word + p]);
                    while (x != 0 && (excused & (1 << x)) == 0) {
                        excused |= 1 << x;
                        x = Word.link(m[u.word + x]);
                    }
                }
            }
        }
        boolean reachable = true;
        boolean unique = acyclic && twice == 0;
        for (int p = 1; p <= np; p++) {
            int bit = 1 << p;
            boolean onOne = (once & bit) != 0 && (twice & bit) == 0;
            if (Word.has(m[u.word + p], Word.L) && !onOne && ((inFlight | consuming | excused) & bit) == 0) {
                reachable = false;
            }
        }
        // Tails of unlocked queues.
        boolean tailIsLast = true;
        boolean emptyOldTail = true;
        for (int q = 0; q < nq; q++) {
            int tail = m[u.tail + q];
            if (m[u.owner + q] != 0 || tail == 0 || !Word.has(m[u.word + (tail)], Word.L)) {
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
                if (Word.has(m[u.word + (p)], Word.L) && ((inFlight | inCs | excused) & bit) == 0
                        && (members[u.queue(m[u.lastv + p], m[u.lastp + p])] & bit) == 0) {
                    lastQueueCorrect = false;
                }
            }
        }
        // READY and HEAD (the full form, every version).
        boolean readyValidHead = true;
        // Queue q = v * prios + k counted along (no division in this per-state loop).
        for (int v = 0, q = 0; v < u.vcpus; v++) {
            int readyBits = m[u.ready + v];
            for (int k = 0; k < u.prios; k++, q++) {
                if ((readyBits & (1 << k)) == 0) {
                    continue;
                }
                int h = m[u.head + q];
                if (h == 0 || !Word.has(m[u.word + h], Word.L) || first[q] != h) {
                    readyValidHead = false;
                }
            }
        }
        // The harmful form: a guest at G5 on queue (v,k) about to dequeue a port LINKED on another queue.
        boolean noForeignDequeue = true;
        for (int t = 0; t < u.threads; t++) {
            int h = m[u.reg(t, Reg.cur)];
            if (u.kind[t] != Layout.GUEST || m[u.reg(t, Reg.pc)] != G5 || h == 0 || !Word.has(m[u.word + h], Word.L)) {
                continue;
            }
            int own = u.queue(u.guestV[t], m[u.reg(t, Reg.kq)]);
            for (int q = 0; q < nq; q++) {
                if (q != own && (members[q] & (1 << h)) != 0) {
                    noForeignDequeue = false;
                }
            }
        }
        // Quiescence: everything finished and drained.
        boolean idle = true;
        for (int t = 0; t < u.threads && idle; t++) {
            idle = finished(u, m, t);
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
                int w = m[u.word + (p)];
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
        int bits = 0;
        for (int p = 1; p <= np; p++) {
            if (Word.has(m[u.word + p], Word.L) && Word.link(m[u.word + p]) == p) {
                bits |= 1 << NO_SELF_LINK;
            }
        }
        bits |= acyclic ? 0 : 1 << ACYCLIC;
        bits |= reachable ? 0 : 1 << REACHABLE;
        bits |= unique ? 0 : 1 << UNIQUE;
        bits |= tailIsLast ? 0 : 1 << TAIL_IS_LAST;
        bits |= emptyOldTail ? 0 : 1 << EMPTY_OLD_TAIL;
        bits |= lastQueueCorrect ? 0 : 1 << LAST_QUEUE;
        bits |= readyValidHead ? 0 : 1 << READY_HEAD;
        bits |= noForeignDequeue ? 0 : 1 << NO_FOREIGN_DEQUEUE;
        bits |= quiescent ? 0 : 1 << QUIESCENT;
        bits |= noLostEvent ? 0 : 1 << NO_LOST_EVENT;
        return bits;
    }

    /**
     * Start(v,k), notes 3.2, except that a guest which just emptied its chain (nxt = 0) falls
     * through to rule 3, so a HEAD published meanwhile counts.
     */
    private static int start(Layout u, int[] m, int v, int k, boolean headToReady) {
        int g = u.guestOf[v];
        if (g >= 0) {
            int pc = m[u.reg(g, Reg.pc)];
            boolean afterG5 = pc == Pc.G7_testPending.ordinal() || pc == Pc.G7_testMasked.ordinal()
                    || pc == Pc.G7_ackPending.ordinal();
            if (afterG5 && m[u.reg(g, Reg.kq)] == k) {
                if (m[u.reg(g, Reg.nxt)] != 0) {
                    return m[u.reg(g, Reg.nxt)];
                }
            } else if (m[u.lhead + u.queue(v, k)] != 0) {
                return m[u.lhead + u.queue(v, k)];
            }
        }
        if (((m[u.ready + v] | m[u.lready + v]) & (1 << k)) != 0 || headToReady) {
            return m[u.head + u.queue(v, k)];
        }
        return 0;
    }
}
