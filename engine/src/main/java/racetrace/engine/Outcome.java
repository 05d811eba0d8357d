package racetrace.engine;

import java.util.List;

/** How an execution ended. */
public sealed interface Outcome {

    /** Number of steps taken. */
    int steps();

    /** Every thread finished and every checked invariant held after every step. */
    record Completed(int steps) implements Outcome {
    }

    /** The invariant failed in the state after step {@code steps} (0 = the start state). */
    record Violated(String invariant, int steps) implements Outcome {
    }

    /** Some threads had not finished and none could take a step. */
    record Deadlock(int steps, List<Integer> blocked) implements Outcome {
    }

    /** The run was cut off after the step limit (a model that can loop forever). */
    record StepLimit(int steps) implements Outcome {
    }

    default boolean isViolation() {
        return this instanceof Violated;
    }

    default String invariantOrNull() {
        return this instanceof Violated v ? v.invariant() : null;
    }
}
