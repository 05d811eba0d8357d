package racetrace.api;

import racetrace.engine.Op;

/**
 * One step of one thread, as {@link Program#step} writes it: what the thread sees and how it
 * moves on. The memory and registers it hands out are this step's copies: changes to them are
 * the step's effect. A step reads and writes as one atomic action, like one PlusCal label.
 *
 * @param <M> the shared memory
 * @param <R> a thread's registers
 */
public interface ThreadStep<M, R> extends View<M, R> {

    /** This thread's number, 1..{@link #threadCount()} (PlusCal's {@code self}). */
    int self();

    /** The label of this step. */
    String pc();

    /** The op this thread runs: its name and arguments. */
    Op op();

    /** This step's copy of the shared memory: change it to write memory. */
    @Override
    M memory();

    /** This thread's registers (this step's copy). */
    R registers();

    /**
     * The step can be taken only when {@code condition} holds (a lock that is free, a value that
     * is ready): when it does not, the thread is not enabled in this state and nothing of this
     * step happens. Like PlusCal's {@code await}, it may come anywhere in the step.
     */
    void await(boolean condition);

    /** The thread's next step is at {@code label} (a constant: the spec's label for that step). */
    void go(String label);

    /**
     * The thread's op ends with this step: it begins its next op (at its actor's entry label) or
     * is done, as its script or the exploration's choice says.
     */
    void end();

    /**
     * Creates {@code thread}, a thread of an actor kind that is {@link Actor#created() created}
     * and that has not been created yet (pthread_create): from the next state on it can take its
     * first step.
     */
    void create(int thread);

    /** Waits until {@code thread} has run all its ops (pthread_join): {@code await(done(thread))}. */
    void join(int thread);

    /**
     * Reports a designed outcome of this step worth telling (an event dropped on purpose by the
     * code under review); runs and searches say it beside the trace.
     */
    void notice(String text);
}
