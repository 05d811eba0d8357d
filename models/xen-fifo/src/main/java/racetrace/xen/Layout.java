package racetrace.xen;

import java.util.Arrays;
import java.util.List;
import racetrace.engine.BadInputException;
import racetrace.engine.Config;
import racetrace.engine.Op;

/**
 * What a configuration and its threads' actors fix, shared by all the states of a state graph:
 * the sizes and where each spec variable lives in the state array (no script: a thread's current
 * op is in its registers). The offset fields are named as the spec's variables: {@code m[u.tail +
 * q]} is {@code tail[v][k]} for queue {@code q = v * prios + k}.
 */
final class Layout {

    // Actor kinds.
    static final int XEN = 0;
    static final int GUEST = 1;
    static final int UNMASKER = 2;
    static final int ROGUE = 3;

    // Op codes (0: none, a done thread). The first four raise an event: an interdomain send, an
    // IPI, a VIRQ, a PIRQ.
    static final int OP_NONE = 0;
    static final int OP_SEND = 1;
    static final int OP_IPI = 2;
    static final int OP_VIRQ = 3;
    static final int OP_PIRQ = 4;
    static final int OP_UNMASK = 5;
    static final int OP_SETPRIO = 6;
    static final int OP_BIND = 7;
    static final int OP_UPCALL = 8;
    static final int OP_GMASK = 9;
    static final int OP_GUNMASK = 10;
    static final int OP_SCRIBBLE = 11;
    /** The spec's op name of each code. */
    static final List<String> OP_NAMES = List.of("none", "send", "ipi", "virq", "pirq", "unmask", "setPriority",
            "bindVcpu", "upcall", "mask", "unmask", "scribble");

    final int vcpus;
    final int prios;
    final int ports;
    final int queues;
    final int threads;
    final int unmaskForm;
    /** Ports 1..masked start MASKED; with oldTail, port 1 starts as a consumed old tail. */
    final int masked;
    final boolean oldTail;

    // Offsets of the shared variables (per port: index p, 1-based, slot 0 unused; per queue: v * prios + k).
    final int word;
    final int prio;
    final int nv;
    final int lastv;
    final int lastp;
    final int tail;
    final int owner;
    final int head;
    final int lhead;
    final int ready;
    final int lready;
    /** Holders (a bit set of threads) of each lock kind of {@link Callers}, per port for the per-port kinds. */
    private final int[] locks = new int[Callers.KIND_NAMES.size()];
    /** Where the holders of the callers' and per-event locks start (bit sets of threads, up to dropped). */
    final int lockHolders;
    final int dropped;
    final int owed;
    private final int regs;
    final int size;

    final int[] kind;
    /** For a guest thread, its vCPU. */
    final int[] guestV;
    /** For a vCPU, its guest thread, or -1. */
    final int[] guestOf;

    /** Per op code and port: the slot of the caller's lock of the era ({@link Callers#lock}), or -1 for none. */
    private final int[] callerSlot;
    /** Per op code and port: whether that lock is taken for reading (excludes no other reader). */
    private final boolean[] callerRead;

    Layout(Config c, List<String> actors, Callers callers) {
        vcpus = c.get("vcpus");
        prios = c.get("prios");
        ports = c.get("ports");
        queues = vcpus * prios;
        threads = actors.size();
        unmaskForm = c.get("unmaskForm");
        masked = c.get("masked");
        oldTail = c.get("oldTail") == 1;
        word = 0;
        prio = word + ports + 1;
        nv = prio + ports + 1;
        lastv = nv + ports + 1;
        lastp = lastv + ports + 1;
        tail = lastp + ports + 1;
        owner = tail + queues;
        head = owner + queues;
        lhead = head + queues;
        ready = lhead + queues;
        lready = ready + vcpus;
        int at = lready + vcpus;
        lockHolders = at;
        for (int kind = 0; kind < locks.length; kind++) {
            locks[kind] = at;
            at += kind == Callers.DOM || kind == Callers.VIRQ ? 1 : ports + 1;
        }
        dropped = at;
        owed = dropped + 1;
        regs = owed + 1;
        size = regs + threads * Reg.count();
        callerSlot = new int[OP_NAMES.size() * (ports + 1)];
        callerRead = new boolean[callerSlot.length];
        for (int op = 0; op < OP_NAMES.size(); op++) {
            for (int p = 0; p <= ports; p++) {
                Callers.Lock l = callers.lock(op, p);
                callerSlot[op * (ports + 1) + p] = l == null ? -1 : lock(l);
                callerRead[op * (ports + 1) + p] = l != null && l.read();
            }
        }
        kind = new int[threads];
        guestV = new int[threads];
        guestOf = new int[vcpus];
        Arrays.fill(guestOf, -1);
        int guests = 0;
        for (int t = 0; t < threads; t++) {
            kind[t] = switch (actors.get(t)) {
                case XenSpace.XEN_CPU -> XEN;
                case XenSpace.GUEST -> GUEST;
                case XenSpace.GUEST_ROGUE -> ROGUE;
                case XenSpace.GUEST_UNMASK -> UNMASKER;
                default -> throw new BadInputException("xen-fifo has no actor '" + actors.get(t) + "'");
            };
            if (kind[t] == GUEST) {
                if (guests >= vcpus) {
                    throw new BadInputException("xen-fifo: more guest threads than vCPUs (" + vcpus + ")");
                }
                guestV[t] = guests;
                guestOf[guests] = t;
                guests++;
            }
        }
    }

    /** The code of an op a thread of kind {@code kind} runs. */
    static int opCode(int kind, Op op) {
        return switch (op.name()) {
            case "send" -> OP_SEND;
            case "ipi" -> OP_IPI;
            case "virq" -> OP_VIRQ;
            case "pirq" -> OP_PIRQ;
            case "scribble" -> OP_SCRIBBLE;
            case "unmask" -> kind == XEN ? OP_UNMASK : OP_GUNMASK;
            case "setPriority" -> OP_SETPRIO;
            case "bindVcpu" -> OP_BIND;
            case "upcall" -> OP_UPCALL;
            case "mask" -> OP_GMASK;
            default -> throw new BadInputException("unknown xen-fifo op " + op);
        };
    }

    /** Where thread t's register r lives. */
    int reg(int t, Reg r) {
        return regs + t * Reg.count() + r.ordinal();
    }

    /** Where thread t's registers start. */
    int regs(int t) {
        return regs + t * Reg.count();
    }

    int queue(int v, int k) {
        return v * prios + k;
    }

    /** Where the holders of the caller's lock of op {@code op} on {@code port} live, or -1 when its caller takes none. */
    int callerSlot(int op, int port) {
        return callerSlot[op * (ports + 1) + port];
    }

    /** Whether that lock is taken for reading. */
    boolean callerRead(int op, int port) {
        return callerRead[op * (ports + 1) + port];
    }

    /** Where the holders of a lock live. */
    int lock(Callers.Lock l) {
        return locks[l.kind()] + l.port();
    }

    int lock(int kind, int port) {
        return locks[kind] + port;
    }

    static boolean raises(int op) {
        return op >= OP_SEND && op <= OP_PIRQ;
    }
}
