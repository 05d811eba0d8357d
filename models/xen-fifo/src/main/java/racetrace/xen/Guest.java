package racetrace.xen;

import java.util.EnumSet;
import java.util.Set;

/**
 * The Linux guest: the upcall loop that consumes the queues (notes 1.5, G0..G9; one op is one run
 * of the loop until its local ready copy is empty) and mask / unmask (1.6; U1..U3 original, U1c
 * the XSA-332 clear_masked_cond), and a misbehaving guest vCPU that scribbles on event words'
 * unused bits (R1). The guest's private head and ready copies are the spec's {@code lhead} and
 * {@code lready}; its local steps (G1..G3, G6, G8) are merged into the memory step before them.
 */
final class Guest {

    static final Set<Pc> LABELS = EnumSet.of(Pc.G0_xchgReady, Pc.G4_readHead, Pc.G5_clearLinked,
            Pc.G7_testPending, Pc.G7_testMasked, Pc.G7_ackPending, Pc.G9_xchgReady, Pc.U0_setMasked,
            Pc.U1_clearMasked, Pc.U2_testPending, Pc.U1c_clearMaskedCond, Pc.R1_scribble);

    /** Writes of one scribble op. */
    static final int SCRIBBLES = 5;

    private Guest() {
    }

    /** Whether a guest step can be taken; the upcall starts only while READY(v) is non-empty. */
    static boolean enabled(XenState s, int t, Pc pc) {
        Layout u = s.u;
        return switch (pc) {
            case G0_xchgReady -> s.m[u.ready + u.guestV[t]] != 0;
            // U1: clear_masked's cmpxchg only succeeds while BUSY is clear
            case U1_clearMasked -> !Word.has(s.word(s.reg(t, Reg.port)), Word.B);
            case U1c_clearMaskedCond -> {
                int w = s.word(s.reg(t, Reg.port));
                yield !(Word.has(w, Word.M) && !Word.has(w, Word.P) && Word.has(w, Word.B));
            }
            default -> true;
        };
    }

    static void step(Cpu c) {
        Layout u = c.u;
        int[] m = c.m;
        int v = u.guestV[c.t];
        int p = c.port();
        switch (c.pc()) {
            case G0_xchgReady -> {
                // G0: lready := xchg(READY(v), 0)
                m[u.lready + v] = m[u.ready + v];
                m[u.ready + v] = 0;
                select(c, v);
            }
            case G4_readHead -> {
                // G4: the shared HEAD is read only when the local chain has ended
                c.set(Reg.cur, m[u.head + u.queue(v, c.r(Reg.kq))]);
                c.next();
            }
            case G5_clearLinked -> {
                // G5: clear L and LINK atomically, returning the old LINK
                int h = c.r(Reg.cur);
                int w = c.word(h);
                int next = Word.link(w);
                c.set(Reg.nxt, next);
                if (h != 0) {
                    c.setWord(h, w & ~(Word.L | Word.LINK_MASK));
                }
                if (next == 0) {
                    m[u.lready + v] &= ~(1 << c.r(Reg.kq)); // G6, the local copy only
                }
                c.next();
            }
            case G7_testPending -> {
                if (Word.has(c.word(c.r(Reg.cur)), Word.P)) {
                    c.go(Pc.G7_testMasked);
                } else {
                    storeHead(c, v);
                }
            }
            case G7_testMasked -> {
                if (Word.has(c.word(c.r(Reg.cur)), Word.M)) {
                    storeHead(c, v); // masked: skipped, stays pending
                } else {
                    c.go(Pc.G7_ackPending);
                }
            }
            case G7_ackPending -> {
                // the event is delivered: the edge ack clears PENDING
                c.clearBits(c.r(Reg.cur), Word.P);
                m[u.owed] &= ~(1 << c.r(Reg.cur));
                storeHead(c, v);
            }
            case G9_xchgReady -> {
                // G9: lready |= xchg(READY(v), 0), after every event
                m[u.lready + v] |= m[u.ready + v];
                m[u.ready + v] = 0;
                select(c, v);
            }
            case U0_setMasked -> {
                c.setBits(p, Word.M);
                c.finish();
            }
            case U1_clearMasked -> {
                // U1: clear_masked, enabled only while BUSY is clear
                c.clearBits(p, Word.M);
                c.next();
            }
            case U2_testPending -> {
                if (c.w(Word.P)) {
                    c.hypercallUnmask(); // U3: EVTCHNOP_unmask
                } else {
                    c.finish();
                }
            }
            case U1c_clearMaskedCond -> {
                // clear_masked_cond: done if unmasked, the hypercall if pending, else clear M
                int w = c.w();
                if (!Word.has(w, Word.M)) {
                    c.finish();
                } else if (Word.has(w, Word.P)) {
                    c.hypercallUnmask();
                } else {
                    c.setWord(p, w & ~Word.M);
                    c.finish();
                }
            }
            case R1_scribble -> {
                // a guest breaking the ABI: any write to a LINKED tail word fails Xen's cmpxchg;
                // five writes are enough to fail all of one set_link's (S3 and four S6)
                c.setWord(p, c.w() ^ Word.R);
                int n = c.r(Reg.tries) + 1;
                c.set(Reg.tries, n);
                if (n == SCRIBBLES) {
                    c.finish();
                }
            }
            default -> throw new IllegalStateException("not a guest step: " + c.pc());
        }
    }

    /** G1..G3 (local): the lowest ready priority and the head to consume, or the end of the upcall. */
    private static void select(Cpu c, int v) {
        Layout u = c.u;
        int lready = c.m[u.lready + v];
        if (lready == 0) {
            c.finish();
            return;
        }
        int k = Integer.numberOfTrailingZeros(lready);
        c.set(Reg.kq, k);
        int h = c.m[u.lhead + u.queue(v, k)];
        if (h != 0) {
            c.set(Reg.cur, h);
            c.go(Pc.G5_clearLinked);
        } else {
            c.go(Pc.G4_readHead);
        }
    }

    /** G8 (local): the guest's private head becomes the returned LINK; then G9. */
    private static void storeHead(Cpu c, int v) {
        c.m[c.u.lhead + c.u.queue(v, c.r(Reg.kq))] = c.r(Reg.nxt);
        c.go(Pc.G9_xchgReady);
    }
}
