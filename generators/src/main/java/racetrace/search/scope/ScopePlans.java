package racetrace.search.scope;

import java.util.ArrayList;
import java.util.List;
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

    /** The plans of a scope. A configuration some kind cannot fill (too few threads or ops allowed) has none. */
    public static List<OpPlan> of(ScenarioSpace space, Scope scope) {
        return of(space, scope, null);
    }

    /**
     * The plans of a scope with one configuration only (null: every configuration), whose state
     * graphs hold the states of every scenario {@link ScenarioEnumeration#of(ScenarioSpace, Scope,
     * int, Config)} lists.
     */
    public static List<OpPlan> of(ScenarioSpace space, Scope scope, Config only) {
        List<OpPlan> out = new ArrayList<>();
        for (Shape shape : scope.parts()) {
            for (Config config : configs(space.params(), shape)) {
                if (only != null && !only.equals(config)) {
                    continue;
                }
                OpPlan p = plan(space, scope, shape, config);
                if (p != null) {
                    out.add(p);
                }
            }
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
