package racetrace.search.hunt;

import java.util.List;
import racetrace.engine.Model;
import racetrace.search.Case;

/**
 * What a hunt on one instance found: every invariant violated (in the order found; a deadlock
 * counts as a violation of {@link racetrace.search.Deadlocks#NAME}), what the search covered, and
 * the runs that ended otherwise than by completing (deadlocks, step limits, designed give-ups).
 *
 * @param cutBy the cap that stopped the hunt before its work was done, or null
 * @param shortfall why the completed work backs no held verdict, or null when it does
 * @param work the work taken, by kind, with the time each kind took (for measuring only)
 */
public record HuntResult(Model<?> model, long seed, Strategy strategy, long tries, long millis,
        List<Finding> findings, Evidence evidence, long deadlocks, Case firstDeadlock, long stepLimits,
        long runsWithNotices, String firstNotice, Cap cutBy, Shortfall shortfall, List<WorkDone> work) {

    public HuntResult {
        findings = List.copyOf(findings);
        work = List.copyOf(work);
    }

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

    /** Whether a cap stopped the hunt before its work was done. */
    public boolean cutShort() {
        return cutBy != null;
    }

    public Verdict verdict() {
        return violated() ? Verdict.VIOLATED : shortfall != null ? Verdict.INCONCLUSIVE : Verdict.HELD;
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
