package racetrace.hunt;

import racetrace.engine.Measure;
import racetrace.search.Case;

/**
 * One invariant the hunt violated: when (try number and time) it first failed, the shrunk case,
 * its measure and the time shrinking took.
 */
public record Finding(String invariant, int tryNumber, long nanosToFirst, Measure original, Case shrunk,
        Measure measure, long nanosToShrink, int shrinkRuns) {

    /** Search time to the first failing run, in milliseconds to 0.01 ms (earlier shrinks excluded). */
    public double millisToFirst() {
        return millis(nanosToFirst);
    }

    public double millisToShrink() {
        return millis(nanosToShrink);
    }

    static double millis(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }
}
