package racetrace.property;

import java.util.Map;
import racetrace.engine.LostIncrementModel;
import racetrace.search.hunt.Cap;
import racetrace.search.hunt.HuntOptions;
import racetrace.search.hunt.Strategy;
import racetrace.search.hunt.Work;

/** @RaceSuite classes RaceSuiteEngineTest runs through the launcher (the name keeps Surefire from running them itself). */
class TableSuites {

    /** Hunt budgets small enough for a test; the exhaustive part alone where a test needs it. */
    static HuntOptions small() {
        return RaceTable.DEFAULT_BUDGET.withSwarm(200);
    }

    /** The toy counter's two variants, from a verdicts file: both pass. */
    static class FromFile {
        @RaceSuite
        static RaceTable counter() {
            return RaceTable.fromVerdicts("racetrace/verdicts-fixtures/counter.txt").budget(small());
        }
    }

    /** The same, written in the suite, with a row of a model built by hand. */
    static class Inline {
        @RaceSuite
        RaceTable counter() {
            return RaceTable.of("counter")
                    .violates("racy", "NoLostIncrement 2/2/1/4")
                    .holds("locked")
                    .row("hand-built racy counter", () -> new LostIncrementModel(false),
                            Expectation.violates("NoLostIncrement"))
                    .budget(small());
        }
    }

    /** A row that expects "holds" of an instance with a race inside the scope its exhaustive search covers. */
    static class WrongHolds {
        @RaceSuite
        static RaceTable counter() {
            // No random runs and no swarm: only the exhaustive scope search can refute the row.
            return RaceTable.fromVerdicts("racetrace/verdicts-fixtures/wrong-holds.txt")
                    .budget(small().withStrategy(Strategy.SCOPE));
        }
    }

    /** Today's xen-fifo/b, whose self link is within threads<=2,ops<=2, wrongly recorded as holding. */
    static class XenBHolds {
        @RaceSuite
        static RaceTable b() {
            return RaceTable.of("xen-fifo").holds("b").budget(small().withStrategy(Strategy.SCOPE));
        }
    }

    /** Rows whose records no longer match. */
    static class Stale {
        @RaceSuite
        static RaceTable rows() {
            return RaceTable.of("counter")
                    .violates("racy", "NoSuchInvariant")
                    .violates("racy", Map.of(), "NoLostIncrement 3/3/1/9")
                    .violates("locked", "NoLostIncrement")
                    .budget(small());
        }
    }

    /** A table whose check refuses every counterexample. */
    static class Checked {
        @RaceSuite
        static RaceTable rows() {
            return RaceTable.of("counter").violates("racy", "NoLostIncrement").budget(small())
                    .eachCounterexample(c -> "the counter's " + c.scenario().threadCount() + " threads are not welcome");
        }
    }

    /** A holds row whose search completes no scope (random runs only). */
    static class Unbacked {
        @RaceSuite
        static RaceTable rows() {
            HuntOptions tiny = new HuntOptions(1, new Work(10, 1, 0, 0),
                    Cap.NONE, Strategy.RANDOM, 1, 64, false);
            return RaceTable.of("counter").holds("locked").budget(tiny);
        }
    }

    /** A verdicts file with a mistake in it. */
    static class Broken {
        @RaceSuite
        static RaceTable rows() {
            return RaceTable.fromVerdicts("racetrace/verdicts-fixtures/broken.txt");
        }
    }
}
