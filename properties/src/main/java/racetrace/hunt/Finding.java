package racetrace.hunt;

import racetrace.engine.Measure;
import racetrace.search.Case;

/**
 * One invariant the hunt violated: when (try number and time) it first failed, the shrunk case,
 * its measure and the time shrinking took.
 */
public record Finding(String invariant, int tryNumber, long millisToFirst, Measure original, Case shrunk,
        Measure measure, long millisToShrink, int shrinkRuns) {
}
