package racetrace.engine;

import java.util.Comparator;
import java.util.Map;

/**
 * Orders counterexamples: fewer threads, then fewer ops, then fewer preemptions, then fewer
 * steps. A preemption is a switch away from a thread that could still have taken a step.
 */
public record Measure(int threads, int ops, int preemptions, int steps) implements Comparable<Measure> {

    private static final Comparator<Measure> ORDER = Comparator.comparingInt(Measure::threads)
            .thenComparingInt(Measure::ops)
            .thenComparingInt(Measure::preemptions)
            .thenComparingInt(Measure::steps);

    @Override
    public int compareTo(Measure o) {
        return ORDER.compare(this, o);
    }

    /** Whether every component is no larger than the other's. */
    public boolean noLargerThan(Measure o) {
        return threads <= o.threads && ops <= o.ops && preemptions <= o.preemptions && steps <= o.steps;
    }

    /** As a JSON object: threads, ops, preemptions, steps. */
    public Map<String, Object> json() {
        return Records.components(this);
    }

    @Override
    public String toString() {
        return threads + " threads, " + ops + " ops, " + preemptions + " preemptions, " + steps + " steps";
    }
}
