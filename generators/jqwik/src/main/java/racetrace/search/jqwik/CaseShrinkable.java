package racetrace.search.jqwik;

import java.util.stream.Stream;
import net.jqwik.api.Shrinkable;
import net.jqwik.api.ShrinkingDistance;
import racetrace.engine.Execution;
import racetrace.engine.Outcome;
import racetrace.search.Candidates;
import racetrace.search.Case;
import racetrace.search.Shrinker;

/**
 * A case as jqwik sees it. Its shrink candidates are the search core's, in the measure's order,
 * filtered to a strictly smaller distance so jqwik's shrinking always terminates.
 */
final class CaseShrinkable implements Shrinkable<Case> {

    private final Case value;
    private final boolean withSchedule;
    private final ShrinkingDistance distance;

    CaseShrinkable(Case value) {
        this(value, true);
    }

    CaseShrinkable(Case value, boolean withSchedule) {
        this.value = value;
        this.withSchedule = withSchedule;
        this.distance = ShrinkingDistance.of(distanceOf(value, withSchedule));
    }

    @Override
    public Case value() {
        return value;
    }

    @Override
    public Stream<Shrinkable<Case>> shrink() {
        Case base = value;
        if (withSchedule) {
            // Shrink from the executed prefix: same run, none of the unused random choices.
            Execution<?> ex = value.check(null);
            if (ex.outcome() instanceof Outcome.Violated) {
                base = Shrinker.normalised(value, ex);
            }
        }
        Stream<Case> candidates = withSchedule ? Candidates.of(base) : Candidates.ofScenario(base);
        return candidates
                .map(c -> (Shrinkable<Case>) new CaseShrinkable(c, withSchedule))
                .filter(s -> s.distance().compareTo(distance) < 0);
    }

    @Override
    public ShrinkingDistance distance() {
        return distance;
    }

    /** threads, ops, configuration, op simplicity, switches, schedule length, schedule sum. */
    static long[] distanceOf(Case c, boolean withSchedule) {
        long config = c.scenario().config().values().values().stream().mapToLong(Integer::longValue).sum();
        long opIndices = 0;
        for (var t : c.scenario().threads()) {
            var alphabet = c.model().space().alphabet(c.scenario().config(), t.actor());
            for (var op : t.ops()) {
                opIndices += alphabet.indexOf(op);
            }
        }
        long switches = 0;
        long sum = 0;
        var s = c.schedule();
        for (int i = 0; i < s.length(); i++) {
            sum += s.choice(i);
            if (i > 0 && s.choice(i) != s.choice(i - 1)) {
                switches++;
            }
        }
        if (!withSchedule) {
            return new long[] {c.scenario().threadCount(), c.scenario().opCount(), config, opIndices};
        }
        return new long[] {c.scenario().threadCount(), c.scenario().opCount(), config, opIndices, switches,
                s.length(), sum};
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
