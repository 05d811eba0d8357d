package racetrace.search.schedule;

import java.util.Random;
import racetrace.engine.Scheduler;

/**
 * Probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi, Nagarakatte, ASPLOS 2010),
 * online: distinct random priorities, the highest enabled thread runs, and at d-1 random steps
 * in [0, k) the running thread drops below every other. A bug of depth d among n threads and k
 * steps is found with probability at least 1/(n k^(d-1)) per run.
 */
public final class Pct implements Scheduler {

    private final int depth;
    private final int k;
    private final int[] priority;
    private final int[] changeAt;

    /**
     * @param threads n
     * @param depth d, at least 1
     * @param k the number of steps the change points are drawn from (an estimate of the run length)
     */
    public Pct(int threads, int depth, int k, Random random) {
        if (depth < 1 || k < 1) {
            throw new IllegalArgumentException("PCT needs depth >= 1 and k >= 1, not " + depth + ", " + k);
        }
        this.depth = depth;
        this.k = k;
        priority = new int[threads];
        for (int i = 0; i < threads; i++) {
            priority[i] = depth + i;
        }
        for (int i = threads - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = priority[i];
            priority[i] = priority[j];
            priority[j] = tmp;
        }
        changeAt = new int[depth - 1];
        for (int i = 0; i < changeAt.length; i++) {
            changeAt[i] = random.nextInt(k);
        }
    }

    @Override
    public int next(int step, boolean[] enabled, int current) {
        int best = highest(enabled);
        for (int c = 0; c < changeAt.length; c++) {
            if (changeAt[c] == step) {
                // Change point c: the thread about to run drops to priority d-1-c, below all
                // initial priorities (which start at d) and below earlier change points.
                priority[best] = depth - 1 - c;
                best = highest(enabled);
            }
        }
        return best;
    }

    private int highest(boolean[] enabled) {
        int best = -1;
        for (int t = 0; t < enabled.length; t++) {
            if (enabled[t] && (best < 0 || priority[t] > priority[best])) {
                best = t;
            }
        }
        return best;
    }

    /** PCT's guarantee for one run: 1/(n k^(d-1)). */
    public static double bound(int threads, int k, int depth) {
        return 1.0 / (threads * Math.pow(k, depth - 1));
    }

    public int depth() {
        return depth;
    }
}
