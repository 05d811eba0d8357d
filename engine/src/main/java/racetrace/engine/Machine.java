package racetrace.engine;

/**
 * Steps the packed states of one state graph ({@link Packed}): the same steps, op choices and
 * invariants as the model's object states, without allocating. One per worker: a machine may keep
 * scratch space.
 */
public interface Machine {

    /** Ints per state. */
    int width();

    /** Writes the start state (every thread done, no op begun) into {@code s}. */
    void start(int[] s);

    boolean enabled(int[] s, int t);

    boolean finished(int[] s, int t);

    /**
     * Thread {@code t}'s step from {@code s} (enabled): writes the successor into {@code out}
     * (another array of the width) and returns {@link #NOTICE} when the step took a designed
     * give-up, else 0. A step that ends an op leaves the thread done.
     */
    int step(int[] s, int t, int[] out);

    /** A status bit of {@link #step}: the step reported a designed give-up. */
    int NOTICE = 1;

    /** The code of an op for thread {@code t} (its actor's op), for {@link #begin}. */
    int code(int t, Op op);

    /** Thread {@code t}, done in {@code s}, begins the op of this code: in place. */
    void begin(int[] s, int t, int code);

    int opCount(int[] s, int t);

    boolean done(int[] s, int t);

    /** The fingerprint of a state: equal to the model's {@link Model#fingerprint} of its object. */
    long fingerprint(int[] s);

    /**
     * The fingerprint of {@code s}, a successor of {@code parent} whose fingerprint is known: a
     * machine whose fingerprint follows from the slots a step changed overrides it.
     */
    default long fingerprint(int[] parent, long parentFingerprint, int[] s) {
        return fingerprint(s);
    }

    /**
     * Puts {@code s} in canonical form under permutations of interchangeable threads: threads with
     * the same {@code group} number (-1: none) may be reordered among themselves, with every
     * thread number the state holds (lock owners, holder sets) renumbered alike. Writes into
     * {@code perm} where each thread went ({@code perm[old] = new}) and returns whether any moved.
     * The default knows no symmetry: nothing moves. A machine that reorders must do so
     * deterministically (the same orbit, the same form, when it can) and soundly (the result is a
     * state of the same orbit).
     */
    default boolean canonical(int[] s, int[] group, int[] perm) {
        for (int t = 0; t < perm.length; t++) {
            perm[t] = t;
        }
        return false;
    }

    /**
     * Whether {@link #footprint} is declared, so a search may skip interleavings of independent
     * steps (partial-order reduction). The default declares none: every two steps are dependent
     * and nothing is skipped.
     */
    default boolean declaresFootprints() {
        return false;
    }

    /**
     * What thread {@code t}'s next step from {@code s} (t enabled) may touch outside t's own
     * registers, a bit per location (a bit may stand for several locations: sharing bits only
     * makes more steps dependent): {@code out[0]} the locations it may read, {@code out[1]} those
     * it may write (a lock taken or released is a write of the lock). Reads include what {@link
     * #enabled} of t reads; writes include ghost variables and every store, even one that leaves
     * the value as it was. Two steps of different threads whose footprints do not conflict (no
     * location one writes and the other reads or writes) must commute, and neither may enable or
     * disable the other: a search trusts this to leave out one of their orders, so it is declared
     * from the step code, never from the results it should give; {@code Stepper}'s validation
     * executes both orders to check it.
     */
    default void footprint(int[] s, int t, long[] out) {
        out[0] = -1L;
        out[1] = -1L;
    }

    /**
     * Which invariants fail in {@code s}: bit k for {@link Packed#invariants}{@code .get(k)},
     * among the bits of {@code check}.
     */
    long broken(int[] s, long check);
}
