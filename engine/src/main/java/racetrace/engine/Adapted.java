package racetrace.engine;

/**
 * A model, or a model family, that runs a user's object through an adapter of racetrace's (a
 * {@code racetrace.api.Program} run by {@code racetrace.engine.program}): what threw, whose bug it
 * is, and where the model comes from (the {@code --model-path} a printed command needs) are that
 * object's class, not the adapter's.
 */
public interface Adapted {

    /** The class of the user's object this model runs. */
    Class<?> adaptedClass();
}
