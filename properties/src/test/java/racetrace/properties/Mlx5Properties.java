package racetrace.properties;

import racetrace.property.RaceSuite;
import racetrace.property.RaceTable;

/**
 * mvn test over every mlx5 instance, one test per instance: each is hunted as {@code racetrace
 * hunt} hunts it and must do what {@code racetrace/verdicts/mlx5.txt} records, the file the hunt's
 * own tests read too.
 */
class Mlx5Properties {

    @RaceSuite
    static RaceTable instances() {
        return RaceTable.fromVerdicts("racetrace/verdicts/mlx5.txt").budget(RaceTable.HUNT_BUDGET);
    }
}
