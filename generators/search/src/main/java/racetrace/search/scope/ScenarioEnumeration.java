package racetrace.search.scope;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import racetrace.engine.ActorKind;
import racetrace.engine.BadInputException;
import racetrace.engine.Config;
import racetrace.engine.Op;
import racetrace.engine.Param;
import racetrace.engine.Scenario;
import racetrace.engine.ScenarioSpace;
import racetrace.engine.ThreadScript;

/**
 * Every scenario of a model's space within a {@link Scope}, smallest first: ordered by threads,
 * then ops (the measure's order), then configuration (first parameter slowest), then scripts
 * (shorter first, then by the ops' places in the alphabet). Threads of an interchangeable actor
 * kind appear in one order only (non-decreasing scripts).
 */
public final class ScenarioEnumeration {

    /** More scenarios than this in one scope is a mistake, not a search. */
    public static final int MAX_SCENARIOS = 5_000_000;

    private ScenarioEnumeration() {
    }

    public static List<Scenario> of(ScenarioSpace space, Scope scope) {
        return of(space, scope, MAX_SCENARIOS);
    }

    /** The same, refusing (with a {@link BadInputException}) a scope of more than {@code max} scenarios. */
    public static List<Scenario> of(ScenarioSpace space, Scope scope, int max) {
        return of(space, scope, max, configs(space.params()));
    }

    /** The scenarios of the scope with one configuration only. */
    public static List<Scenario> of(ScenarioSpace space, Scope scope, int max, Config config) {
        return of(space, scope, max, List.of(config));
    }

    private static List<Scenario> of(ScenarioSpace space, Scope scope, int max, List<Config> configs) {
        List<Scenario> out = new ArrayList<>();
        for (Config config : configs) {
            List<ActorKind> kinds = space.actors(config);
            List<List<List<Op>>> scripts = new ArrayList<>();
            for (ActorKind k : kinds) {
                scripts.add(scripts(space.alphabet(config, k.name()), k.minOps(), Math.min(k.maxOps(), scope.maxOps())));
            }
            fill(out, config, kinds, scripts, 0, new ArrayList<>(), 0, 0, scope, max);
        }
        // Stable: within a (threads, ops) class the configuration and script order stays.
        out.sort(Comparator.comparingInt(Scenario::threadCount).thenComparingInt(Scenario::opCount));
        return out;
    }

    private static void fill(List<Scenario> out, Config config, List<ActorKind> kinds, List<List<List<Op>>> scripts,
            int kind, List<ThreadScript> threads, int threadCount, int opCount, Scope scope, int max) {
        if (kind == kinds.size()) {
            if (!threads.isEmpty()) {
                if (out.size() >= max) {
                    throw new BadInputException("scope " + scope + " has more than " + max
                            + " scenarios; choose a smaller one");
                }
                out.add(new Scenario(config, threads));
            }
            return;
        }
        ActorKind k = kinds.get(kind);
        for (int count = k.minThreads(); count <= k.maxThreads(); count++) {
            if (threadCount + count > scope.maxThreads()) {
                break;
            }
            choose(out, config, kinds, scripts, kind, threads, threadCount, opCount, scope, max, count, 0, 0);
        }
    }

    /** Picks {@code left} more scripts for kind {@code kind}, starting at script index {@code from}. */
    private static void choose(List<Scenario> out, Config config, List<ActorKind> kinds, List<List<List<Op>>> scripts,
            int kind, List<ThreadScript> threads, int threadCount, int opCount, Scope scope, int max, int left,
            int from, int picked) {
        if (picked == left) {
            fill(out, config, kinds, scripts, kind + 1, threads, threadCount + left, opCount, scope, max);
            return;
        }
        ActorKind k = kinds.get(kind);
        List<List<Op>> mine = scripts.get(kind);
        for (int i = k.interchangeable() ? from : 0; i < mine.size(); i++) {
            List<Op> ops = mine.get(i);
            if (opCount + ops.size() > scope.maxOps()) {
                continue;
            }
            threads.add(new ThreadScript(k.name(), ops));
            choose(out, config, kinds, scripts, kind, threads, threadCount, opCount + ops.size(), scope, max, left, i,
                    picked + 1);
            threads.remove(threads.size() - 1);
        }
    }

    /** Every op sequence of length min..max, shorter first, then by alphabet position. */
    static List<List<Op>> scripts(List<Op> alphabet, int min, int max) {
        List<List<Op>> out = new ArrayList<>();
        List<List<Op>> ofLength = new ArrayList<>();
        ofLength.add(List.of());
        for (int len = 0; len <= max; len++) {
            if (len >= min) {
                out.addAll(ofLength);
            }
            if (len == max || alphabet.isEmpty()) {
                break;
            }
            List<List<Op>> longer = new ArrayList<>();
            for (List<Op> s : ofLength) {
                for (Op op : alphabet) {
                    List<Op> t = new ArrayList<>(s);
                    t.add(op);
                    longer.add(List.copyOf(t));
                }
            }
            ofLength = longer;
        }
        return out;
    }

    /** Every configuration, first parameter slowest. */
    static List<Config> configs(List<Param> params) {
        List<Map<String, Integer>> all = new ArrayList<>();
        all.add(new LinkedHashMap<>());
        for (Param p : params) {
            List<Map<String, Integer>> next = new ArrayList<>();
            for (Map<String, Integer> c : all) {
                for (int v = p.min(); v <= p.max(); v++) {
                    Map<String, Integer> m = new LinkedHashMap<>(c);
                    m.put(p.name(), v);
                    next.add(m);
                }
            }
            all = next;
        }
        return all.stream().map(Config::new).toList();
    }
}
