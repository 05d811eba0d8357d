package racetrace.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import racetrace.engine.BadInputException;
import racetrace.engine.Config;
import racetrace.engine.Execution;
import racetrace.engine.Measure;
import racetrace.engine.Model;
import racetrace.engine.OpPlan;
import racetrace.engine.Outcome;
import racetrace.engine.Scenario;
import racetrace.engine.ScenarioSpace;
import racetrace.search.explore.Exploration;
import racetrace.search.explore.Limits;
import racetrace.search.explore.MinimalSearch;
import racetrace.search.explore.StateSpace;
import racetrace.search.scope.ScenarioEnumeration;
import racetrace.search.scope.ScopePlans;
import racetrace.search.scope.Scope;

/**
 * From a failing case to the smallest counterexample racetrace can prove: the greedy {@link
 * Shrinker}, then an exhaustive search of the shrunk scenario in the measure's order (fewest
 * preemptions, then steps), then every scenario up to the shrunk one's threads and ops, smallest
 * class first. The hunt and the jqwik integration both end here, so they report the same case.
 */
public final class Minimizer {

    /**
     * Caps on the proving searches; past them a result says what it could not prove.
     *
     * @param perScenario (state, thread) pairs one scenario's minimal search may settle, and
     *     states one scenario's exploration may reach; fewer for scenarios of many threads, whose
     *     states are larger ({@link #statesFor}), so that memory stays bounded too
     * @param maxScenarios scenarios the scope search may cover
     * @param workers threads for the scope search
     * @param deadlineNanos the {@link System#nanoTime()} after which every search stops (a time
     *     cap the caller was given), or {@link Long#MAX_VALUE} for none
     */
    public record Options(long perScenario, int maxScenarios, int workers, long deadlineNanos) {

        /** Caps without a deadline: the result depends on nothing but the case. */
        public Options(long perScenario, int maxScenarios, int workers) {
            this(perScenario, maxScenarios, workers, Long.MAX_VALUE);
        }

        public static Options defaults() {
            return new Options(500_000, 50_000, Parallel.cores());
        }

        /**
         * The state cap of one scenario's search: {@code perScenario}, and no more than {@value
         * #THREAD_STATES} thread-states in all, so that a search over a 100-thread scenario holds
         * about as many bytes of states as one over an 8-thread scenario.
         */
        public Limits statesFor(Scenario scenario) {
            long cap = Math.min(perScenario, Math.max(1_000, THREAD_STATES / Math.max(1, scenario.threadCount())));
            if (deadlineNanos == Long.MAX_VALUE) {
                return Limits.states(cap);
            }
            return Limits.of(cap, Duration.ofNanos(Math.max(1, deadlineNanos - System.nanoTime())));
        }

        /** The caps of one scope graph's exploration: as many states as one scenario's. */
        Limits graphLimits() {
            if (deadlineNanos == Long.MAX_VALUE) {
                return Limits.states(perScenario);
            }
            return Limits.of(perScenario, Duration.ofNanos(Math.max(1, deadlineNanos - System.nanoTime())));
        }

        boolean pastDeadline() {
            return deadlineNanos != Long.MAX_VALUE && System.nanoTime() > deadlineNanos;
        }
    }

    /** States times threads one scenario's search may hold (see {@link Options#statesFor}). */
    public static final long THREAD_STATES = 4_000_000;

    /**
     * The minimal counterexample and what backs it.
     *
     * @param minimal the case, focused on the invariant
     * @param measure its measure
     * @param stepShortest a run of the same scenario with fewer steps (and more preemptions), or
     *     null when the minimal case is also step-shortest or that search did not end
     * @param minimality what is proven
     * @param shrinkRuns runs the greedy shrinker made
     */
    public record Result(Case minimal, Measure measure, Case stepShortest, Minimality minimality, int shrinkRuns) {
    }

    private Minimizer() {
    }

    /**
     * What the scope searches of several minimizations on one model have in common: whether each
     * scenario violates each invariant the hunt minimises, found once and kept, so the next
     * invariant's search (in this scope or another that holds the scenario) reads it instead of
     * exploring the scenario again. One per hunt.
     *
     * <p>A scenario's verdict is found by one exploration of it that checks only the invariants
     * still to be minimised ({@link #Shared(Collection)}) and stops once each of them is violated,
     * with the reductions that keep every violated invariant (symmetry of interchangeable threads,
     * sleep sets). Verdicts are found a (threads, ops) class at a time, smallest first, as the
     * scope search asks for them: classes above the first that decides are not explored.
     */
    public static final class Shared {

