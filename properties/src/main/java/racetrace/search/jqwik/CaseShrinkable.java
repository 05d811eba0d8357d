package racetrace.search.jqwik;

import java.util.stream.Stream;
import net.jqwik.api.Shrinkable;
import net.jqwik.api.ShrinkingDistance;
import racetrace.engine.Execution;
import racetrace.engine.Outcome;
import racetrace.search.Candidates;
import racetrace.search.Case;
import racetrace.search.Minimizer;

/**
 * A case as jqwik sees it. A failing case shrinks in one step to what {@link Minimizer} proves
 * minimal, the same procedure the hunt ends with, so a property and a hunt report the same
 * counterexample; that case has nothing left to shrink. A case that fails without violating an
 * invariant (a deadlock) shrinks through the search core's candidates, each strictly smaller.
 */
final class CaseShrinkable implements Shrinkable<Case> {

    private final Case value;
    private final boolean withSchedule;
    private final boolean minimal;
    private final ShrinkingDistance distance;

    CaseShrinkable(Case value) {
        this(value, true, false);
    }

    CaseShrinkable(Case value, boolean withSchedule) {
        this(value, withSchedule, false);
    }

    private CaseShrinkable(Case value, boolean withSchedule, boolean minimal) {
        this.value = value;
        this.withSchedule = withSchedule;
        this.minimal = minimal;
        // A proven-minimal case ranks by threads and ops alone, never above the case it came from.
        this.distance = ShrinkingDistance.of(minimal
                ? new long[] {value.scenario().threadCount(), value.scenario().opCount(), 0, 0, 0, 0, 0}
                : distanceOf(value, withSchedule));
    }

    @Override
    public Case value() {
        return value;
    }

    @Override
    public Stream<Shrinkable<Case>> shrink() {
        if (minimal) {
            return Stream.empty();
        }
        if (withSchedule) {
            Execution<?> ex = value.run();
            if (ex.outcome() instanceof Outcome.Violated v) {
                Minimizer.Result m = Minimizer.minimize(value, v.invariant());
                Shrinkable<Case> s = new CaseShrinkable(m.minimal(), true, true);
                return m.minimal().equals(value) ? Stream.empty() : Stream.of(s);
            }
        }
        Stream<Case> candidates = withSchedule ? Candidates.of(value) : Candidates.ofScenario(value);
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
