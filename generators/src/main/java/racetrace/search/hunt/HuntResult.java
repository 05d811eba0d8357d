package racetrace.search.hunt;

import java.util.List;
import racetrace.engine.Model;
import racetrace.search.Case;

/**
 * What a hunt on one instance found: every invariant violated (in the order found), what the
 * search covered, and the runs that ended otherwise than by completing (deadlocks, step limits,
 * designed give-ups).
 *
 * @param cutShort why the hunt stopped before its work bound (the time cap), or null
 */
public record HuntResult(Model<?> model, long seed, Strategy strategy, long tries, long millis,
        List<Finding> findings, Evidence evidence, long deadlocks, Case firstDeadlock, long stepLimits,
        long runsWithNotices, String firstNotice, String cutShort) {

    public boolean violated() {
        return !findings.isEmpty();
    }

    /** The held verdict with what backs it, or "violated", with the assumptions every finding rests on. */
    public String verdict() {
        return violated() ? "violated" + condition() : "held (" + evidence.describe() + ")";
    }

    /**
     * {@code " (if probe-window=open)"} when every finding rests on assumptions (several findings on
     * different ones: joined with "or"), "" when some finding rests on none or nothing was found.
     */
    public String condition() {
        if (findings.isEmpty() || findings.stream().anyMatch(f -> f.assumptions().isEmpty())) {
            return "";
        }
        java.util.Set<String> each = new java.util.LinkedHashSet<>();
        for (Finding f : findings) {
            each.add(racetrace.search.Assumptions.conditions(f.assumptions()));
        }
        return " (if " + String.join(" or ", each) + ")";
    }
}
