package racetrace.engine;

/**
 * Chooses the thread that takes each step of a run. The engine's one loop ({@link Execution})
 * asks it at every step; replay, random and systematic strategies are implementations. A scheduler
 * is stateful and serves one run.
 */
public interface Scheduler {

    /**
     * The thread to step next.
     *
     * @param step how many steps were taken so far
     * @param enabled which threads can take a step now; at least one is
     * @param current the thread that took the last step, or -1 before the first
     * @return an enabled thread
     */
    int next(int step, boolean[] enabled, int current);

    /** The first enabled thread at or after {@code from}, in cyclic order. */
    static int fallThrough(boolean[] enabled, int from) {
        int n = enabled.length;
        int t = from % n;
        while (!enabled[t]) {
            t = (t + 1) % n;
        }
        return t;
    }
}
