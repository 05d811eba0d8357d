package racetrace.search.hunt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import racetrace.engine.Execution;
import racetrace.engine.Invariant;
import racetrace.engine.Measure;
import racetrace.engine.Model;
import racetrace.engine.Outcome;
import racetrace.engine.Scenario;
import racetrace.search.Assumptions;
import racetrace.search.Case;
import racetrace.search.Deadlocks;
import racetrace.search.Minimality;
import racetrace.search.Minimizer;
import racetrace.search.Parallel;
import racetrace.search.RandomCases;
import racetrace.search.RunLength;
import racetrace.search.ScenarioGenerator;
import racetrace.search.Shrinker;
import racetrace.search.explore.Exploration;
import racetrace.search.explore.Limits;
import racetrace.search.explore.StateSpace;
import racetrace.search.scope.Ladder;
import racetrace.search.scope.Rungs;
import racetrace.search.scope.Scope;

/**
 * Hunts one instance with a portfolio of strategies: random runs (uniform and PCT), every
 * scenario of growing scopes explored exhaustively, and random scenarios explored exhaustively
 * (swarm). The work is cut into units planned in a fixed order and taken in that order, whatever
 * core computed them, so a hunt bounded by work is deterministic for a seed on any machine.
 * Every unit checks every invariant, and deadlock ({@link Deadlocks}); the first unit (in order)
 * to violate one gives its finding, which is handed to the listener as found, then shrunk to the
 * minimal case {@link Minimizer} can prove.
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
            long nanos) {
    }

    static final int RUNS_PER_UNIT = 250;
    static final int SCENARIOS_PER_SCOPE_UNIT = 48;
    static final int SCENARIOS_PER_SWARM_UNIT = 2;
    /** States one ladder scenario may reach; one that reaches more leaves its scope unproven. */
    static final long SCOPE_SCENARIO_CAP = 1_000_000;
    /** States one state graph of a scope may reach (its threads choose ops: many scenarios in one). */
    static final long SCOPE_GRAPH_CAP = 50_000_000;
    /** States one swarm scenario may reach before the unit moves on. */
    static final long SWARM_SCENARIO_CAP = 30_000;
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

    private static Random random(long instanceSeed, String kind, long index) {
        return new Random(racetrace.engine.Fingerprint.mix(instanceSeed ^ kind.hashCode(), index));
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
            return (Supplier<UnitResult>) () -> run(model, u, options, instanceSeed, stepsPerOp, deadline);
        }, options.workers(), commit::take);
        commit.deferred.forEach(f -> listener.found(Deadlocks.base(model), f));

        Cap cutBy = commit.capped && !commit.allFound() && commit.workLeft(ladder) ? options.cap() : null;
        Shortfall.ScopeShort scopeShort = commit.allFound() || cutBy != null ? null : commit.scopeShort(ladder);
        Evidence evidence = commit.evidence();
        Shortfall shortfall = cutBy == null && scopeShort == null && !evidence.empty() ? null
                : new Shortfall(cutBy, scopeShort, evidence.empty());

        List<Finding> findings = new ArrayList<>();
        Minimizer.Shared shared = new Minimizer.Shared();
        for (Map.Entry<String, Found> e : commit.found.entrySet()) {
            findings.add(minimise(e.getValue(), options, deadline, shared));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new HuntResult(Deadlocks.base(model), options.seed(), options.strategy(), commit.runs, millis,
                List.copyOf(findings), evidence, commit.deadlocks, plain(commit.firstDeadlock), commit.stepLimits,
                commit.notices, commit.firstNotice, cutBy, shortfall);
    }

    /**
     * The minimal case of a finding, within the minimiser's caps, the hunt's time cap and the
     * memory there is: a minimisation that runs out of either keeps the case as found (already
     * reported to the listener) and says so.
     */
    private static Finding minimise(Found f, HuntOptions options, long deadline, Minimizer.Shared shared) {
        if (options.firstOnly()) {
            return new Finding(f.invariant(), f.foundBy(), f.runs(), f.scenarios(), f.nanos(),
                    f.measure(), plain(f.c()), f.measure(), null, new Minimality(false, null, null, 0,
                            "not shrunk (first only)"), 0, 0, List.of());
        }
        long t0 = System.nanoTime();
        Minimizer.Result m;
        try {
            m = Minimizer.minimize(f.c(), f.invariant(),
                    new Minimizer.Options(MINIMISE_PAIRS, MINIMISE_SCENARIOS, options.workers(), deadline), shared);
        } catch (OutOfMemoryError oom) {
            // The searches' tables are garbage once this frame is left: the hunt goes on with the
            // case as found, which the listener has printed already.
            m = new Minimizer.Result(f.c(), f.measure(), null, new Minimality(false, null, null, 0,
                    "not minimised: the minimal search ran out of memory (" + oom.getMessage() + "); give Java more "
                            + "heap, e.g. RACETRACE_JAVA_OPTS=-Xmx8g"), 0);
            long took = System.nanoTime() - t0;
            return new Finding(f.invariant(), f.foundBy(), f.runs(), f.scenarios(), f.nanos(), f.measure(),
                    plain(f.c()), f.measure(), null, m.minimality(), took, 0, List.of());
        }
        long took = System.nanoTime() - t0;
        return new Finding(f.invariant(), f.foundBy(), f.runs(), f.scenarios(), f.nanos(), f.measure(),
                plain(m.minimal()), m.measure(), plain(m.stepShortest()), m.minimality(), took, m.shrinkRuns(),
                assumptions(m.minimal(), f.invariant()));
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

    /** The fixed order of units: random, scope, swarm in turn, each kind while it lasts. */
    private static final class Planner {
        private final HuntOptions options;
        private final Rungs ladder;
        /** Random runs the hunt may make in all. */
        private final long randomUnits;
        private int randomNext;
        private int level = 1;
        private int levelOffset;
        private boolean ladderEnded;
        private int swarmNext;
        private int turn;

        private long randomFrom;

        Planner(HuntOptions options, Rungs ladder) {
            this.options = options;
            this.ladder = ladder;
            Strategy s = options.strategy();
            this.randomUnits = s.random() ? options.work().tries() : 0;
            this.ladderEnded = !s.scope();
        }

        /**
         * Units start small and grow to their full size, so that a bug found in the first few
         * runs is reported without waiting for a full unit (a fixed function of the index).
         */
        static int runsInUnit(int index) {
            return index >= 4 ? RUNS_PER_UNIT : Math.min(RUNS_PER_UNIT, 32 << index);
        }

        /**
         * The next unit, or null when there is none. Once the exhaustive budget is spent (a fact
         * that, once true, stays true) scope and swarm units are no longer planned: the commit
         * would drop them anyway, so skipping them changes nothing but the time.
         */
        Unit next(boolean scopeExhausted, boolean swarmExhausted) {
            for (int tried = 0; tried < 3; tried++) {
                int kind = turn++ % 3;
                if (kind == 0 && randomFrom < randomUnits) {
                    int count = (int) Math.min(runsInUnit(randomNext), randomUnits - randomFrom);
                    Unit u = new Unit.Random(randomNext++, randomFrom, count);
                    randomFrom += count;
                    return u;
                }
                if (kind == 1 && !ladderEnded && !scopeExhausted) {
                    Unit u = nextScope();
                    if (u != null) {
                        return u;
                    }
                }
                // Once the rungs hold every scenario of the model, a random scenario is one of them:
                // the swarm would explore again what the scope units explore.
                if (kind == 2 && options.strategy().swarm() && !swarmExhausted
                        && !(ladderEnded && ladder.coversModel())) {
                    return new Unit.Swarm(swarmNext++, SCENARIOS_PER_SWARM_UNIT);
                }
            }
            return null;
        }

        private Unit nextScope() {
            while (true) {
                // Rungs are never empty: a ladder level with nothing new is skipped (Rungs).
                List<Rungs.Item> scenarios = ladder.rung(level);
                if (scenarios == null) {
                    ladderEnded = true;
                    return null;
                }
                if (levelOffset < scenarios.size()) {
                    // A state graph is a unit of its own; scenarios go a few at a time.
                    int size = scenarios.get(levelOffset) instanceof Rungs.Graph ? 1
                            : levelOffset == 0 ? 8 : SCENARIOS_PER_SCOPE_UNIT;
                    int to = Math.min(scenarios.size(), levelOffset + size);
                    Unit u = new Unit.Scope(level, levelOffset, scenarios.subList(levelOffset, to),
                            to == scenarios.size(), ladder.scope(level), ladder.level(level) == 0 && ladder.hasDefault());
                    levelOffset = to;
                    return u;
                }
                level++;
                levelOffset = 0;
            }
        }
    }

    /**
     * Does one unit. A unit past the hunt's time cap stops where it is (its explorations then
     * count as incomplete): only the clock, which already makes such a hunt inconclusive, cuts a
     * unit short.
     */
    private static <S> UnitResult run(Model<S> model, Unit unit, HuntOptions options, long instanceSeed,
            double stepsPerOp, long deadline) {
        UnitResult r = new UnitResult(unit);
        List<Invariant<S>> all = model.invariants();
        if (unit instanceof Unit.Random u) {
            Random random = random(instanceSeed, "random", u.index());
            // The hunt's first run is made whatever the clock says: a verdict rests on at least one.
            for (int i = 0; i < u.count() && (u.from() + i == 0 || System.nanoTime() < deadline); i++) {
                RandomCases.Attempt<S> a = RandomCases.attempt(model, all, options.strategy().runs(),
                        options.maxScheduleLength(), stepsPerOp, random);
                Execution<S> ex = a.execution();
                r.runs++;
                for (String inv : ex.violations().keySet()) {
                    if (!r.found.containsKey(inv)) {
                        Case c = a.caseFor(inv);
                        r.found.put(inv, new UnitResult.Found(c, c.check(List.of(inv)).measure(), a.scheduler(),
                                u.from() + i + 1, 0));
                    }
                }
                note(r, ex, a.c());
            }
        } else if (unit instanceof Unit.Scope u) {
            for (int i = 0; i < u.scenarios().size(); i++) {
                Rungs.Item item = u.scenarios().get(i);
                int index = i;
                withinMemory(r, () -> {
                    if (item instanceof Rungs.Graph g) {
                        explore(model, r, g.plan(), options.workers(),
                                u.defaultScope() ? SCOPE_GRAPH_CAP : Math.max(1, options.work().states()),
                                "scope " + u.scope(), index, deadline);
                    } else {
                        explore(model, r, ((Rungs.OneScenario) item).scenario(), SCOPE_SCENARIO_CAP,
                                "scope " + u.scope(), index, deadline);
                    }
                });
            }
        } else if (unit instanceof Unit.Swarm u) {
            Random random = random(instanceSeed, "swarm", u.index());
            for (int i = 0; i < u.count(); i++) {
                // Small scripts mostly (1 op per thread 5/9 of the time, 2 ops 3/9, 3 ops 1/9):
                // the exploration covers every interleaving, and states grow fast with ops.
                int opsCap = 1 + Math.min(random.nextInt(3), random.nextInt(3));
                Scenario s = ScenarioGenerator.generate(model.space(), random, opsCap);
                int index = i;
                withinMemory(r, () -> explore(model, r, s, SWARM_SCENARIO_CAP, "swarm", index, deadline));
            }
        }
        return r;
    }

    /**
     * One exploration, which may run out of memory: its tables are garbage once it is left, so the
     * hunt goes on and counts it as not explored to the end (the heap, like the clock, is a cap:
     * what it cuts backs no held verdict), instead of the whole hunt dying with what it found.
     */
    private static void withinMemory(UnitResult r, Runnable exploration) {
        try {
            exploration.run();
        } catch (OutOfMemoryError oom) {
            r.scenarios++;
            if (r.firstIncomplete == null) {
                r.firstIncomplete = "out of memory (Java heap of " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                        + " MB); give Java more heap, e.g. RACETRACE_JAVA_OPTS=-Xmx8g";
            }
        }
    }

    private static void note(UnitResult r, Execution<?> ex, Case c) {
        if (ex.firstNotice() != null) {
            if (r.notices++ == 0) {
                r.firstNotice = ex.firstNotice();
            }
        }
        Outcome o = ex.outcome();
        if (o instanceof Outcome.Deadlock) {
            if (r.deadlocks++ == 0) {
                r.firstDeadlock = c.withSchedule(Shrinker.trimTail(ex.executed()));
            }
        } else if (o instanceof Outcome.StepLimit) {
            r.stepLimits++;
        }
    }

    private static <S> void explore(Model<S> model, UnitResult r, Scenario s, long cap, String foundBy, int index,
            long deadline) {
        Limits limits = deadline == Long.MAX_VALUE ? Limits.states(cap)
                : Limits.of(cap, java.time.Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        noted(r, StateSpace.explore(model, s, limits), foundBy, index);
    }

    /**
     * Explores one state graph of a scope on the hunt's workers (its search does not depend on
     * their number).
     */
    private static <S> void explore(Model<S> model, UnitResult r, racetrace.engine.OpPlan plan, int workers,
            long states, String foundBy, int index, long deadline) {
        java.time.Duration left = deadline == Long.MAX_VALUE ? null
                : java.time.Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
        // A graph may hold many scenarios: capped at the ladder's whole budget as well, so one unit
        // cannot run far past it (the cap is a fixed number: the same graphs complete on every machine).
        // Symmetry of interchangeable threads: the same violations and shortest lengths (SymmetryTest).
        Limits limits = new Limits(Math.min(SCOPE_GRAPH_CAP, states), left, workers, true);
        // The model with the deadlock check: its op choice and packed states are the model's own.
        Exploration x = StateSpace.explore(model, plan, null, limits, false);
        for (Map.Entry<String, Case> v : x.violations().entrySet()) {
            Case c = v.getValue();
            if (!(c.check(List.of(v.getKey())).outcome() instanceof Outcome.Violated o
                    && o.invariant().equals(v.getKey()))) {
                // A path of the graph is a run of its scenario: one that ends otherwise is racetrace's bug.
                throw new IllegalStateException("the counterexample of " + v.getKey() + " found in the "
                        + "state graph of " + plan + " does not replay as its scenario: " + c.scenario() + " "
                        + c.schedule());
            }
        }
        noted(r, x, foundBy, index);
    }

    private static void noted(UnitResult r, Exploration x, String foundBy, int index) {
        r.scenarios++;
        r.states += x.distinctStates();
        if (x.complete()) {
            r.completeScenarios++;
        } else if (r.firstIncomplete == null) {
            r.firstIncomplete = x.stopReason();
        }
        for (Map.Entry<String, Case> v : x.violations().entrySet()) {
            if (!r.found.containsKey(v.getKey())) {
                Case c = v.getValue();
                r.found.put(v.getKey(), new UnitResult.Found(c, c.check(List.of(v.getKey())).measure(), foundBy, 0,
                        index + 1));
            }
        }
        r.deadlocks += x.deadlocks();
        if (r.firstDeadlock == null && x.firstDeadlock() != null) {
            r.firstDeadlock = x.firstDeadlock();
        }
        if (x.notices() > 0) {
            if (r.notices == 0 && x.firstNotice() != null) {
                r.firstNotice = "give-up reached in " + x.firstNotice();
            }
            r.notices += x.notices();
        }
    }

    /** Takes unit results in order; keeps the budget, the findings and the evidence. */
    private static final class Commit {
        final Model<?> model;
        final HuntOptions options;
        final Rungs ladder;
        final long start;
        final long deadline;
        final Listener listener;
        long nextProgress;
        final Map<String, Found> found = new LinkedHashMap<>();
        /** Findings of the unit being taken, and those of the last one, told once the units are stopped. */
        private final List<Found> fresh = new ArrayList<>();
        final List<Found> deferred = new ArrayList<>();
        /** The model's own invariants (without the deadlock check). */
        final List<String> own;
        /** Units committed (not dropped): the same sequence whatever the number of workers. */
        long committed;
        boolean capped;
        Unit.Scope lastScope;
        long runs;
        long scenarios;
        long states;
        long deadlocks;
        Case firstDeadlock;
        long stepLimits;
        long notices;
        String firstNotice;
        boolean stop;
        int doneLevel;
        long doneLevelScenarios;
        long doneLevelStates;
        boolean levelClean = true;
        /** Why the first exploration of the current level that did not end stopped, or null. */
        String levelIncomplete;
        /** The same for the first level left unproven, and that level. */
        String firstIncomplete;
        int incompleteLevel;
        long levelStates;
        long levelScenarios;
        long scopeStates;
        long swarmExplored;
        long swarmScenarios;
        long swarmStates;

        Commit(Model<?> model, HuntOptions options, Rungs ladder, long start, long deadline, Listener listener) {
            this.model = model;
            this.options = options;
            this.ladder = ladder;
            this.start = start;
            this.deadline = deadline;
            this.listener = listener;
            this.nextProgress = start + 2_000_000_000L;
            this.own = model.invariants().stream().map(Invariant::name)
                    .filter(n -> !Deadlocks.isAdded(model, n)).toList();
        }

        /** The ladder and the swarm each have their own budget: neither starves the other. */
        boolean scopeExhausted() {
            return scopeStates >= options.work().states();
        }

        boolean swarmExhausted() {
            return swarmExplored >= options.work().swarm();
        }

        boolean done() {
            return stop;
        }

        /**
         * Whether the hunt may stop: every invariant of the model's own has a counterexample (the
         * verdict is violated, as TLC stops at its first error: a deadlock is then not hunted
         * for on its own), or a deadlock of a model that has no invariant, or the first finding
         * when that is all that is asked.
         */
        boolean allFound() {
            return !found.isEmpty() && (found.keySet().containsAll(own) || options.firstOnly());
        }

        boolean take(UnitResult r) {
            long now = System.nanoTime();
            boolean dropped = r.unit instanceof Unit.Scope && scopeExhausted()
                    || r.unit instanceof Unit.Swarm && swarmExhausted();
            if (!dropped) {
                committed++;
                runs += r.runs;
                scenarios += r.scenarios;
                states += r.states;
                deadlocks += r.deadlocks;
                if (firstDeadlock == null) {
                    firstDeadlock = r.firstDeadlock;
                }
                stepLimits += r.stepLimits;
                if (notices == 0 && r.firstNotice != null) {
                    firstNotice = r.firstNotice;
                }
                notices += r.notices;
                for (Map.Entry<String, UnitResult.Found> e : r.found.entrySet()) {
                    if (!found.containsKey(e.getKey())) {
                        UnitResult.Found f = e.getValue();
                        // Make the counts hunt-wide: work before this unit plus within it.
                        Found hunt = new Found(e.getKey(), f.c(), f.measure(), f.foundBy(),
                                r.unit instanceof Unit.Random ? f.runsBefore() : runs,
                                scenarios - r.scenarios + f.scenariosBefore(), now - start);
                        found.put(e.getKey(), hunt);
                        fresh.add(new Found(hunt.invariant(), plain(hunt.c()), hunt.measure(), hunt.foundBy(),
                                hunt.runs(), hunt.scenarios(), hunt.nanos()));
                    }
                }
                if (r.unit instanceof Unit.Scope s) {
                    lastScope = s;
                    // The default scope is work of its own, always done; --states budgets the ladder after it.
                    if (!s.defaultScope()) {
                        scopeStates += r.states;
                    }
                    levelScenarios += r.scenarios;
                    levelStates += r.states;
                    levelClean &= r.completeScenarios == r.scenarios;
                    if (levelIncomplete == null && r.firstIncomplete != null) {
                        levelIncomplete = r.firstIncomplete;
                    }
                    if (s.lastOfLevel()) {
                        if (levelClean && s.level() == doneLevel + 1) {
                            doneLevel = s.level();
                            doneLevelScenarios += levelScenarios;
                            doneLevelStates += levelStates;
                        } else if (firstIncomplete == null && levelIncomplete != null) {
                            firstIncomplete = levelIncomplete;
                            incompleteLevel = s.level();
                        }
                        levelScenarios = 0;
                        levelStates = 0;
                        levelClean = true;
                        levelIncomplete = null;
                    }
                } else if (r.unit instanceof Unit.Swarm) {
                    swarmExplored += r.scenarios;
                    swarmScenarios += r.completeScenarios;
                    swarmStates += r.states;
                }
            }
            if (allFound()) {
                stop = true;
            } else if (capReached(now)) {
                capped = true;
                stop = true;
            }
            // Told now, while the hunt goes on; at its end, after the units still running have been
            // stopped (Parallel.pipeline interrupts them), so that printing a finding never competes
            // for the heap with an exploration whose result is dropped anyway.
            if (stop) {
                deferred.addAll(fresh);
            } else {
                fresh.forEach(f -> listener.found(Deadlocks.base(model), f));
            }
            fresh.clear();
            if (now >= nextProgress) {
                listener.progress(model, runs, states, (now - start) / 1_000_000);
                nextProgress = now + 2_000_000_000L;
            }
            return !stop;
        }

        private boolean capReached(long now) {
            return options.cap() instanceof Cap.Seconds ? now > deadline
                    : options.cap() instanceof Cap.Units u && committed >= u.units();
        }

        /**
         * Whether any of the work is left after the units committed: random runs not made, swarm
         * scenarios not explored, ladder scenarios not explored within the ladder's states. Asked
         * of the commit, not of the planner, which plans ahead of it.
         */
        boolean workLeft(Rungs ladder) {
            Strategy s = options.strategy();
            if (s.random() && runs < options.work().tries()
                    || s.swarm() && !swarmExhausted() && !(s.scope() && ladder.coversModel())) {
                return true;
            }
            if (!s.scope() || scopeExhausted()) {
                return false;
            }
            if (lastScope != null && !lastScope.lastOfLevel()) {
                return true;
            }
            for (int level = lastScope == null ? 1 : lastScope.level() + 1; ; level++) {
                List<Rungs.Item> next = ladder.rung(level);
                if (next == null) {
                    return false;
                }
                if (!next.isEmpty()) {
                    return true;
                }
            }
        }

        /**
         * Why the scope the work asked for was not completed, or null when it was (or none was
         * asked for: the ladder then goes as far as its states go, and that is its work).
         */
        Shortfall.ScopeShort scopeShort(Rungs ladder) {
            int wanted = options.work().scope();
            if (!options.strategy().scope()) {
                return null;
            }
            // The default scope (rung 1 when the model names one) is always part of the work; a
            // requested scope threads<=n,ops<=n too.
            boolean defaultDone = !ladder.hasDefault() || doneLevel >= 1;
            boolean wantedDone = wanted == 0 || ladder.level(doneLevel) >= wanted
                    || ladder.coversModel() && doneLevel > 0 && ladder.rung(doneLevel + 1) == null;
            if (defaultDone && wantedDone) {
                return null;
            }
            Scope want = !defaultDone ? ladder.defaultScope() : Ladder.scopeOf(wanted);
            Scope at = ladder.scope(doneLevel + 1) == null ? want : ladder.scope(doneLevel + 1);
            if (firstIncomplete != null) {
                return new Shortfall.ScopeShort(want, Shortfall.ScopeShort.Reason.SCENARIO_NOT_EXPLORED,
                        ladder.scope(incompleteLevel), 0, firstIncomplete);
            }
            if (scopeExhausted()) {
                return new Shortfall.ScopeShort(want, Shortfall.ScopeShort.Reason.STATES_RAN_OUT, at,
                        options.work().states(), null);
            }
            if (ladder.endReason() != null) {
                return new Shortfall.ScopeShort(want, Shortfall.ScopeShort.Reason.LADDER_ENDED, at, 0,
                        ladder.endReason());
            }
            return new Shortfall.ScopeShort(want, Shortfall.ScopeShort.Reason.LADDER_STOPPED,
                    doneLevel == 0 ? want : ladder.scope(doneLevel), 0, null);
        }

        Evidence evidence() {
            return new Evidence(ladder.scope(doneLevel), doneLevelScenarios, doneLevelStates,
                    runs, swarmScenarios, swarmStates, levelScenarios);
        }
    }
}
