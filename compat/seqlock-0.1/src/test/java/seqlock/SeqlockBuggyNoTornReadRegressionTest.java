package seqlock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import racetrace.engine.Execution;
import racetrace.engine.Outcome;
import racetrace.search.ScheduleString;
import racetrace.tla.report.CpuTable;

/**
 * Written by racetrace for seqlock/buggy: replays the counterexample found by
 * the jqwik property `SeqlockProperties.Buggy.everyInvariantHolds` (seed 20261123, 10 tries)
 * and shrunk to 2 threads, 2 ops, 1 preemptions, 7 steps,
 * and asserts that NoTornRead is still violated after step 7.
 * The schedule string is bound to the model's version and hash: when the model changes, decoding
 * it fails and says so; re-run the property to get a current string.
 */
class SeqlockBuggyNoTornReadRegressionTest {

    static final String SCHEDULE = "rt2:seqlock:buggy:-:1.424f6b05:-:writer/write,reader/read:0001:only=NoTornRead:tqu5oc8q.yw8pb3u";

    @Test
    void noTornReadIsViolatedAfterStep7() {
        Execution<?> ex = ScheduleString.decode(SCHEDULE).run();
        assertEquals(new Outcome.Violated("NoTornRead", 7), ex.outcome(), () -> CpuTable.render(ex));
    }
}
