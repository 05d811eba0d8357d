package racetrace.engine;

import java.util.List;

/** How the stepper reads, steps and begins states of one representation. */
interface StepCore<S> {
    boolean choosing();

    /** A scenario's start state (models without op choice). */
    S initial();

    /** The start state of the plan's configuration and actors: every thread done. */
    S start(OpPlan plan);

    boolean enabled(S s, int t);

    boolean finished(S s, int t);

    /** Thread t's step; the result may be a buffer, valid until the next step. */
    S step(S s, int t);

    /** Of the last step: its label, its notice, whether it had one. */
    String label();

    String notice();

    boolean noticed();

    /**
     * The state where t begins op, option {@code index} of its slot's options after {@code
     * begun} ops; the result may be a buffer, valid until the next begin.
     */
    S begin(S s, int t, Op op, int begun, int index);

    /** The same into a state of the caller's own (for start states). */
    S beginFresh(S s, int t, Op op);

    /** A state of the caller's own with the contents of s. */
    S keep(S s);

    int opCount(S s, int t);

    boolean done(S s, int t);

    long fingerprint(S s);

    long fingerprint(S parent, long parentFingerprint, S s);

    S buffer();

    S copy(S s, S into);

    Object object(S s);

    Stepper.Check<S> check(List<String> names);

    /** {@code s} in canonical form (in place for a buffer); s itself without symmetry. */
    S canonical(S s);

    boolean symmetric();

    int[] perm(S s);
}
