package racetrace.search.scope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import racetrace.engine.ChoosingCounterModel;
import racetrace.engine.OpPlan;
import racetrace.engine.Shape;
import racetrace.search.explore.Exploration;
import racetrace.search.explore.Limits;
import racetrace.search.explore.StateSpace;

/**
 * A scope's plans leave out a graph another plan of the same configuration holds whole: the
 * shapes of a default scope overlap (xen-fifo's shape 9 holds shape 2 at one configuration).
 */
class ScopePlansTest {

    private final ChoosingCounterModel model = new ChoosingCounterModel(false, 3);
    private final Shape small = Shape.all().actor("cpu", 2, 1).actor("peer", 1, 1);
    private final Shape big = Shape.all().actor("cpu", 2, 2).actor("peer", 1, 2);

    @Test
    void aShapeInsideAnotherAddsNoGraph() {
        List<OpPlan> bigOnly = ScopePlans.of(model.space(), Scope.of(List.of(big)));
        assertThat(bigOnly).hasSize(2); // one per start value
        assertThat(ScopePlans.of(model.space(), Scope.of(List.of(small, big)))).isEqualTo(bigOnly);
        assertThat(ScopePlans.of(model.space(), Scope.of(List.of(big, small)))).isEqualTo(bigOnly);
        // Equal shapes: the first stays.
        assertThat(ScopePlans.of(model.space(), Scope.of(List.of(big, big)))).isEqualTo(bigOnly);
        // Caps count as far as the slots reach: small's unbounded totals are 3 threads and 3 ops.
        Shape capped = big.totals(3, 4);
        List<OpPlan> cappedOnly = ScopePlans.of(model.space(), Scope.of(List.of(capped)));
        assertThat(ScopePlans.of(model.space(), Scope.of(List.of(small, capped)))).isEqualTo(cappedOnly);
        assertThat(ScopePlans.of(model.space(), Scope.of(List.of(small, big.totals(3, 2))))).hasSize(4);
    }

    @Test
    void theLargerGraphHoldsEveryStateOfTheOneLeftOut() {
        for (OpPlan inner : ScopePlans.of(model.space(), Scope.of(List.of(small)))) {
            OpPlan outer = ScopePlans.of(model.space(), Scope.of(List.of(big))).stream()
                    .filter(p -> p.config().equals(inner.config())).findFirst().orElseThrow();
            assertThat(ScopePlans.within(inner, outer)).isTrue();
            assertThat(ScopePlans.within(outer, inner)).isFalse();
            Set<Map<String, Object>> in = states(inner);
            Set<Map<String, Object>> out = states(outer);
            assertThat(out).containsAll(in);
            assertThat(out.size()).isGreaterThan(in.size());
        }
    }

    @Test
    void shapesNeitherInsideTheOtherKeepTheirGraphs() {
        Shape wide = Shape.all().actor("cpu", 3, 1).actor("peer", 0, 0);
        Shape deep = Shape.all().actor("cpu", 1, 2).actor("peer", 1, 2);
        List<OpPlan> both = ScopePlans.of(model.space(), Scope.of(List.of(wide, deep)));
        assertThat(both).hasSize(ScopePlans.of(model.space(), Scope.of(List.of(wide))).size()
                + ScopePlans.of(model.space(), Scope.of(List.of(deep))).size());
        // Another configuration is another graph, whatever the bounds.
        Shape startOne = big.with("start", 1, 1);
        Shape startZero = small.with("start", 0, 0);
        assertThat(ScopePlans.of(model.space(), Scope.of(List.of(startZero, startOne)))).hasSize(2);
    }

    private Set<Map<String, Object>> states(OpPlan plan) {
        Set<Map<String, Object>> seen = new HashSet<>();
        Exploration x = StateSpace.explore(model, plan, null, Limits.defaults(), false,
                s -> seen.add(model.variables(s)));
        assertThat(x.complete()).isTrue();
        return seen;
    }
}
