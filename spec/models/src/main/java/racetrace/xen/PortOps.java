package racetrace.xen;

import java.util.EnumSet;
import java.util.Set;

/**
 * Xen's port operations around set_pending (notes 1.8): the caller picking the vCPU, the
 * EVTCHNOP_unmask hypercall, set_priority and bind_vcpu.
 */
final class PortOps {

    static final Set<Pc> LABELS = EnumSet.of(Pc.X0_readNv, Pc.XU1_clearMasked, Pc.XU2_testPending,
            Pc.XP_writePrio, Pc.XB_writeNv);

    private PortOps() {
    }

    static void step(Cpu c) {
        int p = c.port();
        switch (c.pc()) {
            case X0_readNv -> {
                // The caller picks d->vcpu[notify_vcpu_id] before anything else.
                c.set(Reg.vc, c.m[c.u.nv + p]);
                if (c.opCode() == Layout.OP_SEND) {
                    c.beginSetPending();
                } else {
                    c.go(Pc.XU1_clearMasked);
                }
            }
            case XU1_clearMasked -> {
                // evtchn_fifo_unmask: clear_bit(MASKED)
                c.clearBits(p, Word.M);
                c.next();
            }
            case XU2_testPending -> {
                // evtchn_fifo_unmask: relink if pending
                if (c.w(Word.P)) {
                    c.beginSetPending();
                } else {
                    c.finish();
                }
            }
            case XP_writePrio -> {
                // evtchn_fifo_set_priority: a plain store
                c.m[c.u.prio + p] = c.opArg2();
                c.finish();
            }
            case XB_writeNv -> {
                // bind_vcpu: a plain store of notify_vcpu_id
                c.m[c.u.nv + p] = c.opArg2();
                c.finish();
            }
            default -> throw new IllegalStateException("not a port op: " + c.pc());
        }
    }
}
