package racetrace.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import racetrace.engine.ChoosingCounterModel;
import racetrace.engine.Execution;
import racetrace.engine.ForwardingModel;
import racetrace.engine.Model;
import racetrace.engine.Op;
import racetrace.engine.OpPlan;
import racetrace.engine.Outcome;
import racetrace.engine.Scenario;
import racetrace.engine.Schedule;
import racetrace.engine.ThreadScript;
import racetrace.engine.Config;
import racetrace.search.explore.Exploration;
import racetrace.search.explore.Limits;
import racetrace.search.explore.StateSpace;
import racetrace.search.scope.Scope;
import racetrace.search.scope.ScopePlans;

/**
 * The deadlock check the hunt adds ({@link Deadlocks#checked}) changes nothing but the
 * invariants: a model that chooses its threads' ops runs the same on the checked model as on its
 * own (every op of a script, not only the first), every counterexample of a state graph replays on
 * it into the violation it names, and a deadlock is a violation of {@link Deadlocks#NAME} in a
 * run, in a scenario's search and in a scope's graph alike.
 */
class DeadlocksTest {

    private static final Scenario TWO_OPS = new Scenario(Config.empty().with("start", 0),
            List.of(new ThreadScript("cpu", List.of(Op.of("inc"), Op.of("incTwice"))),
                    new ThreadScript("cpu", List.of(Op.of("inc")))));

    @Test
    void aThreadRunsEveryOpOfItsScriptOnTheCheckedModel() {
        ChoosingCounterModel model = new ChoosingCounterModel(true);
        Model<?> checked = Deadlocks.checked(model);
        Execution<?> own = Execution.run(model, TWO_OPS, Schedule.empty());
        Execution<?> withCheck = Execution.run(checked, TWO_OPS, Schedule.empty());
        // four increments under the lock (inc, incTwice; inc): lock, load, store each
        assertThat(own.outcome()).isEqualTo(new Outcome.Completed(12));
        assertThat(withCheck.outcome()).isEqualTo(own.outcome());
        assertThat(withCheck.executed()).isEqualTo(own.executed());
        assertThat(variables(checked, withCheck.stateAt(12))).isEqualTo(variables(model, own.stateAt(12)));
    }

    @Test
    void everyCounterexampleOfAScopeGraphReplaysOnTheCheckedModel() {
        Model<?> model = new ChoosingCounterModel(false);
        Model<?> checked = Deadlocks.checked(model);
        int replayed = 0; // cases with a thread of two ops or more
        for (OpPlan plan : ScopePlans.of(model.space(), new Scope(3, 4))) {
            for (Model<?> m : List.of(model, checked)) {
                Exploration x = StateSpace.explore(m, plan, null, Limits.defaults(), false);
                assertThat(x.complete()).isTrue();
                for (Map.Entry<String, Case> v : x.violations().entrySet()) {
                    Case c = new Case(checked, v.getValue().scenario(), v.getValue().schedule(), v.getKey());
                    Outcome o = c.check(List.of(v.getKey())).outcome();
                    assertThat(o).as("%s of %s replays on the checked model", v.getKey(), c).isInstanceOf(
                            Outcome.Violated.class);
                    assertThat(o.invariantOrNull()).isEqualTo(v.getKey());
                    assertThat(o.steps()).isEqualTo(c.schedule().length());
                    if (c.scenario().threads().stream().anyMatch(t -> t.ops().size() > 1)) {
                        replayed++;
                    }
                }
            }
        }
        // Not vacuous: cases whose threads run several ops (the second begun by the step ending the first).
        assertThat(replayed).isPositive();
    }

    @Test
    void theCheckedModelOffersWhatTheModelOffers() {
        ChoosingCounterModel model = new ChoosingCounterModel(false);
        Model<?> checked = Deadlocks.checked(model);
        assertThat(checked.opChoice()).isSameAs(model.opChoice());
        assertThat(checked.packed()).isSameAs(model.packed());
        assertThat(checked.invariants().stream().map(i -> i.name()).toList())
                .containsExactly("NoLostIncrement", "FlagClear", Deadlocks.NAME);
        assertThat(Deadlocks.base(checked)).isSameAs(model);
        assertThat(Deadlocks.isAdded(checked, Deadlocks.NAME)).isTrue();
    }

    /** Two threads that have both loaded the counter wait for each other: a deadlock after two steps. */
    private static final class Stuck extends ForwardingModel<ChoosingCounterModel.State> {
        Stuck() {
            super(new ChoosingCounterModel(false));
        }

        @Override
        public boolean enabled(ChoosingCounterModel.State s, int t) {
            int loaded = 0;
            for (int p : s.pc()) {
                loaded += p == 3 ? 1 : 0;
            }
            return inner.enabled(s, t) && loaded < 2;
        }

        @Override
        public boolean finished(ChoosingCounterModel.State s, int t) {
            return inner.finished(s, t);
        }
    }

    @Test
    void aDeadlockIsAViolationInARunAScenarioSearchAndAScopeGraph() {
        Model<?> checked = Deadlocks.checked(new Stuck());
        Scenario two = new Scenario(Config.empty().with("start", 0),
                List.of(new ThreadScript("cpu", List.of(Op.of("inc"))), new ThreadScript("cpu", List.of(Op.of("inc")))));
        Execution<?> run = new Case(checked, two, Schedule.of(0, 1), Deadlocks.NAME).run();
        assertThat(run.outcome()).isEqualTo(new Outcome.Violated(Deadlocks.NAME, 2));

        Exploration scenario = StateSpace.explore(checked, two, Limits.defaults());
        assertThat(scenario.violations()).containsKey(Deadlocks.NAME);
        assertThat(scenario.violations().get(Deadlocks.NAME).schedule().length()).isEqualTo(2);

        for (OpPlan plan : ScopePlans.of(checked.space(), new Scope(2, 2))) {
            Exploration x = StateSpace.explore(checked, plan, null, Limits.defaults(), false);
            if (plan.threads().stream().filter(t -> t.actor().equals("cpu")).count() < 2) {
                continue;
            }
            assertThat(x.deadlocks()).isPositive();
            Case c = x.violations().get(Deadlocks.NAME);
            assertThat(c).as("deadlock in %s", plan).isNotNull();
            assertThat(c.schedule().length()).isEqualTo(2);
            assertThat(c.check(List.of(Deadlocks.NAME)).outcome().invariantOrNull()).isEqualTo(Deadlocks.NAME);
            // The same on two workers.
            Exploration two2 = StateSpace.explore(checked, plan, null, Limits.defaults().withWorkers(2), false);
            assertThat(two2.violations().toString()).isEqualTo(x.violations().toString());
        }
    }

    @SuppressWarnings("unchecked")
    private static <S> Map<String, Object> variables(Model<S> model, Object state) {
        return model.variables((S) state);
    }
}
