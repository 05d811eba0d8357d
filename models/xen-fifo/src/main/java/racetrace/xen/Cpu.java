package racetrace.xen;

/**
 * One thread taking one step: the copy of the state array the step writes, with named access to
 * the thread's registers and to the shared variables, and the control flow shared by the
 * versions (where an op, set_pending and set_link start and return, and where an op releases the
 * locks it took). The step classes ({@link PortOps}, {@link SetPendingSteps}, {@link
 * SetPending2013}, {@link SetPendingLastQueue}, {@link SetPendingE2}, {@link SetLink}, {@link
 * Guest}) read and write through it.
 */
final class Cpu {

    final Layout u;
    final XenVersion version;
    final Callers callers;
    // The state array this step writes and the thread taking it: set by on(), so a machine reuses one Cpu.
    int[] m;
    int t;
    private int regs;
    private String notice;

    Cpu(Layout u, XenVersion version, Callers callers) {
        this.u = u;
        this.version = version;
        this.callers = callers;
    }

    /** This CPU now steps thread t in state array m. */
    Cpu on(int[] m, int t) {
        this.m = m;
        this.t = t;
        this.regs = u.regs(t);
        this.notice = null;
        return this;
    }

    // ---- registers

    int r(Reg r) {
        return m[regs + r.ordinal()];
    }

    void set(Reg r, int value) {
        m[regs + r.ordinal()] = value;
    }

    boolean flag(Reg r) {
        return r(r) != 0;
    }

    void set(Reg r, boolean value) {
        set(r, value ? 1 : 0);
    }

    int port() {
        return r(Reg.port);
    }

    Pc pc() {
        return Pc.of(r(Reg.pc));
    }

    int opCode() {
        return r(Reg.op);
    }

    int opArg2() {
        return r(Reg.opb);
    }

    // ---- shared memory

    int word(int p) {
        return m[u.word + p];
    }

    void setWord(int p, int w) {
        m[u.word + p] = w;
    }

    /**
     * The last queue of port p read as one access (e1 and e2 pack lastv and lastp into one word,
     * read with read_atomic): its vCPU into v, its priority into k.
     */
    void readLastq(int p, Reg v, Reg k) {
        set(v, m[u.lastv + p]);
        set(k, m[u.lastp + p]);
    }

    /** The last queue of port p written as one access (e1, e2: write_atomic of the packed word): queue (vc, kq). */
    void writeLastq(int p) {
        m[u.lastv + p] = r(Reg.vc);
        m[u.lastp + p] = r(Reg.kq);
    }

    /** The word of the op's port. */
    int w() {
        return word(port());
    }

    boolean w(int bit) {
        return Word.has(w(), bit);
    }

    void setBits(int p, int bits) {
        m[u.word + p] |= bits;
    }

    void clearBits(int p, int bits) {
        m[u.word + p] &= ~bits;
    }

    /** Queue (vc, kq): the queue set_pending links on. */
    int q() {
        return u.queue(r(Reg.vc), r(Reg.kq));
    }

    /** Queue (lv, lp): the old queue. */
    int oq() {
        return u.queue(r(Reg.lv), r(Reg.lp));
    }

    boolean lockFree(int q) {
        return m[u.owner + q] == 0;
    }

    void lock(int q) {
        m[u.owner + q] = t + 1;
    }

    void unlock(int q) {
        m[u.owner + q] = 0;
    }

    /** Where the holders of the lock the caller of the current op takes in this era live, or -1 for none. */
    int callerSlot() {
        return u.callerSlot(opCode(), port());
    }

    boolean holds(int lock) {
        return (m[lock] & (1 << t)) != 0;
    }

    void take(int lock) {
        m[lock] |= 1 << t;
    }

    void release(int lock) {
        m[lock] &= ~(1 << t);
    }

    /** Fix 1: the per-event lock of the op's port. */
    int eventLock() {
        return u.lock(Callers.EVT, port());
    }

    /** A won LINKED claim: a port once dropped is linked again. */
    void undrop(int p) {
        m[u.dropped] &= ~(1 << p);
    }

    /** A designed give-up: the event on p is lost on purpose, and said so. */
    void drop(int p, String why) {
        m[u.dropped] |= 1 << p;
        notice = why;
    }

    String notice() {
        return notice;
    }

    // ---- control flow

    void go(Pc pc) {
        set(Reg.pc, pc.ordinal());
    }

