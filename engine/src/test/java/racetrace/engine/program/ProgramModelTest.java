package racetrace.engine.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import racetrace.api.Actor;
import racetrace.api.Family;
import racetrace.api.Program;
import racetrace.api.ThreadStep;
import racetrace.api.View;
import racetrace.engine.Config;
import racetrace.engine.Execution;
import racetrace.engine.Invariant;
import racetrace.engine.Model;
import racetrace.engine.ModelFailure;
import racetrace.engine.ModelFamily;
import racetrace.engine.Op;
import racetrace.engine.OpPlan;
import racetrace.engine.Outcome;
import racetrace.engine.Scenario;
import racetrace.engine.Schedule;
import racetrace.engine.Stepper;
import racetrace.engine.ThreadScript;
import racetrace.engine.Transition;

/**
 * A program as the engine runs it: threads created and joined during the run ({@link ForkJoin}),
 * op choice over a scope, the derived identity, variables and constants.
 */
class ProgramModelTest {

    private static final ModelFamily FAMILY = new ProgramFamily(new ForkJoin());

    @SuppressWarnings("unchecked")
    private static Model<ProgramState> model(String variant) {
        return (Model<ProgramState>) FAMILY.create(variant, Map.of());
    }

    /** What a breadth-first search of a plan's states finds. */
    record Graph(int states, Set<String> violated, int deadlocks, Set<String> labels) {
    }

    static Graph explore(Model<ProgramState> m, OpPlan plan) {
        Stepper<ProgramState> stepper = Stepper.of(m, plan);
        Set<Long> seen = new HashSet<>();
        ArrayDeque<ProgramState> queue = new ArrayDeque<>();
        for (Stepper.Start<ProgramState> s : stepper.starts()) {
            if (seen.add(m.fingerprint(s.state()))) {
                queue.add(s.state());
            }
        }
        Set<String> violated = new LinkedHashSet<>();
        Set<String> labels = new LinkedHashSet<>();
        int deadlocks = 0;
        while (!queue.isEmpty()) {
            ProgramState s = queue.poll();
            m.invariants().stream().filter(i -> !i.holds(s)).forEach(i -> violated.add(i.name()));
            boolean any = false;
            boolean allDone = true;
            for (int t = 0; t < stepper.threads(); t++) {
                allDone &= m.finished(s, t);
                if (!stepper.enabled(s, t)) {
                    continue;
                }
                any = true;
                labels.add(stepper.step(s, t, 0).label());
                stepper.successors(s, t, (next, choice, began, notice) -> {
                    if (seen.add(m.fingerprint(next))) {
                        queue.add(next);
                    }
                });
            }
            if (!any && !allDone) {
                deadlocks++;
            }
        }
        return new Graph(seen.size(), violated, deadlocks, labels);
    }

    @Test
    void theFamilyIsDerivedFromTheProgram() {
        assertThat(FAMILY.name()).isEqualTo("fork-join");
        assertThat(FAMILY.variants()).containsExactly("joined", "early", "forgotten");
        Model<ProgramState> m = model("early");
        assertThat(m.instance().toString()).isEqualTo("fork-join/early");
        assertThat(m.version()).isEqualTo(1);
        assertThat(m.space().actors(Config.empty())).extracting(k -> k.name() + " " + k.minThreads() + ".."
                + k.maxThreads() + " x " + k.minOps() + ".." + k.maxOps()).containsExactly("main 1..1 x 1..1",
                "worker 1..2 x 1..2");
        assertThat(m.opChoice()).isNotNull();
        assertThat(m.hiddenInTable()).containsExactly("opi", "pc");
    }

