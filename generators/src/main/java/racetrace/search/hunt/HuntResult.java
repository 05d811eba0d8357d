package racetrace.search.hunt;

import java.util.List;
import racetrace.engine.Model;
import racetrace.search.Case;

/**
 * What a hunt on one instance found: every invariant violated (in the order found; a deadlock
 * counts as a violation of {@link racetrace.search.Deadlocks#NAME}), what the search covered, and
 * the runs that ended otherwise than by completing (deadlocks, step limits, designed give-ups).
 *
 * @param cutShort the cap that stopped the hunt before its work was done, in words, or null
 * @param unfinished why the completed work backs no held verdict (a cap cut it, the requested
 *     scope was not completed, nothing was completed), or null when it does
 */
public record HuntResult(Model<?> model, long seed, Strategy strategy, long tries, long millis,
        List<Finding> findings, Evidence evidence, long deadlocks, Case firstDeadlock, long stepLimits,
        long runsWithNotices, String firstNotice, String cutShort, String unfinished) {

    /** The three verdicts of a hunt. */
    public enum Verdict {
        /** Some invariant failed: each has a replayable counterexample. */
        VIOLATED,
        /** The whole work was done and no invariant failed in it (see {@link Evidence} for what it covered). */
        HELD,
        /** The work was cut short, or completed nothing, and nothing failed in what was done: no claim. */
        INCONCLUSIVE;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean violated() {
        return !findings.isEmpty();
    }

    public Verdict verdict() {
        return violated() ? Verdict.VIOLATED : unfinished != null ? Verdict.INCONCLUSIVE : Verdict.HELD;
    }

    /**
     * The verdict with what backs it: {@code violated}, {@code held (exhaustive: ...)}, or
     * {@code inconclusive (cut short by the time limit of 1 s before the work was done; completed: ...)}.
     */
    public String verdictText() {
        return switch (verdict()) {
            case VIOLATED -> "violated";
            case HELD -> "held (" + evidence.describe() + ")";
            case INCONCLUSIVE -> "inconclusive (" + unfinished + (evidence.empty() ? ": " : "; completed: ")
                    + evidence.describe() + ")";
        };
    }
}
