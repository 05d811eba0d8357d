package racetrace.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Where the threads of a run or of a search get their ops: each thread ({@link Slot}) a fixed
 * script, as in a {@link Scenario}, or a choice among its actor's alphabet at every op boundary,
 * as in a scope; with caps on the threads and ops in all. One configuration: a scope over several
 * is several plans, one state graph each.
 *
 * @param config the configuration
 * @param threads the thread slots, grouped by actor kind as in a scenario
 * @param maxThreads most threads present (a slot that starts done is absent)
 * @param maxOps most ops in all (counting the ops each present thread still must run)
 */
public record OpPlan(Config config, List<Slot> threads, int maxThreads, int maxOps) {

    /** Bounds that bound nothing. */
    public static final int UNBOUNDED = Integer.MAX_VALUE;

    public OpPlan {
        threads = List.copyOf(threads);
    }

    /**
     * The plan as the constants of a spec that interprets it: under {@code actorsName} the threads'
     * actors in order; under {@code Plan} each thread's slot, a script as {@code [script |-> <<op,
     * ...>>]} and a choice as {@code [ops |-> {op, ...}, min, max, optional]}; under {@code Caps}
     * {@code [threads, ops]}, the caps no higher than the slots can reach. {@code record} writes an op.
     */
    public Map<String, Object> tlaConstants(String actorsName, Function<Op, Object> record) {
        List<Object> actors = new ArrayList<>();
        List<Object> slots = new ArrayList<>();
        long ops = 0;
        for (Slot slot : threads) {
            actors.add(slot.actor());
            Map<String, Object> r = new LinkedHashMap<>();
            if (slot instanceof Script script) {
                r.put("script", script.ops().stream().map(record).toList());
                ops += script.ops().size();
            } else {
                Choice choice = (Choice) slot;
                Set<Object> set = new LinkedHashSet<>();
                for (Op op : choice.alphabet()) {
                    set.add(record.apply(op));
                }
                r.put("ops", set);
                r.put("min", choice.minOps());
                r.put("max", choice.maxOps());
                r.put("optional", choice.optional());
                ops += choice.maxOps();
            }
            slots.add(r);
        }
        Map<String, Object> caps = new LinkedHashMap<>();
        caps.put("threads", (int) Math.min(maxThreads, threads.size()));
        caps.put("ops", (int) Math.min(maxOps, ops));
        Map<String, Object> c = new LinkedHashMap<>();
        c.put(actorsName, actors);
        c.put("Plan", slots);
        c.put("Caps", caps);
        return c;
    }

    /** How one thread slot gets its ops. */
    public sealed interface Slot {

        String actor();

        /** The ops the thread may begin after {@code begun} ops (empty: none). */
        List<Op> next(int begun);

        /** Whether the thread may be done after {@code begun} ops (0: absent). */
        boolean mayStop(int begun);

        /** Ops the thread runs at least once present. */
        int minOps();
    }

    /** A fixed script: one op at each boundary, done after the last. */
    public record Script(String actor, List<Op> ops) implements Slot {

        public Script {
            ops = List.copyOf(ops);
        }

        @Override
        public List<Op> next(int begun) {
            return begun < ops.size() ? List.of(ops.get(begun)) : List.of();
        }

        @Override
        public boolean mayStop(int begun) {
            return begun == ops.size();
        }

        @Override
        public int minOps() {
            return ops.size();
        }
    }

    /**
     * A choice: any op of the alphabet at each boundary, {@code minOps..maxOps} ops; with
     * {@code optional}, the thread may also be absent (start done with no op).
     */
    public record Choice(String actor, List<Op> alphabet, int minOps, int maxOps, boolean optional) implements Slot {

        public Choice {
            alphabet = List.copyOf(alphabet);
            if (minOps < 0 || minOps > maxOps) {
                throw new IllegalArgumentException("a " + actor + " slot needs 0 <= minOps <= maxOps, not " + minOps
                        + ", " + maxOps);
            }
        }

        @Override
        public List<Op> next(int begun) {
            return begun < maxOps ? alphabet : List.of();
        }

        @Override
        public boolean mayStop(int begun) {
            return begun >= minOps || begun == 0 && optional;
        }
    }

    /** A scenario's plan: each thread its script. */
    public static OpPlan of(Scenario scenario) {
        List<Slot> slots = new ArrayList<>();
        for (ThreadScript t : scenario.threads()) {
            slots.add(new Script(t.actor(), t.ops()));
        }
        return new OpPlan(scenario.config(), slots, UNBOUNDED, UNBOUNDED);
    }

    /** The scenario of a scripted plan (every thread's script, in order). */
    public Scenario asScenario() {
        List<ThreadScript> out = new ArrayList<>();
        for (Slot s : threads) {
            if (!(s instanceof Script sc)) {
                throw new IllegalStateException("a plan with op choices is no scenario: " + this);
            }
            out.add(new ThreadScript(sc.actor(), sc.ops()));
        }
        return new Scenario(config, out);
    }

    /** Whether every thread has a fixed script (a scenario). */
    public boolean scripted() {
        return threads.stream().allMatch(s -> s instanceof Script);
    }

    public int size() {
        return threads.size();
    }

    public List<String> actors() {
        return threads.stream().map(Slot::actor).toList();
    }

    /**
     * The scenario a path of this plan ran: each thread's ops in the order it began them, threads
     * that began none left out. {@link #renumbering} maps the plan's threads to the scenario's.
     */
    public Scenario scenario(List<List<Op>> begun) {
        List<ThreadScript> out = new ArrayList<>();
        for (int t = 0; t < threads.size(); t++) {
            if (!begun.get(t).isEmpty()) {
                out.add(new ThreadScript(threads.get(t).actor(), begun.get(t)));
            }
        }
        return new Scenario(config, out);
    }

    /** For each thread of the plan, its number in {@link #scenario} (-1 when left out). */
    public static int[] renumbering(List<List<Op>> begun) {
        int[] map = new int[begun.size()];
        int n = 0;
        for (int t = 0; t < begun.size(); t++) {
            map[t] = begun.get(t).isEmpty() ? -1 : n++;
        }
        return map;
    }

    @Override
    public String toString() {
        return config + " " + threads;
    }
}