    @Test
    void aCreatedThreadWaitsUntilItsCreatorCreatesIt() {
        Model<ProgramState> m = model("joined");
        Scenario sc = ForkJoin.scenario(1, 2);
        ProgramState s = Stepper.of(m, sc).initial();
        assertThat(m.enabled(s, 0)).isTrue();
        assertThat(m.enabled(s, 1)).as("worker 1 before it is created").isFalse();
        assertThat(m.finished(s, 1)).as("a waiting thread has not finished").isFalse();
        Map<String, Object> v = m.variables(s);
        assertThat(v.keySet()).containsExactly("counter", "lock", "i", "seen", "reg", "opi", "pc");
        assertThat(v.get("opi")).isEqualTo(List.of(1, 0, 0));
        assertThat(v.get("pc")).isEqualTo(List.of("m_create", "w_lock", "w_lock"));

        ProgramState s1 = m.step(s, 0).next();
        assertThat(m.enabled(s1, 1)).isTrue();
        assertThat(m.enabled(s1, 2)).isFalse();
        assertThat(m.variables(s1).get("opi")).isEqualTo(List.of(1, 1, 0));
        assertThat(m.variables(s).get("opi")).as("the state before the step is unchanged").isEqualTo(List.of(1, 0, 0));
    }

    @Test
    void aJoinWaitsForItsThreadToBeDone() {
        Model<ProgramState> m = model("joined");
        // main creates both workers, then is at m_join on worker 1, which has not run
        Execution<ProgramState> ex = Execution.run(m, ForkJoin.scenario(1, 1), Schedule.of(0, 0, 0));
        ProgramState s = ex.stateAt(2);
        assertThat(m.variables(s).get("pc")).isEqualTo(List.of("m_join", "w_lock", "w_lock"));
        assertThat(m.enabled(s, 0)).as("main joining a worker that has not run").isFalse();
        assertThat(ex.outcome()).isInstanceOf(Outcome.Completed.class);
        ProgramState end = ex.stateAt(ex.steps().size());
        assertThat(m.variables(end).get("seen")).isEqualTo(List.of(2, 0, 0));
    }

    @Test
    void joinedHoldsEarlyLosesCountsForgottenDeadlocks() {
        Graph joined = explore(model("joined"), OpPlan.of(ForkJoin.scenario(1, 2)));
        assertThat(joined.violated()).isEmpty();
        assertThat(joined.deadlocks()).isZero();
        assertThat(joined.labels()).containsExactlyInAnyOrder("m_create", "m_join", "m_read", "w_lock", "w_load",
                "w_store", "w_unlock");

        Graph early = explore(model("early"), OpPlan.of(ForkJoin.scenario(1, 2)));
        assertThat(early.violated()).containsExactly("SeenAll");
        assertThat(early.deadlocks()).isZero();

        Graph forgotten = explore(model("forgotten"), OpPlan.of(ForkJoin.scenario(1, 1)));
        assertThat(forgotten.violated()).isEmpty();
        assertThat(forgotten.deadlocks()).as("main joins a worker nobody created").isPositive();
    }

    @Test
    void aScopeGraphIsTheUnionOfItsScenarios() {
        Model<ProgramState> m = model("early");
        // workers: 1 or 2 ops each, one or two of them (the second optional)
        OpPlan scope = new OpPlan(Config.empty(), List.of(new OpPlan.Script("main", List.of(Op.of("run"))),
                new OpPlan.Choice("worker", List.of(Op.of("inc")), 1, 2, false),
                new OpPlan.Choice("worker", List.of(Op.of("inc")), 1, 2, true)), OpPlan.UNBOUNDED, OpPlan.UNBOUNDED);
        Graph whole = explore(m, scope);
        assertThat(whole.violated()).containsExactly("SeenAll");
        int[][] scenarios = {{1}, {2}, {1, 1}, {1, 2}, {2, 1}, {2, 2}};
        int largest = 0;
        for (int[] sc : scenarios) {
            largest = Math.max(largest, explore(m, OpPlan.of(ForkJoin.scenario(sc))).states());
        }
        assertThat(whole.states()).as("a scope holds more than its largest scenario").isGreaterThan(largest);
    }