    /** The straight-line successor of the current step. */
    void next() {
        go(pc().next());
    }

    /**
     * Ends the current op. Locks taken for it are released first, each by a step of its own
     * (fix 1's per-event lock, then the caller's lock); then the thread is done: its registers
     * cleared (but its op count), and the engine begins its next op, if any, in the same step.
     */
    void finish() {
        if (version == XenVersion.FIX1 && holds(eventLock())) {
            go(Pc.F1_unlockEvent);
            return;
        }
        int l = callerSlot();
        if (l >= 0 && holds(l)) {
            go(Pc.XL_unlockCaller);
            return;
        }
        done(u, m, t);
    }

    /** Thread t is done: every register 0 (pc Done, no op), but how many ops it has begun. */
    static void done(Layout u, int[] m, int t) {
        int base = u.regs(t);
        int begun = m[base + Reg.opi.ordinal()];
        for (int i = base, end = base + Reg.count(); i < end; i++) {
            m[i] = 0;
        }
        m[base + Reg.opi.ordinal()] = begun;
    }

    /** Thread t, done, begins op {@code code}(a, b): the caller's lock first, if any, then the op's first step. */
    static void begin(Layout u, int[] m, int t, int code, int a, int b, Callers callers) {
        int base = u.regs(t);
        m[base + Reg.opi.ordinal()]++;
        m[base + Reg.port.ordinal()] = a;
        m[base + Reg.op.ordinal()] = code;
        m[base + Reg.opb.ordinal()] = b;
        Pc pc;
        if (u.kind[t] == Layout.XEN && u.callerSlot(code, a) >= 0) {
            pc = Pc.XL_lockCaller;
        } else {
            pc = firstStep(u, code);
        }
        m[base + Reg.pc.ordinal()] = pc.ordinal();
    }

    /** The first step of an op, after its caller's lock. */
    static Pc firstStep(Layout u, int op) {
        return switch (op) {
            case Layout.OP_SETPRIO -> Pc.XP_writePrio;
            case Layout.OP_BIND -> Pc.XB_writeNv;
            case Layout.OP_UPCALL -> Pc.G0_xchgReady;
            case Layout.OP_GMASK -> Pc.U0_setMasked;
            case Layout.OP_SCRIBBLE -> Pc.R1_scribble;
            case Layout.OP_GUNMASK -> u.unmaskForm == 0 ? Pc.U1_clearMasked : Pc.U1c_clearMaskedCond;
            default -> Pc.X0_readNv; // the raising ops and the unmask hypercall
        };
    }

    /** The guest makes the EVTCHNOP_unmask hypercall (U3): Xen's unmask, under its caller's lock. */
    void hypercallUnmask() {
        go(callerSlot() >= 0 ? Pc.XL_lockCaller : Pc.X0_readNv);
    }

    /** evtchn_fifo_set_pending(v, p) is called, v already in vc. */
    void beginSetPending() {
        set(Reg.tries, 0);
        if (version == XenVersion.E2) {
            set(Reg.linked, true); // 71ac5229: linked starts true, so a give-up sets no READY
        }
        go(switch (version) {
            case A0, A -> Pc.A2_readPrio;
            case B, C -> Pc.B1_tasPending;
            case FIX1 -> Pc.F1_lockEvent;
            case D, D1, E1 -> Pc.D1_tasPending;
            case E2 -> Pc.E1a_readLastq;
        });
    }

    /** set_link(tl, port) is called. */
    void beginSetLink() {
        go(version.busySetLink() ? Pc.S1_readTail : Pc.SL1_readTail);
    }

    /** set_link returned: write HEAD if the port was not appended, else go on to the tail write. */
    void setLinkReturned(boolean linked) {
        set(Reg.linked, linked);
        go(switch (version) {
            case A0, A -> linked ? Pc.A9_writeTail : Pc.A8_writeHead;
            case B, C, FIX1 -> linked ? Pc.B13_writeTail : Pc.B12_writeHead;
            case D, D1, E1 -> linked ? Pc.D11_writeTail : Pc.D10_writeHead;
            case E2 -> linked ? Pc.E5e_writeTail : Pc.E5d_writeHead;
        });
    }

    /** The end of set_pending's link path: READY only for a new HEAD (a onwards). */
    void readyIfHead(Pc tasReady) {
        if (flag(Reg.linked)) {
            finish();
        } else {
            go(tasReady);
        }
    }
}
