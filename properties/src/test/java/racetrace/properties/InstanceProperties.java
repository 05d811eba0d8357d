package racetrace.properties;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import racetrace.engine.Model;
import racetrace.search.Case;
import racetrace.search.jqwik.RaceArbitraries;

/**
 * The property suite of one model instance: every invariant holds for random scenarios and
 * schedules. Subclasses name the instance; a {@link Found} mark records what the search found,
 * so the build passes while the counterexample is still there and no larger.
 */
abstract class InstanceProperties {

    abstract Model<?> model();

    @Provide
    Arbitrary<Case> cases() {
        return RaceArbitraries.cases(model());
    }

    @Property(tries = 1500, seed = "20261123", shrinking = net.jqwik.api.ShrinkingMode.FULL)
    @AddLifecycleHook(RecordedFinding.class)
    void everyInvariantHolds(@ForAll("cases") Case c) {
        Verdicts.assertHolds(c);
    }
}
