package racetrace.search.hunt;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import racetrace.engine.Measure;
import racetrace.engine.Model;
import racetrace.search.Assumptions;
import racetrace.search.Case;
import racetrace.search.Deadlocks;
import racetrace.search.Minimality;
import racetrace.search.Minimizer;
import racetrace.search.Parallel;
import racetrace.search.RunLength;
import racetrace.search.explore.Limits;
import racetrace.search.scope.Rungs;

/**
 * Hunts one instance with a portfolio of strategies: random runs (uniform and PCT), every
 * scenario of growing scopes explored exhaustively, and random scenarios explored exhaustively
 * (swarm). The work is cut into units planned in a fixed order and taken in that order, whatever
 * core computed them, so a hunt bounded by work is deterministic for a seed on any machine.
 * Every unit checks every invariant, and deadlock ({@link Deadlocks}); the first unit (in order)
 * to violate one says where it was found, and its case is handed to the listener as found. The
 * minimal case {@link Minimizer} can prove is shrunk from the smallest cases of every unit taken
 * ({@link InHand}), which need not be the first.
 */
public final class Hunter {

    /** Told about a hunt while it runs, on the thread that called {@link #hunt}. */
    public interface Listener {

        /** Every two seconds or so, on long hunts. */
        default void progress(Model<?> model, long runs, long states, long millis) {
        }

        /**
         * An invariant's first counterexample, as found: called as soon as the hunt takes it, before
         * minimisation starts, so that nothing later (a cap, a crash, running out of memory) can lose it.
         */
        default void found(Model<?> model, Found found) {
        }

        /**
         * The cases an invariant's minimisation starts from, smallest first, when they are not just
         * the case found first (a later unit held a smaller one): called before that minimisation
         * starts, so that these cases are not lost either.
         */
        default void minimising(Model<?> model, String invariant, List<Found> from) {
        }
    }

    /**
     * A counterexample as the search found it, before minimisation.
     *
     * @param c the case, focused on the invariant
     * @param runs random runs up to and including the finding one
     * @param scenarios scenarios explored exhaustively up to the finding one
     * @param nanos search time up to the finding
     */
    public record Found(String invariant, Case c, Measure measure, String foundBy, long runs, long scenarios,
            long nanos) implements InHand.Ranked {
    }

    /** A ladder level with more new scenarios than this ends the ladder. */
    static final int MAX_LEVEL_SCENARIOS = 200_000;
    /** The minimiser's caps: (state, thread) pairs per scenario, scenarios per scope search. */
    static final long MINIMISE_PAIRS = 500_000;
    static final int MINIMISE_SCENARIOS = 50_000;

    private static final Listener SILENT = new Listener() {
    };

    private Hunter() {
    }

    /** The random source of an instance: independent of which other instances are hunted. */
    static long seedFor(Model<?> model, long seed) {
        return seed * 0x9E3779B97F4A7C15L ^ model.instance().toString().hashCode();
    }

    /**
     * Hunts one instance. Deadlock is checked as the invariant {@link Deadlocks#NAME} besides the
     * model's own; the result carries the model as given, and only a deadlock's cases the check.
     *
     * @param listener told about progress and about each finding before it is minimised; may be null
     */
    public static HuntResult hunt(Model<?> model, HuntOptions options, Listener listener) {
        return huntTyped(Deadlocks.checked(model), options, listener == null ? SILENT : listener);
    }

    /**
     * The case on the model as its family made it, unless it is a deadlock the added check found:
     * what the hunt reports is then the same value a replay of its string decodes to.
     */
    static Case plain(Case c) {
        if (c == null || Deadlocks.isAdded(c.model(), c.focus())) {
            return c;
        }
        return new Case(Deadlocks.base(c.model()), c.scenario(), c.schedule(), c.focus());
    }

