package seqlock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import racetrace.engine.Execution;
import racetrace.engine.Outcome;
import racetrace.search.ScheduleString;
import racetrace.tla.report.CpuTable;

/**
 * Written by racetrace for seqlock/buggy: replays the counterexample (2 threads, 2 ops, 1 preemptions, 7 steps) found by
 * the jqwik property `SeqlockProperties.Buggy.everyInvariantHolds` (seed 20261123, 33 tries),
 * and asserts that NoTornRead is still violated after step 7.
 * The schedule string is bound to the model's version and hash: when the model changes, decoding
 * it fails and says so; re-run the property to get a current string.
 */
class SeqlockBuggyNoTornReadRegressionTest {

    static final String SCHEDULE = "rt1:seqlock:buggy:-:1.424f6b05:-:writer/write,reader/read:0001:only=NoTornRead";

    @Test
    void noTornReadIsViolatedAfterStep7() {
        Execution<?> ex = ScheduleString.decode(SCHEDULE).run();
        assertEquals(new Outcome.Violated("NoTornRead", 7), ex.outcome(), () -> CpuTable.render(ex));
    }
}
