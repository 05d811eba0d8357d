package racetrace.xen;

import java.util.EnumSet;
import java.util.Set;

/**
 * The 2013 generation of set_pending, a0 (88910061) and a (70ccddb1), notes 2.2 and 2.3: one
 * queue, claimed by test-and-set LINKED before its lock; an old tail being re-added skips
 * set_link. The steps both share with later versions are in {@link SetPendingSteps}.
 */
final class SetPending2013 {

    static final Set<Pc> LABELS = EnumSet.of(Pc.A5_tasLinked, Pc.A7_readTail, Pc.A10_unlockQ);

    private SetPending2013() {
    }

    static void step(Cpu c) {
        int p = c.port();
        switch (c.pc()) {
            case A5_tasLinked -> {
                // A5: the single atomic claim "I link it"
                if (c.w(Word.L)) {
                    c.finish();
                } else {
                    c.setBits(p, Word.L);
                    c.undrop(p);
                    c.go(Pc.A6_lockQ);
                }
            }
            case A7_readTail -> {
                // A7: p == tail is an old tail being re-added: no set_link, write HEAD
                int tail = c.m[c.u.tail + c.q()];
                c.set(Reg.tl, tail);
                if (tail != p) {
                    c.beginSetLink();
                } else {
                    c.setLinkReturned(false);
                }
            }
            case A10_unlockQ -> {
                c.unlock(c.q());
                // A11: a0 sets READY on every link, a (70ccddb1) only for a new HEAD
                if (c.version == XenVersion.A0) {
                    c.go(Pc.A11_tasReady);
                } else {
                    c.readyIfHead(Pc.A11_tasReady);
                }
            }
            default -> throw new IllegalStateException("not an a0/a step: " + c.pc());
        }
    }
}
