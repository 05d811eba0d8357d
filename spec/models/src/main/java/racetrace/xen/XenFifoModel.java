package racetrace.xen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import racetrace.engine.ActorKind;
import racetrace.engine.Config;
import racetrace.engine.Instance;
import racetrace.engine.Invariant;
import racetrace.engine.Model;
import racetrace.engine.Op;
import racetrace.engine.Param;
import racetrace.engine.Scenario;
import racetrace.engine.ScenarioSpace;
import racetrace.engine.ThreadScript;
import racetrace.engine.Transition;

/**
 * Step-level model of Xen's FIFO event channels: {@code evtchn_fifo_set_pending} in the eight
 * versions of {@link XenVersion}, Xen's unmask / set_priority / bind_vcpu, the Linux upcall loop
 * (G0..G9) and the Linux guest unmask (U1..U3, original or post-XSA-332 form). Step names follow
 * {@code shared/research/xen-evtchn-fifo.md}; one step per read, write, atomic RMW, CAS, lock or
 * unlock. Local computations (tests of a snapshot, queue selection, the guest's private
 * {@code lhead}/{@code lready}) are merged into the memory step before them.
 *
 * <h2>Shape</h2>
 * Ports 1..NP, vCPUs 0..NV-1, priorities 0..NK-1 (0 = highest). Fresh ports: notify vCPU 0,
 * priority NK-1 (the stand-in for Xen's default 7), last queue (0,0) as zero-allocated Xen
 * leaves it, so with NK=2 a fresh port's last queue differs from its queue as in real Xen.
 * Ports 1..masked start MASKED. With {@code oldTail=1}, port 1 starts as an already consumed
 * old tail of its queue (tail = HEAD = 1, not LINKED, last queue = that queue).
 *
 * <p>The whole state is one {@code int[]} (copied per step): event words as bit sets
 * (P, M, L, B, LINK), Xen's per-port fields, per-queue tail / lock owner / HEAD, READY, the
 * guest's lhead/lready, the ghost set {@code dropped}, and per thread pc, op index and locals.
 * {@code lastv}/{@code lastp} exist in every version (a0/a never touch them); e1/e2 read and
 * write them together in one step (the packed {@code fifo_lastq}).
 *
 * <h2>Actors</h2>
 * <ul>
 * <li>{@code xen-cpu} (1..3 threads, 1..3 ops): {@code send(p)}, {@code unmask(p)} (the
 * EVTCHNOP_unmask hypercall), {@code setPriority(p,k)}, {@code bindVcpu(p,v)}. Send and unmask
 * first read the notify vCPU ({@code X0_readNv}); unmask then clears M and tests P (1.8).
 * <li>{@code guest} (present when {@code guest=1}: one thread per vCPU, thread i is vCPU i;
 * 1..3 ops {@code upcall}): one op is one run of the upcall loop G0..G9 until its local ready
 * copy is empty. An upcall can only start while READY(v) is non-empty (the kick). A consumer
 * idle at G0 with READY(v) empty counts as finished, so waiting for events that never come is
 * not a deadlock.
 * <li>{@code guest-unmask} (0..1 thread, 1..2 ops): {@code unmask(p)} in the form chosen by
 * {@code unmaskForm} (0: U1 clear_masked guarded by BUSY=0, U2 test P, U3 hypercall; 1: XSA-332
 * clear_masked_cond, one step) and {@code mask(p)}. The hypercall runs Xen's unmask steps on
 * the same thread.
 * </ul>
 *
 * <h2>Invariants and the decisions where the notes leave room</h2>
 * <ul>
 * <li>Start(v,k) is section 3.2 with one refinement: when the guest is between G5 and G8 on
 * (v,k) and its {@code next} is 0 (it just emptied its chain), rule 3 (HEAD if k is in READY or
 * lready, or a Xen CPU is between its HEAD write and its READY set) applies, so a HEAD
 * published while the guest finishes the old chain is counted. Queue(v,k) is the LINK chain
 * from Start, including words that are no longer LINKED (none in correct runs: LINK is 0 when
 * L is).
 * <li>InFlight(p): a thread between winning the LINKED claim on p and completing the link
 * (set_link success or HEAD write): a0/a A5..A8, b/c B8/C8..B12, d/d1/e1 D6..D10, e2 E5..E5d.
 * Consuming(p): a guest at G5 with cur = p.
 * <li>Designed give-ups (lock_old_queue after 3 tries, e2's loop after 3 tries, set_link's S7)
 * put p into the ghost set {@code dropped} and report a notice; a later won LINKED claim on p
 * removes it. Reachable, TailIsLast, EmptyImpliesOldTail, LastQueueCorrect and Quiescent skip
 * the ports in {@code dropped} and, when a dropped port is LINKED on no queue (S7), the chain
 * later linked behind it: those events were lost on purpose and the loss was reported.
 * <li>EmptyImpliesOldTail and TailIsLast also excuse a tail that is InFlight: in a0/a the
 * LINKED claim (A5) precedes the queue lock, and the claimant itself handles "p == tail".
 * What another CPU then does with that tail is caught by Acyclic/Reachable/TailIsLast.
 * <li>LastQueueCorrect (b onwards) is checked for ports no thread is inside a set_pending
 * critical section for (holding a queue lock, or between D8c/B10c and the lock of q).
 * <li>ReadyImpliesValidHead: for a..e2, k in READY(v) implies HEAD(v,k) is non-zero, LINKED and
 * the first of Queue(v,k). In a0, where READY is set on every link and stale HEADs are benign,
 * only the harmful form is checked: a guest about to dequeue (G5) a LINKED word h finds no
 * LINKED word whose LINK is h (it would be cutting h out of the middle of a chain).
 * <li>Quiescent: when every actor has finished (consumers idle) and READY, lready and lhead are
 * all empty, no port outside {@code dropped} is LINKED or pending-and-unmasked.
 * </ul>
 */
public final class XenFifoModel implements Model<XenFifoModel.State> {

    /** Action labels = TLA+ pc values. The name of a constant is the label. */
    public enum Pc {
        Done,
        // Xen port operations (notes 1.8)
        X0_readNv, XU1_clearMasked, XU2_testPending, XP_writePrio, XB_writeNv,
        // a0 / a (2.2, 2.3)
        A2_readPrio, A3_tasPending, A4_testMasked, A5_tasLinked, A6_lockQ, A7_readTail,
        A8_writeHead, A9_writeTail, A10_unlockQ, A11_tasReady,
        // set_link, original (a0) and BUSY (a onwards) (2.1)
        SL1_readTail, SL3_cas,
        S1_readTail, S3_cas, S4_setBusy, S5_readTail, S6_cas, S6_clearBusy, S7_clearBusy,
        // b / c (2.4, 2.5)
        B1_tasPending, B2_testMasked, B3_testLinked, B4_readPrio, B5_readLastv, B6_readLastp,
        B7_lockOldQ, B8_setLinked, B9_invalidateTail, B10a_readNv, B10a_writeLastv, B10b_readPrio,
        B10b_writeLastp, B10c_unlockOldQ, B10d_lockQ, B11_readTail, B12_writeHead, B13_writeTail,
        B14_unlockQ, B15_tasReady,
        // lock_old_queue (c, d, d1 with re-reads; e1 with one atomic read)
        L1_readLastv, L2_readLastp, L1_readLastq, L3_lockOldQ, L4_rereadLastv, L5_rereadLastp,
        L7_unlockOldQ,
        C8_tasLinked, C8_unlockOldQ,
        // d / d1 / e1 (2.6, 2.7)
        D1_tasPending, D2_testMasked, D3_testLinked, D4_readPrio, D6_tasLinked, D6_unlockOldQ,
        D7_invalidateTail, D8a_readNv, D8a_writeLastv, D8b_readPrio, D8b_writeLastp,
        D8_writeLastq, D8c_unlockOldQ, D8d_lockQ, D9_readTail, D10_writeHead, D11_writeTail,
        D12_unlockQ, D13_tasReady,
        // e2 (2.7)
        E1a_readLastq, E1b_readPrio, E1c_lockQ, E1c_lockFirst, E1c_lockSecond, E1d_rereadLastq,
        E1d_rereadPrio, E1f_unlockOldQ, E1f_unlockQ, E4_tasPending, E5_testMasked, E5_tasLinked,
        E5a_invalidateTail, E5b_writeLastq, E5b_unlockOldQ, E5c_readTail, E5d_writeHead,
        E5e_writeTail, E6_unlockOldQ, E6_unlockQ, E7_tasReady,
        // guest consumer (1.5)
        G0_xchgReady, G4_readHead, G5_clearLinked, G7_testPending, G7_testMasked, G7_ackPending,
        G9_xchgReady,
        // guest mask / unmask (1.6)
        U0_setMasked, U1_clearMasked, U2_testPending, U1c_clearMaskedCond
    }

