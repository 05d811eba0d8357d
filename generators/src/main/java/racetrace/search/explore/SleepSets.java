package racetrace.search.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import racetrace.engine.Stepper;

/**
 * Partial-order reduction by sleep sets, for one worker of the {@link Explorer} (see
 * docs/benchmark.md, "Partial-order reduction", for why it keeps every state at its depth).
 *
 * <p>A state of a level carries a sleep set: threads whose step from it need not be taken,
 * because a commuting order of the same steps is explored from an ancestor. At a state, the
 * enabled threads that are not asleep are stepped in thread order; the successors by thread t
 * get as sleep set the threads that were asleep here or were stepped here before t, of those
 * whose step is independent of t's here (their footprints do not conflict, {@link
 * racetrace.engine.Machine#footprint}, and, when the plan's op cap is shared, not both of them
 * end an op). A state made several times in one level keeps the sleep set of the edge the merge
 * keeps, the one of least key: the last edge of the state's least shortest path, whose steps the
 * reduction never skips; one met again at a deeper level is dropped as without reduction.
 *
 * <p>A sleep set is a long: bit t says thread t is asleep, bit 32 + t that its step (the one
 * asleep) ends its op. Under symmetry a successor is renumbered into its canonical form, and its
 * sleep set with it.
 */
final class SleepSets {

    private static final long LOW = 0xFFFF_FFFFL;

    private final Stepper<int[]> stepper;
    private final int n;
    private final boolean sharedOpCap;
    /** With validation: a stepper of its own (no symmetry) that executes both orders of each independence used. */
    private final Stepper<int[]> check;

    private final long[] reads;
    private final long[] writes;
    private final long[] pair = new long[2];
    private long known;
    private int[] state;
    private long asleep;
    private long asleepEnds;
    private long stepped;
    private long steppedEnds;
    private int taking;
    private boolean haveChild;
    private long child;

    @SuppressWarnings("unchecked")
    SleepSets(Stepper<?> stepper, boolean validate) {
        this.stepper = (Stepper<int[]>) stepper;
        this.n = stepper.threads();
        this.sharedOpCap = stepper.sharedOpCap();
        this.reads = new long[n];
        this.writes = new long[n];
        this.check = validate ? Stepper.packed(stepper.model(), stepper.plan(), false) : null;
    }

    /** The state to be expanded next, with its sleep set. */
    void state(Object s, long sleep) {
        state = (int[]) s;
        asleep = sleep & LOW;
        asleepEnds = (sleep >>> 32) & asleep;
        stepped = 0;
        steppedEnds = 0;
        known = 0;
    }

    boolean asleep(int t) {
        return (asleep >>> t & 1) != 0;
    }

    /** Thread t (enabled, awake) is stepped now. */
    void taking(int t) {
        taking = t;
        haveChild = false;
    }

    /** Thread t was stepped; whether its step ended its op. */
    void took(int t, boolean ended) {
        stepped |= 1L << t;
        if (ended) {
            steppedEnds |= 1L << t;
        }
    }

    /**
     * The sleep set of a successor by the thread being taken (whose step ended its op or not),
     * renumbered by {@code perm} (old to new) when its canonical form moved threads.
     */
    long child(boolean ended, int[] perm) {
        if (!haveChild) {
            child = compute(ended);
            haveChild = true;
        }
        return perm == null || child == 0 ? child : renumber(child, perm);
    }

    private long compute(boolean ended) {
        int t = taking;
        long candidates = (asleep | stepped) & ~(1L << t);
        if (candidates == 0) {
            return 0;
        }
        long ends = asleepEnds | steppedEnds;
        footprint(t);
        long rt = reads[t];
        long wt = writes[t];
        long out = 0;
        for (long c = candidates; c != 0; c &= c - 1) {
            int u = Long.numberOfTrailingZeros(c);
            footprint(u);
            if ((writes[u] & (rt | wt)) != 0 || (wt & (reads[u] | writes[u])) != 0) {
                continue;
            }
            boolean uEnds = (ends >>> u & 1) != 0;
            if (sharedOpCap && ended && uEnds) {
                continue;
            }
            if (check != null) {
                validate(state, t, u);
            }
            out |= 1L << u;
            if (uEnds) {
                out |= 1L << (32 + u);
            }
        }
        return out;
    }

    private void footprint(int t) {
        if ((known >>> t & 1) == 0) {
            stepper.footprint(state, t, pair);
            reads[t] = pair[0];
            writes[t] = pair[1];
            known |= 1L << t;
        }
    }

    static long renumber(long sleep, int[] perm) {
        long out = 0;
        for (long c = sleep & LOW; c != 0; c &= c - 1) {
            int u = Long.numberOfTrailingZeros(c);
            out |= 1L << perm[u];
            if ((sleep >>> (32 + u) & 1) != 0) {
                out |= 1L << (32 + perm[u]);
            }
        }
        return out;
    }

    /**
     * Executes both orders of t's and u's steps from s (every choice of each) and throws when they
     * do not commute: one disables the other, changes its choices, or the two orders end in
     * different states. What the reduction relies on, checked where it relies on it.
     */
    private void validate(int[] s, int t, int u) {
        List<int[]> byT = successors(s, t);
        List<int[]> byU = successors(s, u);
        List<List<int[]>> tThenU = new ArrayList<>();
        for (int[] a : byT) {
            if (!check.enabled(a, u)) {
                throw wrong(s, t, u, "thread " + t + "'s step disables thread " + u);
            }
            List<int[]> b = successors(a, u);
            if (b.size() != byU.size()) {
                throw wrong(s, t, u, "thread " + t + "'s step changes thread " + u + "'s choices");
            }
            tThenU.add(b);
        }
        for (int d = 0; d < byU.size(); d++) {
            int[] b = byU.get(d);
            if (!check.enabled(b, t)) {
                throw wrong(s, t, u, "thread " + u + "'s step disables thread " + t);
            }
            List<int[]> a = successors(b, t);
            if (a.size() != byT.size()) {
                throw wrong(s, t, u, "thread " + u + "'s step changes thread " + t + "'s choices");
            }
            for (int c = 0; c < a.size(); c++) {
                if (!Arrays.equals(a.get(c), tThenU.get(c).get(d))) {
                    throw wrong(s, t, u, "the two orders end in different states");
                }
            }
        }
    }

    private List<int[]> successors(int[] s, int t) {
        List<int[]> out = new ArrayList<>();
        check.successors(s, t, (next, choice, began, notice) -> out.add(check.keepState(next)));
        return out;
    }

    private IllegalStateException wrong(int[] s, int t, int u, String what) {
        return new IllegalStateException("the footprints of " + stepper.model().instance() + " declare the steps of "
                + "threads " + t + " and " + u + " independent in state " + text(check.object(s)) + ", but " + what);
    }

    private static String text(Object state) {
        return state instanceof int[] a ? Arrays.toString(a) : String.valueOf(state);
    }
}
