package racetrace.xen;

import java.util.EnumSet;
import java.util.Set;

/**
 * The steps of evtchn_fifo_set_pending that every generation has in the same form, only under
 * its own labels (notes 2.2 to 2.7): test-and-set PENDING, the MASKED and LINKED tests, reading
 * the priority, the queue lock, the old-tail invalidation, reading the tail, writing HEAD and the
 * tail, and setting READY. The spec states each family once, as one parameterised action.
 */
final class SetPendingSteps {

    static final Set<Pc> LABELS = EnumSet.of(
            Pc.A3_tasPending, Pc.B1_tasPending, Pc.D1_tasPending, Pc.E4_tasPending,
            Pc.A4_testMasked, Pc.B2_testMasked, Pc.D2_testMasked,
            Pc.B3_testLinked, Pc.D3_testLinked,
            Pc.A2_readPrio, Pc.B4_readPrio, Pc.D4_readPrio,
            Pc.A6_lockQ, Pc.B10d_lockQ, Pc.D8d_lockQ, Pc.E1c_lockQ,
            Pc.B9_invalidateTail, Pc.D7_invalidateTail, Pc.E5a_invalidateTail,
            Pc.B11_readTail, Pc.D9_readTail, Pc.E5c_readTail,
            Pc.A8_writeHead, Pc.B12_writeHead, Pc.D10_writeHead, Pc.E5d_writeHead,
            Pc.A9_writeTail, Pc.B13_writeTail, Pc.D11_writeTail, Pc.E5e_writeTail,
            Pc.B14_unlockQ, Pc.D12_unlockQ, Pc.E6_unlockQ,
            Pc.A11_tasReady, Pc.B15_tasReady, Pc.D13_tasReady, Pc.E7_tasReady);

    private SetPendingSteps() {
    }

    static void step(Cpu c) {
        int p = c.port();
        Pc pc = c.pc();
        switch (pc) {
            case A3_tasPending, B1_tasPending, D1_tasPending, E4_tasPending -> {
                // was_pending = test_and_set_bit(PENDING) (e2: under the queue locks, 8aa0e9d2)
                c.set(Reg.wasP, c.w(Word.P));
                c.setBits(p, Word.P);
                c.next();
            }
            case A4_testMasked, B2_testMasked, D2_testMasked -> {
                if (c.w(Word.M)) {
                    c.finish();
                } else {
                    c.go(pc == Pc.A4_testMasked ? Pc.A5_tasLinked
                            : pc == Pc.B2_testMasked ? Pc.B3_testLinked : Pc.D3_testLinked);
                }
            }
            case B3_testLinked, D3_testLinked -> {
                // B3/D3: a plain, unlocked test of LINKED, a fast-path filter only
                if (c.w(Word.L)) {
                    c.finish();
                } else {
                    c.go(pc == Pc.B3_testLinked ? Pc.B4_readPrio : Pc.D4_readPrio);
                }
            }
            case A2_readPrio, B4_readPrio, D4_readPrio -> {
                // an unlocked read of the priority picks q = Q(v, prio)
                c.set(Reg.kq, c.m[c.u.prio + p]);
                c.go(pc == Pc.A2_readPrio ? Pc.A3_tasPending : switch (c.version) {
                    case B, FIX1 -> Pc.B5_readLastv;
                    case C, D, D1 -> Pc.L1_readLastv;
                    default -> Pc.L1_readLastq;
                });
            }
            case A6_lockQ, B10d_lockQ, D8d_lockQ, E1c_lockQ -> {
                c.lock(c.q());
                c.next();
            }
            case B9_invalidateTail, D7_invalidateTail, E5a_invalidateTail -> {
                // an old tail: the old queue is empty, so its next link must write HEAD
                int oq = c.oq();
                if (c.m[c.u.tail + oq] == p) {
                    c.m[c.u.tail + oq] = 0;
                }
                c.go(afterInvalidate(c, pc, oq != c.q()));
            }
            case B11_readTail, D9_readTail, E5c_readTail -> {
                // tail 0 (never used or invalidated) means empty: HEAD without set_link (e33d4257)
                int tail = c.m[c.u.tail + c.q()];
                c.set(Reg.tl, tail);
                if (tail != 0) {
                    c.beginSetLink();
                } else {
                    c.setLinkReturned(false);
                }
            }
            case A8_writeHead, B12_writeHead, D10_writeHead, E5d_writeHead -> {
                // write_atomic(HEAD): the queue was empty
                c.m[c.u.head + c.q()] = p;
                c.next();
            }
            case A9_writeTail, B13_writeTail, D11_writeTail, E5e_writeTail -> {
                c.m[c.u.tail + c.q()] = p;
                if (pc == Pc.E5e_writeTail) {
                    c.go(SetPendingE2.unlockFirst(c));
                } else {
                    c.next();
                }
            }
            case B14_unlockQ, D12_unlockQ, E6_unlockQ -> {
                c.unlock(c.q());
                c.readyIfHead(pc == Pc.B14_unlockQ ? Pc.B15_tasReady
                        : pc == Pc.D12_unlockQ ? Pc.D13_tasReady : Pc.E7_tasReady);
            }
            case A11_tasReady, B15_tasReady, D13_tasReady, E7_tasReady -> {
                // test_and_set READY bit k; the kick is the guest's G0 becoming enabled
                c.m[c.u.ready + c.r(Reg.vc)] |= 1 << c.r(Reg.kq);
                c.finish();
            }
            default -> throw new IllegalStateException("not a shared set_pending step: " + pc);
        }
    }

    /** After the old-tail check: record the new last queue if the port moved, else read q's tail. */
    private static Pc afterInvalidate(Cpu c, Pc pc, boolean moved) {
        if (pc == Pc.B9_invalidateTail) {
            // b and fix1 set LINKED after the invalidation (B8); c won it before (C8)
            return c.version != XenVersion.C ? Pc.B8_setLinked : moved ? Pc.B10a_readNv : Pc.B11_readTail;
        }
        if (pc == Pc.E5a_invalidateTail) {
            return moved ? Pc.E5b_writeLastq : Pc.E5c_readTail;
        }
        if (!moved) {
            return Pc.D9_readTail;
        }
        return switch (c.version) {
            case D -> Pc.D8a_readNv;
            case D1 -> Pc.D8a_writeLastv;
            default -> Pc.D8_writeLastq;
        };
    }
}
