package racetrace.tla.report;

import java.util.SortedSet;
import java.util.TreeSet;
import racetrace.tla.report.TraceAccesses.At;

/**
 * The race a counterexample turns on: accesses of two threads whose order no serial run of them
 * has. In the full form X's access {@code open} precedes Y's {@code first}, and Y's {@code last}
 * precedes X's {@code close}, X having been preempted between its two: Y's accesses came between
 * X's. A {@link Pattern#DIRECT} race is one conflicting pair only (no cycle was found).
 *
 * @param pattern which shape it has, for the sentence
 * @param open X's earlier access, or null for a direct race
 * @param first Y's access that conflicts with {@code open}, or null for a direct race
 * @param last Y's access that {@code close} conflicts with
 * @param close X's later access
 */
public record Race(Pattern pattern, At open, At first, At last, At close) {

    /** The shapes the sentence tells apart. */
    public enum Pattern {
        /** X read L, Y stored L, X stored L: Y's store is lost. */
        LOST_UPDATE,
        /** X read L, Y stored L, X read L again and saw another value. */
        NON_REPEATABLE_READ,
        /** X stored L, Y read it, X stored L again: Y saw a value that was not meant to last. */
        DIRTY_READ,
        /** X stored L, Y stored L, X read L back and found Y's value. */
        OVERWRITTEN_BEFORE_READ,
        /** X stored L twice, Y stored L in between. */
        INTERLEAVED_STORES,
        /** Y's accesses came between two of X's that touch different memory. */
        SPLIT,
        /** One conflicting pair: a store after a store, a read after a store, a store after a read. */
        DIRECT
    }

    /** The steps of the racing accesses, in order. */
    public SortedSet<Integer> steps() {
        SortedSet<Integer> s = new TreeSet<>();
        for (At a : new At[] {open, first, last, close}) {
            if (a != null) {
                s.add(a.step());
            }
        }
        return s;
    }
}
