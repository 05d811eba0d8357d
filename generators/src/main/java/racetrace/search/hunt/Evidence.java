package racetrace.search.hunt;

import java.util.ArrayList;
import java.util.List;
import racetrace.search.scope.Scope;

/**
 * What a hunt's search covered, so that a verdict says what backs it.
 *
 * @param scope the largest scope whose every scenario was explored exhaustively, or null
 * @param scopeScenarios scenarios in that scope
 * @param scopeStates states those explorations reached in all
 * @param runs random runs
 * @param swarmScenarios random scenarios explored exhaustively (complete explorations only)
 * @param swarmStates states those reached
 * @param partial scenarios of the next scope explored before the budget ran out
 */
public record Evidence(Scope scope, long scopeScenarios, long scopeStates, long runs, long swarmScenarios,
        long swarmStates, long partial) {

    public boolean exhaustive() {
        return scope != null;
    }

    /** Nothing completed: no scope, no random run, no swarm scenario. Such a hunt backs no verdict. */
    public boolean empty() {
        return scope == null && runs == 0 && swarmScenarios == 0;
    }

    /** The summary table's few words: {@code exhaustive to threads<=2,ops<=2; 20000 runs; 11933 swarm scenarios}. */
    public String brief() {
        if (empty()) {
            return "nothing completed";
        }
        List<String> parts = new ArrayList<>();
        if (scope != null) {
            parts.add("exhaustive to " + scope);
        }
        if (runs > 0) {
            parts.add(runs + " runs");
        }
        if (swarmScenarios > 0) {
            parts.add(swarmScenarios + " swarm scenarios");
        }
        if (scope == null) {
            parts.add("not exhaustive");
        }
        return String.join("; ", parts);
    }

    /** {@code exhaustive: every scenario up to threads<=2,ops<=2, 390 scenarios, 10560 states; ...}. */
    public String describe() {
        if (empty()) {
            return "no random run, no scope and no swarm scenario completed"
                    + (partial > 0 ? " (" + partial + " scenarios of a scope explored, the scope unfinished)" : "");
        }
        StringBuilder b = new StringBuilder();
        if (scope != null) {
            b.append("exhaustive: every scenario up to ").append(scope).append(", ").append(scopeScenarios)
                    .append(" scenarios, ").append(scopeStates).append(" states");
        } else {
            b.append("random");
        }
        b.append(scope != null ? "; random: " : ": ").append(runs).append(" runs");
        if (swarmScenarios > 0) {
            b.append(", ").append(swarmScenarios).append(" random scenarios explored exhaustively (")
                    .append(swarmStates).append(" states)");
        }
        if (scope == null) {
            b.append("; not exhaustive");
        }
        return b.toString();
    }
}