        /**
         * Whether a scenario violates each of the {@code checked} invariants somewhere in its state
         * space.
         */
        record Verdict(Set<String> checked, Set<String> violated, boolean complete, String stopReason) {
        }

        private final List<String> invariants;
        private final boolean reduced;
        /**
         * Each model's verdicts, by scenario and the invariants checked; a verdict being found is
         * there too, so a minimisation that asks for it while another is exploring it waits
         * instead of exploring it again.
         */
        private final Map<Model<?>, Map<List<Object>, CompletableFuture<Verdict>>> byModel =
                java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
        private final Map<String, Long> counts = new ConcurrentHashMap<>();
        /**
         * The same for scope graphs, by plan (its configuration, thread slots and caps: the same
         * plan is the same graph in whichever scope it was planned) and the invariants checked.
         */
        private final Map<Model<?>, Map<List<Object>, CompletableFuture<Verdict>>> graphs =
                java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

        /** Verdicts on every invariant of the model. */
        public Shared() {
            this(null);
        }

        /**
         * Verdicts on these invariants only (those a hunt minimises), or on every invariant when
         * null; an invariant outside them is answered by explorations of its own.
         */
        public Shared(Collection<String> invariants) {
            this(invariants, true);
        }

        /**
         * With {@code reduced} false, the plain proof (to compare with, in tests): each scenario
         * explored on its own, without reductions and without scope graphs.
         */
        Shared(Collection<String> invariants, boolean reduced) {
            this.invariants = invariants == null ? null : List.copyOf(new java.util.TreeSet<>(invariants));
            this.reduced = reduced;
        }

        /**
         * The verdicts of these scenarios on {@code invariant} (each covers it), in their order.
         * Safe to call from several threads at once (the minimisations of a hunt's invariants run
         * side by side): a verdict is a function of its scenario, the invariants checked and the
         * caps, so which call explores it does not matter.
         */
        List<Verdict> verdicts(Model<?> model, List<Scenario> scenarios, String invariant, Options options) {
            Map<List<Object>, CompletableFuture<Verdict>> known = byModel.computeIfAbsent(model,
                    m -> new ConcurrentHashMap<>());
            List<String> checked = invariants == null ? null : invariants.contains(invariant) ? invariants
                    : List.of(invariant);
            Object tag = checked == null ? "every invariant" : checked;
            return Parallel.map(scenarios, s -> once(known, List.of(s, tag),
                    () -> verdict(model, s, checked, limits(options, s))), options.workers());
        }

        /**
         * The verdict under {@code key}: the one known or being found (waited for), else found
         * now by {@code find} and kept, unless it is incomplete (a search cut by the clock is no
         * answer to keep for the next invariant).
         */
        private static <K> Verdict once(Map<K, CompletableFuture<Verdict>> known, K key, Supplier<Verdict> find) {
            CompletableFuture<Verdict> mine = new CompletableFuture<>();
            CompletableFuture<Verdict> there = known.putIfAbsent(key, mine);
            if (there != null) {
                try {
                    return there.join();
                } catch (CompletionException e) {
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw e;
                }
            }
            Verdict v;
            try {
                v = find.get();
            } catch (RuntimeException | Error e) {
                known.remove(key, mine);
                mine.completeExceptionally(e);
                throw e;
            }
            if (!v.complete()) {
                known.remove(key, mine);
            }
            mine.complete(v);
            return v;
        }

