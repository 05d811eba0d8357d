package seqlock;

import racetrace.property.RaceSuite;
import racetrace.property.RaceTable;

/**
 * mvn test: one test per variant, named after it. Each row hunts its variant as racetrace hunt does
 * and must do what it says: buggy violates NoTornRead (the measure the hunt proved minimal when this
 * was written: threads/ops/preemptions/steps), fixed holds (nothing found, and every scenario up to
 * a scope explored exhaustively).
 */
class SeqlockProperties {

    @RaceSuite
    RaceTable variants() {
        return RaceTable.of("seqlock")
                .violates("buggy", "NoTornRead 2/2/1/7")
                .holds("fixed");
    }
}