    @Test
    void creatingAThreadTwiceIsTheProgramsError() {
        Model<ProgramState> m = model("joined");
        ProgramState s = Stepper.of(m, ForkJoin.scenario(1)).initial();
        ProgramState s1 = m.step(s, 0).next();
        // main is at m_join now; force another create by running the create step on the new state
        ProgramState again = new ProgramState(s1.binding, s1.memory, s1.registers,
                new String[] {"m_create", "w_lock"}, s1.op, s1.opi, s1.waiting);
        assertThatThrownBy(() -> m.step(again, 0)).hasMessageContaining("creates thread 2")
                .hasMessageContaining("not waiting to be created");
    }

    @Test
    void theSpecsConstantsComeFromTheScenario() {
        Model<ProgramState> m = model("early");
        Map<String, Object> c = m.tlaConstants(ForkJoin.scenario(2));
        assertThat(c.keySet()).containsExactly("Variant", "Actor", "Script");
        assertThat(c.get("Actor")).isEqualTo(List.of("main", "worker"));
        assertThat(c.get("Script").toString()).isEqualTo("[[{name=run, args=[]}], [{name=inc, args=[]}, {name=inc, args=[]}]]");
        assertThat(m.tlaModule()).as("no tla/ForkJoin.tla in the engine's tests").isNull();
    }

    /**
     * A program says none of its accesses; the engine finds them by taking each step again with
     * one memory leaf changed: the lock's test-and-set reads and stores it, a load reads the
     * counter, a store of register + 1 stores it without reading it, an unlock stores a value.
     */
    @Test
    void aStepsMemoryReadsAndStoresAreFoundWithoutTheProgramSayingThem() {
        Model<ProgramState> m = model("joined");
        Execution<ProgramState> ex = Execution.run(m, ForkJoin.scenario(1), Schedule.of(0, 1, 1, 1, 1, 0, 0));
        List<String> seen = new ArrayList<>();
        for (var step : ex.steps()) {
            List<String> acc = m.accesses(ex.stateAt(step.index() - 1), new Transition<>(step.state(),
                    step.label(), step.notice()), step.thread()).stream()
                    .map(a -> a.kind() + " " + a.location() + "=" + a.value()).toList();
            seen.add(step.label() + ": " + String.join(", ", acc));
        }
        assertThat(seen).containsExactly("m_create: ", "w_lock: READ lock=0, WRITE lock=2", "w_load: READ counter=0",
                "w_store: WRITE counter=1", "w_unlock: WRITE lock=0", "m_join: WRITE i[1]=1",
                "m_read: READ counter=1, WRITE i[1]=0, WRITE seen[1]=1");
    }

    /** A program of one's own that throws: the failure names the program's class and its frames, not the adapter's. */
    @Test
    void aProgramsExceptionIsThePrograms() {
        Model<?> m = new ProgramFamily(new Thrower()).create("only", Map.of());
        Scenario sc = new Scenario(Config.empty(), List.of(ThreadScript.of("cpu", Op.of("go"))));
        assertThatThrownBy(() -> Execution.run(m, sc, Schedule.of(0))).isInstanceOfSatisfying(ModelFailure.class, f -> {
            assertThat(f.modelClass()).isEqualTo(Thrower.class.getName());
            assertThat(f.getMessage()).contains("(" + Thrower.class.getName() + ") threw java.lang.IllegalStateException: "
                    + "no further", "in step of thread 1 at step label 'first'");
            assertThat(f.modelFrames()).first().satisfies(e -> assertThat(e.getClassName() + "." + e.getMethodName())
                    .isEqualTo(Thrower.class.getName() + ".step"));
        });
    }

    /** One thread whose first step throws. */
    public static final class Thrower implements Program<Thrower.Memory, Thrower.Registers> {
        /** Nothing shared. */
        public static final class Memory {
            int x;
        }

        /** No registers. */
        public static final class Registers {
            int y;
        }

        @Override
        public Family family() {
            return Family.of("thrower", "throws").variant("only", "the one")
                    .actor(Actor.of("cpu", "first").alphabet("go"));
        }

        @Override
        public void step(ThreadStep<Memory, Registers> t) {
            throw new IllegalStateException("no further");
        }

        @Override
        public List<Invariant<View<Memory, Registers>>> invariants() {
            return List.of();
        }
    }
}
