package racetrace.engine;

/**
 * A model that runs a user's object through an adapter of racetrace's (a
 * {@code racetrace.api.Program} run by {@code racetrace.engine.program}): what threw, and whose
 * bug it is, are that object's class, not the adapter's.
 */
public interface Adapted {

    /** The class of the user's object this model runs. */
    Class<?> adaptedClass();
}
