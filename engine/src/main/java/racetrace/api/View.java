package racetrace.api;

import java.util.List;
import racetrace.engine.Config;
import racetrace.engine.Op;

/**
 * A state as a program sees it. Threads are numbered 1..{@link #threadCount()} as in the TLA+
 * spec (PlusCal's {@code self}). Read only: an invariant must not change what it is given.
 *
 * <p>Besides the memory and the registers, the engine keeps per thread its program counter
 * ({@code pc}: the label of its next step, or {@code "Done"}) and {@code opi}, how many ops it
 * has begun since it started (0 for a thread not yet created). Both are TLA+ variables of the
 * spec; the current op is the {@code opi}-th of its script.
 *
 * @param <M> the shared memory
 * @param <R> a thread's registers
 */
public interface View<M, R> {

    /** The shared memory. */
    M memory();

    /** Thread {@code thread}'s registers. */
    R registers(int thread);

    /** Every thread's registers, thread 1 first. */
    List<R> allRegisters();

    /** How many threads the scenario has (present or not). */
    int threadCount();

    /** The label of {@code thread}'s next step, or {@code "Done"}. */
    String pc(int thread);

    /** Whether {@code thread} has run all its ops (or is absent from this scenario). */
    boolean done(int thread);

    /** Whether {@code thread} is of an actor kind that another thread creates, and has not been created yet. */
    boolean waiting(int thread);

    /**
     * How many ops {@code thread} has begun since it started, the current one included (the TLA+
     * variable {@code opi}): 0 while it waits to be created, or when it is absent from the run.
     */
    int opi(int thread);

    /** The op {@code thread} runs, or null while it has none. */
    Op op(int thread);

    /** {@code thread}'s actor kind. */
    String actor(int thread);

    /** The threads of {@code actor} that take part in this run, in order. */
    List<Integer> threads(String actor);

    /** The configuration: the family's parameters and their values. */
    Config config();

    /** The instance's variant. */
    String variant();

    /** The value of one of the family's options for this instance. */
    String option(String name);
}
