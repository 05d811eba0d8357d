package racetrace.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One part of a scope: the configurations (a range per parameter; a parameter not named ranges
 * over all its values) and, per actor kind, how many threads and how many ops each (a kind not
 * named keeps its own bounds). A scope is a union of shapes: shaped like the races it must
 * contain, without the product of every bound with every other.
 *
 * @param config the range of each parameter named
 * @param actors the bounds of each actor kind named
 * @param threads most threads in all ({@link #UNBOUNDED}: only the kinds' bounds)
 * @param ops most ops in all
 */
public record Shape(Map<String, Range> config, Map<String, Bound> actors, int threads, int ops) {

    /** No bound in all. */
    public static final int UNBOUNDED = Integer.MAX_VALUE;

    public Shape {
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        actors = Collections.unmodifiableMap(new LinkedHashMap<>(actors));
        if (threads < 1 || ops < 0) {
            throw new IllegalArgumentException("a shape needs at least 1 thread and 0 ops in all, not " + threads
                    + " and " + ops);
        }
    }

    public Shape(Map<String, Range> config, Map<String, Bound> actors) {
        this(config, actors, UNBOUNDED, UNBOUNDED);
    }

    /** A parameter's values {@code min..max}. */
    public record Range(int min, int max) {

        public Range {
            if (min > max) {
                throw new IllegalArgumentException("an empty range " + min + ".." + max);
            }
        }

        public static Range of(int v) {
            return new Range(v, v);
        }

        public boolean contains(int v) {
            return v >= min && v <= max;
        }

        @Override
        public String toString() {
            return min == max ? String.valueOf(min) : min + ".." + max;
        }
    }

    /** At most {@code threads} threads of a kind, each with at most {@code ops} ops. */
    public record Bound(int threads, int ops) {

        public Bound {
            if (threads < 0 || ops < 0) {
                throw new IllegalArgumentException("negative bounds " + threads + ", " + ops);
            }
        }

        @Override
        public String toString() {
            return threads + "x" + ops;
        }
    }

    /** A shape with every configuration and every kind at its own bounds. */
    public static Shape all() {
        return new Shape(Map.of(), Map.of());
    }

    /** The same with parameter {@code name} at {@code min..max}. */
    public Shape with(String name, int min, int max) {
        Map<String, Range> c = new LinkedHashMap<>(config);
        c.put(name, new Range(min, max));
        return new Shape(c, actors, threads, ops);
    }

    /** The same with at most {@code threads} threads of kind {@code actor}, {@code ops} ops each. */
    public Shape actor(String actor, int threads, int ops) {
        Map<String, Bound> a = new LinkedHashMap<>(actors);
        a.put(actor, new Bound(threads, ops));
        return new Shape(config, a, this.threads, this.ops);
    }

    /** The same with at most {@code threads} threads and {@code ops} ops in all. */
    public Shape totals(int threads, int ops) {
        return new Shape(config, actors, threads, ops);
    }

    /** Whether a scenario is of this shape (its configuration in range, each kind within its bounds). */
    public boolean contains(Scenario scenario) {
        if (scenario.threadCount() > threads || scenario.opCount() > ops) {
            return false;
        }
        for (Map.Entry<String, Range> e : config.entrySet()) {
            Integer v = scenario.config().values().get(e.getKey());
            if (v == null || !e.getValue().contains(v)) {
                return false;
            }
        }
        Map<String, Integer> threads = new LinkedHashMap<>();
        for (ThreadScript t : scenario.threads()) {
            threads.merge(t.actor(), 1, Integer::sum);
            Bound b = actors.get(t.actor());
            if (b != null && t.ops().size() > b.ops()) {
                return false;
            }
        }
        for (Map.Entry<String, Integer> e : threads.entrySet()) {
            Bound b = actors.get(e.getKey());
            if (b != null && e.getValue() > b.threads()) {
                return false;
            }
        }
        return true;
    }

    /**
     * A shape written as {@link #toString} prints it: {@code threads<=3,ops<=5 of
     * xen-cpu<=2x3,guest<=1x1 with vcpus=1,prios=1..2}, each of the three parts optional ({@code
     * every scenario} for none).
     *
     * @throws IllegalArgumentException naming the text and the part that is not of that form
     */
    public static Shape parse(String text) {
        String head = text.strip();
        Shape out = all();
        int with = head.indexOf(" with ");
        if (with >= 0) {
            for (String item : head.substring(with + " with ".length()).split(",")) {
                String[] kv = item.strip().split("=", -1);
                String[] range = kv.length == 2 ? kv[1].split("\\.\\.", -1) : new String[0];
                if (range.length < 1 || range.length > 2 || kv[0].isBlank()) {
                    throw bad(text, item, "name=v or name=min..max");
                }
                int min = number(text, range[0]);
                int max = number(text, range[range.length - 1]);
                if (min > max) {
                    throw bad(text, item, "a range min..max with min <= max");
                }
                out = out.with(kv[0].strip(), min, max);
            }
            head = head.substring(0, with).strip();
        }
        if (head.equals("every scenario")) {
            return out;
        }
        String kinds = head;
        int of = head.indexOf(" of ");
        if (of >= 0 || head.startsWith("threads<=") || head.startsWith("ops<=")) {
            String totals = of >= 0 ? head.substring(0, of) : head;
            kinds = of >= 0 ? head.substring(of + " of ".length()) : "";
            int threads = UNBOUNDED;
            int ops = UNBOUNDED;
            for (String item : totals.split(",")) {
                String t = item.strip();
                if (t.startsWith("threads<=")) {
                    threads = number(text, t.substring("threads<=".length()));
                } else if (t.startsWith("ops<=")) {
                    ops = number(text, t.substring("ops<=".length()));
                } else {
                    throw bad(text, item, "threads<=N or ops<=N");
                }
            }
            out = out.totals(threads, ops);
        }
        for (String item : kinds.isBlank() ? new String[0] : kinds.split(",")) {
            String[] kb = item.strip().split("<=", -1);
            String[] tx = kb.length == 2 ? kb[1].split("x", -1) : new String[0];
            if (tx.length != 2 || kb[0].isBlank()) {
                throw bad(text, item, "kind<=THREADSxOPS");
            }
            out = out.actor(kb[0].strip(), number(text, tx[0]), number(text, tx[1]));
        }
        return out;
    }

    private static int number(String text, String n) {
        try {
            return Integer.parseInt(n.strip());
        } catch (NumberFormatException e) {
            throw bad(text, n, "a whole number");
        }
    }

    private static IllegalArgumentException bad(String text, String part, String want) {
        return new IllegalArgumentException("shape '" + text + "': '" + part.strip() + "' is not " + want);
    }

    /** {@code xen-cpu<=2x2,guest<=2x1 with vcpus=2,prios=1..2}, {@code threads<=3,ops<=3}. */
    @Override
    public String toString() {
        String t = (threads == UNBOUNDED ? "" : "threads<=" + threads)
                + (threads != UNBOUNDED && ops != UNBOUNDED ? "," : "") + (ops == UNBOUNDED ? "" : "ops<=" + ops);
        String a = actors.entrySet().stream().map(e -> e.getKey() + "<=" + e.getValue())
                .collect(Collectors.joining(","));
        String c = config.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
        String head = t.isEmpty() ? a : a.isEmpty() ? t : t + " of " + a;
        if (head.isEmpty()) {
            head = "every scenario";
        }
        return c.isEmpty() ? head : head + " with " + c;
    }
}
