package racetrace.flags.fields;

import java.util.List;
import racetrace.engine.Measure;
import racetrace.flags.Writer;
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
 */
public record PairVerdict(FieldPairs.Pair pair, boolean races, Case counterexample, Measure measure, Writer culprit,
        Writer victim, List<Dependence> dependsOn, List<Writer> writers, int scenarios, long states,
        boolean complete, String scope, long millis) {

    /** Neither a race nor safe: no race found, and a search stopped at its cap before the end. */
    public boolean undecided() {
        return !races && !complete;
    }

    /** The word of the verdict: races, safe, or inconclusive (a cap stopped a search). */
    public String word() {
        return races ? "races" : complete ? "safe" : "inconclusive";
    }

    /**
     * An assumption a counterexample depends on.
     *
     * @param option the assumption's option name
     * @param value the value the counterexample was found under
     * @param meaning what that value says
     * @param why what the other value does to the scenario
     */
    public record Dependence(String option, String value, String meaning, String why) {
    }
}
