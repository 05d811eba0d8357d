package racetrace.search.hunt;

import racetrace.search.scope.Scope;

/**
 * What a hunt's search covered, so that a verdict says what backs it (in words: the command
 * line's templates).
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
}