        /**
         * Whether no scenario of the scope (of one configuration when {@code config} is not null)
         * violates {@code invariant}, known from the scope's state graphs ({@link ScopePlans}: one
         * per configuration, holding the states of all its scenarios, so the scenarios share their
         * common states instead of each being explored): true only when every graph was explored
         * to the end without a violation of it. False when some graph violates it, or was cut, or
         * the model does not choose ops; then the scenarios' own verdicts decide.
         *
         * <p>A graph is explored once for every invariant the hunt minimises that is a predicate
         * of a state, not once per invariant: violating states are expanded too, so each verdict
         * is the one a graph explored for that invariant alone would give (and so is the answer:
         * every graph explored to the end without a violation of it).
         */
        boolean holdsThroughout(Model<?> model, Scope scope, Config config, String invariant, Options options) {
            if (!reduced || model.opChoice() == null || !statePredicate(model, invariant)) {
                return false;
            }
            List<String> checked = graphChecked(model, invariant);
            Map<List<Object>, CompletableFuture<Verdict>> known = graphs.computeIfAbsent(model,
                    m -> new ConcurrentHashMap<>());
            List<OpPlan> plans = ScopePlans.of(model.space(), scope, config);
            List<List<Object>> keys = plans.stream().map(p -> List.<Object>of(p, checked)).toList();
            int missing = 0;
            for (List<Object> key : keys) {
                CompletableFuture<Verdict> f = known.get(key);
                if (f == null) {
                    missing++;
                } else if (f.isDone() && !f.isCompletedExceptionally() && f.join().violated().contains(invariant)) {
                    return false;
                }
            }
            // Many small graphs run side by side, one worker each; a lone graph gets every worker.
            // A batch with a violation ends the look (the batches do not depend on the workers).
            int workers = Math.max(1, options.workers());
            int each = missing == 1 ? workers : 1;
            for (int b = 0; b < plans.size(); b += GRAPH_BATCH) {
                List<Integer> batch = java.util.stream.IntStream.range(b, Math.min(plans.size(), b + GRAPH_BATCH))
                        .boxed().toList();
                List<Verdict> fresh = Parallel.map(batch, k -> once(known, keys.get(k), () -> {
                    Limits l = options.graphLimits().withWorkers(each).reduced();
                    Exploration x = StateSpace.explore(model, plans.get(k), checked, l, true);
                    return new Verdict(Set.copyOf(checked), x.violations().keySet(),
                            x.complete() || x.stopReason().startsWith("every invariant"), x.stopReason());
                }), each == 1 ? workers : 1);
                for (Verdict v : fresh) {
                    if (!v.complete() || v.violated().contains(invariant)) {
                        return false;
                    }
                }
            }
            return true;
        }

        /**
         * A deadlock is not a predicate of a state: a thread that ends its script in a scenario may
         * choose one more op in the graph, so the graph's stuck states are not the scenarios'. Only
         * state predicates are answered from graphs.
         */
        private static boolean statePredicate(Model<?> model, String invariant) {
            return model.invariants().stream().anyMatch(i -> i.name().equals(invariant) && !i.aboutDeadlock());
        }

        /** The invariants a graph is explored for: every state predicate minimised with this one. */
        private List<String> graphChecked(Model<?> model, String invariant) {
            if (invariants == null || !invariants.contains(invariant)) {
                return List.of(invariant);
            }
            return invariants.stream().filter(i -> statePredicate(model, i)).toList();
        }

        /** Scope graphs looked at between two checks for a violation. */
        private static final int GRAPH_BATCH = 32;

        private Limits limits(Options options, Scenario s) {
            Limits l = options.statesFor(s);
            return reduced ? l.reduced() : l;
        }

        long count(ScenarioSpace space, Scope scope, int max) {
            return counts.computeIfAbsent(scope.toString(), k -> ScenarioEnumeration.count(space, scope, max));
        }

        private static <S> Verdict verdict(Model<S> model, Scenario s, List<String> checked, Limits limits) {
            Exploration x = StateSpace.explore(model, s, checked, limits, true);
            return new Verdict(checked == null ? null : Set.copyOf(checked), x.violations().keySet(),
                    x.complete() || x.stopReason().startsWith("every invariant"), x.stopReason());
        }
    }

    public static Result minimize(Case failing, String invariant) {
        return minimize(failing, invariant, Options.defaults(), new Shared(List.of(invariant)));
    }

    public static Result minimize(Case failing, String invariant, Options options) {
        return minimize(failing, invariant, options, new Shared(List.of(invariant)));
    }

