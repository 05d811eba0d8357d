package racetrace.engine;

/**
 * A model built around another whose state it extends (a search's own check added to it, for
 * example): every step, invariant and value is the wrapped model's. Whoever asks which model's
 * code ran (a {@link ModelFailure}) looks through it.
 */
public interface WrappingModel {

    /** The model this one is built around. */
    Model<?> wrapped();
}