    private static <S> HuntResult huntTyped(Model<S> model, HuntOptions options, Listener listener) {
        long start = System.nanoTime();
        long deadline = options.cap() instanceof Cap.Seconds s ? start + (long) (s.seconds() * 1e9) : Long.MAX_VALUE;
        long instanceSeed = seedFor(model, options.seed());
        double stepsPerOp = RunLength.stepsPerOp(model);
        Rungs ladder = new Rungs(model, options.work().scope(), MAX_LEVEL_SCENARIOS);
        Planner planner = new Planner(options, ladder);
        Commit commit = new Commit(model, options, ladder, start, deadline, listener);

        Parallel.pipeline(() -> {
            if (commit.done()) {
                return null;
            }
            Unit u = planner.next(commit.scopeExhausted(), commit.swarmExhausted());
            if (u == null) {
                return null;
            }
            return (Supplier<UnitResult>) () -> UnitRunner.run(model, u, options, instanceSeed, stepsPerOp, deadline,
                    () -> commit.dropsAnyway(u));
        }, options.workers(), commit::take);
        commit.deferred.forEach(f -> listener.found(Deadlocks.base(model), f));

        Cap cutBy = commit.capped && !commit.allFound() && commit.workLeft(ladder) ? options.cap() : null;
        Shortfall.ScopeShort scopeShort = commit.allFound() || cutBy != null ? null : commit.scopeShort(ladder);
        Evidence evidence = commit.evidence();
        Shortfall shortfall = cutBy == null && scopeShort == null && !evidence.empty() ? null
                : new Shortfall(cutBy, scopeShort, evidence.empty());

        // The verdicts of the minimisers' scope searches answer for the invariants found here only.
        Minimizer.Shared shared = new Minimizer.Shared(commit.found.keySet());
        List<Found> firsts = List.copyOf(commit.found.values());
        List<List<Found>> startsOf = new ArrayList<>();
        for (Found first : firsts) {
            List<Found> starts = starts(first, commit.smallest.get(first.invariant()).all(), options.firstOnly());
            List<Found> from = starts.stream()
                    .map(f -> new Found(f.invariant(), plain(f.c()), f.measure(), f.foundBy(), f.runs(), f.scenarios(),
                            f.nanos()))
                    .toList();
            if (!(from.size() == 1 && from.get(0).c().toString().equals(plain(first.c()).toString()))) {
                listener.minimising(Deadlocks.base(model), first.invariant(), from);
            }
            startsOf.add(starts);
        }
        List<Finding> findings = minimiseAll(firsts, startsOf, options, deadline, shared);
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new HuntResult(Deadlocks.base(model), options.seed(), options.strategy(), commit.runs, millis,
                List.copyOf(findings), evidence, commit.deadlocks, plain(commit.firstDeadlock), commit.stepLimits,
                commit.notices, commit.firstNotice, cutBy, shortfall, commit.work());
    }

    /**
     * The cases an invariant's minimisation starts from: the smallest in hand, and the first found
     * when it is not one of them. A smaller start does not always shrink to a smaller case (the
     * minimiser's proofs hold within a configuration, and a scope up to a smaller case's threads
     * and ops need not hold every smaller case), so the first found is minimised too: the result
     * is never larger than minimising the first alone gave.
     */
    private static List<Found> starts(Found first, List<Found> smallest, boolean firstOnly) {
        String key = first.c().toString();
        if (firstOnly) {
            return List.of(first);
        }
        if (smallest.stream().anyMatch(f -> f.c().toString().equals(key))) {
            return smallest;
        }
        List<Found> all = new ArrayList<>(smallest);
        all.add(first);
        return all;
    }

    /** One start's minimisation, and whether it ran out of memory. */
    private record Attempt(Minimizer.Result result, boolean oom, long nanos) {
    }

