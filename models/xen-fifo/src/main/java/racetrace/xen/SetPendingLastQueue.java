package racetrace.xen;

import java.util.EnumSet;
import java.util.Set;

/**
 * The last-queue generation of set_pending, b to e1 (notes 2.4 to 2.7): the port remembers the
 * queue it was last linked on (lastv, lastp), set_pending locks that old queue, claims LINKED
 * under its lock, invalidates an old tail, records the new last queue when the port moves, and
 * links on q under q's lock.
 * <ul>
 * <li>b (PATCHv5 2/2): no validation of the old queue, set_bit LINKED (B5..B10);
 * <li>c (the seed's proposal): lock_old_queue without a bound, test-and-set LINKED (L1..L7, C8);
 * <li>d (e33d4257): lock_old_queue with 3 tries; the new last queue re-reads nv and prio (D8a/b);
 * <li>d1 (6f6f07b6): the last queue written from the values used to pick q;
 * <li>e1 (1277cb9d): last queue read and written as one packed word; the re-check is vacuous.
 * </ul>
 */
final class SetPendingLastQueue {

    static final Set<Pc> LABELS = EnumSet.of(Pc.B5_readLastv, Pc.B6_readLastp, Pc.B7_lockOldQ, Pc.B8_setLinked,
            Pc.B10a_readNv, Pc.B10a_writeLastv, Pc.B10b_readPrio, Pc.B10b_writeLastp, Pc.B10c_unlockOldQ,
            Pc.L1_readLastv, Pc.L2_readLastp, Pc.L1_readLastq, Pc.L3_lockOldQ, Pc.L4_rereadLastv,
            Pc.L5_rereadLastp, Pc.L7_unlockOldQ, Pc.C8_tasLinked, Pc.C8_unlockOldQ, Pc.D6_tasLinked,
            Pc.D6_unlockOldQ, Pc.D8a_readNv, Pc.D8a_writeLastv, Pc.D8b_readPrio, Pc.D8b_writeLastp,
            Pc.D8_writeLastq, Pc.D8c_unlockOldQ);

    /** lock_old_queue's tries before it gives up (e33d4257; the seed's loop had no bound). */
    static final int TRIES = 3;

    private SetPendingLastQueue() {
    }

    static void step(Cpu c) {
        int p = c.port();
        Pc pc = c.pc();
        switch (pc) {
            case B5_readLastv, L1_readLastv -> {
                c.set(Reg.lv, c.m[c.u.lastv + p]);
                c.next();
            }
            case B6_readLastp, L2_readLastp -> {
                c.set(Reg.lp, c.m[c.u.lastp + p]);
                c.next();
            }
            case L1_readLastq -> {
                c.readLastq(p, Reg.lv, Reg.lp);
                c.next();
            }
            case B7_lockOldQ -> {
                c.lock(c.oq());
                c.next();
            }
            case L3_lockOldQ -> {
                c.lock(c.oq());
                // e1 recomputes the queue from the same snapshot: the check always passes
                c.go(c.version == XenVersion.E1 ? Pc.D6_tasLinked : Pc.L4_rereadLastv);
            }
            case L4_rereadLastv -> {
                c.set(Reg.lv2, c.m[c.u.lastv + p]);
                c.next();
            }
            case L5_rereadLastp -> {
                c.set(Reg.lp2, c.m[c.u.lastp + p]);
                // L6: still the queue that was locked?
                if (c.r(Reg.lv2) == c.r(Reg.lv) && c.r(Reg.lp2) == c.r(Reg.lp)) {
                    c.go(c.version == XenVersion.C ? Pc.C8_tasLinked : Pc.D6_tasLinked);
                } else {
                    c.go(Pc.L7_unlockOldQ);
                }
            }
            case L7_unlockOldQ -> {
                c.unlock(c.oq());
                int tries = c.r(Reg.tries) + 1;
                c.set(Reg.tries, tries);
                if (c.version != XenVersion.C && tries == TRIES) {
                    // D5: NULL after 3 tries, "lost event (too many queue changes)"
                    c.drop(p, "lock_old_queue gave up after " + TRIES + " tries: event on port " + p
                            + " lost (too many queue changes)");
                    c.finish();
                } else {
                    c.go(Pc.L1_readLastv);
                }
            }
            case B8_setLinked -> {
                // B8: set_bit, not test_and_set; after B9, as in the seed diff's removed lines (the old
                // tail is invalidated, then LINKED set), which the notes' listing 2.4 has the other way round
                c.setBits(p, Word.L);
                c.undrop(p);
                c.go(c.oq() != c.q() ? Pc.B10a_readNv : Pc.B11_readTail);
            }
            case C8_tasLinked, D6_tasLinked -> {
                // C8/D6: test_and_set LINKED under the old queue's lock
                if (c.w(Word.L)) {
                    c.go(pc == Pc.C8_tasLinked ? Pc.C8_unlockOldQ : Pc.D6_unlockOldQ);
                } else {
                    c.setBits(p, Word.L);
                    c.undrop(p);
                    c.go(pc == Pc.C8_tasLinked ? Pc.B9_invalidateTail : Pc.D7_invalidateTail);
                }
            }
            case C8_unlockOldQ, D6_unlockOldQ -> {
                c.unlock(c.oq());
                c.finish();
            }
            case B10a_readNv, D8a_readNv, B10b_readPrio, D8b_readPrio -> {
                // b and d re-read notify_vcpu_id and priority for the new last queue (race D)
                boolean nv = pc == Pc.B10a_readNv || pc == Pc.D8a_readNv;
                c.set(Reg.tmp, c.m[(nv ? c.u.nv : c.u.prio) + p]);
                c.next();
            }
            case B10a_writeLastv -> {
                c.m[c.u.lastv + p] = c.r(Reg.tmp);
                c.next();
            }
            case D8a_writeLastv -> {
                // d stores the re-read notify_vcpu_id; d1 (6f6f07b6) the vCPU actually used
                c.m[c.u.lastv + p] = c.version == XenVersion.D ? c.r(Reg.tmp) : c.r(Reg.vc);
                c.go(c.version == XenVersion.D ? Pc.D8b_readPrio : Pc.D8b_writeLastp);
            }
            case B10b_writeLastp, D8b_writeLastp -> {
                c.m[c.u.lastp + p] = c.version == XenVersion.D1 ? c.r(Reg.kq) : c.r(Reg.tmp);
                c.next();
            }
            case D8_writeLastq -> {
                c.writeLastq(p);
                c.next();
            }
            case B10c_unlockOldQ, D8c_unlockOldQ -> {
                // from here until q's lock no lock is held: L set, p on no queue
                c.unlock(c.oq());
                c.next();
            }
            default -> throw new IllegalStateException("not a last-queue step: " + pc);
        }
    }
}
