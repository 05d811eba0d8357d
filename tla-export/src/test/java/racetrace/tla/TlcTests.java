package racetrace.tla;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** Tests that start TLC can be skipped with {@code -Dracetrace.tlc.skip=true}. */
final class TlcTests {

    private TlcTests() {
    }

    static void assumeTlcRuns() {
        assumeFalse(Boolean.getBoolean("racetrace.tlc.skip"), "TLC runs skipped (-Dracetrace.tlc.skip=true)");
    }
}
