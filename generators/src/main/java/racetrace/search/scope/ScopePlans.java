package racetrace.search.scope;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import racetrace.engine.ActorKind;
import racetrace.engine.Config;
import racetrace.engine.Op;
import racetrace.engine.OpPlan;
import racetrace.engine.Param;
import racetrace.engine.ScenarioSpace;
import racetrace.engine.Shape;

/**
 * A scope as state graphs: one {@link OpPlan} per shape and configuration, in order (shapes in
 * the scope's order, configurations first parameter slowest), each thread slot of a kind choosing
 * its ops from the kind's alphabet up to the shape's bounds; slots beyond the kind's fewest
 * threads may stay absent.
 */
public final class ScopePlans {

    private ScopePlans() {
    }

    /**
     * The plans of a scope. A configuration some kind cannot fill (too few threads or ops allowed)
     * has none, and a plan whose runs are all runs of another plan of the scope (a shape inside
     * another at that configuration) is left out: the larger graph holds each of its paths.
     */
    public static List<OpPlan> of(ScenarioSpace space, Scope scope) {
        return of(space, scope, null);
    }

    /**
     * The plans of a scope with one configuration only (null: every configuration), whose state
     * graphs hold the states of every scenario {@link ScenarioEnumeration#of(ScenarioSpace, Scope,
     * int, Config)} lists.
     */
    public static List<OpPlan> of(ScenarioSpace space, Scope scope, Config only) {
        List<OpPlan> all = new ArrayList<>();
        for (Shape shape : scope.parts()) {
            for (Config config : configs(space.params(), shape)) {
                if (only != null && !only.equals(config)) {
                    continue;
                }
                OpPlan p = plan(space, scope, shape, config);
                if (p != null) {
                    all.add(p);
                }
            }
        }
        // Only plans of one configuration can hold each other: compared within their group, not
        // every pair of a ladder level's thousands of plans.
        Map<Config, List<Integer>> byConfig = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            byConfig.computeIfAbsent(all.get(i).config(), c -> new ArrayList<>()).add(i);
        }
        List<OpPlan> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            boolean inside = false;
            for (int j : byConfig.get(all.get(i).config())) {
                // Of two equal plans the first stays.
                inside |= j != i && within(all.get(i), all.get(j)) && (j < i || !within(all.get(j), all.get(i)));
            }
            if (!inside) {
                out.add(all.get(i));
            }
        }
        return out;
    }

    /**
     * Whether every run of plan {@code a} is a run of plan {@code b}: the same configuration, caps
     * no higher, and per actor kind no more threads, each with the same alphabet and an op count
     * {@code b}'s allows; {@code b}'s threads beyond {@code a}'s may stay absent.
     */
    static boolean within(OpPlan a, OpPlan b) {
        Map<String, List<OpPlan.Choice>> as = byActor(a);
        Map<String, List<OpPlan.Choice>> bs = byActor(b);
        if (as == null || bs == null || !a.config().equals(b.config())
                || reach(a, true) > reach(b, true) || reach(a, false) > reach(b, false)) {
            return false;
        }
        for (Map.Entry<String, List<OpPlan.Choice>> e : bs.entrySet()) {
            List<OpPlan.Choice> mine = as.getOrDefault(e.getKey(), List.of());
            List<OpPlan.Choice> theirs = e.getValue();
            if (mine.size() > theirs.size()) {
                return false;
            }
            for (int t = 0; t < theirs.size(); t++) {
                OpPlan.Choice y = theirs.get(t);
                if (t >= mine.size()) {
                    if (!y.optional()) {
                        return false;
                    }
                    continue;
                }
                OpPlan.Choice x = mine.get(t);
                if (!x.alphabet().equals(y.alphabet()) || x.minOps() < y.minOps() || x.maxOps() > y.maxOps()
                        || x.optional() && !y.optional()) {
                    return false;
                }
            }
        }
        return bs.keySet().containsAll(as.keySet());
    }

    /** The most threads (or ops) a plan's runs can have: its cap, or what its slots reach if less. */
    private static long reach(OpPlan p, boolean threads) {
        long slots = 0;
        for (OpPlan.Slot s : p.threads()) {
            slots += threads ? 1 : ((OpPlan.Choice) s).maxOps();
        }
        return Math.min(slots, threads ? p.maxThreads() : p.maxOps());
    }

    /** A plan's op choices by actor kind, in order; null when some thread has a fixed script. */
    private static Map<String, List<OpPlan.Choice>> byActor(OpPlan p) {
        Map<String, List<OpPlan.Choice>> out = new LinkedHashMap<>();
        for (OpPlan.Slot s : p.threads()) {
            if (!(s instanceof OpPlan.Choice c)) {
                return null;
            }
            out.computeIfAbsent(c.actor(), k -> new ArrayList<>()).add(c);
        }
        return out;
    }

    /** The plan of one configuration of a shape, or null when the shape leaves no scenario in it. */
    static OpPlan plan(ScenarioSpace space, Scope scope, Shape shape, Config config) {
        List<OpPlan.Slot> slots = new ArrayList<>();
        int maxThreads = Math.min(scope.maxThreads(), shape.threads());
        int maxOps = Math.min(scope.maxOps(), shape.ops());
        for (ActorKind k : space.actors(config)) {
            Shape.Bound b = shape.actors().get(k.name());
            int threads = Math.min(k.maxThreads(), Math.min(maxThreads, b == null ? k.maxThreads() : b.threads()));
            int ops = Math.min(k.maxOps(), Math.min(maxOps, b == null ? k.maxOps() : b.ops()));
            List<Op> alphabet = space.alphabet(config, k.name());
            boolean runs = ops >= k.minOps() && (k.minOps() == 0 || !alphabet.isEmpty());
            if (!runs) {
                threads = 0;
            }
            if (threads < k.minThreads()) {
                return null;
            }
            for (int i = 0; i < threads; i++) {
                slots.add(new OpPlan.Choice(k.name(), alphabet, k.minOps(), ops, i >= k.minThreads()));
            }
        }
        if (slots.isEmpty()) {
            return null;
        }
        return new OpPlan(config, slots, maxThreads, maxOps);
    }

    /** Every configuration of a shape, first parameter slowest. */
    static List<Config> configs(List<Param> params, Shape shape) {
        List<Config> all = new ArrayList<>();
        all.add(Config.empty());
        for (Param p : params) {
            Shape.Range r = shape.config().get(p.name());
            int lo = r == null ? p.min() : Math.max(p.min(), r.min());
            int hi = r == null ? p.max() : Math.min(p.max(), r.max());
            List<Config> next = new ArrayList<>();
            for (Config c : all) {
                for (int v = lo; v <= hi; v++) {
                    next.add(c.with(p.name(), v));
                }
            }
            all = next;
        }
        return all;
    }
}
