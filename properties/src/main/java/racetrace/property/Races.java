package racetrace.property;

import racetrace.engine.Execution;
import racetrace.engine.Outcome;
import racetrace.search.Case;
import racetrace.tla.report.CpuTable;

/** The check a race property makes on each case. */
public final class Races {

    private Races() {
    }

    /**
     * Runs the case; fails when an invariant is violated or the threads deadlock, with the
     * instance, the measure, the replay string and the CPU table in the message.
     */
    public static void assertHolds(Case c) {
        Execution<?> ex = c.run();
        Outcome o = ex.outcome();
        if (o instanceof Outcome.Violated || o instanceof Outcome.Deadlock) {
            String what = o instanceof Outcome.Violated v ? v.invariant() + " violated" : "deadlock";
            throw new AssertionError(what + " in " + c.model().instance() + " (" + ex.measure() + ")\n"
                    + "replay: " + Replay.command(c) + "\n" + CpuTable.render(ex));
        }
    }
}
