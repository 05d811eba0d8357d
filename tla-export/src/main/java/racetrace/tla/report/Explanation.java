package racetrace.tla.report;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A counterexample in one sentence, computed from it: which step's store or read of which memory,
 * on which thread, overwrote or missed which other step's, and which invariant that broke. It
 * opens report.md, the hunt's text and JSON; its racing steps are the ones the CPU table and the
 * swimlane picture highlight.
 *
 * @param sentence the whole sentence
 * @param race the race, or null when no access of one thread conflicts with another's
 * @param failure how the run ended, in words (the sentence's last clause)
 * @param accesses every step's accesses and the preemption points
 */
public record Explanation(String sentence, Race race, String failure, TraceAccesses accesses) {

    /** The steps the sentence names as racing (empty without a race). */
    public SortedSet<Integer> racingSteps() {
        return race == null ? new TreeSet<>() : race.steps();
    }
}
