package racetrace.engine;

import java.util.List;

/** Packed states: the step writes into one buffer, a begin copies it into another. */
final class PackedCore implements StepCore<int[]> {
    final Machine m;
    private final Packed<?> packed;
    private final int[] stepped;
    private final int[] begun;
    private final Op[][] opsOf;
    private final int[][] codesOf;
    private final boolean[] scripted;
    private boolean noticed;
    /** Whether the last canonical() moved threads: then scratchPerm says where each went. */
    private boolean moved;

    private final int[] groups;
    private final int[] scratchPerm;

    /** The model's deadlock checks ({@link Invariant#deadlockFree}), which no machine reports: asked of the machine here. */
    private final java.util.Set<String> deadlockChecks = new java.util.HashSet<>();

    PackedCore(Machine m, OpPlan plan, Packed<?> packed, int[] groups, Model<?> model) {
        this.m = m;
        for (Invariant<?> i : model.invariants()) {
            if (i.aboutDeadlock()) {
                deadlockChecks.add(i.name());
            }
        }
        this.packed = packed;
        this.groups = groups;
        this.scratchPerm = new int[plan.size()];
        this.stepped = new int[m.width()];
        this.begun = new int[m.width()];
        int n = plan.size();
        opsOf = new Op[n][];
        codesOf = new int[n][];
        scripted = new boolean[n];
        for (int t = 0; t < n; t++) {
            OpPlan.Slot slot = plan.threads().get(t);
            scripted[t] = slot instanceof OpPlan.Script;
            List<Op> all = slot instanceof OpPlan.Script s ? s.ops() : ((OpPlan.Choice) slot).alphabet();
            opsOf[t] = all.toArray(new Op[0]);
            codesOf[t] = new int[all.size()];
            for (int i = 0; i < all.size(); i++) {
                codesOf[t][i] = m.code(t, all.get(i));
            }
        }
    }

    private int code(int t, Op op) {
        Op[] all = opsOf[t];
        for (int i = 0; i < all.length; i++) {
            if (all[i] == op) {
                return codesOf[t][i];
            }
        }
        return m.code(t, op);
    }

    @Override
    public boolean choosing() {
        return true;
    }

    @Override
    public int[] initial() {
        throw new UnsupportedOperationException("packed states always choose ops");
    }

    @Override
    public int[] start(OpPlan plan) {
        int[] s = new int[m.width()];
        m.start(s);
        return s;
    }

    @Override
    public boolean enabled(int[] s, int t) {
        return m.enabled(s, t);
    }

    @Override
    public boolean finished(int[] s, int t) {
        return m.finished(s, t);
    }

    @Override
    public int[] step(int[] s, int t) {
        noticed = (m.step(s, t, stepped) & Machine.NOTICE) != 0;
        return stepped;
    }

    @Override
    public String label() {
        return null;
    }

    @Override
    public String notice() {
        return noticed ? "a designed give-up" : null;
    }

    @Override
    public boolean noticed() {
        return noticed;
    }

    @Override
    public int[] begin(int[] s, int t, Op op, int count, int index) {
        System.arraycopy(s, 0, begun, 0, begun.length);
        // A script's op is its op number count; a choice's is option index of the alphabet.
        int i = scripted[t] ? count : index;
        m.begin(begun, t, i < codesOf[t].length && opsOf[t][i] == op ? codesOf[t][i] : code(t, op));
        return begun;
    }

    @Override
    public int[] beginFresh(int[] s, int t, Op op) {
        int[] out = s.clone();
        m.begin(out, t, code(t, op));
        return out;
    }

    @Override
    public int[] keep(int[] s) {
        return s.clone();
    }

    @Override
    public int opCount(int[] s, int t) {
        return m.opCount(s, t);
    }

    @Override
    public boolean done(int[] s, int t) {
        return m.done(s, t);
    }

    @Override
    public long fingerprint(int[] s) {
        return m.fingerprint(s);
    }

    @Override
    public long fingerprint(int[] parent, long parentFingerprint, int[] s) {
        return m.fingerprint(parent, parentFingerprint, s);
    }

    @Override
    public int[] buffer() {
        return new int[m.width()];
    }

    @Override
    public int[] copy(int[] s, int[] into) {
        System.arraycopy(s, 0, into, 0, into.length);
        return into;
    }

    @Override
    public Object object(int[] s) {
        return packed.unpack(m, s.clone());
    }

    @Override
    public int[] canonical(int[] s) {
        moved = groups != null && m.canonical(s, groups, scratchPerm);
        return s;
    }

    /** Where the last canonical() put each thread ({@code perm[old] = new}), or null when none moved. */
    int[] lastPerm() {
        return moved ? scratchPerm : null;
    }

    @Override
    public boolean symmetric() {
        return groups != null;
    }

    @Override
    public int[] perm(int[] s) {
        int[] p = new int[scratchPerm.length];
        if (groups == null) {
            for (int t = 0; t < p.length; t++) {
                p[t] = t;
            }
            return p;
        }
        m.canonical(s.clone(), groups, p);
        return p;
    }

    @Override
    public Stepper.Check<int[]> check(List<String> names) {
        List<String> known = packed.invariants();
        int count = names.size();
        int[] bit = new int[count];
        boolean[] deadlock = new boolean[count];
        // Identity: the machine's invariants are checked at their own bits, the deadlock checks anywhere else.
        boolean identity = count <= 64;
        long all = 0;
        long stuckBits = 0;
        for (int k = 0; k < count; k++) {
            bit[k] = known.indexOf(names.get(k));
            deadlock[k] = bit[k] < 0 && deadlockChecks.contains(names.get(k));
            if (bit[k] >= 64 || bit[k] < 0 && !deadlock[k]) {
                return null;
            }
            identity &= deadlock[k] || bit[k] == k;
            all |= bit[k] >= 0 ? 1L << bit[k] : 0;
            stuckBits |= deadlock[k] && k < 64 ? 1L << k : 0;
        }
        int threads = scratchPerm.length;
        if (identity && stuckBits == 0) {
            long mask = all;
            return (s, word, open) -> m.broken(s, open & mask);
        }
        if (identity) {
            long mask = all;
            long stuck = stuckBits;
            return (s, word, open) -> {
                long want = open & mask;
                long out = want == 0 ? 0 : m.broken(s, want) & want;
                return (open & stuck) != 0 && deadlocked(s, threads) ? out | (open & stuck) : out;
            };
        }
        return (s, word, open) -> {
            int from = word << 6;
            int to = Math.min(count, from + 64);
            long want = 0;
            boolean askDeadlock = false;
            for (int k = from; k < to; k++) {
                if ((open & (1L << (k - from))) != 0) {
                    if (deadlock[k]) {
                        askDeadlock = true;
                    } else {
                        want |= 1L << bit[k];
                    }
                }
            }
            long got = want == 0 ? 0 : m.broken(s, want);
            boolean stuck = askDeadlock && deadlocked(s, threads);
            long out = 0;
            for (int k = from; k < to; k++) {
                if ((open & (1L << (k - from))) != 0 && (deadlock[k] ? stuck : (got & (1L << bit[k])) != 0)) {
                    out |= 1L << (k - from);
                }
            }
            return out;
        };
    }

    /** No thread can step and some thread has not finished ({@link Invariant#deadlocked}, of a packed state). */
    private boolean deadlocked(int[] s, int threads) {
        boolean unfinished = false;
        for (int t = 0; t < threads; t++) {
            if (m.enabled(s, t)) {
                return false;
            }
            unfinished |= !m.finished(s, t);
        }
        return unfinished;
    }
}
