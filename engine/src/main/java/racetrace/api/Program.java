package racetrace.api;

import java.util.List;
import racetrace.engine.Config;
import racetrace.engine.Invariant;

/**
 * A model of one's own: threads taking atomic steps over a shared memory {@code M}, each thread
 * with registers {@code R}. Registered in {@code META-INF/services/racetrace.api.Program} (a
 * public class with a public no-argument constructor); one object serves every instance of the
 * family, so it keeps no state of its own.
 *
 * <p>{@code M} and {@code R} are classes with fields of these types: {@code int},
 * {@code boolean}, {@code String}, an enum, a record of those, an array of any of them, or an
 * immutable {@code List}, {@code Set} or {@code Map} of them (replace it, never change it). A step
 * gets copies to change; the engine keeps its states immutable. Their fields are the TLA+ spec's
 * variables, in declaration order: the memory's fields, then each register field as a function
 * of the thread (a sequence), then the engine's {@code opi} and {@code pc} (see {@link View}).
 *
 * @param <M> the shared memory
 * @param <R> a thread's registers
 */
public interface Program<M, R> {

    /** The family: its name, variants, options, configuration parameters and actor kinds. */
    Family family();

    /**
     * The memory in the start state of a configuration. The default is a new {@code M} made by its
     * constructor without parameters: every field at the value its declaration gives it.
     */
    default M memory(Config config) {
        return Starts.make(getClass(), 0, "memory(Config)");
    }

    /**
     * The registers of a thread of {@code actor} in the start state of a configuration. The
     * default is a new {@code R} made by its constructor without parameters.
     */
    default R registers(Config config, String actor) {
        return Starts.make(getClass(), 1, "registers(Config, String)");
    }

    /**
     * Thread {@code t.self()} takes its step at label {@code t.pc()}: one atomic memory access or
     * lock operation. The step awaits what it needs ({@link ThreadStep#await}), changes
     * {@link ThreadStep#memory} and {@link ThreadStep#registers}, and ends with
     * {@link ThreadStep#go} or {@link ThreadStep#end}. Deterministic: the same state, the same
     * step.
     */
    void step(ThreadStep<M, R> t);

    /** The invariants, checked in every state; each name is the TLA+ operator that states it. */
    List<Invariant<View<M, R>>> invariants();
}
