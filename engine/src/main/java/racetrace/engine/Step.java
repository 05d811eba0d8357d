package racetrace.engine;

/**
 * One step of a trace.
 *
 * @param index 1-based step number
 * @param thread the thread that took it
 * @param label the action label
 * @param state the state after it
 * @param notice null, or a designed outcome the step reported
 */
public record Step<S>(int index, int thread, String label, S state, String notice) {
}
