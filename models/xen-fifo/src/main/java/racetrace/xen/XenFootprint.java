package racetrace.xen;

/**
 * What each step may read and write of the shared state ({@link racetrace.engine.Machine#footprint}),
 * declared from the step code ({@link PortOps}, {@link SetPendingSteps}, {@link SetPending2013},
 * {@link SetPendingLastQueue}, {@link SetPendingE2}, {@link SetLink}, {@link Guest}) label by
 * label: a bit per slot of the state array below the registers (slot mod 64; slots sharing a bit
 * only make more steps dependent). A read-modify-write of a word (a test-and-set, a clear of a
 * bit, a cmpxchg) reads and writes its slot; a store writes it whether or not the value changes;
 * a lock taken or released writes its slot, and a step waiting for it reads it ({@code enabled});
 * the ghosts {@code owed} and {@code dropped} count as memory. Every step may end its op, and an
 * op's end reads the holders of the caller's lock and of fix 1's per-event lock ({@link
 * Cpu#finish}), so every step reads them. A label not listed touches everything.
 */
final class XenFootprint {

    private final Layout u;
    private final XenVersion version;
    private long r;
    private long w;

    XenFootprint(Layout u, XenVersion version) {
        this.u = u;
        this.version = version;
    }

    private void read(int slot) {
        r |= 1L << (slot & 63);
    }

    private void write(int slot) {
        w |= 1L << (slot & 63);
    }

    private void update(int slot) {
        read(slot);
        write(slot);
    }

    void of(int[] m, int t, long[] out) {
        r = 0;
        w = 0;
        int base = u.regs(t);
        int p = m[base + Reg.port.ordinal()];
        int op = m[base + Reg.op.ordinal()];
        int q = u.queue(m[base + Reg.vc.ordinal()], m[base + Reg.kq.ordinal()]);
        int oq = u.queue(m[base + Reg.lv.ordinal()], m[base + Reg.lp.ordinal()]);
        int tl = m[base + Reg.tl.ordinal()];
        int cur = m[base + Reg.cur.ordinal()];
        int v = u.guestV[t];
        // Cpu.finish: whether the op's locks are still held.
        int caller = u.callerSlot(op, p);
        if (caller >= 0) {
            read(caller);
        }
        if (version == XenVersion.FIX1) {
            read(u.lock(Callers.EVT, p));
        }
        switch (Pc.of(m[base + Reg.pc.ordinal()])) {
            case XL_lockCaller, XL_unlockCaller -> {
                if (caller < 0) {
                    everything();
                } else {
                    update(caller);
                }
            }
            case F1_lockEvent, F1_unlockEvent -> update(u.lock(Callers.EVT, p));
            case X0_readNv -> {
                read(u.nv + p);
                update(u.owed);
            }
            case XU1_clearMasked, A3_tasPending, B1_tasPending, D1_tasPending, E4_tasPending, U0_setMasked,
                    U1_clearMasked, U1c_clearMaskedCond, R1_scribble -> update(u.word + p);
            case XU2_testPending, A4_testMasked, B2_testMasked, D2_testMasked, B3_testLinked, D3_testLinked,
                    E5_testMasked, U2_testPending -> read(u.word + p);
            case XP_writePrio -> write(u.prio + p);
            case XB_writeNv -> write(u.nv + p);
            case A2_readPrio, B4_readPrio, D4_readPrio, B10b_readPrio, D8b_readPrio, E1b_readPrio, E1d_rereadPrio ->
                read(u.prio + p);
            case A6_lockQ, B10d_lockQ, D8d_lockQ, E1c_lockQ, A10_unlockQ, B14_unlockQ, D12_unlockQ, E6_unlockQ ->
                update(u.owner + q);
            case E1f_unlockQ -> {
                update(u.owner + q);
                update(u.dropped);
            }
            case B7_lockOldQ, L3_lockOldQ, C8_unlockOldQ, D6_unlockOldQ, B10c_unlockOldQ, D8c_unlockOldQ,
                    E1f_unlockOldQ, E5b_unlockOldQ, E6_unlockOldQ -> update(u.owner + oq);
            case L7_unlockOldQ -> {
                update(u.owner + oq);
                update(u.dropped);
            }
            case E1c_lockFirst -> update(u.owner + Math.min(q, oq));
            case E1c_lockSecond -> update(u.owner + Math.max(q, oq));
            case B9_invalidateTail, D7_invalidateTail, E5a_invalidateTail -> update(u.tail + oq);
            case A7_readTail, B11_readTail, D9_readTail, E5c_readTail -> read(u.tail + q);
            case A8_writeHead, B12_writeHead, D10_writeHead, E5d_writeHead -> write(u.head + q);
            case A9_writeTail, B13_writeTail, D11_writeTail, E5e_writeTail -> write(u.tail + q);
            case A11_tasReady, B15_tasReady, D13_tasReady, E7_tasReady -> update(u.ready + m[base + Reg.vc.ordinal()]);
            case SL1_readTail, S1_readTail, S5_readTail -> read(u.word + tl);
            case SL3_cas, S3_cas, S4_setBusy, S6_cas, S6_clearBusy -> update(u.word + tl);
            case S7_clearBusy -> {
                update(u.word + tl);
                update(u.dropped);
            }
            case A5_tasLinked, B8_setLinked, C8_tasLinked, D6_tasLinked, E5_tasLinked -> {
                update(u.word + p);
                update(u.dropped);
            }
            case B5_readLastv, L1_readLastv, L4_rereadLastv -> read(u.lastv + p);
            case B6_readLastp, L2_readLastp, L5_rereadLastp -> read(u.lastp + p);
            case L1_readLastq, E1a_readLastq, E1d_rereadLastq -> {
                read(u.lastv + p);
                read(u.lastp + p);
            }
            case B10a_readNv, D8a_readNv -> read(u.nv + p);
            case B10a_writeLastv, D8a_writeLastv -> write(u.lastv + p);
            case B10b_writeLastp, D8b_writeLastp -> write(u.lastp + p);
            case D8_writeLastq, E5b_writeLastq -> {
                write(u.lastv + p);
                write(u.lastp + p);
            }
            case G0_xchgReady, G9_xchgReady -> {
                update(u.ready + v);
                update(u.lready + v);
                for (int k = 0; k < u.prios; k++) {
                    read(u.lhead + u.queue(v, k));
                }
            }
            case G4_readHead -> read(u.head + q(v, m, base));
            case G5_clearLinked -> {
                update(u.word + cur);
                update(u.lready + v);
            }
            case G7_testPending, G7_testMasked -> {
                read(u.word + cur);
                write(u.lhead + q(v, m, base));
            }
            case G7_ackPending -> {
                update(u.word + cur);
                update(u.owed);
                write(u.lhead + q(v, m, base));
            }
            default -> everything();
        }
        out[0] = r;
        out[1] = w;
    }

    /** The guest's queue of its vCPU at the priority in its kq register. */
    private int q(int v, int[] m, int base) {
        return u.queue(v, m[base + Reg.kq.ordinal()]);
    }

    private void everything() {
        r = -1L;
        w = -1L;
    }
}