    private static final Pc[] PCS = Pc.values();

    // Event word bits.
    static final int P = 1;
    static final int M = 2;
    static final int L = 4;
    static final int B = 8;
    static final int LINK_SHIFT = 4;
    static final int LINK_MASK = ~0xF;

    // Per-thread registers.
    static final int PC = 0;
    static final int OPI = 1;
    static final int PORT = 2;
    static final int VC = 3;
    static final int KQ = 4;
    static final int LV = 5;
    static final int LP = 6;
    static final int LV2 = 7;
    static final int LP2 = 8;
    static final int TMP = 9;
    static final int WASP = 10;
    static final int LINKED = 11;
    static final int TRIES = 12;
    static final int TT = 13;
    static final int W = 14;
    static final int NN = 15;
    static final int CUR = 16;
    static final int NXT = 17;
    static final int REGS = 18;
    private static final String[] REG_NAMES = {"pc", "opi", "port", "vc", "kq", "lv", "lp", "lv2", "lp2",
        "tmp", "wasP", "linked", "tries", "tl", "ws", "nfail", "cur", "nxt"};

    // Op codes.
    static final int OP_SEND = 1;
    static final int OP_UNMASK = 2;
    static final int OP_SETPRIO = 3;
    static final int OP_BIND = 4;
    static final int OP_UPCALL = 5;
    static final int OP_GMASK = 6;
    static final int OP_GUNMASK = 7;

    static final int KIND_XEN = 0;
    static final int KIND_GUEST = 1;
    static final int KIND_UNMASK = 2;

    public static final String XEN_CPU = "xen-cpu";
    public static final String GUEST = "guest";
    public static final String GUEST_UNMASK = "guest-unmask";

    private static final int LOCK_OLD_QUEUE_TRIES = 3;
    private static final int SET_LINK_TRIES = 4;

    private final XenVersion version;
    private final boolean[] inFlightPc = new boolean[PCS.length];
    private final boolean[] headToReadyPc = new boolean[PCS.length];
    private final Space space = new Space();
    private final List<Invariant<State>> invariants;

    public XenFifoModel(XenVersion version) {
        this.version = version;
        for (Pc pc : new Pc[] {Pc.SL1_readTail, Pc.SL3_cas, Pc.S1_readTail, Pc.S3_cas, Pc.S4_setBusy,
            Pc.S5_readTail, Pc.S6_cas, Pc.S6_clearBusy, Pc.S7_clearBusy}) {
            inFlightPc[pc.ordinal()] = true;
        }
        Pc[] inFlight;
        Pc[] headToReady;
        switch (version) {
            case A0, A -> {
                inFlight = new Pc[] {Pc.A6_lockQ, Pc.A7_readTail, Pc.A8_writeHead};
                headToReady = new Pc[] {Pc.A9_writeTail, Pc.A10_unlockQ, Pc.A11_tasReady};
            }
            case B, C -> {
                inFlight = new Pc[] {Pc.B9_invalidateTail, Pc.B10a_readNv, Pc.B10a_writeLastv,
                    Pc.B10b_readPrio, Pc.B10b_writeLastp, Pc.B10c_unlockOldQ, Pc.B10d_lockQ,
                    Pc.B11_readTail, Pc.B12_writeHead};
                headToReady = new Pc[] {Pc.B13_writeTail, Pc.B14_unlockQ, Pc.B15_tasReady};
            }
            case D, D1, E1 -> {
                inFlight = new Pc[] {Pc.D7_invalidateTail, Pc.D8a_readNv, Pc.D8a_writeLastv,
                    Pc.D8b_readPrio, Pc.D8b_writeLastp, Pc.D8_writeLastq, Pc.D8c_unlockOldQ,
                    Pc.D8d_lockQ, Pc.D9_readTail, Pc.D10_writeHead};
                headToReady = new Pc[] {Pc.D11_writeTail, Pc.D12_unlockQ, Pc.D13_tasReady};
            }
            default -> {
                inFlight = new Pc[] {Pc.E5a_invalidateTail, Pc.E5b_writeLastq, Pc.E5b_unlockOldQ,
                    Pc.E5c_readTail, Pc.E5d_writeHead};
                headToReady = new Pc[] {Pc.E5e_writeTail, Pc.E6_unlockOldQ, Pc.E6_unlockQ, Pc.E7_tasReady};
            }
        }
        for (Pc pc : inFlight) {
            inFlightPc[pc.ordinal()] = true;
        }
        for (Pc pc : headToReady) {
            headToReadyPc[pc.ordinal()] = true;
        }
        List<Invariant<State>> inv = new ArrayList<>();
        inv.add(Invariant.of("NoSelfLink", "no LINKED word links to itself", XenFifoModel::noSelfLink));
        inv.add(Invariant.of("Acyclic", "no queue's chain repeats a port", s -> d(s).acyclic));
        inv.add(Invariant.of("Reachable",
                "every LINKED port is in flight, being consumed, dropped on purpose, or on exactly one queue",
                s -> d(s).reachable));
        inv.add(Invariant.of("UniqueOccurrence", "the queues are pairwise disjoint and repeat no port",
                s -> d(s).unique));
        inv.add(Invariant.of("TailIsLast", "a LINKED tail of an unlocked queue is the end of that queue",
                s -> d(s).tailIsLast));
        inv.add(Invariant.of("EmptyImpliesOldTail",
                "an empty unlocked queue has no tail, or a tail that is not LINKED", s -> d(s).emptyOldTail));
        if (version.hasLastQueue()) {
            inv.add(Invariant.of("LastQueueCorrect",
                    "outside set_pending, a port's last queue names the queue it tails and the queue it is on",
                    s -> d(s).lastQueueCorrect));
        }
        inv.add(Invariant.of("ReadyImpliesValidHead",
                version == XenVersion.A0 ? "the guest never dequeues a LINKED word that another LINKED word links to"
                        : "a READY bit means HEAD is LINKED and first on its queue",
                s -> d(s).readyValidHead));
        inv.add(Invariant.of("Quiescent",
                "when everything is idle and drained, no port is LINKED or pending and unmasked",
                s -> d(s).quiescent));
        this.invariants = List.copyOf(inv);
    }

    public XenVersion xenVersion() {
        return version;
    }