    /**
     * The minimal case of each finding: each of the smallest cases in hand ({@link InHand}, at
     * most one per configuration) is minimised within the minimiser's caps, the hunt's time cap and
     * the memory there is, and the smallest result wins (a tie goes to the smaller start). A
     * minimisation that runs out of either keeps its case as found (already told to the
     * listener) and says so, and the invariant's later starts are not looked at.
     *
     * <p>Every start of every invariant is minimised side by side, the largest cases first (they
     * take longest), each with every worker for its own parallel parts (many short searches, a
     * scope's graphs), so that neither core waits while the other runs a sequential part (the
     * greedy shrink, one scenario's minimal search) or the last long proof. The results are then
     * taken per invariant in the order of its starts, as one after another would give them: each
     * depends on its case alone, and the verdicts the minimisations share are functions of a
     * scenario or a graph, whichever minimisation finds them first ({@link Minimizer.Shared}).
     *
     * @param firsts each invariant's first case: where the hunt found it
     * @param startsOf each invariant's smallest cases in hand, smallest first (its first among them or not)
     */
    private static List<Finding> minimiseAll(List<Found> firsts, List<List<Found>> startsOf, HuntOptions options,
            long deadline, Minimizer.Shared shared) {
        if (options.firstOnly()) {
            // The case found first, as asked: a caller that shrinks it gets what the whole hunt
            // minimises too (it is always among the whole hunt's starts).
            return firsts.stream().map(first -> finding(first, first, 1, new Minimizer.Result(first.c(),
                    first.measure(), null, new Minimality(false, null, null, 0, "not shrunk (first only)"), 0), 0,
                    false)).toList();
        }
        List<int[]> jobs = new ArrayList<>();
        for (int k = 0; k < startsOf.size(); k++) {
            for (int i = 0; i < startsOf.get(k).size(); i++) {
                jobs.add(new int[] {k, i});
            }
        }
        java.util.Comparator<int[]> largestFirst = java.util.Comparator.comparing(
                j -> startsOf.get(j[0]).get(j[1]).measure());
        jobs.sort(largestFirst.reversed());
        Minimizer.Options caps = new Minimizer.Options(MINIMISE_PAIRS, MINIMISE_SCENARIOS, options.workers(), deadline);
        List<Attempt> done = Parallel.map(jobs, j -> attempt(startsOf.get(j[0]).get(j[1]), caps, shared),
                options.workers());
        Attempt[][] byStart = new Attempt[startsOf.size()][];
        for (int k = 0; k < startsOf.size(); k++) {
            byStart[k] = new Attempt[startsOf.get(k).size()];
        }
        for (int n = 0; n < jobs.size(); n++) {
            byStart[jobs.get(n)[0]][jobs.get(n)[1]] = done.get(n);
        }
        List<Integer> order = java.util.stream.IntStream.range(0, firsts.size()).boxed().toList();
        // The assumptions' re-checks run side by side too.
        return Parallel.map(order, k -> best(firsts.get(k), startsOf.get(k), byStart[k]), options.workers());
    }

    private static Attempt attempt(Found f, Minimizer.Options caps, Minimizer.Shared shared) {
        long t0 = System.nanoTime();
        try {
            return new Attempt(Minimizer.minimize(f.c(), f.invariant(), caps, shared), false, System.nanoTime() - t0);
        } catch (OutOfMemoryError e) {
            // The searches' tables are garbage once this frame is left: the hunt goes on with the
            // case as found, which the listener has printed already.
            return new Attempt(new Minimizer.Result(f.c(), f.measure(), null, new Minimality(false, null, null, 0,
                    "not minimised: the minimal search ran out of memory (" + e.getMessage() + "); give Java "
                            + "more heap, e.g. RACETRACE_JAVA_OPTS=-Xmx8g"), 0), true, System.nanoTime() - t0);
        }
    }

    /** The smallest result over an invariant's starts in their order, up to the first that ran out of memory. */
    private static Finding best(Found first, List<Found> from, Attempt[] attempts) {
        Minimizer.Result best = null;
        Found bestFrom = null;
        boolean bestOom = false;
        long took = 0;
        for (int i = 0; i < from.size(); i++) {
            Attempt a = attempts[i];
            took += a.nanos();
            if (best == null || a.result().measure().compareTo(best.measure()) < 0) {
                best = a.result();
                bestFrom = from.get(i);
                bestOom = a.oom();
            }
            if (a.oom()) {
                break;
            }
        }
        return finding(first, bestFrom, from.size(), best, took, !bestOom);
    }

    private static Finding finding(Found first, Found from, int starts, Minimizer.Result m, long took,
            boolean withAssumptions) {
        return new Finding(first.invariant(), first.foundBy(), first.runs(), first.scenarios(), first.nanos(),
                first.measure(), new Finding.Start(from.foundBy(), plain(from.c()), from.measure(), from.runs(),
                        from.scenarios(), starts),
                plain(m.minimal()), m.measure(), plain(m.stepShortest()), m.minimality(), took, m.shrinkRuns(),
                withAssumptions ? assumptions(m.minimal(), first.invariant()) : List.of());
    }

    /**
     * The model's assumptions the minimal case depends on ({@link Assumptions}); a deadlock is
     * re-checked on the other values with the same deadlock check.
     */
    private static List<Assumptions.Dependence> assumptions(Case c, String invariant) {
        if (Deadlocks.isAdded(c.model(), invariant)) {
            return Assumptions.of(Deadlocks.base(c.model()), c.scenario(), invariant, Deadlocks::checked,
                    Limits.states(Assumptions.DEFAULT_MAX_STATES));
        }
        return Assumptions.of(plain(c), invariant);
    }

}
