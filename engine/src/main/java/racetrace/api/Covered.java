package racetrace.api;

import java.util.List;
import java.util.Set;
import racetrace.engine.Scenario;

/**
 * Optional: the actions conformance must see checked by TLC, and scenarios that reach the ones
 * random runs seldom take. Without it, conformance reports the actions its runs took without a
 * total.
 */
public interface Covered {

    /** The labels the instance's steps can have (the spec's actions), written from the code under review. */
    Set<String> actions(String variant);

    /** Scenarios that reach steps random scenarios seldom take (give-up paths, retries). */
    default List<Scenario> coverageScenarios(String variant) {
        return List.of();
    }
}
