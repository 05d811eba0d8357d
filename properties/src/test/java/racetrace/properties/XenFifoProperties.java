package racetrace.properties;

import racetrace.property.RaceSuite;
import racetrace.property.RaceTable;
import racetrace.xen.Legality;

/**
 * mvn test over every xen-fifo instance, one test per instance: each is hunted as {@code racetrace
 * hunt} hunts it and must do what {@code racetrace/verdicts/xen-fifo.txt} records, the file the hunt's
 * own tests read too.
 */
class XenFifoProperties {

    @RaceSuite
    static RaceTable instances() {
        // Every counterexample reported uses only ops the real hypercalls accept on its ports' binding.
        return RaceTable.fromVerdicts("racetrace/verdicts/xen-fifo.txt").budget(RaceTable.HUNT_BUDGET)
                .eachCounterexample(c -> Legality.refused(c.model(), c.scenario()));
    }
}
