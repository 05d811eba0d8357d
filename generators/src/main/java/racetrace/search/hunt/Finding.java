package racetrace.search.hunt;

import java.util.List;
import racetrace.engine.Measure;
import racetrace.search.Assumptions;
import racetrace.search.Case;
import racetrace.search.Minimality;

/**
 * One invariant the hunt violated: which strategy found it and after how much work, the case it
 * found, and the minimal counterexample it shrank to with what backs its minimality.
 *
 * @param foundBy the strategy whose unit found it ("uniform", "pct", "scope threads<=2,ops<=2", "swarm")
 * @param tryNumber random runs done up to and including the finding one (the hunt's order)
 * @param scenariosToFirst scenarios explored exhaustively up to the finding one
 * @param nanosToFirst search time up to the finding
 * @param original the measure of the case as first found
 * @param from the case minimisation started from: the smallest in hand over the units the hunt
 *     committed, which need not be the first found
 * @param shrunk the minimal case, focused on the invariant
 * @param measure its measure
 * @param stepShortest a run of the same scenario with fewer steps (more preemptions), or null
 * @param minimality what is proven about its size
 * @param nanosToShrink time the shrinking and the proofs took: the wall times of its starts'
 *     minimisations added up (they run side by side with other invariants' minimisations)
 * @param shrinkRuns runs the greedy shrinker made
 * @param assumptions the assumptions of the model the shrunk case depends on: with another value
 *     its scenario cannot occur or no interleaving of it violates the invariant ({@link Assumptions})
 */
public record Finding(String invariant, String foundBy, long tryNumber, long scenariosToFirst, long nanosToFirst,
        Measure original, Start from, Case shrunk, Measure measure, Case stepShortest, Minimality minimality,
        long nanosToShrink, int shrinkRuns, List<Assumptions.Dependence> assumptions) {

    public Finding {
        assumptions = List.copyOf(assumptions);
    }

    /**
     * The case the minimal one was shrunk from.
     *
     * @param foundBy the strategy whose unit found it
     * @param c the case as found, focused on the invariant
     * @param runs random runs up to and including the finding one (the hunt's order)
     * @param scenarios scenarios explored exhaustively up to the finding one
     * @param starts how many cases were minimised (the smallest in hand, one per configuration, and
     *     the first found), this one's result being the smallest
     */
    public record Start(String foundBy, Case c, Measure measure, long runs, long scenarios, int starts) {
    }

    /** Whether the minimal case was shrunk from the case found first, and from it alone. */
    public boolean shrunkFromFirst() {
        return from.starts() == 1 && from.foundBy().equals(foundBy) && from.runs() == tryNumber
                && from.scenarios() == scenariosToFirst && from.measure().equals(original);
    }

    /** {@code violated}, or {@code violated (if probe-window=open)} when the case rests on assumptions. */
    public String verdict() {
        return assumptions.isEmpty() ? "violated" : "violated (if " + Assumptions.conditions(assumptions) + ")";
    }

    /** Search time to the first failing run, in milliseconds to 0.01 ms. */
    public double millisToFirst() {
        return millis(nanosToFirst);
    }

    public double millisToShrink() {
        return millis(nanosToShrink);
    }

    static double millis(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }
}
