package racetrace.engine;

import java.util.List;

/**
 * A model whose states are int arrays of one width per state graph: the explorers' fast path. A
 * packed state is a one-to-one image of the state's variables (equal arrays, equal variables), so
 * fingerprints, counts and cases are those of the object states; tests check that both agree.
 * Only for models that choose ops ({@link Model#opChoice}).
 *
 * @param <S> the model's state type
 */
public interface Packed<S> {

    /**
     * A machine for one state graph (a configuration and its threads' actors). Machines are not
     * shared between threads: each worker of a search asks for its own.
     */
    Machine machine(Config config, List<String> actors);

    /**
     * The names of the invariants {@link Machine#broken} reports, bit k for name k: those of the
     * model's own {@link Model#invariants}. A search that checks an invariant not listed here
     * (a wrapper's own) steps object states instead.
     */
    List<String> invariants();

    /** The array of a state (the state's own: not to be changed). */
    int[] pack(S state);

    /** The state whose array this is, in the machine's graph (the state keeps the array). */
    S unpack(Machine machine, int[] packed);
}
