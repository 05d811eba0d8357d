package racetrace.engine;

import java.util.function.Predicate;

/**
 * A named state predicate; the name is the TLA+ operator that states the same thing.
 *
 * <p>One kind is not a predicate of the state alone: deadlock freedom ({@link #deadlockFree}),
 * "some thread can step, or every thread has finished", needs the model and the number of
 * threads, which whoever checks it has (a run its scenario, a search its plan). Checks call
 * {@link #holds(Model, Object, int)}, which serves both kinds; the state needs no wrapper to carry
 * the thread count.
 */
public record Invariant<S>(String name, String description, Predicate<S> predicate) {

    public static <S> Invariant<S> of(String name, String description, Predicate<S> predicate) {
        return new Invariant<>(name, description, predicate);
    }

    /**
     * Deadlock freedom as an invariant: it fails in a state where no thread can step and some
     * thread has not finished ({@link Model#finished}), as TLC's deadlock check does.
     */
    public static <S> Invariant<S> deadlockFree(String name, String description) {
        return new Invariant<>(name, description, new NoDeadlock<>(name));
    }

    /** Whether this is a deadlock check ({@link #deadlockFree}), which needs the thread count. */
    public boolean aboutDeadlock() {
        return predicate instanceof NoDeadlock;
    }

    /** Whether a predicate of the state alone holds; a deadlock check throws: it needs {@link #holds(Model, Object, int)}. */
    public boolean holds(S state) {
        return predicate.test(state);
    }

    /** Whether the invariant holds in {@code state}, a state of {@code model} with {@code threads} threads. */
    public boolean holds(Model<S> model, S state, int threads) {
        return predicate instanceof NoDeadlock ? !deadlocked(model, state, threads) : predicate.test(state);
    }

    /** Whether {@code state} is a deadlock: no thread can step and some thread has not finished. */
    public static <S> boolean deadlocked(Model<S> model, S state, int threads) {
        boolean unfinished = false;
        for (int t = 0; t < threads; t++) {
            if (model.enabled(state, t)) {
                return false;
            }
            unfinished |= !model.finished(state, t);
        }
        return unfinished;
    }

    /** The predicate of a deadlock check: not one of the state alone. */
    private record NoDeadlock<S>(String name) implements Predicate<S> {
        @Override
        public boolean test(S s) {
            throw new IllegalStateException("invariant " + name + " (deadlock freedom) needs the model and the "
                    + "thread count: check it with holds(model, state, threads)");
        }
    }
}
