package racetrace.properties;

import racetrace.engine.Execution;
import racetrace.engine.Outcome;
import racetrace.report.CpuTable;
import racetrace.search.Case;

/** The check every property makes: the run ends without a violated invariant or a deadlock. */
final class Verdicts {

    private Verdicts() {
    }

    static void assertHolds(Case c) {
        Execution<?> ex = c.run();
        Outcome o = ex.outcome();
        if (o instanceof Outcome.Violated || o instanceof Outcome.Deadlock) {
            String what = o instanceof Outcome.Violated v ? v.invariant() + " violated" : "deadlock";
            throw new AssertionError(what + " in " + c.model().instance() + " (" + ex.measure() + ")\n"
                    + "replay: racetrace replay " + c + "\n" + CpuTable.render(ex));
        }
    }
}
