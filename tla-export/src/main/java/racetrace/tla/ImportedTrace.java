package racetrace.tla;

import racetrace.engine.Execution;
import racetrace.engine.Schedule;

/**
 * A TLC trace replayed in Java.
 *
 * @param schedule the Java schedule (0-based threads, one per TLC step)
 * @param execution the Java run of that schedule (which, past the end of the schedule, may
 *     continue without preemption if no Java invariant stops it)
 * @param tlcSteps the number of steps of the TLC trace
 */
public record ImportedTrace<S>(Schedule schedule, Execution<S> execution, int tlcSteps) {

    /** Whether the Java run stops on {@code invariant} exactly after the TLC trace's last step. */
    public boolean violatesAtEnd(String invariant) {
        return invariant != null && invariant.equals(execution.outcome().invariantOrNull())
                && execution.outcome().steps() == tlcSteps;
    }
}
