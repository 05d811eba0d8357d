package racetrace.tla.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import racetrace.engine.Access;
import racetrace.api.Actor;
import racetrace.api.Family;
import racetrace.api.Program;
import racetrace.api.ThreadStep;
import racetrace.api.View;
import racetrace.engine.Config;
import racetrace.engine.Execution;
import racetrace.engine.Invariant;
import racetrace.engine.LostIncrementModel;
import racetrace.engine.Model;
import racetrace.engine.Op;
import racetrace.engine.Scenario;
import racetrace.engine.Schedule;
import racetrace.engine.ThreadScript;
import racetrace.engine.program.ProgramFamily;
import racetrace.tla.report.Race.Pattern;

class ExplainerTest {

    static Scenario twoIncrements() {
        return new Scenario(new Config(Map.of("start", 0)), List.of(
                new ThreadScript("cpu", List.of(Op.of("inc"))), new ThreadScript("cpu", List.of(Op.of("inc")))));
    }

    /** A loads, B loads and stores, A stores: B's increment is lost. */
    static <S> Execution<S> lostIncrement(Model<S> m) {
        return Execution.run(m, twoIncrements(), Schedule.of(List.of(0, 1, 1, 0)));
    }

    @Test
    void aModelThatSaysItsReadsGetsTheLostUpdate() {
        Explanation why = Explainer.explain(lostIncrement(new ReadingCounterModel(false)));
        assertThat(why.sentence()).isEqualTo("cpu A's store of counter at step 4 overwrote cpu B's store of counter at "
                + "step 3 (cpu A had read counter at step 1, before it); NoLostIncrement fails after step 4: counter "
                + "reads 1, 2 increments were made");
        assertThat(why.race().pattern()).isEqualTo(Pattern.LOST_UPDATE);
        assertThat(why.racingSteps()).containsExactly(1, 3, 4);
        assertThat(why.accesses().preempts(2)).isTrue();
        assertThat(why.accesses().preempts(4)).isFalse(); // B had finished: no preemption
    }

    @Test
    void theDefaultFromStateDiffsNamesTheOverwrittenStore() {
        // A loads 0; B increments twice (the counter reads 2); A stores 1 over it
        Scenario s = new Scenario(new Config(Map.of("start", 0)), List.of(new ThreadScript("cpu",
                List.of(Op.of("inc"))), new ThreadScript("cpu", List.of(Op.of("incTwice")))));
        Explanation why = Explainer.explain(Execution.run(new LostIncrementModel(false), s,
                Schedule.of(List.of(0, 1, 1, 1, 1, 0))));
        assertThat(why.sentence()).isEqualTo("cpu A's store of counter at step 6 overwrote cpu B's store of counter at "
                + "step 5; NoLostIncrement (when all threads are done the counter counts every increment) fails after "
                + "step 6");
        assertThat(why.race().pattern()).isEqualTo(Pattern.DIRECT);
        assertThat(why.racingSteps()).containsExactly(5, 6);
    }

    @Test
    void aStateDiffCannotShowAStoreOfTheValueMemoryHeld() {
        // the classic lost increment writes the value B wrote: no diff sees A's store, so no race is named
        Explanation why = Explainer.explain(lostIncrement(new LostIncrementModel(false)));
        assertThat(why.race()).isNull();
    }

    @Test
    void aRunWithoutConflictsSaysSo() {
        Scenario one = new Scenario(new Config(Map.of("start", 0)), List.of(new ThreadScript("cpu",
                List.of(Op.of("inc")))));
        Explanation why = Explainer.explain(Execution.run(new ReadingCounterModel(false), one, Schedule.of(List.of())));
        assertThat(why.race()).isNull();
        assertThat(why.sentence()).startsWith("no access of one thread conflicts with another's, so no race between "
                + "threads; every thread finished after step 2");
    }

    /**
     * A program (racetrace.api) says none of its accesses, and the classic lost increment stores
     * the value memory already held, which no state diff shows: the engine finds A's load and both
     * stores by taking each step again with the counter changed, so the sentence names the lost
     * update.
     */
    @Test
    void aProgramsReadsAndStoresAreFoundForTheSentence() {
        Model<?> m = new ProgramFamily(new Increments()).create("racy", Map.of());
        Scenario two = new Scenario(Config.empty(), List.of(ThreadScript.of("cpu", Op.of("inc")),
                ThreadScript.of("cpu", Op.of("inc"))));
        Explanation why = Explainer.explain(Execution.run(m, two, Schedule.of(List.of(0, 1, 1, 0))));
        assertThat(why.sentence()).isEqualTo("cpu A's store of counter at step 4 overwrote cpu B's store of counter at "
                + "step 3 (cpu A had read counter at step 1, before it); NoLostIncrement (every increment counts) fails "
                + "after step 4");
        assertThat(why.race().pattern()).isEqualTo(Pattern.LOST_UPDATE);
    }

