package racetrace.xen;

import java.util.List;
import racetrace.engine.Config;
import racetrace.engine.Fingerprint;
import racetrace.engine.Machine;
import racetrace.engine.Op;
import racetrace.engine.Packed;

/**
 * The Xen model's packed states: a state is its {@link XenState#m} array, stepped in place by one
 * reused {@link Cpu}, its invariants computed with reused scratch arrays. The same steps,
 * start state, op choice and invariants as the object model's (both call the same code).
 */
final class XenMachine implements Machine {

    private final XenFifoModel model;
    final Layout u;
    private final Cpu cpu;
    private final Invariants.Scratch scratch;
    private final XenFootprint footprint;

    XenMachine(XenFifoModel model, Layout u) {
        this.model = model;
        this.u = u;
        this.cpu = new Cpu(u, model.xenVersion(), model.callers());
        this.scratch = new Invariants.Scratch(u);
        this.footprint = new XenFootprint(u, model.xenVersion());
    }

    /** The model's packed states. */
    static Packed<XenState> packed(XenFifoModel model) {
        return new Packed<>() {
            @Override
            public Machine machine(Config config, List<String> actors) {
                return new XenMachine(model, new Layout(config, actors, model.callers()));
            }

            @Override
            public List<String> invariants() {
                return model.invariantNames();
            }

            @Override
            public int[] pack(XenState state) {
                return state.m;
            }

            @Override
            public XenState unpack(Machine machine, int[] packed) {
                return new XenState(((XenMachine) machine).u, packed);
            }
        };
    }

    @Override
    public int width() {
        return u.size;
    }

    @Override
    public void start(int[] s) {
        int[] m = model.startArray(u);
        System.arraycopy(m, 0, s, 0, m.length);
    }

    @Override
    public boolean enabled(int[] s, int t) {
        return XenFifoModel.enabled(u, s, t);
    }

    @Override
    public boolean finished(int[] s, int t) {
        return Invariants.finished(u, s, t);
    }

    @Override
    public boolean declaresFootprints() {
        return true;
    }

    /** Declared label by label from the step code ({@link XenFootprint}). */
    @Override
    public void footprint(int[] s, int t, long[] out) {
        footprint.of(s, t, out);
    }

    @Override
    public int step(int[] s, int t, int[] out) {
        return XenFifoModel.step(cpu, s, t, out) ? NOTICE : 0;
    }

    /** An op's code, first and second argument in one int. */
    @Override
    public int code(int t, Op op) {
        int a = op.args().isEmpty() ? 0 : op.arg(0);
        int b = op.args().size() < 2 ? 0 : op.arg(1);
        return Layout.opCode(u.kind[t], op) | a << 8 | b << 16;
    }

    @Override
    public void begin(int[] s, int t, int code) {
        Cpu.begin(u, s, t, code & 0xFF, (code >>> 8) & 0xFF, code >>> 16, model.callers());
    }

    @Override
    public int opCount(int[] s, int t) {
        return s[u.reg(t, Reg.opi)];
    }

    @Override
    public boolean done(int[] s, int t) {
        return s[u.reg(t, Reg.pc)] == Pc.Done.ordinal();
    }

    @Override
    public long fingerprint(int[] s) {
        return Fingerprint.ofSlots(s);
    }

    /** A step changes a few slots: the child's fingerprint follows from its parent's (Zobrist). */
    @Override
    public long fingerprint(int[] parent, long parentFingerprint, int[] s) {
        return Fingerprint.updateSlots(parentFingerprint, parent, s);
    }

    /** Scratch of canonical(): the register blocks, and each position's thread in the new order. */
    private int[] regsCopy;
    private int[] order;

    /**
     * Orders the threads of each symmetry group by their register blocks (lexicographically, pc
     * first), then renumbers what names threads: the queue locks' owners (thread + 1) and the
     * holder sets of the callers' and per-event locks. Two threads with equal registers are at the
     * same point of the same op, so they hold the same locks: any order of them is the same state.
     */
    @Override
    public boolean canonical(int[] s, int[] group, int[] perm) {
        int n = u.threads;
        int w = Reg.count();
        if (order == null) {
            order = new int[n];
            regsCopy = new int[n * w];
        }
        for (int t = 0; t < n; t++) {
            order[t] = t;
        }
        int base = u.regs(0);
        boolean moved = false;
        // Insertion sort within each group (positions keep their group: a group's threads swap places).
        for (int i = 1; i < n; i++) {
            if (group[i] < 0) {
                continue;
            }
            for (int j = i; j > 0; j--) {
                int a = order[j - 1];
                int b = order[j];
                if (group[j - 1] != group[j] || compare(s, base + a * w, base + b * w, w) <= 0) {
                    break;
                }
                order[j - 1] = b;
                order[j] = a;
                moved = true;
            }
        }
        for (int t = 0; t < n; t++) {
            perm[order[t]] = t;
        }
        if (!moved) {
            return false;
        }
        System.arraycopy(s, base, regsCopy, 0, n * w);
        for (int t = 0; t < n; t++) {
            System.arraycopy(regsCopy, order[t] * w, s, base + t * w, w);
        }
        for (int q = 0; q < u.queues; q++) {
            int o = s[u.owner + q];
            if (o != 0) {
                s[u.owner + q] = perm[o - 1] + 1;
            }
        }
        for (int at = u.lockHolders; at < u.dropped; at++) {
            int holders = s[at];
            if (holders != 0) {
                int renumbered = 0;
                for (int t = 0; t < n; t++) {
                    if ((holders & (1 << t)) != 0) {
                        renumbered |= 1 << perm[t];
                    }
                }
                s[at] = renumbered;
            }
        }
        return true;
    }

    private static int compare(int[] s, int a, int b, int w) {
        for (int k = 0; k < w; k++) {
            int d = Integer.compare(s[a + k], s[b + k]);
            if (d != 0) {
                return d;
            }
        }
        return 0;
    }

    @Override
    public long broken(int[] s, long check) {
        return model.invariantsOf().broken(u, s, check, scratch);
    }
}
