package racetrace.xen;

import java.util.EnumSet;
import java.util.Set;

/**
 * Today's set_pending, e2 (71ac5229 with 09190306 and 8aa0e9d2, notes 2.7): both the old queue
 * and q are locked (the lower one first), the last queue and the priority re-read under the
 * locks, 3 tries; PENDING, MASKED and LINKED are tested under the locks.
 */
final class SetPendingE2 {

    static final Set<Pc> LABELS = EnumSet.of(Pc.E1a_readLastq, Pc.E1b_readPrio, Pc.E1c_lockFirst,
            Pc.E1c_lockSecond, Pc.E1d_rereadLastq, Pc.E1d_rereadPrio, Pc.E1f_unlockOldQ, Pc.E1f_unlockQ,
            Pc.E5_testMasked, Pc.E5_tasLinked, Pc.E5b_writeLastq, Pc.E5b_unlockOldQ, Pc.E6_unlockOldQ);

    /** E2: tries of the locking loop before set_pending gives up. */
    static final int TRIES = 3;

    private SetPendingE2() {
    }

    static void step(Cpu c) {
        int p = c.port();
        switch (c.pc()) {
            case E1a_readLastq -> {
                c.readLastq(p, Reg.lv, Reg.lp);
                c.next();
            }
            case E1b_readPrio -> {
                c.set(Reg.kq, c.m[c.u.prio + p]);
                c.go(c.q() == c.oq() ? Pc.E1c_lockQ : Pc.E1c_lockFirst);
            }
            case E1c_lockFirst -> {
                // E1c: the lower queue first, so two CPUs cannot deadlock
                c.lock(Math.min(c.q(), c.oq()));
                c.next();
            }
            case E1c_lockSecond -> {
                c.lock(Math.max(c.q(), c.oq()));
                c.next();
            }
            case E1d_rereadLastq -> {
                c.readLastq(p, Reg.lv2, Reg.lp2);
                c.next();
            }
            case E1d_rereadPrio -> {
                c.set(Reg.tmp, c.m[c.u.prio + p]);
                // E1e: both queues still the right ones?
                if (c.r(Reg.tmp) == c.r(Reg.kq) && c.r(Reg.lv2) == c.r(Reg.lv) && c.r(Reg.lp2) == c.r(Reg.lp)) {
                    c.go(Pc.E4_tasPending);
                } else {
                    c.go(c.q() != c.oq() ? Pc.E1f_unlockOldQ : Pc.E1f_unlockQ);
                }
            }
            case E1f_unlockOldQ -> {
                c.unlock(c.oq());
                c.next();
            }
            case E1f_unlockQ -> {
                c.unlock(c.q());
                int tries = c.r(Reg.tries) + 1;
                c.set(Reg.tries, tries);
                if (tries == TRIES) {
                    // E2: give up; since 8aa0e9d2 PENDING is not even set
                    c.drop(p, "set_pending gave up after " + TRIES + " tries: event on port " + p
                            + " lost (too many queue changes)");
                    c.finish();
                } else {
                    c.go(Pc.E1a_readLastq);
                }
            }
            case E5_testMasked -> c.go(c.w(Word.M) ? unlockFirst(c) : Pc.E5_tasLinked);
            case E5_tasLinked -> {
                if (c.w(Word.L)) {
                    c.go(unlockFirst(c));
                } else {
                    c.setBits(p, Word.L);
                    c.undrop(p);
                    c.go(Pc.E5a_invalidateTail);
                }
            }
            case E5b_writeLastq -> {
                c.writeLastq(p);
                c.next();
            }
            case E5b_unlockOldQ -> {
                c.unlock(c.oq());
                c.set(Reg.lv, c.r(Reg.vc)); // old_q := q; q stays locked
                c.set(Reg.lp, c.r(Reg.kq));
                c.next();
            }
            case E6_unlockOldQ -> {
                c.unlock(c.oq());
                c.next();
            }
            default -> throw new IllegalStateException("not an e2 step: " + c.pc());
        }
    }

    /** E6: unlock old_q first if it is still another queue, then q. */
    static Pc unlockFirst(Cpu c) {
        return c.oq() != c.q() ? Pc.E6_unlockOldQ : Pc.E6_unlockQ;
    }
}
