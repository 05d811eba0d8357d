package racetrace.search.scope;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import racetrace.engine.ActorKind;
import racetrace.engine.BadInputException;
import racetrace.engine.Config;
import racetrace.engine.Op;
import racetrace.engine.Param;
import racetrace.engine.Scenario;
import racetrace.engine.ScenarioSpace;
import racetrace.engine.Shape;
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
        return of(space, scope, max, null);
    }

    /** The scenarios of the scope with one configuration only (null: every configuration). */
    public static List<Scenario> of(ScenarioSpace space, Scope scope, int max, Config config) {
        List<Scenario> out = new ArrayList<>();
        walk(space, scope, max, config, out);
        if (scope.shapes().size() > 1) {
            // A scenario in two shapes is listed once.
            List<Scenario> unique = new ArrayList<>(new LinkedHashSet<>(out));
            out.clear();
            out.addAll(unique);
        }
        // Stable: within a (threads, ops) class the configuration and script order stays.
        out.sort(Comparator.comparingInt(Scenario::threadCount).thenComparingInt(Scenario::opCount));
        return out;
    }

    /**
     * How many scenarios the scope has, counted without building them, or -1 when more than
     * {@code max}: to tell whether a scope is small enough before listing it.
     */
    public static long count(ScenarioSpace space, Scope scope, int max) {
        try {
            return walk(space, scope, max, null, null);
        } catch (BadInputException tooMany) {
            return -1;
        }
    }

    private static long walk(ScenarioSpace space, Scope scope, int max, Config only, List<Scenario> out) {
        Walk w = new Walk(scope, max, out);
        for (Shape shape : scope.parts()) {
            w.maxThreads = Math.min(scope.maxThreads(), shape.threads());
            w.maxOps = Math.min(scope.maxOps(), shape.ops());
            for (Config config : ScopePlans.configs(space.params(), shape)) {
                if (only != null && !only.equals(config)) {
                    continue;
                }
                w.config = config;
                w.kinds = space.actors(config);
                w.scripts = new ArrayList<>();
                w.kindThreads = new int[w.kinds.size()];
                for (int i = 0; i < w.kinds.size(); i++) {
                    ActorKind k = w.kinds.get(i);
                    Shape.Bound b = shape.actors().get(k.name());
                    w.kindThreads[i] = b == null ? k.maxThreads() : Math.min(k.maxThreads(), b.threads());
                    int ops = Math.min(k.maxOps(), w.maxOps);
                    w.scripts.add(scripts(space.alphabet(config, k.name()), k.minOps(),
                            b == null ? ops : Math.min(ops, b.ops())));
                }
                w.fill(0, 0, 0);
            }
        }
        return w.count;
    }

    /** One enumeration: the scenarios go to {@code out}, or are only counted when it is null. */
    private static final class Walk {
        final Scope scope;
        final int max;
        final List<Scenario> out;
        final List<ThreadScript> threads = new ArrayList<>();
        long count;
        Config config;
        List<ActorKind> kinds;
        List<List<List<Op>>> scripts;
        int[] kindThreads;
        int maxThreads;
        int maxOps;

        Walk(Scope scope, int max, List<Scenario> out) {
            this.scope = scope;
            this.max = max;
            this.out = out;
        }

        void fill(int kind, int threadCount, int opCount) {
            if (kind == kinds.size()) {
                if (threadCount > 0) {
                    if (count >= max) {
                        throw new BadInputException("scope " + scope + " has more than " + max
                                + " scenarios; choose a smaller one");
                    }
                    count++;
                    if (out != null) {
                        out.add(new Scenario(config, threads));
                    }
                }
                return;
            }
            ActorKind k = kinds.get(kind);
            for (int n = k.minThreads(); n <= kindThreads[kind]; n++) {
                if (threadCount + n > maxThreads) {
                    break;
                }
                choose(kind, threadCount, opCount, n, 0, 0);
            }
        }

        /** Picks {@code left} more scripts for kind {@code kind}, starting at script index {@code from}. */
        void choose(int kind, int threadCount, int opCount, int left, int from, int picked) {
            if (picked == left) {
                fill(kind + 1, threadCount + left, opCount);
                return;
            }
            ActorKind k = kinds.get(kind);
            List<List<Op>> mine = scripts.get(kind);
            for (int i = k.interchangeable() ? from : 0; i < mine.size(); i++) {
                List<Op> ops = mine.get(i);
                if (opCount + ops.size() > maxOps) {
                    break; // scripts come shorter first: every later one is too long as well
                }
                if (out != null) {
                    threads.add(new ThreadScript(k.name(), ops));
                }
                choose(kind, threadCount, opCount + ops.size(), left, i, picked + 1);
                if (out != null) {
                    threads.remove(threads.size() - 1);
                }
            }
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
    public static List<Config> configs(List<Param> params) {
        return ScopePlans.configs(params, Shape.all());
    }
}
