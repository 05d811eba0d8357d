package racetrace.search.scope;

/**
 * A bound on scenarios for exhaustive enumeration: at most {@code maxThreads} threads and
 * {@code maxOps} ops in all, every configuration value and every op of the model's space.
 */
public record Scope(int maxThreads, int maxOps) implements Comparable<Scope> {

    public Scope {
        if (maxThreads < 1 || maxOps < 0) {
            throw new IllegalArgumentException("a scope needs at least 1 thread and 0 ops, not " + maxThreads
                    + " and " + maxOps);
        }
    }

    /** Whether every scenario of {@code other} is in this scope too. */
    public boolean covers(Scope other) {
        return maxThreads >= other.maxThreads && maxOps >= other.maxOps;
    }

    @Override
    public int compareTo(Scope o) {
        int c = Integer.compare(maxThreads, o.maxThreads);
        return c != 0 ? c : Integer.compare(maxOps, o.maxOps);
    }

    /** {@code threads<=3,ops<=4}: the form the verdicts and the README use. */
    @Override
    public String toString() {
        return "threads<=" + maxThreads + ",ops<=" + maxOps;
    }
}
