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

    XenFootprint(Layout u, XenVersion version) {
        this.u = u;
        this.version = version;
    }

    /** Into out[0] the reads, into out[1] the writes: a bit per slot mod 64 (Java's shift takes the slot mod 64). */
    void of(int[] m, int t, long[] out) {
        long r = 0;
        long w = 0;
        // Slots both read and written (a read-modify-write, a lock), added to both at the end.
        long rw = 0;
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
            r |= 1L << (caller);
        }
        if (version == XenVersion.FIX1) {
            r |= 1L << (u.lock(Callers.EVT, p));
        }
        switch (Pc.of(m[base + Reg.pc.ordinal()])) {
            case XL_lockCaller, XL_unlockCaller -> {
                if (caller < 0) {
                    r = -1L;
                    w = -1L;
                } else {
                    rw |= 1L << (caller);
                }
            }
            case F1_lockEvent, F1_unlockEvent -> rw |= 1L << (u.lock(Callers.EVT, p));
            case X0_readNv -> {
                r |= 1L << (u.nv + p);
                rw |= 1L << (u.owed);
            }
            case XU1_clearMasked, A3_tasPending, B1_tasPending, D1_tasPending, E4_tasPending, U0_setMasked,
                    U1_clearMasked, U1c_clearMaskedCond, R1_scribble -> rw |= 1L << (u.word + p);
            case XU2_testPending, A4_testMasked, B2_testMasked, D2_testMasked, B3_testLinked, D3_testLinked,
                    E5_testMasked, U2_testPending -> r |= 1L << (u.word + p);
            case XP_writePrio -> w |= 1L << (u.prio + p);
            case XB_writeNv -> w |= 1L << (u.nv + p);
            case A2_readPrio, B4_readPrio, D4_readPrio, B10b_readPrio, D8b_readPrio, E1b_readPrio, E1d_rereadPrio ->
                r |= 1L << (u.prio + p);
            case A6_lockQ, B10d_lockQ, D8d_lockQ, E1c_lockQ, A10_unlockQ, B14_unlockQ, D12_unlockQ, E6_unlockQ ->
                rw |= 1L << (u.owner + q);
            case E1f_unlockQ -> {
                rw |= 1L << (u.owner + q);
                rw |= 1L << (u.dropped);
            }
            case B7_lockOldQ, L3_lockOldQ, C8_unlockOldQ, D6_unlockOldQ, B10c_unlockOldQ, D8c_unlockOldQ,
                    E1f_unlockOldQ, E5b_unlockOldQ, E6_unlockOldQ -> rw |= 1L << (u.owner + oq);
            case L7_unlockOldQ -> {
                rw |= 1L << (u.owner + oq);
                rw |= 1L << (u.dropped);
            }
            case E1c_lockFirst -> rw |= 1L << (u.owner + Math.min(q, oq));
            case E1c_lockSecond -> rw |= 1L << (u.owner + Math.max(q, oq));
            case B9_invalidateTail, D7_invalidateTail, E5a_invalidateTail -> rw |= 1L << (u.tail + oq);
            case A7_readTail, B11_readTail, D9_readTail, E5c_readTail -> r |= 1L << (u.tail + q);
            case A8_writeHead, B12_writeHead, D10_writeHead, E5d_writeHead -> w |= 1L << (u.head + q);
            case A9_writeTail, B13_writeTail, D11_writeTail, E5e_writeTail -> w |= 1L << (u.tail + q);
            case A11_tasReady, B15_tasReady, D13_tasReady, E7_tasReady ->
                rw |= 1L << (u.ready + m[base + Reg.vc.ordinal()]);
            case SL1_readTail, S1_readTail, S5_readTail -> r |= 1L << (u.word + tl);
            case SL3_cas, S3_cas, S4_setBusy, S6_cas, S6_clearBusy -> rw |= 1L << (u.word + tl);
            case S7_clearBusy -> {
                rw |= 1L << (u.word + tl);
                rw |= 1L << (u.dropped);
            }
            case A5_tasLinked, B8_setLinked, C8_tasLinked, D6_tasLinked, E5_tasLinked -> {
                rw |= 1L << (u.word + p);
                rw |= 1L << (u.dropped);
            }
            case B5_readLastv, L1_readLastv, L4_rereadLastv -> r |= 1L << (u.lastv + p);
            case B6_readLastp, L2_readLastp, L5_rereadLastp -> r |= 1L << (u.lastp + p);
            case L1_readLastq, E1a_readLastq, E1d_rereadLastq -> {
                r |= 1L << (u.lastv + p);
                r |= 1L << (u.lastp + p);
            }
            case B10a_readNv, D8a_readNv -> r |= 1L << (u.nv + p);
            case B10a_writeLastv, D8a_writeLastv -> w |= 1L << (u.lastv + p);
            case B10b_writeLastp, D8b_writeLastp -> w |= 1L << (u.lastp + p);
            case D8_writeLastq, E5b_writeLastq -> {
                w |= 1L << (u.lastv + p);
                w |= 1L << (u.lastp + p);
            }
            case G0_xchgReady, G9_xchgReady -> {
                rw |= 1L << (u.ready + v);
                rw |= 1L << (u.lready + v);
                for (int k = 0; k < u.prios; k++) {
                    r |= 1L << (u.lhead + u.queue(v, k));
                }
            }
            case G4_readHead -> r |= 1L << (u.head + q(v, m, base));
            case G5_clearLinked -> {
                rw |= 1L << (u.word + cur);
                rw |= 1L << (u.lready + v);
            }
            case G7_testPending, G7_testMasked -> {
                r |= 1L << (u.word + cur);
                w |= 1L << (u.lhead + q(v, m, base));
            }
            case G7_ackPending -> {
                rw |= 1L << (u.word + cur);
                rw |= 1L << (u.owed);
                w |= 1L << (u.lhead + q(v, m, base));
            }
            default -> {
                // a label not listed touches everything
                r = -1L;
                w = -1L;
            }
        }
        out[0] = r | rw;
        out[1] = w | rw;
    }

    /** The guest's queue of its vCPU at the priority in its kq register. */
    private int q(int v, int[] m, int base) {
        return u.queue(v, m[base + Reg.kq.ordinal()]);
    }
}
