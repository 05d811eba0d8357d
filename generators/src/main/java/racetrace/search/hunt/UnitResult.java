package racetrace.search.hunt;

import java.util.LinkedHashMap;
import java.util.Map;
import racetrace.engine.Measure;
import racetrace.search.Case;

/** What one unit found; merged into the hunt in unit order. */
final class UnitResult {

    /** The first case (in the unit's own order) that violated an invariant. */
    record Found(Case c, Measure measure, String foundBy, long runsBefore, long scenariosBefore) {
    }

    final Unit unit;
    long runs;
    long scenarios;
    long completeScenarios;
    long states;
    /** Why the first exploration that did not end stopped, or null. */
    String firstIncomplete;
    final Map<String, Found> found = new LinkedHashMap<>();
    long deadlocks;
    Case firstDeadlock;
    long stepLimits;
    long notices;
    String firstNotice;
    /** Time the unit took on its worker (not part of any deterministic output). */
    long nanos;

    UnitResult(Unit unit) {
        this.unit = unit;
    }
}
