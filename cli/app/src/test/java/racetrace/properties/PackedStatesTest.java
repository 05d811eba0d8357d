package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import racetrace.engine.ForwardingModel;
import racetrace.engine.Model;
import racetrace.engine.Models;
import racetrace.engine.OpPlan;
import racetrace.engine.Shape;
import racetrace.search.explore.Exploration;
import racetrace.search.explore.Limits;
import racetrace.search.explore.StateSpace;
import racetrace.search.scope.Scope;
import racetrace.search.scope.ScopePlans;

/**
 * A model's packed states are its object states: exploring a scope through the packed machine
 * (the fast path) and through the object model gives the same states in the same order, the same
 * counts and the same counterexamples, on one worker and on two.
 */
class PackedStatesTest {

    @Test
    void packedAndObjectSearchesAgreeOnXenScopes() {
        Shape d1 = Shape.all().with("vcpus", 2, 2).with("prios", 2, 2).with("ports", 1, 1).with("masked", 0, 0)
                .with("oldTail", 0, 0).with("guest", 1, 1).with("unmaskForm", 0, 0).with("source", 0, 0)
                .actor("xen-cpu", 2, 1).actor("guest", 2, 1).actor("guest-unmask", 1, 1).actor("guest-rogue", 0, 0);
        Shape small = Shape.all().with("vcpus", 1, 1).with("prios", 2, 2).with("ports", 2, 2).with("masked", 0, 1)
                .with("oldTail", 0, 1).with("guest", 0, 1).with("unmaskForm", 1, 1)
                .actor("xen-cpu", 2, 1).actor("guest", 1, 1).actor("guest-unmask", 0, 0).actor("guest-rogue", 1, 1);
        for (String variant : List.of("a0", "d1")) {
            Model<?> packed = Models.create("xen-fifo", variant, Map.of());
            Model<?> objects = objects(packed);
            assertThat(packed.packed()).isNotNull();
            assertThat(objects.packed()).isNull();
            for (OpPlan plan : ScopePlans.of(packed.space(), new Scope(3, 3, List.of(d1, small)))) {
                for (int workers : new int[] {1, 2}) {
                    List<Long> a = new ArrayList<>();
                    List<Long> b = new ArrayList<>();
                    Exploration x = explore(packed, plan, workers, a);
                    Exploration y = explore(objects, plan, 1, b);
                    assertThat(x.distinctStates()).as("%s %s", variant, plan).isEqualTo(y.distinctStates());
                    assertThat(x.transitions()).isEqualTo(y.transitions());
                    assertThat(x.deadlocks()).isEqualTo(y.deadlocks());
                    assertThat(x.notices()).isEqualTo(y.notices());
                    assertThat(x.violations().toString()).isEqualTo(y.violations().toString());
                    assertThat(a).isEqualTo(b);
                }
            }
        }
    }

    /** The same model without packed states (a forwarding model forwards none). */
    private static <S> Model<S> objects(Model<S> m) {
        return new ForwardingModel<S>(m) {
        };
    }

    private static <S> Exploration explore(Model<S> m, OpPlan plan, int workers, List<Long> order) {
        return StateSpace.explore(m, plan, null, Limits.states(2_000_000).withWorkers(workers), false,
                s -> order.add(m.fingerprint(s)));
    }
}
