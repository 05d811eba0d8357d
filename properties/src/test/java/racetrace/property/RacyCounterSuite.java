package racetrace.property;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Group;
import net.jqwik.api.Provide;
import racetrace.engine.LostIncrementModel;
import racetrace.engine.Model;
import racetrace.search.Case;
import racetrace.search.jqwik.RaceArbitraries;

/** Suites RaceReporterTest runs through the launcher (the name keeps Surefire from running them itself). */
class RacyCounterSuite {

    /** The group over the racy counter: each suite below marks it differently. */
    abstract static class RacyCounter extends RaceProperties {
        @Override
        protected Model<?> model() {
            return new LostIncrementModel(false);
        }
    }

    /** The group over the locked counter. */
    abstract static class LockedCounter extends RaceProperties {
        @Override
        protected Model<?> model() {
            return new LostIncrementModel(true);
        }
    }

    /** A property of one's own, with the one annotation. */
    static class OwnProperty {
        @Provide
        Arbitrary<Case> racy() {
            return RaceArbitraries.cases(new LostIncrementModel(false));
        }

        @RaceProperty
        void everyIncrementCounts(@ForAll("racy") Case c) {
            Races.assertHolds(c);
        }
    }

    /** The base class, unmarked: fails with a bundle. */
    static class Unexpected {
        @Group
        class Racy extends RacyCounter {
        }
    }

    /** The base class, marked with what the search finds: passes. */
    static class Expected {
        @Group
        @Found(invariant = "NoLostIncrement", threads = 2, ops = 2, preemptions = 1, steps = 4)
        class Racy extends RacyCounter {
        }
    }

    /** Marked with another invariant: fails. */
    static class WrongInvariant {
        @Group
        @Found(invariant = "NoSuchInvariant", threads = 2, ops = 2, preemptions = 1, steps = 4)
        class Racy extends RacyCounter {
        }
    }

    /** Marked, but the instance holds: fails. */
    static class NothingFound {
        @Group
        @Found(invariant = "NoLostIncrement", threads = 2, ops = 2, preemptions = 1, steps = 4)
        class Locked extends LockedCounter {
        }
    }
}
