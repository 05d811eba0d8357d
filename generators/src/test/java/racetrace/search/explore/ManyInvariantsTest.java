package racetrace.search.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import racetrace.engine.ChoosingCounterModel;
import racetrace.engine.ForwardingModel;
import racetrace.engine.Invariant;
import racetrace.engine.OpPlan;
import racetrace.engine.Outcome;
import racetrace.search.Case;
import racetrace.search.Deadlocks;
import racetrace.search.scope.Scope;
import racetrace.search.scope.ScopePlans;

/**
 * A search checks any number of invariants, not only as many as a long has bits: a model of 70
 * invariants (some of them past the 64th violated, some never) gets, in one search, the
 * violations and shortest lengths each invariant gets searched alone, on one worker and on two;
 * with the deadlock check added (71) as well.
 */
class ManyInvariantsTest {

    /** Invariant k: the counter stays below 1 + k % 5 (odd k), or below 1000 (even k: never violated). */
    private static final class Seventy extends ForwardingModel<ChoosingCounterModel.State> {
        private final List<Invariant<ChoosingCounterModel.State>> invariants = new ArrayList<>();

        Seventy() {
            super(new ChoosingCounterModel(false));
            for (int k = 0; k < 70; k++) {
                int limit = k % 2 == 1 ? 1 + k % 5 : 1000;
                invariants.add(Invariant.of("Below" + limit + "_" + k, "counter < " + limit, s -> s.counter() < limit));
            }
        }

        @Override
        public List<Invariant<ChoosingCounterModel.State>> invariants() {
            return invariants;
        }
    }

    @Test
    void seventyInvariantsAreCheckedInOneSearchAsEachAlone() {
        Seventy model = new Seventy();
        OpPlan plan = ScopePlans.of(model.space(), new Scope(2, 3)).get(0);
        Exploration all = StateSpace.explore(model, plan, null, Limits.defaults(), false);
        Exploration two = StateSpace.explore(model, plan, null, Limits.defaults().withWorkers(2), false);
        assertThat(all.complete()).isTrue();
        assertThat(two.violations().toString()).isEqualTo(all.violations().toString());

        Map<String, Integer> alone = new LinkedHashMap<>();
        for (Invariant<?> i : model.invariants()) {
            Exploration x = StateSpace.explore(model, plan, List.of(i.name()), Limits.defaults(), false);
            if (x.violated()) {
                alone.put(i.name(), x.violations().get(i.name()).schedule().length());
            }
        }
        Map<String, Integer> together = new LinkedHashMap<>();
        all.violations().forEach((name, c) -> together.put(name, c.schedule().length()));
        assertThat(together).isEqualTo(alone);
        // Past the 64th: k = 67 and 69 are violated, k = 68 never.
        assertThat(together).containsKeys("Below3_67", "Below5_69").doesNotContainKey("Below1000_68");
        for (Map.Entry<String, Case> v : all.violations().entrySet()) {
            Outcome o = v.getValue().check(List.of(v.getKey())).outcome();
            assertThat(o.invariantOrNull()).isEqualTo(v.getKey());
        }

        // With the hunt's deadlock check, 71 invariants: the same.
        Exploration checked = StateSpace.explore(Deadlocks.checked(model), plan, null, Limits.defaults(), false);
        Map<String, Integer> withCheck = new LinkedHashMap<>();
        checked.violations().forEach((name, c) -> withCheck.put(name, c.schedule().length()));
        assertThat(withCheck).isEqualTo(together);
        assertThat(checked.distinctStates()).isEqualTo(all.distinctStates());
    }
}
