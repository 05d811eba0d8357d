package racetrace.xen;

import java.util.Arrays;
import racetrace.engine.BadInputException;
import racetrace.engine.Config;
import racetrace.engine.Op;
import racetrace.engine.Scenario;
import racetrace.engine.ThreadScript;

/**
 * What a scenario fixes, shared by all its states: the sizes, where each spec variable lives in
 * the state array, and the threads' scripts. The offset fields are named as the spec's variables:
 * {@code m[u.tail + q]} is {@code tail[v][k]} for queue {@code q = v * prios + k}.
 */
final class Layout {

    // Actor kinds.
    static final int XEN = 0;
    static final int GUEST = 1;
    static final int UNMASKER = 2;
    static final int ROGUE = 3;

    // Op codes. The first four raise an event: an interdomain send, an IPI, a VIRQ, a PIRQ.
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

    final int vcpus;
    final int prios;
    final int ports;
    final int queues;
    final int threads;
    final int unmaskForm;

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
    final int dropped;
    final int owed;
    private final int regs;
    final int size;

    final int[] kind;
    /** For a guest thread, its vCPU. */
    final int[] guestV;
    /** For a vCPU, its guest thread, or -1. */
    final int[] guestOf;
    final int[][] opCode;
    final int[][] opA;
    final int[][] opB;

    Layout(Scenario scenario) {
        Config c = scenario.config();
        vcpus = c.get("vcpus");
        prios = c.get("prios");
        ports = c.get("ports");
        queues = vcpus * prios;
        threads = scenario.threadCount();
        unmaskForm = c.get("unmaskForm");
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
        for (int kind = 0; kind < locks.length; kind++) {
            locks[kind] = at;
            at += kind == Callers.DOM || kind == Callers.VIRQ ? 1 : ports + 1;
        }
        dropped = at;
        owed = dropped + 1;
        regs = owed + 1;
        size = regs + threads * Reg.count();
        kind = new int[threads];
        guestV = new int[threads];
        guestOf = new int[vcpus];
        Arrays.fill(guestOf, -1);
        opCode = new int[threads][];
        opA = new int[threads][];
        opB = new int[threads][];
        int guests = 0;
        for (int t = 0; t < threads; t++) {
            ThreadScript ts = scenario.threads().get(t);
            kind[t] = switch (ts.actor()) {
                case XenSpace.XEN_CPU -> XEN;
                case XenSpace.GUEST -> GUEST;
                case XenSpace.GUEST_ROGUE -> ROGUE;
                default -> UNMASKER;
            };
            if (kind[t] == GUEST) {
                guestV[t] = guests;
                guestOf[guests] = t;
                guests++;
            }
            int n = ts.ops().size();
            opCode[t] = new int[n];
            opA[t] = new int[n];
            opB[t] = new int[n];
            for (int i = 0; i < n; i++) {
                Op op = ts.ops().get(i);
                opCode[t][i] = switch (op.name()) {
                    case "send" -> OP_SEND;
                    case "ipi" -> OP_IPI;
                    case "virq" -> OP_VIRQ;
                    case "pirq" -> OP_PIRQ;
                    case "scribble" -> OP_SCRIBBLE;
                    case "unmask" -> kind[t] == XEN ? OP_UNMASK : OP_GUNMASK;
                    case "setPriority" -> OP_SETPRIO;
                    case "bindVcpu" -> OP_BIND;
                    case "upcall" -> OP_UPCALL;
                    case "mask" -> OP_GMASK;
                    default -> throw new BadInputException("unknown xen-fifo op " + op);
                };
                opA[t][i] = op.args().isEmpty() ? 0 : op.arg(0);
                opB[t][i] = op.args().size() < 2 ? 0 : op.arg(1);
            }
        }
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