    public static Result minimize(Case failing, String invariant, Options options, Shared shared) {
        Shrinker.Result greedy = Shrinker.shrink(failing, invariant, Shrinker.DEFAULT_MAX_RUNS, options.deadlineNanos());
        Case current = greedy.shrunk();
        Measure measure = greedy.measure();

        MinimalSearch.Result own = MinimalSearch.search(current.model(), current.scenario(), invariant,
                options.statesFor(current.scenario()));
        boolean withinScenario = own.proven() && own.found() != null;
        if (withinScenario) {
            current = Shrinker.normalised(own.found(), own.found().check(List.of(invariant)));
            measure = measureOf(current, invariant);
        }

        Scope proven = null;
        String provenConfig = null;
        long searched = 0;
        String why = withinScenario ? null : "the scenario's minimal search stopped: " + own.stopReason();
        ScenarioSpace space = current.model().space();
        while (withinScenario) {
            Scope full = new Scope(measure.threads(), measure.ops());
            List<Scenario> all = enumerate(shared, space, full, options.maxScenarios(), null);
            if (all != null) {
                ScopeMinimum best = scopeMinimum(shared, current.model(), full, null, all, invariant, measure,
                        options);
                searched += best.searched;
                if (best.incomplete != null) {
                    why = join(why, "smaller scenarios not all searched: " + best.incomplete);
                } else {
                    proven = full;
                    if (best.found != null) {
                        current = Shrinker.normalised(best.found, best.found.check(List.of(invariant)));
                        measure = measureOf(current, invariant);
                    }
                }
                break;
            }
            // The whole scope is too large: search the largest smaller scope that is not. Any
            // violation there is smaller than the case; it becomes the case and the search goes
            // on at its size.
            boolean smaller = false;
            int attempts = 0;
            for (Scope s : smallerScopes(full)) {
                if (attempts++ == 8) {
                    break;
                }
                List<Scenario> list = enumerate(shared, space, s, options.maxScenarios(), null);
                if (list == null) {
                    continue;
                }
                ScopeMinimum best = scopeMinimum(shared, current.model(), s, null, list, invariant, measure,
                        options);
                searched += best.searched;
                if (best.incomplete == null && best.found != null) {
                    current = Shrinker.normalised(best.found, best.found.check(List.of(invariant)));
                    measure = measureOf(current, invariant);
                    smaller = true;
                } else if (best.incomplete == null) {
                    why = join(why, "no counterexample at all in any scenario up to " + s);
                }
                break;
            }
            if (smaller) {
                continue;
            }
            // Last resort: the scenarios of the case's own configuration.
            List<Scenario> same = enumerate(shared, space, full, options.maxScenarios(), current.scenario().config());
            if (same == null) {
                why = join(why, "smaller scenarios not searched: scope " + full + " has more than "
                        + options.maxScenarios() + " scenarios even with configuration "
                        + current.scenario().config() + " alone");
                break;
            }
            ScopeMinimum best = scopeMinimum(shared, current.model(), full, current.scenario().config(), same,
                    invariant, measure, options);
            searched += best.searched;
            if (best.incomplete != null) {
                why = join(why, "smaller scenarios not all searched: " + best.incomplete);
            } else {
                proven = full;
                provenConfig = current.scenario().config().toString();
                if (best.found != null) {
                    current = Shrinker.normalised(best.found, best.found.check(List.of(invariant)));
                    measure = measureOf(current, invariant);
                }
            }
            break;
        }

        Case stepShortest = null;
        // Breadth-first, so one level of a many-thread scenario can hold far more states than the
        // cap: under the heap guard, a search the heap cuts leaves the minimal case as proven.
        try (HeapGuard.Entry guard = HeapGuard.enter()) {
            Case shortest = null;
            try {
                Exploration x = StateSpace.explore(current.model(), current.scenario(), List.of(invariant),
                        options.statesFor(current.scenario()), true);
                shortest = x.violations().get(invariant);
            } catch (IllegalStateException interrupted) {
                if (!guard.stopped()) {
                    throw interrupted;
                }
            }
            if (guard.stopped()) {
                why = join(why, "the search for a run with fewer steps stopped: " + HeapGuard.reason());
            } else if (shortest != null && shortest.schedule().length() < measure.steps()) {
                stepShortest = shortest;
            }
        } catch (OutOfMemoryError oom) {
            why = join(why, "the search for a run with fewer steps ran out of memory (Java heap of "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB)");
        }
        if (options.pastDeadline()) {
            why = join(why, "the time cap ended the minimal searches");
        }
        Minimality minimality = new Minimality(withinScenario, proven, provenConfig, searched, why);
        return new Result(current, measure, stepShortest, minimality, greedy.runs());
    }

    /** The scenarios of a scope (of one configuration when {@code config} is not null), or null if too many. */
    private static List<Scenario> enumerate(Shared shared, ScenarioSpace space, Scope scope, int max,
            Config config) {
        if (config == null && shared.count(space, scope, max) < 0) {
            return null;
        }
        try {
            return config == null ? ScenarioEnumeration.of(space, scope, max)
                    : ScenarioEnumeration.of(space, scope, max, config);
        } catch (BadInputException tooMany) {
            return null;
        }
    }

    /** Scopes below {@code s}, largest first (by threads plus ops, then threads). */
    static List<Scope> smallerScopes(Scope s) {
        List<Scope> out = new ArrayList<>();
        for (int t = 1; t <= s.maxThreads(); t++) {
            for (int o = 1; o <= s.maxOps(); o++) {
                if (t != s.maxThreads() || o != s.maxOps()) {
                    out.add(new Scope(t, o));
                }
            }
        }
        out.sort((a, b) -> a.maxThreads() + a.maxOps() != b.maxThreads() + b.maxOps()
                ? Integer.compare(b.maxThreads() + b.maxOps(), a.maxThreads() + a.maxOps())
                : Integer.compare(b.maxThreads(), a.maxThreads()));
        return out;
    }

