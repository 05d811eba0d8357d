package racetrace.xen;

import java.util.List;

/**
 * Which lock each caller of evtchn_fifo_set_pending (and of set_priority, bind_vcpu) holds, era by
 * era, as tabulated in section 1.7 of the notes; the model option {@code callers}. A Xen op takes
 * its caller's lock as a step of its own ({@code XL_lockCaller}) and releases it after its last
 * step ({@code XL_unlockCaller}).
 *
 * <p>The locks (the spec's {@code locks} variable): {@code dom}, the guest domain's event_lock;
 * {@code virq}, the virq_lock of vCPU 0 (a global VIRQ is raised through vCPU 0); {@code
 * remote[p]}, what the sender of interdomain port p holds: its own domain's event_lock in 2013, its
 * own channel's lock (the remote end of p) from 2015 on. Each port's peer is taken to live in a
 * domain of its own, so senders of different ports never share it; {@code chn[p]}, port p's own
 * channel lock (spinlock in 2015 to 2020-10, rwlock from 2020-11 on). In 2020-11 every per-channel
 * user takes the rwlock as a reader; the model has no writer of it (close and reset are not
 * ops), so those read locks exclude nothing, as the notes say.
 */
public enum Callers {
    /** 2013-10 to 2015-06 (88910061 ..): event_lock of the sending domain, virq_lock, the guest's event_lock. */
    E2013("2013"),
    /** 2015-06 (e156654d, de6acb78) to 2020-09: per-channel spinlocks; the unmask hypercall takes none. */
    E2015("2015"),
    /** 2020-09 (XSA-343, e045199c) to 2020-10-23: every caller the channel's lock, a sender its own channel's. */
    E2020_09("2020-09"),
    /** 2020-10-23 (b76c3a1b) to 2020-11: set_priority under the channel lock too. */
    E2020_10("2020-10"),
    /** 2020-11 (5f2df45e) to now: the channel lock is an rwlock, taken for reading. */
    E2020_11("2020-11"),
    /** No caller holds any lock: every interleaving of the ops, realisable or not ("what if"). */
    NONE("none");

    /** Lock kinds; a lock is a kind and, for the per-port kinds, a port. */
    static final int DOM = 0;
    static final int VIRQ = 1;
    static final int REMOTE = 2;
    static final int CHN = 3;
    static final int EVT = 4;
    static final List<String> KIND_NAMES = List.of("dom", "virq", "remote", "chn", "evt");

    /**
     * A caller's lock: its kind, the port (0 for dom and virq) and whether it is taken for
     * reading (excluding no other reader).
     */
    record Lock(int kind, int port, boolean read) {
    }

    private final String id;

    Callers(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The lock held around an op by its caller in this era, or null for none (notes 1.7). */
    Lock lock(int op, int port) {
        Lock dom = new Lock(DOM, 0, false);
        Lock remote = new Lock(REMOTE, port, this == E2020_11);
        Lock chn = new Lock(CHN, port, this == E2020_11);
        return switch (this) {
            case NONE -> null;
            case E2013 -> switch (op) {
                case Layout.OP_SEND -> remote;
                case Layout.OP_VIRQ -> new Lock(VIRQ, 0, false);
                case Layout.OP_PIRQ -> null;
                case Layout.OP_IPI, Layout.OP_UNMASK, Layout.OP_GUNMASK, Layout.OP_SETPRIO, Layout.OP_BIND -> dom;
                default -> null;
            };
            case E2015 -> switch (op) {
                case Layout.OP_SEND -> remote;
                case Layout.OP_IPI -> chn;
                case Layout.OP_VIRQ -> new Lock(VIRQ, 0, false);
                case Layout.OP_SETPRIO, Layout.OP_BIND -> dom;
                default -> null; // PIRQ, and the unmask hypercall takes no lock
            };
            case E2020_09, E2020_10, E2020_11 -> switch (op) {
                case Layout.OP_SEND -> remote;
                case Layout.OP_IPI, Layout.OP_VIRQ, Layout.OP_PIRQ, Layout.OP_UNMASK, Layout.OP_GUNMASK -> chn;
                case Layout.OP_SETPRIO -> this == E2020_09 ? dom : chn;
                case Layout.OP_BIND -> dom;
                default -> null;
            };
        };
    }

    public static List<String> ids() {
        return Ids.all(values(), Callers::id);
    }

    public static Callers of(String id) {
        return Ids.lookup(values(), Callers::id, id, "callers era", "eras");
    }
}
