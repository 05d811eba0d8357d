package racetrace.search.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import racetrace.engine.Config;
import racetrace.engine.ForwardingModel;
import racetrace.engine.Invariant;
import racetrace.engine.LostIncrementModel;
import racetrace.engine.LostIncrementModel.State;
import racetrace.engine.ModelFailure;
import racetrace.engine.Op;
import racetrace.engine.Scenario;
import racetrace.engine.ThreadScript;
import racetrace.engine.Transition;

/**
 * A model whose invariant or step throws: the explorer reports the failure a single-threaded BFS
 * meets first, one that checks each new successor as it is made (the reference below), whatever
 * the number of workers, although it checks each distinct state once, in the merge of its level,
 * by the worker that owns it. The throwing states are reached by several edges of one level and
 * by several threads' steps, so the first one in that order is not the first any owner meets.
 */
class ThrowingModelTest {

    /** The toy counter; its invariant throws where {@code check} holds, its step where {@code step} does. */
    static final class Throwing extends ForwardingModel<State> {
        private final Predicate<State> check;
        private final Predicate<State> step;
        private final int stepThread;

        Throwing(Predicate<State> check, Predicate<State> step, int stepThread) {
            super(new LostIncrementModel(false));
            this.check = check;
            this.step = step;
            this.stepThread = stepThread;
        }

        @Override
        public Transition<State> step(State s, int t) {
            if (t == stepThread && step.test(s)) {
                throw new IllegalStateException("step throws");
            }
            return inner.step(s, t);
        }

        @Override
        public List<Invariant<State>> invariants() {
            return List.of(Invariant.of("Counted", "throws where the test says", s -> {
                if (check.test(s)) {
                    throw new IllegalStateException("check throws");
                }
                return true;
            }), Invariant.of("Small", "the counter stays below 6", s -> s.counter() < 6));
        }
    }

    static Stream<Arguments> cases() {
        Predicate<State> never = s -> false;
        List<Arguments> out = new ArrayList<>();
        // The invariant alone: on states of one counter value (many, at several depths), or of one register pattern.
        out.add(Arguments.of("check: counter 3", (Predicate<State>) s -> s.counter() == 3, never, 0));
        out.add(Arguments.of("check: registers differ", (Predicate<State>) s -> s.reg()[1] != s.reg()[2], never, 0));
        // Every state of a level: its first is seldom the first its owner meets.
        for (int d : new int[] {3, 5, 7}) {
            out.add(Arguments.of("check: depth " + d, (Predicate<State>) s -> depth(s) == d, never, 0));
        }
        out.add(Arguments.of("step: thread 2 at depth 5", never, (Predicate<State>) s -> depth(s) == 5, 2));
        out.add(Arguments.of("both: a step at depth 4, a check of depth 5", (Predicate<State>) s -> depth(s) == 5,
                (Predicate<State>) s -> depth(s) == 4 && s.counter() == 2, 1));
        out.add(Arguments.of("both: a check of depth 5 first, a step at depth 4 after", (Predicate<State>) s ->
                depth(s) == 5 && s.pc()[0] == 1, (Predicate<State>) s -> depth(s) == 4 && s.counter() == 2, 2));
        // A step that throws, alone, then racing a check of the same level or an earlier one.
        out.add(Arguments.of("step: thread 2 at counter 2", never, (Predicate<State>) s -> s.counter() == 2, 2));
        out.add(Arguments.of("both: step first", (Predicate<State>) s -> s.counter() == 4,
                (Predicate<State>) s -> s.counter() == 2 && s.pc()[1] == 1, 1));
        out.add(Arguments.of("both: check first", (Predicate<State>) s -> s.counter() == 2 && s.reg()[0] == 1,
                (Predicate<State>) s -> s.counter() == 2, 2));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theFailureReportedIsTheFirstOfASingleThreadedSearchOnEveryWorkerCount(String name, Predicate<State> check,
            Predicate<State> step, int stepThread) {
        Throwing model = new Throwing(check, step, stepThread);
        Scenario scenario = scenario();
        String expected = reference(model, scenario);
        assertThat(expected).as("the fixture throws somewhere").isNotNull();
        for (int workers = 1; workers <= 3; workers++) {
            Limits limits = Limits.defaults().withWorkers(workers);
            Throwable e = catchThrowable(() -> StateSpace.explore(model, scenario, null, limits, false));
            assertThat(e).as("%d workers", workers).isInstanceOf(ModelFailure.class);
            ModelFailure f = (ModelFailure) e;
            String got = (f.getMessage().contains("invariant Counted") ? "invariant " : "step ")
                    + List.of(java.util.Arrays.stream(f.schedule().toArray()).boxed().toArray());
            assertThat(got).as("%d workers", workers).isEqualTo(expected);
        }
    }

    /** Steps taken: two per increment (load, store), two increments per op. */
    private static int depth(State s) {
        int d = 0;
        for (int t = 0; t < s.pc().length; t++) {
            d += 4 * s.opIndex()[t] + 2 * s.done()[t] + s.pc()[t];
        }
        return d;
    }

    private static Scenario scenario() {
        List<ThreadScript> ts = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            ts.add(new ThreadScript("cpu", List.of(Op.of("incTwice"))));
        }
        return new Scenario(new Config(Map.of("start", 1)), ts);
    }

    /**
     * Breadth-first, level by level, states in order, threads in order; a successor no earlier
     * level has is checked as soon as it is made: the first call that throws, as "invariant" or
     * "step" and the threads from the start state to it.
     */
    private static String reference(Throwing model, Scenario scenario) {
        int n = scenario.threadCount();
        State init = racetrace.engine.Stepper.of(model, scenario).initial();
        Set<Map<String, Object>> seen = new HashSet<>();
        seen.add(model.variables(init));
        List<State> level = List.of(init);
        List<List<Integer>> paths = List.of(List.of());
        Invariant<State> counted = model.invariants().get(0);
        try {
            counted.holds(init);
        } catch (IllegalStateException e) {
            return "invariant []";
        }
        while (!level.isEmpty()) {
            Set<Map<String, Object>> earlier = new HashSet<>(seen);
            List<State> next = new ArrayList<>();
            List<List<Integer>> nextPaths = new ArrayList<>();
            for (int i = 0; i < level.size(); i++) {
                State s = level.get(i);
                for (int t = 0; t < n; t++) {
                    if (!model.enabled(s, t)) {
                        continue;
                    }
                    List<Integer> path = new ArrayList<>(paths.get(i));
                    path.add(t);
                    State x;
                    try {
                        x = model.step(s, t).next();
                    } catch (IllegalStateException e) {
                        return "step " + path;
                    }
                    Map<String, Object> v = model.variables(x);
                    if (earlier.contains(v)) {
                        continue;
                    }
                    try {
                        counted.holds(x);
                    } catch (IllegalStateException e) {
                        return "invariant " + path;
                    }
                    if (seen.add(v)) {
                        next.add(x);
                        nextPaths.add(path);
                    }
                }
            }
            level = next;
            paths = nextPaths;
        }
        return null;
    }
}
