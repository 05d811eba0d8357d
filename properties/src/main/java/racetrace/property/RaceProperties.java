package racetrace.property;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import racetrace.engine.Model;
import racetrace.search.Case;
import racetrace.search.jqwik.RaceArbitraries;

/**
 * The property suite of one model instance, for a subclass that names it: every invariant holds
 * for random scenarios and schedules. Mark the subclass with {@link Found} when the search finds
 * a counterexample you expect.
 *
 * <pre>
 * class SeqlockProperties {
 *     &#64;Group &#64;Found(invariant = "NoTornRead", threads = 2, ops = 2, preemptions = 1, steps = 7)
 *     class Buggy extends RaceProperties {
 *         protected Model&lt;?&gt; model() { return Models.create("seqlock", "buggy", Map.of()); }
 *     }
 * }
 * </pre>
 */
public abstract class RaceProperties {

    /** The instance under test. */
    protected abstract Model<?> model();

    @Provide("racetraceCases")
    Arbitrary<Case> racetraceCases() {
        return RaceArbitraries.cases(model());
    }

    @RaceProperty
    void everyInvariantHolds(@ForAll("racetraceCases") Case c) {
        Races.assertHolds(c);
    }
}
