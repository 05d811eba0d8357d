package racetrace.properties;

import racetrace.property.RaceSuite;
import racetrace.property.RaceTable;

/**
 * mvn test over every vfio-pci instance, one test per instance: each is hunted as {@code racetrace
 * hunt} hunts it and must do what {@code racetrace/verdicts/vfio-pci.txt} records, the file the hunt's
 * own tests read too.
 */
class VfioPciProperties {

    @RaceSuite
    static RaceTable instances() {
        return RaceTable.fromVerdicts("racetrace/verdicts/vfio-pci.txt").budget(RaceTable.HUNT_BUDGET);
    }
}
