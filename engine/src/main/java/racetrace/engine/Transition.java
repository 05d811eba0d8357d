package racetrace.engine;

/**
 * The result of one step.
 *
 * @param next the state after the step
 * @param label the action label, a constant naming the step as the TLA+ spec does
 * @param notice null, or a designed outcome worth reporting (an event dropped by a give-up path)
 */
public record Transition<S>(S next, String label, String notice) {

    public static <S> Transition<S> of(S next, String label) {
        return new Transition<>(next, label, null);
    }

    public static <S> Transition<S> noticed(S next, String label, String notice) {
        return new Transition<>(next, label, notice);
    }
}
