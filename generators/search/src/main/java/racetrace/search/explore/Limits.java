package racetrace.search.explore;

import java.time.Duration;

/**
 * Caps on one exhaustive search. A search cut by the state cap is deterministic; one cut by the
 * time cap is not, and says so.
 *
 * @param maxStates distinct states after which the search stops
 * @param maxTime wall-clock time after which the search stops, or null for none
 */
public record Limits(long maxStates, Duration maxTime) {

    public static final long DEFAULT_MAX_STATES = 5_000_000;

    public Limits {
        if (maxStates < 1) {
            throw new IllegalArgumentException("maxStates must be at least 1, not " + maxStates);
        }
    }

    public static Limits of(long maxStates, Duration maxTime) {
        return new Limits(maxStates, maxTime);
    }

    /** A state cap and no time cap: deterministic. */
    public static Limits states(long maxStates) {
        return new Limits(maxStates, null);
    }

    public static Limits defaults() {
        return states(DEFAULT_MAX_STATES);
    }

    long deadlineNanos(long start) {
        return maxTime == null ? Long.MAX_VALUE : start + maxTime.toNanos();
    }
}