    /** CPUs increment a counter with a load and a store, as a program of one's own writes it. */
    public static final class Increments implements Program<Increments.Memory, Increments.Registers> {
        /** The counter. */
        public static final class Memory {
            int counter;
        }

        /** The loaded value. */
        public static final class Registers {
            int reg;
        }

        @Override
        public Family family() {
            return Family.of("increments", "load and store").variant("racy", "no lock")
                    .actor(Actor.of("cpu", "load").threads(1, 2).alphabet("inc"));
        }

        @Override
        public void step(ThreadStep<Memory, Registers> t) {
            if (t.pc().equals("load")) {
                t.registers().reg = t.memory().counter;
                t.go("store");
            } else {
                t.memory().counter = t.registers().reg + 1;
                t.end();
            }
        }

        @Override
        public List<Invariant<View<Memory, Registers>>> invariants() {
            return List.of(Invariant.of("NoLostIncrement", "every increment counts", v -> v.memory().counter
                    == IntStream.rangeClosed(1, v.threadCount()).filter(v::done).map(v::opi).sum()));
        }
    }

    private static Race race(int[] threads, Set<Integer> preempts, List<List<Access>> steps) {
        return Explainer.findRace(TraceAccesses.of(steps, threads, preempts));
    }

    @Test
    void readsSplitByAStoreAreANonRepeatableRead() {
        Race r = race(new int[] {0, 1, 0}, Set.of(2), List.of(List.of(Access.read("prio[1]", "1")),
                List.of(Access.write("prio[1]", "0")), List.of(Access.read("prio[1]", "0"))));
        assertThat(r.pattern()).isEqualTo(Pattern.NON_REPEATABLE_READ);
        assertThat(r.steps()).containsExactly(1, 2, 3);
    }

    @Test
    void theOtherPatternsOfOneLocation() {
        Access w = Access.write("x", "1");
        Access rd = Access.read("x", "1");
        assertThat(race(new int[] {0, 1, 0}, Set.of(2), List.of(List.of(w), List.of(rd),
                List.of(Access.write("x", "2")))).pattern()).isEqualTo(Pattern.DIRTY_READ);
        assertThat(race(new int[] {0, 1, 0}, Set.of(2), List.of(List.of(w), List.of(Access.write("x", "2")),
                List.of(Access.read("x", "2")))).pattern()).isEqualTo(Pattern.OVERWRITTEN_BEFORE_READ);
        assertThat(race(new int[] {0, 1, 0}, Set.of(2), List.of(List.of(w), List.of(Access.write("x", "2")),
                List.of(Access.write("x", "3")))).pattern()).isEqualTo(Pattern.INTERLEAVED_STORES);
        Race split = race(new int[] {0, 1, 1, 0}, Set.of(2), List.of(List.of(Access.read("flag", "0")),
                List.of(Access.write("flag", "1")), List.of(Access.read("data", "0")), List.of(Access.write("data", "1"))));
        assertThat(split.pattern()).isEqualTo(Pattern.SPLIT);
        assertThat(split.steps()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void aStaleReadCountsWhenItsThreadBlockedRatherThanWasPreempted() {
        // A read 0, blocked on a lock while B stored 1, then stored over it: no preemption, still the race
        Race r = race(new int[] {0, 1, 0}, Set.of(), List.of(List.of(Access.read("x", "0")),
                List.of(Access.write("x", "1")), List.of(Access.write("x", "2"))));
        assertThat(r.pattern()).isEqualTo(Pattern.LOST_UPDATE);
    }

    @Test
    void aCycleWhoseValuesShowNothingLostIsNoLostUpdate() {
        // A read 1 and B stored 1: A's read was not stale, so its store loses nothing; a direct overwrite at most
        Race r = race(new int[] {0, 1, 0}, Set.of(2), List.of(List.of(Access.read("x", "1")),
                List.of(Access.write("x", "1")), List.of(Access.write("x", "2"))));
        assertThat(r.pattern()).isEqualTo(Pattern.DIRECT);
        assertThat(r.steps()).containsExactly(2, 3);
    }

    @Test
    void synchronisationNeverRaces() {
        Race r = race(new int[] {0, 1, 0}, Set.of(2), List.of(List.of(Access.sync("lock", "1")),
                List.of(Access.sync("lock", "2")), List.of(Access.sync("lock", "0"))));
        assertThat(r).isNull();
    }

    @Test
    void ofTheStoresOfOneStepTheOneThatChangedMemoryCloses() {
        // a whole-run store writes both bytes; only byte 1's value changes, so the race is about byte 1
        Race r = race(new int[] {0, 1, 0}, Set.of(2), List.of(
                List.of(Access.read("mem[1]", "{a}"), Access.read("mem[2]", "{}")),
                List.of(Access.write("mem[1]", "{a,b}"), Access.write("mem[2]", "{}")),
                List.of(Access.write("mem[1]", "{a}"), Access.write("mem[2]", "{}"))));
        assertThat(r.pattern()).isEqualTo(Pattern.LOST_UPDATE);
        assertThat(r.close().access().location()).isEqualTo("mem[1]");
    }
}
