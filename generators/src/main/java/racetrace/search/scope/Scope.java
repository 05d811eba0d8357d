package racetrace.search.scope;

import java.util.List;
import java.util.stream.Collectors;
import racetrace.engine.Scenario;
import racetrace.engine.Shape;

/**
 * A bound on scenarios for exhaustive search: a union of shapes ({@link Shape}: configurations
 * and, per actor kind, threads and ops each), with at most {@code maxThreads} threads and {@code
 * maxOps} ops in all. No shapes means one shape with every configuration and every actor kind at
 * its own bounds: {@code threads<=3,ops<=4}, a level of the ladder.
 */
public record Scope(int maxThreads, int maxOps, List<Shape> shapes, String name) implements Comparable<Scope> {

    /** No bound on the threads or ops in all (only the shapes bound them). */
    public static final int UNBOUNDED = Integer.MAX_VALUE;

    public Scope {
        if (maxThreads < 1 || maxOps < 0) {
            throw new IllegalArgumentException("a scope needs at least 1 thread and 0 ops, not " + maxThreads
                    + " and " + maxOps);
        }
        shapes = List.copyOf(shapes);
    }

    public Scope(int maxThreads, int maxOps, List<Shape> shapes) {
        this(maxThreads, maxOps, shapes, null);
    }

    public Scope(int maxThreads, int maxOps) {
        this(maxThreads, maxOps, List.of());
    }

    /** The union of these shapes, with no bound in all. */
    public static Scope of(List<Shape> shapes) {
        return new Scope(UNBOUNDED, UNBOUNDED, shapes);
    }

    /** The same scope, called {@code name} in verdicts ({@link #describe} still lists its shapes). */
    public Scope named(String name) {
        return new Scope(maxThreads, maxOps, shapes, name);
    }

    /** The shapes, or the one shape of everything when none is named. */
    public List<Shape> parts() {
        return shapes.isEmpty() ? List.of(Shape.all()) : shapes;
    }

    /** Whether a scenario is in this scope: within the totals and of one of its shapes. */
    public boolean contains(Scenario scenario) {
        if (scenario.threadCount() > maxThreads || scenario.opCount() > maxOps) {
            return false;
        }
        return parts().stream().anyMatch(sh -> sh.contains(scenario));
    }

    /** Whether every scenario of {@code other} is in this scope too (totals only: both without shapes). */
    public boolean covers(Scope other) {
        return shapes.isEmpty() && other.shapes.isEmpty() && maxThreads >= other.maxThreads
                && maxOps >= other.maxOps;
    }

    @Override
    public int compareTo(Scope o) {
        int c = Integer.compare(maxThreads, o.maxThreads);
        return c != 0 ? c : Integer.compare(maxOps, o.maxOps);
    }

    /** Its name when it has one, else {@link #describe}. */
    @Override
    public String toString() {
        return name != null ? name : describe();
    }

    /** {@code threads<=3,ops<=4}, or the shapes: {@code xen-cpu<=2x2,guest<=2x1 with vcpus=2 | ...}. */
    public String describe() {
        String totals = (maxThreads == UNBOUNDED ? "" : "threads<=" + maxThreads)
                + (maxThreads != UNBOUNDED && maxOps != UNBOUNDED ? "," : "")
                + (maxOps == UNBOUNDED ? "" : "ops<=" + maxOps);
        if (shapes.isEmpty()) {
            return totals.isEmpty() ? "every scenario" : totals;
        }
        String parts = shapes.stream().map(Shape::toString).collect(Collectors.joining(" | "));
        return totals.isEmpty() ? parts : totals + " of " + parts;
    }
}
