package racetrace.search.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import racetrace.engine.Config;
import racetrace.engine.LostIncrementModel;
import racetrace.engine.Model;
import racetrace.engine.Op;
import racetrace.engine.Scenario;
import racetrace.engine.Schedule;
import racetrace.engine.ThreadScript;
import racetrace.search.Case;
import racetrace.search.Deadlocks;
import racetrace.search.scope.Rungs;

/** The commit keeps where each invariant was first found, and the smallest case over every unit it takes. */
class CommitTest {

    private static final String INV = "NoLostIncrement";

    private static Case lost(Model<?> model, int threads, int[] schedule) {
        List<ThreadScript> scripts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            scripts.add(ThreadScript.of("cpu", Op.of("inc")));
        }
        return new Case(model, new Scenario(new Config(Map.of("start", 0)), scripts), Schedule.of(schedule), INV);
    }

    private static UnitResult unit(int index, Case c) {
        UnitResult r = new UnitResult(new Unit.Random(index, index * 10L, 10));
        r.runs = 10;
        var m = c.check(List.of(INV)).measure();
        r.violated(INV, c.scenario().config(), m, () -> new UnitResult.Found(c, m, "uniform", index * 10L + 3, 0));
        return r;
    }

    @Test
    void aLaterSmallerCaseIsWhatMinimisationStartsFromAndTheFirstStaysWhereItWasFound() {
        Model<?> model = Deadlocks.checked(new LostIncrementModel(false));
        // Three threads: one idles through, the other two lose an increment; then two threads alone.
        Case large = lost(model, 3, new int[] {2, 2, 0, 1, 0, 1});
        Case small = lost(model, 2, new int[] {0, 1, 0, 1});
        assertThat(large.check(List.of(INV)).outcome().isViolation()).isTrue();
        assertThat(small.check(List.of(INV)).outcome().isViolation()).isTrue();
        HuntOptions options = new HuntOptions(1, new Work(100, 0, 0, 0), Cap.NONE, Strategy.UNIFORM, 1, 64, false);
        List<Hunter.Found> told = new ArrayList<>();
        Commit commit = new Commit(model, options, new Rungs(model, 0, 1000), System.nanoTime(), Long.MAX_VALUE,
                new Hunter.Listener() {
                    @Override
                    public void found(Model<?> m, Hunter.Found f) {
                        told.add(f);
                    }
                });
        commit.take(unit(0, large));
        commit.take(unit(1, small));
        commit.take(unit(2, large));
        assertThat(commit.found.get(INV).c()).isEqualTo(large);
        assertThat(commit.found.get(INV).runs()).isEqualTo(3);
        // Its one invariant found, the hunt would stop: the finding is told once the units are stopped.
        told.addAll(commit.deferred);
        assertThat(told).extracting(Hunter.Found::runs).containsExactly(3L);
        assertThat(commit.smallest.get(INV).best().c()).isEqualTo(small);
        assertThat(commit.smallest.get(INV).best().runs()).isEqualTo(13);
        // One configuration: the smaller case replaced the first, the later large one did not get in.
        assertThat(commit.smallest.get(INV).all()).hasSize(1);
    }
}
