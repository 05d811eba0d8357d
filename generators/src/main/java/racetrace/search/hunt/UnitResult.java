package racetrace.search.hunt;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import racetrace.engine.Config;
import racetrace.engine.Measure;
import racetrace.search.Case;

/** What one unit found; merged into the hunt in unit order. */
final class UnitResult {

    /** A case of the unit that violated an invariant, and where in the unit's own order it was. */
    record Found(Case c, Measure measure, String foundBy, long runsBefore, long scenariosBefore)
            implements InHand.Ranked {
    }

    final Unit unit;
    long runs;
    long scenarios;
    long completeScenarios;
    long states;
    /** Why the first exploration that did not end stopped, or null. */
    String firstIncomplete;
    /** Each invariant's first case in the unit's own order: where the hunt first found it. */
    final Map<String, Found> found = new LinkedHashMap<>();
    /** Each invariant's smallest cases in the unit (a later case need not be larger than the first). */
    final Map<String, InHand<Found>> smallest = new LinkedHashMap<>();
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

    /**
     * A violation of {@code invariant} in the unit's order: the first is kept as where it was
     * found, and every one as a candidate for the smallest. {@code bound} is no larger than the
     * case's measure (its scenario's threads and ops, its steps), so that a case that cannot be
     * kept is not replayed to measure it.
     */
    void violated(String invariant, Config config, Measure bound, Supplier<Found> found) {
        InHand<Found> in = smallest.computeIfAbsent(invariant, k -> new InHand<>());
        boolean first = !this.found.containsKey(invariant);
        if (!first && !in.wants(config, bound)) {
            return;
        }
        Found f = found.get();
        if (first) {
            this.found.put(invariant, f);
        }
        in.offer(f);
    }
}
