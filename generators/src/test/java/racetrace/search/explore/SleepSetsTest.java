package racetrace.search.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import racetrace.engine.Config;
import racetrace.engine.Model;
import racetrace.engine.Op;
import racetrace.engine.OpPlan;
import racetrace.engine.Scenario;
import racetrace.engine.ThreadScript;
import racetrace.search.scope.Scope;
import racetrace.search.scope.ScopePlans;

/**
 * Sleep sets against the full search on toy programs built to defeat naive reductions, and on
 * random ones: the same states, depth, deadlocks, violated invariants and the very same cases,
 * on one, two and three workers, with every independence used checked by executing both orders.
 */
class SleepSetsTest {

    private static final int R = ProgramsModel.READ;
    private static final int W = ProgramsModel.WRITE;
    private static final int WAIT = ProgramsModel.WAIT;
    private static final int LOCK = ProgramsModel.LOCK;
    private static final int UNLOCK = ProgramsModel.UNLOCK;
    private static final int JNE = ProgramsModel.JNE;
    private static final int INC = ProgramsModel.INC;

    static Stream<Arguments> built() {
        return Stream.of(
                // The flag is raised only when thread 1 reads x0 before thread 0 writes it: the order
                // "0 first" that a reduction trusting everything to commute would keep misses it.
                Arguments.of("read-before-write", 2, new int[][][] {
                        {{W, 0, 1}},
                        {{R, 0}, {JNE, 0, 3}, {W, 1, 1}, {R, 0}}}),
                // A step that enables another: thread 1 waits for x0 = 1, then raises the flag.
                Arguments.of("enable", 2, new int[][][] {
                        {{LOCK}, {W, 0, 1}, {UNLOCK}},
                        {{WAIT, 0, 1}, {W, 1, 1}}}),
                // A step that disables another: once thread 0 holds the lock, thread 1 cannot take it.
                Arguments.of("disable", 2, new int[][][] {
                        {{LOCK}, {W, 0, 2}, {W, 0, 0}, {UNLOCK}},
                        {{LOCK}, {R, 0}, {UNLOCK}, {JNE, 2, 5}, {W, 1, 1}, {R, 1}}}),
                // A spin loop (a cycle of the graph) until another thread's store lands.
                Arguments.of("cycle", 2, new int[][][] {
                        {{R, 0}, {JNE, 1, 0}, {W, 1, 1}},
                        {{W, 0, 1}}}),
                // Three threads whose diamonds meet: states reached in one level by several edges
                // with different sleep sets (the intersection must be kept).
                Arguments.of("diamonds", 3, new int[][][] {
                        {{W, 0, 1}, {R, 1}},
                        {{W, 1, 1}, {R, 0}, {INC, 0}},
                        {{R, 0}, {R, 1}, {JNE, 1, 4}, {W, 2, 1}, {R, 2}}}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("built")
    void builtToDefeatNaiveReductions(String name, int vars, int[][][] programs) {
        ProgramsModel model = new ProgramsModel(name, vars, programs, false);
        long pruned = compare(model, List.of(scenario(programs.length, 1), scenario(programs.length, 2)), vars);
        assertThat(pruned).as("transitions pruned").isPositive();
    }

    @Test
    void randomProgramsAndTheirScopes() {
        Random random = new Random(14);
        long pruned = 0;
        for (int k = 0; k < 150; k++) {
            ProgramsModel model = ProgramsModel.draw(random, "random" + k);
            pruned += compare(model, plans(model, 1, k % 10 == 0), model.vars());
        }
        assertThat(pruned).isPositive();
    }

    /** A model that declares every two steps independent loses the flag, and the checked mode says why. */
    @Test
    void aWrongFootprintLosesStatesAndIsCaught() {
        int[][][] programs = {{{W, 0, 1}}, {{R, 0}, {JNE, 0, 3}, {W, 1, 1}, {R, 0}}};
        ProgramsModel wrong = new ProgramsModel("wrong", 2, programs, true);
        OpPlan plan = scenario(2, 1);
        Exploration full = StateSpace.explore(wrong, plan, null, Limits.states(100_000), false);
        Exploration trusted = StateSpace.explore(wrong, plan, null,
                Limits.states(100_000).withOrder(Limits.Order.SLEEP_SETS), false);
        assertThat(full.violations()).containsKey("Flag");
        assertThat(trusted.distinctStates()).isLessThan(full.distinctStates());
        assertThatThrownBy(() -> StateSpace.explore(wrong, plan, null,
                Limits.states(100_000).withOrder(Limits.Order.CHECKED), false))
                .hasMessageContaining("independent");
    }

    /**
     * Each thread of {@code model} running its program {@code runs} times, and with {@code scope}
     * the plans of a scope in which the threads choose whether to run again, under a shared op cap.
     */
    static List<OpPlan> plans(ProgramsModel model, int runs, boolean scope) {
        List<OpPlan> plans = new ArrayList<>();
        plans.add(scenario(model.threads(), runs));
        if (scope) {
            plans.addAll(ScopePlans.of(model.space(), new Scope(model.threads(), model.threads() + 1)));
        }
        return plans;
    }

    /** {@code threads} threads of the counter model, each running {@code runs} times (LookupModesTest uses it too). */
    static OpPlan scenario(int threads, int runs) {
        List<ThreadScript> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<Op> ops = new ArrayList<>();
            for (int k = 0; k < runs; k++) {
                ops.add(Op.of("run"));
            }
            ts.add(new ThreadScript("cpu", ops));
        }
        return OpPlan.of(new Scenario(new Config(Map.of()), ts));
    }

    /** Full and reduced searches of each plan agree; the transitions the reduction saved. */
    private static long compare(Model<?> model, List<OpPlan> plans, int vars) {
        long saved = 0;
        for (OpPlan plan : plans) {
            Limits limits = Limits.states(200_000);
            Exploration full = StateSpace.explore(model, plan, null, limits, false);
            assertThat(full.complete()).isTrue();
            Exploration checked = StateSpace.explore(model, plan, null, limits.withOrder(Limits.Order.CHECKED), false);
            same(model + " " + plan, checked, full);
            for (int workers = 2; workers <= 3; workers++) {
                same(model + " " + plan, StateSpace.explore(model, plan, null,
                        limits.withWorkers(workers).withOrder(Limits.Order.SLEEP_SETS), false), full);
            }
            saved += full.transitions() - checked.transitions();
        }
        return saved;
    }

    private static void same(String what, Exploration reduced, Exploration full) {
        assertThat(reduced.complete()).isTrue();
        assertThat(reduced.distinctStates()).as("states of %s", what).isEqualTo(full.distinctStates());
        assertThat(reduced.depth()).as("depth of %s", what).isEqualTo(full.depth());
        assertThat(reduced.deadlocks()).as("deadlocks of %s", what).isEqualTo(full.deadlocks());
        assertThat(cases(reduced)).as("cases of %s", what).isEqualTo(cases(full));
        assertThat(String.valueOf(reduced.firstDeadlock())).isEqualTo(String.valueOf(full.firstDeadlock()));
        assertThat(reduced.transitions()).isLessThanOrEqualTo(full.transitions());
    }

    private static Map<String, String> cases(Exploration x) {
        Map<String, String> out = new LinkedHashMap<>();
        x.violations().forEach((k, c) -> out.put(k, c.scenario() + " " + c.schedule()));
        return out;
    }
}