    @Override
    public Instance instance() {
        return Instance.of(XenFifoFamily.NAME, version.id());
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public ScenarioSpace space() {
        return space;
    }

    @Override
    public List<Invariant<State>> invariants() {
        return invariants;
    }

    @Override
    public String tlaModule() {
        return "XenFifo";
    }

    // ---------------------------------------------------------------------------------------
    // Scenario space

    private static final class Space implements ScenarioSpace {
        private static final List<Param> PARAMS = List.of(
                new Param("vcpus", 1, 2, "guest vCPUs, each with its queues"),
                new Param("prios", 1, 2, "priorities (queues per vCPU); fresh ports get the lowest"),
                new Param("ports", 1, 3, "bound ports 1..ports"),
                new Param("masked", 0, 3, "ports 1..masked start MASKED"),
                new Param("oldTail", 0, 1, "1: port 1 starts as the consumed old tail of its queue"),
                new Param("guest", 0, 1, "1: one guest consumer per vCPU"),
                new Param("unmaskForm", 0, 1, "guest unmask: 0 original (U1-U3), 1 post-XSA-332 (clear_masked_cond)"));

        @Override
        public List<Param> params() {
            return PARAMS;
        }

        @Override
        public List<ActorKind> actors(Config config) {
            List<ActorKind> kinds = new ArrayList<>();
            kinds.add(new ActorKind(XEN_CPU, 1, 3, 1, 3, true));
            if (config.get("guest") == 1) {
                int v = config.get("vcpus");
                kinds.add(new ActorKind(GUEST, v, v, 1, 3));
            }
            kinds.add(new ActorKind(GUEST_UNMASK, 0, 1, 1, 2));
            return kinds;
        }

        @Override
        public List<Op> alphabet(Config config, String actor) {
            int n = config.get("ports");
            int k = config.get("prios");
            int v = config.get("vcpus");
            List<Op> ops = new ArrayList<>();
            switch (actor) {
                case XEN_CPU -> {
                    for (int p = 1; p <= n; p++) {
                        ops.add(Op.of("send", p));
                    }
                    for (int p = 1; p <= n; p++) {
                        ops.add(Op.of("unmask", p));
                    }
                    if (k > 1) {
                        for (int p = 1; p <= n; p++) {
                            for (int q = 0; q < k; q++) {
                                ops.add(Op.of("setPriority", p, q));
                            }
                        }
                    }
                    if (v > 1) {
                        for (int p = 1; p <= n; p++) {
                            for (int c = 0; c < v; c++) {
                                ops.add(Op.of("bindVcpu", p, c));
                            }
                        }
                    }
                }
                case GUEST -> ops.add(Op.of("upcall"));
                case GUEST_UNMASK -> {
                    for (int p = 1; p <= n; p++) {
                        ops.add(Op.of("unmask", p));
                    }
                    for (int p = 1; p <= n; p++) {
                        ops.add(Op.of("mask", p));
                    }
                }
                default -> throw new racetrace.engine.BadInputException("xen-fifo has no actor '" + actor
                        + "'; actors are " + List.of(XEN_CPU, GUEST, GUEST_UNMASK));
            }
            return ops;
        }
    }

    // ---------------------------------------------------------------------------------------
    // State

    /** What a scenario fixes: sizes, offsets into the state array, the scripts. Shared by all states. */
    static final class Setup {
        final int nv;
        final int nk;
        final int np;
        final int nq;
        final int threads;
        final int unmaskForm;
        final int oWord;
        final int oPrio;
        final int oNv;
        final int oLastv;
        final int oLastp;
        final int oTail;
        final int oOwner;
        final int oHead;
        final int oLhead;
        final int oReady;
        final int oLready;
        final int oDropped;
        final int oThreads;
        final int size;
        final int[] kind;
        final int[] guestV;
        final int[] guestOf;
        final int[][] opCode;
        final int[][] opA;
        final int[][] opB;

        Setup(Scenario scenario) {
            Config c = scenario.config();
            nv = c.get("vcpus");
            nk = c.get("prios");
            np = c.get("ports");
            nq = nv * nk;
            threads = scenario.threadCount();
            unmaskForm = c.get("unmaskForm");
            oWord = 0;
            oPrio = oWord + np + 1;
            oNv = oPrio + np + 1;
            oLastv = oNv + np + 1;
            oLastp = oLastv + np + 1;
            oTail = oLastp + np + 1;
            oOwner = oTail + nq;
            oHead = oOwner + nq;
            oLhead = oHead + nq;
            oReady = oLhead + nq;
            oLready = oReady + nv;
            oDropped = oLready + nv;
            oThreads = oDropped + 1;
            size = oThreads + threads * REGS;
            kind = new int[threads];
            guestV = new int[threads];
            guestOf = new int[nv];
            Arrays.fill(guestOf, -1);
            opCode = new int[threads][];
            opA = new int[threads][];
            opB = new int[threads][];
            int guests = 0;
            for (int t = 0; t < threads; t++) {
                ThreadScript ts = scenario.threads().get(t);
                kind[t] = switch (ts.actor()) {
                    case XEN_CPU -> KIND_XEN;
                    case GUEST -> KIND_GUEST;
                    default -> KIND_UNMASK;
                };
                if (kind[t] == KIND_GUEST) {
                    guestV[t] = guests;
                    guestOf[guests] = t;
                    guests++;
                }
                int n = ts.ops().size();
                opCode[t] = new int[n];
                opA[t] = new int[n];
                opB[t] = new int[n];
                for (int i = 0; i < n; i++) {
                    Op op = ts.ops().get(i);
                    opCode[t][i] = switch (op.name()) {
                        case "send" -> OP_SEND;
                        case "unmask" -> kind[t] == KIND_XEN ? OP_UNMASK : OP_GUNMASK;
                        case "setPriority" -> OP_SETPRIO;
                        case "bindVcpu" -> OP_BIND;
                        case "upcall" -> OP_UPCALL;
                        case "mask" -> OP_GMASK;
                        default -> throw new racetrace.engine.BadInputException("unknown xen-fifo op " + op);
                    };
                    opA[t][i] = op.args().isEmpty() ? 0 : op.arg(0);
                    opB[t][i] = op.args().size() < 2 ? 0 : op.arg(1);
                }
            }
        }

        int base(int t) {
            return oThreads + t * REGS;
        }
    }

    /** An immutable state: the setup plus one array holding every variable. */
    public static final class State {
        final Setup setup;
        final int[] m;
        /** Cache of the derived definitions; not part of the value. */
        private Object derived;

        State(Setup setup, int[] m) {
            this.setup = setup;
            this.m = m;
        }

        /** The program counter of a thread (its next step, or Done). */
        public String pc(int thread) {
            return PCS[m[setup.base(thread) + PC]].name();
        }

        public int word(int port) {
            return m[setup.oWord + port];
        }

        public boolean pending(int port) {
            return (word(port) & P) != 0;
        }

        public boolean masked(int port) {
            return (word(port) & M) != 0;
        }

        public boolean linked(int port) {
            return (word(port) & L) != 0;
        }

        public int link(int port) {
            return word(port) >>> LINK_SHIFT;
        }

        public int tail(int v, int k) {
            return m[setup.oTail + v * setup.nk + k];
        }

        public int head(int v, int k) {
            return m[setup.oHead + v * setup.nk + k];
        }

        public int lockOwner(int v, int k) {
            return m[setup.oOwner + v * setup.nk + k];
        }

        public int ready(int v) {
            return m[setup.oReady + v];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof State s && Arrays.equals(m, s.m);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(m);
        }

        @Override
        public String toString() {
            return Arrays.toString(m);
        }
    }

    @Override
    public State initial(Scenario scenario) {
        Setup u = new Setup(scenario);
        Config c = scenario.config();
        int[] m = new int[u.size];
        int masked = c.get("masked");
        for (int p = 1; p <= u.np; p++) {
            m[u.oWord + p] = p <= masked ? M : 0;
            m[u.oPrio + p] = u.nk - 1;
        }
        if (c.get("oldTail") == 1) {
            // Port 1 was linked on its queue and consumed: tail and HEAD still name it.
            int k = u.nk - 1;
            m[u.oTail + k] = 1;
            m[u.oHead + k] = 1;
            m[u.oLastp + 1] = k;
        }
        for (int t = 0; t < u.threads; t++) {
            startOp(m, u, t, 0);
        }
        return new State(u, m);
    }

    // ---------------------------------------------------------------------------------------
    // Stepping

    @Override
    public boolean finished(State s, int t) {
        Setup u = s.setup;
        int pc = s.m[u.base(t) + PC];
        if (pc == Pc.Done.ordinal()) {
            return true;
        }
        return pc == Pc.G0_xchgReady.ordinal() && s.m[u.oReady + u.guestV[t]] == 0;
    }

    @Override
    public boolean enabled(State s, int t) {
        Setup u = s.setup;
        int[] m = s.m;
        int b = u.base(t);
        switch (PCS[m[b + PC]]) {
            case Done:
                return false;
            case G0_xchgReady:
                return m[u.oReady + u.guestV[t]] != 0;
            case U1_clearMasked:
                return (m[u.oWord + m[b + PORT]] & B) == 0;
            case U1c_clearMaskedCond: {
                int w = m[u.oWord + m[b + PORT]];
                return !((w & M) != 0 && (w & P) == 0 && (w & B) != 0);
            }
            case A6_lockQ:
            case B10d_lockQ:
            case D8d_lockQ:
            case E1c_lockQ:
                return m[u.oOwner + m[b + VC] * u.nk + m[b + KQ]] == 0;
            case B7_lockOldQ:
            case L3_lockOldQ:
                return m[u.oOwner + m[b + LV] * u.nk + m[b + LP]] == 0;
            case E1c_lockFirst:
                return m[u.oOwner + Math.min(q(u, m, b), oq(u, m, b))] == 0;
            case E1c_lockSecond:
                return m[u.oOwner + Math.max(q(u, m, b), oq(u, m, b))] == 0;
            default:
                return true;
        }
    }

    private static int q(Setup u, int[] m, int b) {
        return m[b + VC] * u.nk + m[b + KQ];
    }

    private static int oq(Setup u, int[] m, int b) {
        return m[b + LV] * u.nk + m[b + LP];
    }

    /** Sets pc to the first step of op {@code opi}, or Done. */
    private static void startOp(int[] m, Setup u, int t, int opi) {
        int b = u.base(t);
        m[b + OPI] = opi;
        if (opi >= u.opCode[t].length) {
            m[b + PC] = Pc.Done.ordinal();
            return;
        }
        m[b + PORT] = u.opA[t][opi];
        Pc pc = switch (u.opCode[t][opi]) {
            case OP_SEND, OP_UNMASK -> Pc.X0_readNv;
            case OP_SETPRIO -> Pc.XP_writePrio;
            case OP_BIND -> Pc.XB_writeNv;
            case OP_UPCALL -> Pc.G0_xchgReady;
            case OP_GMASK -> Pc.U0_setMasked;
            default -> u.unmaskForm == 0 ? Pc.U1_clearMasked : Pc.U1c_clearMaskedCond;
        };
        m[b + PC] = pc.ordinal();
    }

    private static void finishOp(int[] m, Setup u, int t) {
        startOp(m, u, t, m[u.base(t) + OPI] + 1);
    }

    private void beginSetPending(int[] m, int b) {
        m[b + TRIES] = 0;
        Pc pc = switch (version) {
            case A0, A -> Pc.A2_readPrio;
            case B, C -> Pc.B1_tasPending;
            case D, D1, E1 -> Pc.D1_tasPending;
            case E2 -> Pc.E1a_readLastq;
        };
        if (version == XenVersion.E2) {
            m[b + LINKED] = 1; // 71ac5229: linked starts true, so a give-up sets no READY
        }
        m[b + PC] = pc.ordinal();
    }

    private void beginSetLink(int[] m, int b) {
        m[b + PC] = (version.busySetLink() ? Pc.S1_readTail : Pc.SL1_readTail).ordinal();
    }

    /** set_link returned: write HEAD if it did not link, else go on to the tail write. */
    private void setLinkReturn(int[] m, int b, boolean linked) {
        m[b + LINKED] = linked ? 1 : 0;
        Pc pc = switch (version) {
            case A0, A -> linked ? Pc.A9_writeTail : Pc.A8_writeHead;
            case B, C -> linked ? Pc.B13_writeTail : Pc.B12_writeHead;
            case D, D1, E1 -> linked ? Pc.D11_writeTail : Pc.D10_writeHead;
            case E2 -> linked ? Pc.E5e_writeTail : Pc.E5d_writeHead;
        };
        m[b + PC] = pc.ordinal();
    }

    private static void go(int[] m, int b, Pc pc) {
        m[b + PC] = pc.ordinal();
    }

    /** Guest G1..G3 (local): pick the lowest ready priority and the head to consume, or end the upcall. */
    private static void guestSelect(int[] m, Setup u, int t, int b, int v) {
        int lready = m[u.oLready + v];
        if (lready == 0) {
            finishOp(m, u, t);
            return;
        }
        int k = Integer.numberOfTrailingZeros(lready);
        m[b + KQ] = k;
        int h = m[u.oLhead + v * u.nk + k];
        if (h != 0) {
            m[b + CUR] = h;
            go(m, b, Pc.G5_clearLinked);
        } else {
            go(m, b, Pc.G4_readHead);
        }
    }

    /** G8 (local): the guest's private head becomes the returned LINK; then G9. */
    private static void guestStoreHead(int[] m, Setup u, int b, int v) {
        m[u.oLhead + v * u.nk + m[b + KQ]] = m[b + NXT];
        go(m, b, Pc.G9_xchgReady);
    }

    private static int linkTo(int w, int port) {
        return (w & ~(B | LINK_MASK)) | (port << LINK_SHIFT);
    }

    @Override
    public Transition<State> step(State s, int t) {
        Setup u = s.setup;
        int[] m = s.m.clone();
        int b = u.base(t);
        Pc pc = PCS[m[b + PC]];
        int p = m[b + PORT];
        int wp = u.oWord + p;
        String notice = null;
        switch (pc) {
            // ---- Xen port operations (1.8)
            case X0_readNv -> {
                // The caller picks d->vcpu[notify_vcpu_id] before anything else.
                m[b + VC] = m[u.oNv + p];
                if (u.opCode[t][m[b + OPI]] == OP_SEND) {
                    beginSetPending(m, b);
                } else {
                    go(m, b, Pc.XU1_clearMasked);
                }
            }
            case XU1_clearMasked -> {
                // evtchn_fifo_unmask: clear_bit(MASKED)
                m[wp] &= ~M;
                go(m, b, Pc.XU2_testPending);
            }
            case XU2_testPending -> {
                // evtchn_fifo_unmask: relink if pending
                if ((m[wp] & P) != 0) {
                    beginSetPending(m, b);
                } else {
                    finishOp(m, u, t);
                }
            }
            case XP_writePrio -> {
                m[u.oPrio + p] = u.opB[t][m[b + OPI]];
                finishOp(m, u, t);
            }
            case XB_writeNv -> {
                m[u.oNv + p] = u.opB[t][m[b + OPI]];
                finishOp(m, u, t);
            }
            // ---- a0 / a
            case A2_readPrio -> {
                // A2: unlocked read of the priority picks q
                m[b + KQ] = m[u.oPrio + p];
                go(m, b, Pc.A3_tasPending);
            }
            case A3_tasPending -> {
                // A3: was_pending = test_and_set PENDING
                m[b + WASP] = (m[wp] & P) != 0 ? 1 : 0;
                m[wp] |= P;
                go(m, b, Pc.A4_testMasked);
            }
            case A4_testMasked -> {
                // A4
                if ((m[wp] & M) != 0) {
                    finishOp(m, u, t);
                } else {
                    go(m, b, Pc.A5_tasLinked);
                }
            }
            case A5_tasLinked -> {
                // A5: the single claim "I link it"
                if ((m[wp] & L) != 0) {
                    finishOp(m, u, t);
                } else {
                    m[wp] |= L;
                    m[u.oDropped] &= ~(1 << p);
                    go(m, b, Pc.A6_lockQ);
                }
            }
            case A6_lockQ -> {
                m[u.oOwner + q(u, m, b)] = t + 1;
                go(m, b, Pc.A7_readTail);
            }
            case A7_readTail -> {
                // A7: an old tail being re-added skips set_link
                int tail = m[u.oTail + q(u, m, b)];
                m[b + TT] = tail;
                if (tail != p) {
                    beginSetLink(m, b);
                } else {
                    setLinkReturn(m, b, false);
                }
            }
            case A8_writeHead -> {
                m[u.oHead + q(u, m, b)] = p;
                go(m, b, Pc.A9_writeTail);
            }
            case A9_writeTail -> {
                m[u.oTail + q(u, m, b)] = p;
                go(m, b, Pc.A10_unlockQ);
            }
            case A10_unlockQ -> {
                m[u.oOwner + q(u, m, b)] = 0;
                // A11: a0 sets READY on every link, a (70ccddb1) only for a new HEAD
                if (version == XenVersion.A0 || m[b + LINKED] == 0) {
                    go(m, b, Pc.A11_tasReady);
                } else {
                    finishOp(m, u, t);
                }
            }
            case A11_tasReady, B15_tasReady, D13_tasReady, E7_tasReady -> {
                // test_and_set READY bit k; the kick is the guest's G0 becoming enabled
                m[u.oReady + m[b + VC]] |= 1 << m[b + KQ];
                finishOp(m, u, t);
            }
            // ---- set_link, original (a0): unbounded CAS loop
            case SL1_readTail -> {
                int w = m[u.oWord + m[b + TT]];
                m[b + W] = w;
                if ((w & L) == 0) {
                    setLinkReturn(m, b, false);
                } else {
                    go(m, b, Pc.SL3_cas);
                }
            }
            case SL3_cas -> {
                int wt = u.oWord + m[b + TT];
                int cur = m[wt];
                if (cur == m[b + W]) {
                    m[wt] = (cur & ~LINK_MASK) | (p << LINK_SHIFT);
                    setLinkReturn(m, b, true);
                } else {
                    m[b + W] = cur; // cmpxchg returns the current value; SL2 tests it
                    if ((cur & L) == 0) {
                        setLinkReturn(m, b, false);
                    }
                }
            }
            // ---- set_link with BUSY (dae2a1c5 onwards)
            case S1_readTail -> {
                int w = m[u.oWord + m[b + TT]];
                m[b + W] = w;
                if ((w & L) == 0) {
                    setLinkReturn(m, b, false); // S2: tail not LINKED = queue empty
                } else {
                    go(m, b, Pc.S3_cas);
                }
            }
            case S3_cas -> {
                int wt = u.oWord + m[b + TT];
                int cur = m[wt];
                if (cur == m[b + W]) {
                    m[wt] = linkTo(cur, p);
                    setLinkReturn(m, b, true);
                } else {
                    m[b + W] = cur;
                    go(m, b, Pc.S4_setBusy);
                }
            }
            case S4_setBusy -> {
                // S4: "lock" the tail word against the guest's unmask
                m[u.oWord + m[b + TT]] |= B;
                go(m, b, Pc.S5_readTail);
            }
            case S5_readTail -> {
                int w = m[u.oWord + m[b + TT]];
                m[b + W] = w;
                m[b + NN] = 0;
                go(m, b, (w & L) != 0 ? Pc.S6_cas : Pc.S6_clearBusy);
            }
            case S6_cas -> {
                int wt = u.oWord + m[b + TT];
                int cur = m[wt];
                if (cur == m[b + W]) {
                    m[wt] = linkTo(cur, p); // success also clears BUSY
                    setLinkReturn(m, b, true);
                } else {
                    m[b + W] = cur;
                    int n = m[b + NN] + 1;
                    m[b + NN] = n;
                    if (n == SET_LINK_TRIES) {
                        go(m, b, Pc.S7_clearBusy);
                    } else {
                        go(m, b, (cur & L) != 0 ? Pc.S6_cas : Pc.S6_clearBusy);
                    }
                }
            }
            case S6_clearBusy -> {
                m[u.oWord + m[b + TT]] &= ~B;
                setLinkReturn(m, b, false);
            }
            case S7_clearBusy -> {
                // S7: gives up, reports "linked" without writing LINK: a designed loss
                m[u.oWord + m[b + TT]] &= ~B;
                m[u.oDropped] |= 1 << p;
                notice = "set_link gave up after " + SET_LINK_TRIES + " failed attempts: port " + p
                        + " not linked after tail " + m[b + TT];
                setLinkReturn(m, b, true);
            }
            // ---- b / c
            case B1_tasPending, D1_tasPending -> {
                m[b + WASP] = (m[wp] & P) != 0 ? 1 : 0;
                m[wp] |= P;
                go(m, b, pc == Pc.B1_tasPending ? Pc.B2_testMasked : Pc.D2_testMasked);
            }
            case B2_testMasked, D2_testMasked -> {
                if ((m[wp] & M) != 0) {
                    finishOp(m, u, t);
                } else {
                    go(m, b, pc == Pc.B2_testMasked ? Pc.B3_testLinked : Pc.D3_testLinked);
                }
            }
            case B3_testLinked, D3_testLinked -> {
                // B3/D3: plain, unlocked test of LINKED
                if ((m[wp] & L) != 0) {
                    finishOp(m, u, t);
                } else {
                    go(m, b, pc == Pc.B3_testLinked ? Pc.B4_readPrio : Pc.D4_readPrio);
                }
            }
            case B4_readPrio, D4_readPrio -> {
                m[b + KQ] = m[u.oPrio + p];
                Pc next = switch (version) {
                    case B -> Pc.B5_readLastv;
                    case C, D, D1 -> Pc.L1_readLastv;
                    default -> Pc.L1_readLastq;
                };
                go(m, b, next);
            }
            case B5_readLastv -> {
                m[b + LV] = m[u.oLastv + p];
                go(m, b, Pc.B6_readLastp);
            }
            case B6_readLastp -> {
                m[b + LP] = m[u.oLastp + p];
                go(m, b, Pc.B7_lockOldQ);
            }
            case B7_lockOldQ -> {
                m[u.oOwner + oq(u, m, b)] = t + 1;
                go(m, b, Pc.B8_setLinked);
            }
            case B8_setLinked -> {
                // B8: set_bit, not test_and_set
                m[wp] |= L;
                m[u.oDropped] &= ~(1 << p);
                go(m, b, Pc.B9_invalidateTail);
            }
            case B9_invalidateTail, D7_invalidateTail, E5a_invalidateTail -> {
                // old tail: the old queue is empty, make its next link write HEAD
                int oq = oq(u, m, b);
                if (m[u.oTail + oq] == p) {
                    m[u.oTail + oq] = 0;
                }
                boolean moved = oq != q(u, m, b);
                Pc next;
                if (pc == Pc.B9_invalidateTail) {
                    next = moved ? Pc.B10a_readNv : Pc.B11_readTail;
                } else if (pc == Pc.E5a_invalidateTail) {
                    next = moved ? Pc.E5b_writeLastq : Pc.E5c_readTail;
                } else if (!moved) {
                    next = Pc.D9_readTail;
                } else {
                    next = switch (version) {
                        case D -> Pc.D8a_readNv;
                        case D1 -> Pc.D8a_writeLastv;
                        default -> Pc.D8_writeLastq;
                    };
                }
                go(m, b, next);
            }
            case B10a_readNv, D8a_readNv -> {
                m[b + TMP] = m[u.oNv + p];
                go(m, b, pc == Pc.B10a_readNv ? Pc.B10a_writeLastv : Pc.D8a_writeLastv);
            }
            case B10a_writeLastv -> {
                m[u.oLastv + p] = m[b + TMP];
                go(m, b, Pc.B10b_readPrio);
            }
            case D8a_writeLastv -> {
                // d re-reads notify_vcpu_id (race D); d' stores the vCPU actually used
                m[u.oLastv + p] = version == XenVersion.D ? m[b + TMP] : m[b + VC];
                go(m, b, version == XenVersion.D ? Pc.D8b_readPrio : Pc.D8b_writeLastp);
            }
            case B10b_readPrio, D8b_readPrio -> {
                m[b + TMP] = m[u.oPrio + p];
                go(m, b, pc == Pc.B10b_readPrio ? Pc.B10b_writeLastp : Pc.D8b_writeLastp);
            }
            case B10b_writeLastp -> {
                m[u.oLastp + p] = m[b + TMP];
                go(m, b, Pc.B10c_unlockOldQ);
            }
            case D8b_writeLastp -> {
                m[u.oLastp + p] = version == XenVersion.D ? m[b + TMP] : m[b + KQ];
                go(m, b, Pc.D8c_unlockOldQ);
            }
            case D8_writeLastq -> {
                // e1: write_atomic of the packed last queue
                m[u.oLastv + p] = m[b + VC];
                m[u.oLastp + p] = m[b + KQ];
                go(m, b, Pc.D8c_unlockOldQ);
            }
            case B10c_unlockOldQ, D8c_unlockOldQ -> {
                // no lock held until q's lock is taken: L set, p on no queue
                m[u.oOwner + oq(u, m, b)] = 0;
                go(m, b, pc == Pc.B10c_unlockOldQ ? Pc.B10d_lockQ : Pc.D8d_lockQ);
            }
            case B10d_lockQ, D8d_lockQ -> {
                m[u.oOwner + q(u, m, b)] = t + 1;
                go(m, b, pc == Pc.B10d_lockQ ? Pc.B11_readTail : Pc.D9_readTail);
            }
            case B11_readTail, D9_readTail, E5c_readTail -> {
                int tail = m[u.oTail + q(u, m, b)];
                m[b + TT] = tail;
                if (tail != 0) {
                    beginSetLink(m, b);
                } else {
                    setLinkReturn(m, b, false);
                }
            }
            case B12_writeHead, D10_writeHead, E5d_writeHead -> {
                m[u.oHead + q(u, m, b)] = p;
                go(m, b, pc == Pc.B12_writeHead ? Pc.B13_writeTail
                        : pc == Pc.D10_writeHead ? Pc.D11_writeTail : Pc.E5e_writeTail);
            }
            case B13_writeTail, D11_writeTail -> {
                m[u.oTail + q(u, m, b)] = p;
                go(m, b, pc == Pc.B13_writeTail ? Pc.B14_unlockQ : Pc.D12_unlockQ);
            }
            case B14_unlockQ, D12_unlockQ -> {
                m[u.oOwner + q(u, m, b)] = 0;
                if (m[b + LINKED] == 0) {
                    go(m, b, pc == Pc.B14_unlockQ ? Pc.B15_tasReady : Pc.D13_tasReady);
                } else {
                    finishOp(m, u, t);
                }
            }
            // ---- lock_old_queue
            case L1_readLastv -> {
                m[b + LV] = m[u.oLastv + p];
                go(m, b, Pc.L2_readLastp);
            }
            case L2_readLastp -> {
                m[b + LP] = m[u.oLastp + p];
                go(m, b, Pc.L3_lockOldQ);
            }
            case L1_readLastq -> {
                // e1: read_atomic of the packed last queue
                m[b + LV] = m[u.oLastv + p];
                m[b + LP] = m[u.oLastp + p];
                go(m, b, Pc.L3_lockOldQ);
            }
            case L3_lockOldQ -> {
                m[u.oOwner + oq(u, m, b)] = t + 1;
                // e1 recomputes the queue from the same snapshot: the check always passes
                go(m, b, version == XenVersion.E1 ? Pc.D6_tasLinked : Pc.L4_rereadLastv);
            }
            case L4_rereadLastv -> {
                m[b + LV2] = m[u.oLastv + p];
                go(m, b, Pc.L5_rereadLastp);
            }
            case L5_rereadLastp -> {
                m[b + LP2] = m[u.oLastp + p];
                // L6: same queue as the one locked?
                if (m[b + LV2] == m[b + LV] && m[b + LP2] == m[b + LP]) {
                    go(m, b, version == XenVersion.C ? Pc.C8_tasLinked : Pc.D6_tasLinked);
                } else {
                    go(m, b, Pc.L7_unlockOldQ);
                }
            }
            case L7_unlockOldQ -> {
                m[u.oOwner + oq(u, m, b)] = 0;
                int tries = m[b + TRIES] + 1;
                m[b + TRIES] = tries;
                if (version != XenVersion.C && tries == LOCK_OLD_QUEUE_TRIES) {
                    // D5: NULL after 3 tries, "lost event (too many queue changes)"
                    m[u.oDropped] |= 1 << p;
                    notice = "lock_old_queue gave up after " + LOCK_OLD_QUEUE_TRIES
                            + " tries: event on port " + p + " lost (too many queue changes)";
                    finishOp(m, u, t);
                } else {
                    go(m, b, Pc.L1_readLastv);
                }
            }
            case C8_tasLinked, D6_tasLinked -> {
                // C8/D6: test_and_set LINKED under the old queue's lock
                if ((m[wp] & L) != 0) {
                    go(m, b, pc == Pc.C8_tasLinked ? Pc.C8_unlockOldQ : Pc.D6_unlockOldQ);
                } else {
                    m[wp] |= L;
                    m[u.oDropped] &= ~(1 << p);
                    go(m, b, pc == Pc.C8_tasLinked ? Pc.B9_invalidateTail : Pc.D7_invalidateTail);
                }
            }
            case C8_unlockOldQ, D6_unlockOldQ -> {
                m[u.oOwner + oq(u, m, b)] = 0;
                finishOp(m, u, t);
            }
            // ---- e2
            case E1a_readLastq -> {
                m[b + LV] = m[u.oLastv + p];
                m[b + LP] = m[u.oLastp + p];
                go(m, b, Pc.E1b_readPrio);
            }
            case E1b_readPrio -> {
                m[b + KQ] = m[u.oPrio + p];
                go(m, b, q(u, m, b) == oq(u, m, b) ? Pc.E1c_lockQ : Pc.E1c_lockFirst);
            }
            case E1c_lockQ -> {
                m[u.oOwner + q(u, m, b)] = t + 1;
                go(m, b, Pc.E1d_rereadLastq);
            }
            case E1c_lockFirst -> {
                // E1c: the lower queue first, so two CPUs cannot deadlock
                m[u.oOwner + Math.min(q(u, m, b), oq(u, m, b))] = t + 1;
                go(m, b, Pc.E1c_lockSecond);
            }
            case E1c_lockSecond -> {
                m[u.oOwner + Math.max(q(u, m, b), oq(u, m, b))] = t + 1;
                go(m, b, Pc.E1d_rereadLastq);
            }
            case E1d_rereadLastq -> {
                m[b + LV2] = m[u.oLastv + p];
                m[b + LP2] = m[u.oLastp + p];
                go(m, b, Pc.E1d_rereadPrio);
            }
            case E1d_rereadPrio -> {
                m[b + TMP] = m[u.oPrio + p];
                // E1e: both queues still the right ones?
                if (m[b + TMP] == m[b + KQ] && m[b + LV2] == m[b + LV] && m[b + LP2] == m[b + LP]) {
                    go(m, b, Pc.E4_tasPending);
                } else {
                    go(m, b, q(u, m, b) != oq(u, m, b) ? Pc.E1f_unlockOldQ : Pc.E1f_unlockQ);
                }
            }
            case E1f_unlockOldQ -> {
                m[u.oOwner + oq(u, m, b)] = 0;
                go(m, b, Pc.E1f_unlockQ);
            }
            case E1f_unlockQ -> {
                m[u.oOwner + q(u, m, b)] = 0;
                int tries = m[b + TRIES] + 1;
                m[b + TRIES] = tries;
                if (tries == LOCK_OLD_QUEUE_TRIES) {
                    // E2: give up; since 8aa0e9d2 PENDING is not even set
                    m[u.oDropped] |= 1 << p;
                    notice = "set_pending gave up after " + LOCK_OLD_QUEUE_TRIES
                            + " tries: event on port " + p + " lost (too many queue changes)";
                    finishOp(m, u, t);
                } else {
                    go(m, b, Pc.E1a_readLastq);
                }
            }
            case E4_tasPending -> {
                // E4: T&S PENDING under the lock(s) (8aa0e9d2)
                m[b + WASP] = (m[wp] & P) != 0 ? 1 : 0;
                m[wp] |= P;
                go(m, b, Pc.E5_testMasked);
            }
            case E5_testMasked -> {
                go(m, b, (m[wp] & M) != 0 ? e6(u, m, b) : Pc.E5_tasLinked);
            }
            case E5_tasLinked -> {
                if ((m[wp] & L) != 0) {
                    go(m, b, e6(u, m, b));
                } else {
                    m[wp] |= L;
                    m[u.oDropped] &= ~(1 << p);
                    go(m, b, Pc.E5a_invalidateTail);
                }
            }
            case E5b_writeLastq -> {
                m[u.oLastv + p] = m[b + VC];
                m[u.oLastp + p] = m[b + KQ];
                go(m, b, Pc.E5b_unlockOldQ);
            }
            case E5b_unlockOldQ -> {
                m[u.oOwner + oq(u, m, b)] = 0;
                m[b + LV] = m[b + VC]; // old_q := q; q stays locked
                m[b + LP] = m[b + KQ];
                go(m, b, Pc.E5c_readTail);
            }
            case E5e_writeTail -> {
                m[u.oTail + q(u, m, b)] = p;
                go(m, b, e6(u, m, b));
            }
            case E6_unlockOldQ -> {
                m[u.oOwner + oq(u, m, b)] = 0;
                go(m, b, Pc.E6_unlockQ);
            }
            case E6_unlockQ -> {
                m[u.oOwner + q(u, m, b)] = 0;
                if (m[b + LINKED] == 0) {
                    go(m, b, Pc.E7_tasReady);
                } else {
                    finishOp(m, u, t);
                }
            }
            // ---- guest consumer (1.5)
            case G0_xchgReady -> {
                int v = u.guestV[t];
                m[u.oLready + v] = m[u.oReady + v];
                m[u.oReady + v] = 0;
                guestSelect(m, u, t, b, v);
            }
            case G4_readHead -> {
                // G4: the shared HEAD is read only when the local chain has ended
                m[b + CUR] = m[u.oHead + u.guestV[t] * u.nk + m[b + KQ]];
                go(m, b, Pc.G5_clearLinked);
            }
            case G5_clearLinked -> {
                // G5: clear L and LINK atomically, returning the old LINK
                int h = m[b + CUR];
                int w = m[u.oWord + h];
                int next = w >>> LINK_SHIFT;
                m[b + NXT] = next;
                if (h != 0) {
                    m[u.oWord + h] = w & ~(L | LINK_MASK);
                }
                if (next == 0) {
                    m[u.oLready + u.guestV[t]] &= ~(1 << m[b + KQ]); // G6, local copy only
                }
                go(m, b, Pc.G7_testPending);
            }
            case G7_testPending -> {
                if ((m[u.oWord + m[b + CUR]] & P) != 0) {
                    go(m, b, Pc.G7_testMasked);
                } else {
                    guestStoreHead(m, u, b, u.guestV[t]);
                }
            }
            case G7_testMasked -> {
                if ((m[u.oWord + m[b + CUR]] & M) != 0) {
                    guestStoreHead(m, u, b, u.guestV[t]); // masked: stays pending
                } else {
                    go(m, b, Pc.G7_ackPending);
                }
            }
            case G7_ackPending -> {
                // the event is delivered: the edge ack clears PENDING
                m[u.oWord + m[b + CUR]] &= ~P;
                guestStoreHead(m, u, b, u.guestV[t]);
            }
            case G9_xchgReady -> {
                int v = u.guestV[t];
                m[u.oLready + v] |= m[u.oReady + v];
                m[u.oReady + v] = 0;
                guestSelect(m, u, t, b, v);
            }
            // ---- guest mask / unmask (1.6)
            case U0_setMasked -> {
                m[wp] |= M;
                finishOp(m, u, t);
            }
            case U1_clearMasked -> {
                // U1: clear_masked, enabled only while BUSY is clear
                m[wp] &= ~M;
                go(m, b, Pc.U2_testPending);
            }
            case U2_testPending -> {
                if ((m[wp] & P) != 0) {
                    go(m, b, Pc.X0_readNv); // U3: EVTCHNOP_unmask
                } else {
                    finishOp(m, u, t);
                }
            }
            case U1c_clearMaskedCond -> {
                // clear_masked_cond: done if unmasked, hypercall if pending, else clear M
                int w = m[wp];
                if ((w & M) == 0) {
                    finishOp(m, u, t);
                } else if ((w & P) != 0) {
                    go(m, b, Pc.X0_readNv);
                } else {
                    m[wp] = w & ~M;
                    finishOp(m, u, t);
                }
            }
            case Done -> throw new IllegalStateException("thread " + t + " has finished");
            default -> throw new IllegalStateException("no step " + pc);
        }
        State next = new State(u, m);
        return notice == null ? Transition.of(next, pc.name()) : Transition.noticed(next, pc.name(), notice);
    }

    /** E6: unlock old_q (if still distinct) then q. */
    private static Pc e6(Setup u, int[] m, int b) {
        return oq(u, m, b) != q(u, m, b) ? Pc.E6_unlockOldQ : Pc.E6_unlockQ;
    }

    // ---------------------------------------------------------------------------------------
    // Invariants

    /** The derived definitions of a state, computed once and kept with it. */
    Derived d(State s) {
        Object c = s.derived;
        if (c instanceof Derived d && d.owner() == this) {
            return d;
        }
        Derived d = new Derived(s);
        s.derived = d;
        return d;
    }

    private static boolean noSelfLink(State s) {
        Setup u = s.setup;
        for (int p = 1; p <= u.np; p++) {
            int w = s.m[u.oWord + p];
            if ((w & L) != 0 && (w >>> LINK_SHIFT) == p) {
                return false;
            }
        }
        return true;
    }

    /** The derived definitions of notes 3.2 and the invariants over them, computed once per state. */
    final class Derived {
        // Final, so a state shared between search threads publishes them safely.
        final boolean acyclic;
        final boolean reachable;
        final boolean unique;
        final boolean tailIsLast;
        final boolean emptyOldTail;
        final boolean lastQueueCorrect;
        final boolean readyValidHead;
        final boolean quiescent;

        XenFifoModel owner() {
            return XenFifoModel.this;
        }

        Derived(State s) {
            boolean acyclic = true;
            boolean reachable = true;
            boolean unique = true;
            boolean tailIsLast = true;
            boolean emptyOldTail = true;
            boolean lastQueueCorrect = true;
            boolean readyValidHead = true;
            boolean quiescent = true;
            Setup u = s.setup;
            int[] m = s.m;
            int nq = u.nq;
            int np = u.np;
            int inFlight = 0;
            int consuming = 0;
            int inCs = 0;
            boolean[] headToReady = new boolean[nq];
            for (int t = 0; t < u.threads; t++) {
                int b = u.base(t);
                int pc = m[b + PC];
                if (inFlightPc[pc]) {
                    inFlight |= 1 << m[b + PORT];
                }
                if (headToReadyPc[pc] && m[b + LINKED] == 0) {
                    headToReady[q(u, m, b)] = true;
                }
                if (pc == Pc.G5_clearLinked.ordinal()) {
                    consuming |= 1 << m[b + CUR];
                }
                if (u.kind[t] != KIND_GUEST && (pc == Pc.B10d_lockQ.ordinal() || pc == Pc.D8d_lockQ.ordinal())) {
                    inCs |= 1 << m[b + PORT];
                }
            }
            for (int q = 0; q < nq; q++) {
                int o = m[u.oOwner + q];
                if (o != 0) {
                    inCs |= 1 << m[u.base(o - 1) + PORT];
                }
            }
            int dropped = m[u.oDropped];
            // Queues
            int[] count = new int[np + 1];
            int[] members = new int[nq];
            int[] first = new int[nq];
            int[] last = new int[nq];
            for (int q = 0; q < nq; q++) {
                int v = q / u.nk;
                int k = q % u.nk;
                int x = start(u, m, v, k, headToReady[q]);
                first[q] = x;
                int seen = 0;
                while (x != 0) {
                    if ((seen & (1 << x)) != 0) {
                        acyclic = false;
                        break;
                    }
                    seen |= 1 << x;
                    if (x <= np) {
                        count[x]++;
                        members[q] |= 1 << x;
                    }
                    last[q] = x;
                    x = m[u.oWord + x] >>> LINK_SHIFT;
                }
            }
            // A port dropped on purpose strands itself and whatever is later linked behind it.
            int excused = dropped;
            for (int p = 1; p <= np; p++) {
                if ((dropped & (1 << p)) != 0 && count[p] == 0 && (m[u.oWord + p] & L) != 0) {
                    int x = m[u.oWord + p] >>> LINK_SHIFT;
                    while (x != 0 && x <= np && (excused & (1 << x)) == 0) {
                        excused |= 1 << x;
                        x = m[u.oWord + x] >>> LINK_SHIFT;
                    }
                }
            }
            for (int p = 1; p <= np; p++) {
                if (count[p] > 1) {
                    unique = false;
                }
                int bit = 1 << p;
                boolean isL = (m[u.oWord + p] & L) != 0;
                if (isL && count[p] != 1 && ((inFlight | consuming | excused) & bit) == 0) {
                    reachable = false;
                }
            }
            unique &= acyclic;
            // Tails
            for (int q = 0; q < nq; q++) {
                if (m[u.oOwner + q] != 0) {
                    continue;
                }
                int tail = m[u.oTail + q];
                boolean tailL = tail != 0 && (m[u.oWord + tail] & L) != 0;
                int tbit = tail != 0 ? 1 << tail : 0;
                if (tailL && ((inFlight | excused) & tbit) == 0 && (first[q] == 0 || last[q] != tail)) {
                    tailIsLast = false;
                }
                if (first[q] == 0 && tailL && ((inFlight | consuming | excused) & tbit) == 0) {
                    emptyOldTail = false;
                }
            }
            // Last queue
            if (version.hasLastQueue()) {
                for (int q = 0; q < nq; q++) {
                    int tail = m[u.oTail + q];
                    if (tail != 0 && (inCs & (1 << tail)) == 0
                            && m[u.oLastv + tail] * u.nk + m[u.oLastp + tail] != q) {
                        lastQueueCorrect = false;
                    }
                }
                for (int p = 1; p <= np; p++) {
                    int bit = 1 << p;
                    if ((m[u.oWord + p] & L) != 0 && ((inFlight | inCs | excused) & bit) == 0) {
                        int lq = m[u.oLastv + p] * u.nk + m[u.oLastp + p];
                        if ((members[lq] & bit) == 0) {
                            lastQueueCorrect = false;
                        }
                    }
                }
            }
            // READY and HEAD
            if (version == XenVersion.A0) {
                for (int t = 0; t < u.threads; t++) {
                    int b = u.base(t);
                    if (m[b + PC] != Pc.G5_clearLinked.ordinal()) {
                        continue;
                    }
                    int h = m[b + CUR];
                    if (h == 0 || (m[u.oWord + h] & L) == 0) {
                        continue;
                    }
                    for (int x = 1; x <= np; x++) {
                        int w = m[u.oWord + x];
                        if ((w & L) != 0 && (w >>> LINK_SHIFT) == h) {
                            readyValidHead = false;
                        }
                    }
                }
            } else {
                for (int q = 0; q < nq; q++) {
                    int v = q / u.nk;
                    int k = q % u.nk;
                    if ((m[u.oReady + v] & (1 << k)) == 0) {
                        continue;
                    }
                    int h = m[u.oHead + q];
                    if (h == 0 || (m[u.oWord + h] & L) == 0 || first[q] != h) {
                        readyValidHead = false;
                    }
                }
            }
            // Quiescence
            boolean idle = true;
            for (int t = 0; t < u.threads && idle; t++) {
                idle = finished(s, t);
            }
            for (int v = 0; v < u.nv && idle; v++) {
                idle = m[u.oReady + v] == 0 && m[u.oLready + v] == 0;
            }
            for (int q = 0; q < nq && idle; q++) {
                idle = m[u.oLhead + q] == 0;
            }
            if (idle) {
                for (int p = 1; p <= np; p++) {
                    int w = m[u.oWord + p];
                    if ((excused & (1 << p)) == 0 && ((w & L) != 0 || (w & (P | M)) == P)) {
                        quiescent = false;
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
            this.quiescent = quiescent;
        }

        private int start(Setup u, int[] m, int v, int k, boolean headToReady) {
            int g = u.guestOf[v];
            if (g >= 0) {
                int b = u.base(g);
                int pc = m[b + PC];
                boolean afterG5 = pc == Pc.G7_testPending.ordinal() || pc == Pc.G7_testMasked.ordinal()
                        || pc == Pc.G7_ackPending.ordinal();
                if (afterG5 && m[b + KQ] == k) {
                    if (m[b + NXT] != 0) {
                        return m[b + NXT];
                    }
                } else if (m[u.oLhead + v * u.nk + k] != 0) {
                    return m[u.oLhead + v * u.nk + k];
                }
            }
            int bit = 1 << k;
            if (((m[u.oReady + v] | m[u.oLready + v]) & bit) != 0 || headToReady) {
                return m[u.oHead + v * u.nk + k];
            }
            return 0;
        }
    }

    // ---------------------------------------------------------------------------------------
    // TLA+ mapping and presentation

    private static Map<String, Object> wordRecord(int w) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("P", (w & P) != 0);
        r.put("M", (w & M) != 0);
        r.put("L", (w & L) != 0);
        r.put("B", (w & B) != 0);
        r.put("LINK", w >>> LINK_SHIFT);
        return r;
    }

    private static List<Object> perPort(int[] m, int off, int np, boolean word) {
        List<Object> out = new ArrayList<>(np);
        for (int p = 1; p <= np; p++) {
            out.add(word ? wordRecord(m[off + p]) : (Object) m[off + p]);
        }
        return out;
    }

    private static Map<Integer, Object> perQueue(Setup u, int[] m, int off) {
        Map<Integer, Object> out = new LinkedHashMap<>();
        for (int v = 0; v < u.nv; v++) {
            Map<Integer, Object> row = new LinkedHashMap<>();
            for (int k = 0; k < u.nk; k++) {
                row.put(k, m[off + v * u.nk + k]);
            }
            out.put(v, row);
        }
        return out;
    }

    private static Map<Integer, Object> perVcpuSet(Setup u, int[] m, int off) {
        Map<Integer, Object> out = new LinkedHashMap<>();
        for (int v = 0; v < u.nv; v++) {
            Set<Integer> set = new TreeSet<>();
            for (int k = 0; k < u.nk; k++) {
                if ((m[off + v] & (1 << k)) != 0) {
                    set.add(k);
                }
            }
            out.put(v, set);
        }
        return out;
    }

    /** TLA+ variable names, in the spec's order. */
    public static final List<String> VARIABLES = List.of("word", "prio", "nv", "lastv", "lastp", "tail",
            "owner", "head", "ready", "lhead", "lready", "dropped", "pc", "opi", "port", "vc", "kq", "lv", "lp",
            "lv2", "lp2", "tmp", "wasP", "linked", "tries", "tl", "ws", "nfail", "cur", "nxt");

    @Override
    public long fingerprint(State s) {
        // The array holds exactly what variables() shows (one slot per variable element).
        return racetrace.engine.Fingerprint.ofInts(s.m);
    }

    @Override
    public Map<String, Object> variables(State s) {
        Setup u = s.setup;
        int[] m = s.m;
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("word", perPort(m, u.oWord, u.np, true));
        v.put("prio", perPort(m, u.oPrio, u.np, false));
        v.put("nv", perPort(m, u.oNv, u.np, false));
        v.put("lastv", perPort(m, u.oLastv, u.np, false));
        v.put("lastp", perPort(m, u.oLastp, u.np, false));
        v.put("tail", perQueue(u, m, u.oTail));
        v.put("owner", perQueue(u, m, u.oOwner));
        v.put("head", perQueue(u, m, u.oHead));
        v.put("ready", perVcpuSet(u, m, u.oReady));
        v.put("lhead", perQueue(u, m, u.oLhead));
        v.put("lready", perVcpuSet(u, m, u.oLready));
        Set<Integer> dropped = new TreeSet<>();
        for (int p = 1; p <= u.np; p++) {
            if ((m[u.oDropped] & (1 << p)) != 0) {
                dropped.add(p);
            }
        }
        v.put("dropped", dropped);
        for (int r = 0; r < REGS; r++) {
            List<Object> col = new ArrayList<>(u.threads);
            for (int t = 0; t < u.threads; t++) {
                int x = m[u.base(t) + r];
                col.add(switch (r) {
                    case PC -> PCS[x].name();
                    case OPI -> x + 1;
                    case WASP, LINKED -> x != 0;
                    case W -> wordRecord(x);
                    default -> x;
                });
            }
            v.put(REG_NAMES[r], col);
        }
        return v;
    }

    private static final Set<String> HIDDEN;

    static {
        Set<String> h = new LinkedHashSet<>(Arrays.asList(REG_NAMES));
        HIDDEN = java.util.Collections.unmodifiableSet(h);
    }

    @Override
    public Set<String> hiddenInTable() {
        return HIDDEN;
    }

    @Override
    public String threadName(Scenario scenario, int thread) {
        String actor = scenario.threads().get(thread).actor();
        int index = 0;
        for (int i = 0; i < thread; i++) {
            if (scenario.threads().get(i).actor().equals(actor)) {
                index++;
            }
        }
        return switch (actor) {
            case XEN_CPU -> "Xen CPU " + (char) ('A' + index);
            case GUEST -> "guest v" + index;
            default -> "guest unmask";
        };
    }

    @Override
    public Map<String, Object> tlaConstants(Scenario scenario) {
        Config c = scenario.config();
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("Version", version.id());
        k.put("NV", c.get("vcpus"));
        k.put("NK", c.get("prios"));
        k.put("NP", c.get("ports"));
        k.put("Masked", c.get("masked"));
        k.put("OldTail", c.get("oldTail"));
        k.put("UnmaskForm", c.get("unmaskForm"));
        List<Object> actors = new ArrayList<>();
        List<Object> scripts = new ArrayList<>();
        for (ThreadScript ts : scenario.threads()) {
            actors.add(ts.actor());
            List<Object> ops = new ArrayList<>();
            for (Op op : ts.ops()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("op", op.name());
                r.put("a", op.args().isEmpty() ? 0 : op.arg(0));
                r.put("b", op.args().size() < 2 ? 0 : op.arg(1));
                ops.add(r);
            }
            scripts.add(ops);
        }
        k.put("Actor", actors);
        k.put("Script", scripts);
        return k;
    }
}
