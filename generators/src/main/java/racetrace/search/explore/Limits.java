package racetrace.search.explore;

import java.time.Duration;

/**
 * Caps on one exhaustive search. A search cut by the state cap is deterministic; one cut by the
 * time cap is not, and says so.
 *
 * @param maxStates distinct states after which the search stops
 * @param maxTime wall-clock time after which the search stops, or null for none
 * @param workers threads one search may use (the result does not depend on it)
 * @param reduce whether the search may reduce the state graph (symmetry of interchangeable
 *     threads): the same verdicts and shortest counterexample lengths in fewer states, but not the
 *     spec's state count; off unless asked for ({@link #reduced})
 * @param order partial-order reduction (sleep sets, {@link Order}): every state still visited at
 *     its BFS depth with the same parent, so the same counts and cases, fewer transitions
 *     computed; on with {@code reduce} unless chosen ({@link #withOrder})
 */
public record Limits(long maxStates, Duration maxTime, int workers, boolean reduce, Order order) {

    /**
     * Partial-order reduction of a search: {@code OFF}; {@code SLEEP_SETS}, for a model that
     * declares footprints ({@code Machine#footprint}), skips a thread's step where a
     * commuting order of the same steps is explored (the same states, depths and verdicts, fewer
     * transitions); {@code CHECKED}, the same, and every independence it relies on is checked by
     * executing both orders (slow: for tests of a model's footprints).
     */
    public enum Order {
        OFF, SLEEP_SETS, CHECKED
    }

    public static final long DEFAULT_MAX_STATES = 5_000_000;

    public Limits {
        if (maxStates < 1 || workers < 1) {
            throw new IllegalArgumentException("maxStates and workers must be at least 1, not " + maxStates + ", "
                    + workers);
        }
        order = order == null ? Order.OFF : order;
    }

    public Limits(long maxStates, Duration maxTime, int workers) {
        this(maxStates, maxTime, workers, false);
    }

    /** With {@code reduce}, both reductions: symmetry and sleep sets. */
    public Limits(long maxStates, Duration maxTime, int workers, boolean reduce) {
        this(maxStates, maxTime, workers, reduce, reduce ? Order.SLEEP_SETS : Order.OFF);
    }

    public static Limits of(long maxStates, Duration maxTime) {
        return new Limits(maxStates, maxTime, 1);
    }

    /** A state cap and no time cap: deterministic. */
    public static Limits states(long maxStates) {
        return new Limits(maxStates, null, 1);
    }

    /** The same caps, searched on {@code n} threads. */
    public Limits withWorkers(int n) {
        return new Limits(maxStates, maxTime, n, reduce, order);
    }

    /**
     * The same caps, with the reductions that keep every violation: symmetry, and sleep sets
     * (unless an order was chosen already).
     */
    public Limits reduced() {
        return new Limits(maxStates, maxTime, workers, true, order == Order.OFF ? Order.SLEEP_SETS : order);
    }

    /** The same caps, with partial-order reduction of the given kind. */
    public Limits withOrder(Order o) {
        return new Limits(maxStates, maxTime, workers, reduce, o);
    }

    public static Limits defaults() {
        return states(DEFAULT_MAX_STATES);
    }

    long deadlineNanos(long start) {
        return maxTime == null ? Long.MAX_VALUE : start + maxTime.toNanos();
    }
}
