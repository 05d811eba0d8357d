package racetrace.search.scope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import racetrace.engine.ChoosingCounterModel;
import racetrace.engine.Execution;
import racetrace.engine.Model;
import racetrace.engine.Op;
import racetrace.engine.OpPlan;
import racetrace.engine.Outcome;
import racetrace.engine.Shape;
import racetrace.search.Case;
import racetrace.search.explore.Exploration;
import racetrace.search.explore.Limits;
import racetrace.search.explore.StateSpace;

/**
 * One state graph per scope against the union of its scenarios: for small scopes of a toy model
 * whose threads choose ops, the graph reaches exactly the states every scenario of the scope
 * reaches (each scenario laid out in the scope's thread slots, absent threads as empty scripts),
 * violates the same invariants, with the same shortest counterexample lengths; each case it
 * reports replays as the scenario it names; and the counts and cases do not depend on the number
 * of workers.
 */
class ScopeGraphTest {

    static Stream<Arguments> scopes() {
        List<Arguments> out = new ArrayList<>();
        for (boolean locked : new boolean[] {false, true}) {
            out.add(Arguments.of(locked, new Scope(2, 2)));
            out.add(Arguments.of(locked, new Scope(3, 3)));
            out.add(Arguments.of(locked, new Scope(2, 4)));
            out.add(Arguments.of(locked, Scope.of(List.of(Shape.all().actor("cpu", 2, 2).actor("peer", 1, 1)))));
            out.add(Arguments.of(locked, Scope.of(List.of(Shape.all().actor("cpu", 3, 1).actor("peer", 0, 0)
                    .with("start", 1, 1), Shape.all().actor("cpu", 1, 2).actor("peer", 1, 2)))));
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("scopes")
    void theGraphReachesWhatItsScenariosReachAndViolatesAlike(boolean locked, Scope scope) {
        ChoosingCounterModel model = new ChoosingCounterModel(locked);
        List<OpPlan> plans = ScopePlans.of(model.space(), scope);
        assertThat(plans).isNotEmpty();
        Set<String> violated = new HashSet<>();
        for (OpPlan plan : plans) {
            Set<Map<String, Object>> graph = new HashSet<>();
            Exploration x = StateSpace.explore(model, plan, null, Limits.defaults(), false,
                    s -> graph.add(model.variables(s)));
            assertThat(x.complete()).isTrue();
            assertThat(x.distinctStates()).isEqualTo(graph.size());

            Set<Map<String, Object>> union = new HashSet<>();
            Map<String, Integer> shortest = new HashMap<>();
            for (OpPlan scenario : scenarios(plan)) {
                Exploration y = StateSpace.explore(model, scenario, null, Limits.defaults(), false,
                        s -> union.add(model.variables(s)));
                assertThat(y.complete()).isTrue();
                y.violations().forEach((inv, c) -> shortest.merge(inv, c.schedule().length(), Math::min));
            }
            assertThat(graph).as("states of %s", plan).isEqualTo(union);
            assertThat(x.violations().keySet()).as("violated in %s", plan).isEqualTo(shortest.keySet());
            violated.addAll(x.violations().keySet());
            for (Map.Entry<String, Case> v : x.violations().entrySet()) {
                Case c = v.getValue();
                assertThat(c.schedule().length()).as("%s in %s", v.getKey(), plan).isEqualTo(shortest.get(v.getKey()));
                Execution<?> run = c.run();
                assertThat(run.outcome()).as("%s replays", c).isInstanceOf(Outcome.Violated.class);
                assertThat(run.outcome().invariantOrNull()).isEqualTo(v.getKey());
                assertThat(run.outcome().steps()).isEqualTo(c.schedule().length());
                assertThat(scope.parts().stream().anyMatch(sh -> sh.contains(c.scenario()))).isTrue();
            }
        }
        // Not vacuous: the racy counter loses increments in every scope with two CPUs.
        if (!locked && plans.stream().anyMatch(p -> p.threads().stream().filter(t -> t.actor().equals("cpu")).count() > 1)) {
            assertThat(violated).contains("NoLostIncrement");
        }
    }

    @ParameterizedTest
    @MethodSource("scopes")
    void aScopeSearchIsTheSameOnOneWorkerAndOnTwo(boolean locked, Scope scope) {
        Model<?> model = new ChoosingCounterModel(locked, 4);
        ScopeSearch.Result one = ScopeSearch.explore(model, scope, null, Limits.defaults(), false);
        ScopeSearch.Result two = ScopeSearch.explore(model, scope, null, Limits.defaults().withWorkers(2), false);
        assertThat(two.states()).isEqualTo(one.states());
        assertThat(two.transitions()).isEqualTo(one.transitions());
        assertThat(two.violations().toString()).isEqualTo(one.violations().toString());
        assertThat(two.deadlocks()).isEqualTo(one.deadlocks());
    }

    /**
     * Every scenario of a plan laid out in its slots: each slot absent (an empty script, where the
     * slot may be absent) or a script of its alphabet within its bounds, within the plan's caps.
     */
    static List<OpPlan> scenarios(OpPlan plan) {
        List<List<List<Op>>> perSlot = new ArrayList<>();
        for (OpPlan.Slot s : plan.threads()) {
            OpPlan.Choice c = (OpPlan.Choice) s;
            List<List<Op>> options = new ArrayList<>();
            if (c.optional() || c.minOps() == 0) {
                options.add(List.of());
            }
            for (List<Op> script : ScenarioEnumeration.scripts(c.alphabet(), Math.max(1, c.minOps()), c.maxOps())) {
                options.add(script);
            }
            perSlot.add(options);
        }
        List<OpPlan> out = new ArrayList<>();
        int[] at = new int[perSlot.size()];
        while (true) {
            List<OpPlan.Slot> slots = new ArrayList<>();
            int present = 0;
            int ops = 0;
            for (int t = 0; t < at.length; t++) {
                List<Op> script = perSlot.get(t).get(at[t]);
                slots.add(new OpPlan.Script(plan.threads().get(t).actor(), script));
                present += script.isEmpty() ? 0 : 1;
                ops += script.size();
            }
            if (present > 0 && present <= plan.maxThreads() && ops <= plan.maxOps()) {
                out.add(new OpPlan(plan.config(), slots, OpPlan.UNBOUNDED, OpPlan.UNBOUNDED));
            }
            int t = at.length - 1;
            while (t >= 0 && ++at[t] == perSlot.get(t).size()) {
                at[t--] = 0;
            }
            if (t < 0) {
                return out;
            }
        }
    }
}
