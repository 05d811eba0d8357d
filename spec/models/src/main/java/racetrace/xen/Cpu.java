package racetrace.xen;

/**
 * One thread taking one step: the copy of the state array the step writes, with named access to
 * the thread's registers and to the shared variables, and the control flow shared by the
 * versions (where set_pending and set_link start and return). The step classes ({@link PortOps},
 * {@link SetPending2013}, {@link SetPendingLastQueue}, {@link SetPendingE2}, {@link SetLink},
 * {@link Guest}) only read and write through it.
 */
final class Cpu {

    final Layout u;
    final int[] m;
    final int t;
    final XenVersion version;
    private final int regs;
    private String notice;

    Cpu(Layout u, int[] m, int t, XenVersion version) {
        this.u = u;
        this.m = m;
        this.t = t;
        this.version = version;
        this.regs = u.regs(t);
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
        return u.opCode[t][r(Reg.opi)];
    }

    int opArg2() {
        return u.opB[t][r(Reg.opi)];
    }

    // ---- shared memory

    int word(int p) {
        return m[u.word + p];
    }

    void setWord(int p, int w) {
        m[u.word + p] = w;
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

    /** Ends the current op: on to the first step of the next one, or Done. */
    void finish() {
        startOp(u, m, t, r(Reg.opi) + 1);
    }

    /** Sets thread t to the first step of op {@code opi}, or Done. */
    static void startOp(Layout u, int[] m, int t, int opi) {
        m[u.reg(t, Reg.opi)] = opi;
        if (opi >= u.opCode[t].length) {
            m[u.reg(t, Reg.pc)] = Pc.Done.ordinal();
            return;
        }
        m[u.reg(t, Reg.port)] = u.opA[t][opi];
        Pc pc = switch (u.opCode[t][opi]) {
            case Layout.OP_SEND, Layout.OP_UNMASK -> Pc.X0_readNv;
            case Layout.OP_SETPRIO -> Pc.XP_writePrio;
            case Layout.OP_BIND -> Pc.XB_writeNv;
            case Layout.OP_UPCALL -> Pc.G0_xchgReady;
            case Layout.OP_GMASK -> Pc.U0_setMasked;
            default -> u.unmaskForm == 0 ? Pc.U1_clearMasked : Pc.U1c_clearMaskedCond;
        };
        m[u.reg(t, Reg.pc)] = pc.ordinal();
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
            case B, C -> linked ? Pc.B13_writeTail : Pc.B12_writeHead;
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
