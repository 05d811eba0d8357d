package racetrace.search.explore;

import java.util.Map;
import racetrace.engine.Scenario;
import racetrace.search.Case;

/**
 * What an exhaustive search of one scenario found.
 *
 * @param scenario the scenario explored, or null for a scope (several scenarios in each graph)
 * @param distinctStates states reached (by fingerprint), the start state included
 * @param transitions steps taken from every reached state
 * @param depth the largest number of steps to reach a state (the BFS depth)
 * @param complete whether every reachable state was reached; false when a cap or an early stop cut it
 * @param stopReason why the search stopped early, or null when it is complete
 * @param violations for each violated invariant, in the order found, a step-shortest case (focused on it)
 * @param deadlocks states where some thread has not finished and none can step
 * @param firstDeadlock a step-shortest run into a deadlock, or null
 * @param notices transitions that took a designed give-up path
 * @param firstNotice a step-shortest run through one, or null
 * @param millis wall-clock time of the search
 * @param peakBytes the most bytes the search's own arrays held at once (visited sets, parent links,
 *     the levels' states, buffers): not the JVM's heap, which also holds garbage and the model
 * @param checks states whose invariants were checked (a state checked against its open invariants
 *     counts once; none once every invariant is violated): {@code distinctStates} when each
 *     state is checked once
 */
public record Exploration(Scenario scenario, long distinctStates, long transitions, int depth, boolean complete,
        String stopReason, Map<String, Case> violations, long deadlocks, Case firstDeadlock, long notices,
        Case firstNotice, long millis, long peakBytes, long checks) {

    public boolean violated() {
        return !violations.isEmpty();
    }

    /** Bytes of the search's arrays per distinct state, at their peak. */
    public double bytesPerState() {
        return distinctStates == 0 ? 0 : (double) peakBytes / distinctStates;
    }

    /** Invariant checks per distinct state (1 when each state is checked once, 0 with nothing to check). */
    public double checksPerState() {
        return distinctStates == 0 ? 0 : (double) checks / distinctStates;
    }

    /** States per second of wall-clock time. */
    public double statesPerSecond() {
        return millis == 0 ? distinctStates * 1000.0 : distinctStates * 1000.0 / millis;
    }
}
