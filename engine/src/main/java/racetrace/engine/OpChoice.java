package racetrace.engine;

import java.util.List;

/**
 * A model whose threads take their ops from the engine instead of from a script kept in the
 * state: the engine chooses a thread's next op at the end of the previous one, as part of the step
 * that ends it, and a run or a search of one scenario, or of a whole scope, is the same model with
 * other choices ({@link OpPlan}). The state then holds only what the system holds: each thread's
 * current op, how many it has begun, and its registers.
 *
 * <p>The contract, with {@link Model#step} and {@link Model#finished}:
 * <ul>
 * <li>a thread is <em>done</em> when it has no current op: in the start state, and after the step
 * that ends an op, which leaves it done (its registers cleared, as the spec's op-ending step
 * does) and nothing else about it;
 * <li>{@link #begin} makes a done thread's next op current: its first step label, its arguments
 * bound, its op count one more; the engine calls it right after the step that ended the
 * previous op (or in the start state for the first op), so a thread is never seen done and about
 * to begin: the choice is merged into that step, as in the spec;
 * <li>a done thread is finished ({@link Model#finished}) and takes no step again.
 * </ul>
 *
 * @param <S> the state type
 */
public interface OpChoice<S> {

    /** The start state of a configuration with these threads (actor names, grouped by kind): every thread done, no op begun. */
    S start(Config config, List<String> actors);

    /** The state in which {@code thread}, done in {@code state}, has begun {@code op} (an op of its actor's alphabet). */
    S begin(S state, int thread, Op op);

    /** How many ops {@code thread} has begun. */
    int opCount(S state, int thread);

    /** Whether {@code thread} has no current op. */
    boolean done(S state, int thread);
}
