package racetrace.api;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import racetrace.engine.Config;
import racetrace.engine.Op;

/**
 * A kind of thread: how many of them a scenario has, how many ops each runs, which ops, and the
 * label every op of the kind begins at (the first label of its PlusCal process).
 *
 * @param name the actor name used in scenarios and table headings ({@code writer})
 * @param entry the label of the first step of every op of this kind
 * @param minThreads fewest threads of this kind in a scenario
 * @param maxThreads most threads
 * @param minOps fewest ops a thread runs (at least 1: a thread of a scenario runs something)
 * @param maxOps most ops a thread runs
 * @param alphabet the ops a thread may run under a configuration, simplest first
 * @param interchangeable whether two threads of this kind differ only by their ops (the program
 *     never uses a thread's position among its kind), so that exhaustive search lists one order
 * @param created whether a thread of this kind starts only when another thread creates it
 *     ({@link ThreadStep#create}); until then it waits, and a run where it is never created ends
 *     in a deadlock
 */
public record Actor(String name, String entry, int minThreads, int maxThreads, int minOps, int maxOps,
        Function<Config, List<Op>> alphabet, boolean interchangeable, boolean created) {

    public Actor {
        if (minThreads < 0 || minThreads > maxThreads) {
            throw new IllegalArgumentException("actor " + name + ": threads " + minThreads + ".." + maxThreads);
        }
        if (minOps < 1 || minOps > maxOps) {
            throw new IllegalArgumentException("actor " + name + ": ops " + minOps + ".." + maxOps
                    + " (a thread runs at least one op)");
        }
    }

    /** One thread running one op, its ops beginning at {@code entry}; no alphabet yet. */
    public static Actor of(String name, String entry) {
        return new Actor(name, entry, 1, 1, 1, 1, c -> List.of(), false, false);
    }

    /** {@code min..max} threads of this kind. */
    public Actor threads(int min, int max) {
        return new Actor(name, entry, min, max, minOps, maxOps, alphabet, interchangeable, created);
    }

    /** {@code min..max} ops per thread. */
    public Actor ops(int min, int max) {
        return new Actor(name, entry, minThreads, maxThreads, min, max, alphabet, interchangeable, created);
    }

    /** Ops without arguments, simplest first. */
    public Actor alphabet(String... ops) {
        List<Op> list = Arrays.stream(ops).map(Op::of).toList();
        return alphabet(c -> list);
    }

    /** Ops, simplest first. */
    public Actor alphabet(Op... ops) {
        List<Op> list = List.of(ops);
        return alphabet(c -> list);
    }

    /** Ops that depend on the configuration (a port number up to a parameter), simplest first. */
    public Actor alphabet(Function<Config, List<Op>> ops) {
        return new Actor(name, entry, minThreads, maxThreads, minOps, maxOps, ops, interchangeable, created);
    }

    /** Whether threads of this kind differ only by their ops. */
    public Actor interchangeable(boolean interchangeable) {
        return new Actor(name, entry, minThreads, maxThreads, minOps, maxOps, alphabet, interchangeable, created);
    }

    /** Whether threads of this kind start only when another thread creates them. */
    public Actor created(boolean created) {
        return new Actor(name, entry, minThreads, maxThreads, minOps, maxOps, alphabet, interchangeable, created);
    }
}
