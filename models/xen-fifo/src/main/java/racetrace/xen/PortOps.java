package racetrace.xen;

import java.util.EnumSet;
import java.util.Set;

/**
 * Xen's port operations around set_pending (notes 1.7, 1.8): the caller's lock, the caller picking
 * the vCPU, the EVTCHNOP_unmask hypercall, set_priority and bind_vcpu; and fix 1's per-event lock
 * around set_pending (the seed mail).
 */
final class PortOps {

    static final Set<Pc> LABELS = EnumSet.of(Pc.XL_lockCaller, Pc.XL_unlockCaller, Pc.F1_lockEvent,
            Pc.F1_unlockEvent, Pc.X0_readNv, Pc.XU1_clearMasked, Pc.XU2_testPending, Pc.XP_writePrio, Pc.XB_writeNv);

    private PortOps() {
    }

    /** Whether a lock step can be taken: a lock taken for writing waits for every holder. */
    static boolean enabled(XenState s, int t, Pc pc, Callers callers) {
        Layout u = s.u;
        int port = s.reg(t, Reg.port);
        return switch (pc) {
            case XL_lockCaller -> {
                Callers.Lock l = callers.lock(u.opCode[t][s.reg(t, Reg.opi)], port);
                yield l.read() || s.m[u.lock(l)] == 0;
            }
            case F1_lockEvent -> s.m[u.lock(Callers.EVT, port)] == 0;
            default -> true;
        };
    }

    static void step(Cpu c) {
        int p = c.port();
        switch (c.pc()) {
            case XL_lockCaller -> {
                // the caller's lock of the era (notes 1.7), then the op itself
                c.take(c.u.lock(c.callerLock()));
                c.go(Cpu.firstStep(c.u, c.u.kind[c.t] == Layout.XEN ? c.opCode() : Layout.OP_UNMASK));
            }
            case XL_unlockCaller -> {
                c.release(c.u.lock(c.callerLock()));
                c.finish();
            }
            case F1_lockEvent -> {
                // fix 1: set_pending holds the port's own lock from start to end
                c.take(c.eventLock());
                c.next();
            }
            case F1_unlockEvent -> {
                c.release(c.eventLock());
                c.finish();
            }
            case X0_readNv -> {
                // The caller picks d->vcpu[notify_vcpu_id] before anything else.
                c.set(Reg.vc, c.m[c.u.nv + p]);
                if (Layout.raises(c.opCode())) {
                    c.m[c.u.owed] |= 1 << p; // ghost: an event is raised, to be delivered or still pending
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
