package racetrace.xen;

import java.util.EnumSet;
import java.util.Set;

/**
 * set_link(tl, port) (notes 2.1): append the port after the tail word tl with a cmpxchg that needs
 * tl LINKED. The original form (a0) retries without bound; from dae2a1c5 on, a failed first try
 * sets BUSY on the tail word and retries 4 times, then gives up and reports "linked" (S7).
 */
final class SetLink {

    static final Set<Pc> LABELS = EnumSet.of(Pc.SL1_readTail, Pc.SL3_cas, Pc.S1_readTail, Pc.S3_cas,
            Pc.S4_setBusy, Pc.S5_readTail, Pc.S6_cas, Pc.S6_clearBusy, Pc.S7_clearBusy);

    /** S6: failed attempts before set_link gives up. */
    static final int TRIES = 4;

    private SetLink() {
    }

    static void step(Cpu c) {
        int p = c.port();
        int tl = c.r(Reg.tl);
        switch (c.pc()) {
            case SL1_readTail, S1_readTail -> {
                int w = c.word(tl);
                c.set(Reg.ws, w);
                if (!Word.has(w, Word.L)) {
                    c.setLinkReturned(false); // SL2/S2: the tail is not LINKED, the queue is empty
                } else {
                    c.go(c.pc() == Pc.SL1_readTail ? Pc.SL3_cas : Pc.S3_cas);
                }
            }
            case SL3_cas -> {
                if (cmpxchg(c, tl, Word.withLink(c.r(Reg.ws), p))) {
                    c.setLinkReturned(true);
                } else if (!Word.has(c.r(Reg.ws), Word.L)) {
                    c.setLinkReturned(false); // SL2 tests the value cmpxchg returned
                }
            }
            case S3_cas -> {
                if (cmpxchg(c, tl, Word.linkedTo(c.r(Reg.ws), p))) {
                    c.setLinkReturned(true);
                } else {
                    c.go(Pc.S4_setBusy);
                }
            }
            case S4_setBusy -> {
                // S4: "lock" the tail word against the guest's unmask
                c.setBits(tl, Word.B);
                c.next();
            }
            case S5_readTail -> {
                int w = c.word(tl);
                c.set(Reg.ws, w);
                c.set(Reg.nfail, 0);
                c.go(Word.has(w, Word.L) ? Pc.S6_cas : Pc.S6_clearBusy);
            }
            case S6_cas -> {
                if (cmpxchg(c, tl, Word.linkedTo(c.r(Reg.ws), p))) { // success also clears BUSY
                    c.setLinkReturned(true);
                } else {
                    int n = c.r(Reg.nfail) + 1;
                    c.set(Reg.nfail, n);
                    if (n == TRIES) {
                        c.go(Pc.S7_clearBusy);
                    } else {
                        c.go(Word.has(c.r(Reg.ws), Word.L) ? Pc.S6_cas : Pc.S6_clearBusy);
                    }
                }
            }
            case S6_clearBusy -> {
                c.clearBits(tl, Word.B);
                c.setLinkReturned(false);
            }
            case S7_clearBusy -> {
                // S7: gives up and reports "linked" without writing LINK: a designed loss
                c.clearBits(tl, Word.B);
                c.drop(p, "set_link gave up after " + TRIES + " failed attempts: port " + p
                        + " not linked after tail " + tl);
                c.setLinkReturned(true);
            }
            default -> throw new IllegalStateException("not a set_link step: " + c.pc());
        }
    }

    /**
     * The cmpxchg on the tail's word, one atomic access: when the word still holds ws (the value
     * read before), it becomes {@code next}; else ws takes the current value, which cmpxchg returns.
     */
    private static boolean cmpxchg(Cpu c, int tl, int next) {
        int cur = c.word(tl);
        if (cur != c.r(Reg.ws)) {
            c.set(Reg.ws, cur);
            return false;
        }
        c.setWord(tl, next);
        return true;
    }
}
