package racetrace.flags.fields;

import java.util.List;
import racetrace.engine.Measure;
import racetrace.flags.Writer;
import racetrace.search.Assumptions;
import racetrace.search.Case;

/**
 * What the pair report says about two fields sharing a storage unit.
 *
 * @param pair the two fields
 * @param races whether a store of one wrote back a stale copy of the other in some scenario
 * @param counterexample the minimal such run (fewest ops, then preemptions, then steps), focused on
 *     NoLostUpdateBetween of the pair, or null
 * @param measure its measure, or null
 * @param culprit the writers-table row of the store that wrote the stale copy, or null
 * @param victim the row of the store whose update was lost, or null
 * @param dependsOn the assumptions the counterexample depends on: with the other value the same
 *     scenario no longer violates (explored exhaustively), or cannot occur
 * @param writers the writers-table rows of both fields
 * @param scenarios how many scenarios of the scope were explored
 * @param states the distinct states explored, over all of them
 * @param complete whether every search was taken to its end (no cap hit): a pair that does not race
 *     is safe only when complete, else undecided; a race is shown minimal only when complete
 * @param scope what the scope is, in words
 * @param millis wall-clock time
 * @param noWriter the fields of the pair that no row of the writers table stores: the pair is
 *     unknown (nothing says who stores them, so nothing was explored), never safe; empty otherwise
 */
public record PairVerdict(FieldPairs.Pair pair, boolean races, Case counterexample, Measure measure, Writer culprit,
        Writer victim, List<Assumptions.Dependence> dependsOn, List<Writer> writers, int scenarios, long states,
        boolean complete, String scope, long millis, List<String> noWriter) {

    public PairVerdict {
        noWriter = List.copyOf(noWriter);
    }

    /** Neither races nor safe: a field of the pair has no writer. */
    public boolean unknown() {
        return !noWriter.isEmpty();
    }

    /** Neither a race nor safe: no race found, and a search stopped at its cap before the end. */
    public boolean undecided() {
        return !races && !complete && !unknown();
    }

    /**
     * The word of the verdict: races, safe, unknown (a field no writer stores) or inconclusive (a cap
     * stopped a search).
     */
    public String word() {
        return races ? "races" : unknown() ? "unknown" : complete ? "safe" : "inconclusive";
    }

    /** The verdict as the JSON line says it: {@link #word()}. */
    public String verdict() {
        return word();
    }

}
