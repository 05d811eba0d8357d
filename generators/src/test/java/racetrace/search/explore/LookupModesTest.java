package racetrace.search.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import racetrace.engine.Config;
import racetrace.engine.LostIncrementModel;
import racetrace.engine.Model;
import racetrace.engine.Op;
import racetrace.engine.OpPlan;
import racetrace.engine.Scenario;
import racetrace.engine.ThreadScript;

/**
 * The explorer sends a level's successors to their owners either straight away or after looking
 * them up in the visited sets (it chooses per level by how many of the last level's were old):
 * both ways, and the choice per level, give the same search, state for state (the same counts,
 * transitions, depth, deadlocks, notices, checks and cases), on one, two and three workers, on
 * packed states with and without sleep sets and on object states.
 */
class LookupModesTest {

    @AfterEach
    void adaptive() {
        Explorer.lookupPolicy = -1;
    }

    @Test
    void packedStatesWithAndWithoutSleepSets() {
        Random random = new Random(41);
        for (int k = 0; k < 40; k++) {
            ProgramsModel model = ProgramsModel.draw(random, "random" + k);
            for (OpPlan plan : SleepSetsTest.plans(model, 2, k % 8 == 0)) {
                for (Limits.Order order : List.of(Limits.Order.OFF, Limits.Order.SLEEP_SETS)) {
                    sameEveryWay(model, plan, Limits.states(200_000).withOrder(order));
                }
            }
        }
    }

    @Test
    void objectStates() {
        for (boolean locked : List.of(false, true)) {
            LostIncrementModel model = new LostIncrementModel(locked);
            List<ThreadScript> ts = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                ts.add(new ThreadScript("cpu", List.of(Op.of("inc"), Op.of("incTwice"))));
            }
            sameEveryWay(model, OpPlan.of(new Scenario(new Config(Map.of("start", 1)), ts)), Limits.states(200_000));
        }
    }

    /** A state cap cuts the search at the same state whichever way the successors travel. */
    @Test
    void aCappedSearchStopsAtTheSameState() {
        Random random = new Random(5);
        ProgramsModel model = new ProgramsModel("capped", 3, ProgramsModel.random(random, 3, 3), false);
        Exploration full = StateSpace.explore(model, SleepSetsTest.scenario(3, 2), null, Limits.states(200_000), false);
        sameEveryWay(model, SleepSetsTest.scenario(3, 2), Limits.states(Math.max(1, full.distinctStates() / 2)));
    }

    private static void sameEveryWay(Model<?> model, OpPlan plan, Limits limits) {
        Explorer.lookupPolicy = -1;
        Exploration chosen = StateSpace.explore(model, plan, null, limits, false);
        String want = summary(chosen);
        for (int policy = 0; policy <= 1; policy++) {
            Explorer.lookupPolicy = policy;
            for (int workers = 1; workers <= 3; workers++) {
                Exploration x = StateSpace.explore(model, plan, null, limits.withWorkers(workers), false);
                assertThat(summary(x)).as("%s %s, lookups %s, %d workers", model, plan, policy == 1 ? "always" : "never",
                        workers).isEqualTo(want);
            }
        }
        Explorer.lookupPolicy = -1;
    }

    private static String summary(Exploration x) {
        Map<String, String> cases = new LinkedHashMap<>();
        x.violations().forEach((k, c) -> cases.put(k, c.scenario() + " " + c.schedule()));
        return x.distinctStates() + " states, " + x.transitions() + " transitions, depth " + x.depth() + ", complete "
                + x.complete() + " " + x.stopReason() + ", deadlocks " + x.deadlocks() + " " + x.firstDeadlock()
                + ", notices " + x.notices() + " " + x.firstNotice() + ", checks " + x.checks() + ", cases " + cases;
    }
}
