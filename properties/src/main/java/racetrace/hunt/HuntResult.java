package racetrace.hunt;

import java.util.List;
import racetrace.engine.Model;
import racetrace.search.Case;

/**
 * What a hunt on one instance found: every invariant violated (in the order found), how many
 * runs it took, and the runs that ended otherwise than by completing (deadlocks, step limits,
 * designed give-ups).
 */
public record HuntResult(Model<?> model, long seed, int tries, long millis, List<Finding> findings,
        int deadlocks, Case firstDeadlock, int stepLimits, int runsWithNotices, String firstNotice) {

    public boolean violated() {
        return !findings.isEmpty();
    }
}