    private static String join(String a, String b) {
        return a == null ? b : a + "; " + b;
    }

    private static Measure measureOf(Case c, String invariant) {
        Execution<?> ex = c.check(List.of(invariant));
        if (!(ex.outcome() instanceof Outcome.Violated)) {
            throw new IllegalStateException("a minimal case no longer violates " + invariant + ": " + c);
        }
        return ex.measure();
    }

    private record ScopeMinimum(Case found, long searched, String incomplete) {
    }

    /** The most preemptions for which the case's own class is searched without verdicts first. */
    private static final int DIRECT_PREEMPTIONS = 1;

    /** Scenarios searched between two tightenings of the preemption bound (not the workers: determinism). */
    private static final int BATCH = 8;

    /**
     * The smallest violating run over the scenarios (smallest (threads, ops) class first; the
     * first class with a violation decides). Ties go to the earlier scenario, so the answer does
     * not depend on where the search started.
     */
    private static ScopeMinimum scopeMinimum(Shared shared, Model<?> model, Scope scope, Config config,
            List<Scenario> scenarios, String invariant, Measure known, Options options) {
        int workers = options.workers();
        // A scope below the case's class may well hold throughout: one look at its graphs says so.
        boolean below = scope.maxThreads() < known.threads() || scope.maxOps() < known.ops();
        if (below && shared.holdsThroughout(model, scope, config, invariant, options)) {
            return new ScopeMinimum(null, scenarios.size(), null);
        }
        long searched = 0;
        int i = 0;
        while (i < scenarios.size()) {
            int t = scenarios.get(i).threadCount();
            int o = scenarios.get(i).opCount();
            int j = i;
            while (j < scenarios.size() && scenarios.get(j).threadCount() == t && scenarios.get(j).opCount() == o) {
                j++;
            }
            boolean sameClass = t == known.threads() && o == known.ops();
            int bound = sameClass ? known.preemptions() : Integer.MAX_VALUE;
            List<Scenario> candidates;
            if (sameClass && bound <= DIRECT_PREEMPTIONS) {
                // The case's own class: a run there is smaller only with at most its preemptions,
                // so each scenario's minimal search, bounded by them, answers directly; with few
                // preemptions it settles fewer (state, thread) pairs than a whole exploration for
                // a verdict has states.
                candidates = scenarios.subList(i, j);
            } else if (!sameClass && shared.holdsThroughout(model, new Scope(t, o), config, invariant, options)) {
                // (The case's own class is never asked of the graphs: the graph of the case's
                // configuration holds the case, so they cannot hold throughout.)
                // No scenario up to this class violates it (the classes below it are known clean).
                searched += j - i;
                i = j;
                continue;
            } else {
                candidates = new ArrayList<>();
                // The class's verdicts only: a class above the first that decides is never explored.
                List<Shared.Verdict> verdicts = shared.verdicts(model, scenarios.subList(i, j), invariant, options);
                for (int k = i; k < j; k++) {
                    Shared.Verdict v = verdicts.get(k - i);
                    if (!v.complete()) {
                        return new ScopeMinimum(null, searched + k - i, v.stopReason());
                    }
                    if (v.violated().contains(invariant)) {
                        candidates.add(scenarios.get(k));
                    }
                }
            }
            searched += j - i;
            // Only the candidates get the minimal search, a few at a time in their order, each
            // bounded by the best count so far: a later scenario only needs searching up to it.
            // Ties go to the earlier scenario, so the answer does not depend on where the search
            // started; nor, since the batches do not depend on it, on how many workers there are.
            MinimalSearch.Result best = null;
            for (int c = 0; c < candidates.size(); c += BATCH) {
                int cap = best == null ? bound : Math.min(bound, best.preemptions());
                List<MinimalSearch.Result> results = Parallel.map(
                        candidates.subList(c, Math.min(candidates.size(), c + BATCH)),
                        s -> MinimalSearch.search(model, s, invariant, cap, options.statesFor(s)), workers);
                for (MinimalSearch.Result r : results) {
                    if (!r.proven()) {
                        return new ScopeMinimum(null, searched, r.stopReason());
                    }
                    if (r.found() != null && (best == null || r.preemptions() < best.preemptions()
                            || r.preemptions() == best.preemptions() && r.steps() < best.steps())) {
                        best = r;
                    }
                }
            }
            if (best != null) {
                return new ScopeMinimum(best.found(), searched, null);
            }
            i = j;
        }
        return new ScopeMinimum(null, searched, null);
    }
}
