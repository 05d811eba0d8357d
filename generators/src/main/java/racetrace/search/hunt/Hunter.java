package racetrace.search.hunt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import racetrace.engine.Execution;
import racetrace.engine.Invariant;
import racetrace.engine.Model;
import racetrace.engine.Outcome;
import racetrace.engine.Scenario;
import racetrace.search.Assumptions;
import racetrace.search.Case;
import racetrace.search.Minimizer;
import racetrace.search.Parallel;
import racetrace.search.RandomCases;
import racetrace.search.RunLength;
import racetrace.search.ScenarioGenerator;
import racetrace.search.Shrinker;
import racetrace.search.explore.Exploration;
import racetrace.search.explore.Limits;
import racetrace.search.explore.StateSpace;
import racetrace.search.scope.Rungs;

/**
 * Hunts one instance with a portfolio of strategies: random runs (uniform and PCT), every
 * scenario of growing scopes explored exhaustively, and random scenarios explored exhaustively
 * (swarm). The work is cut into units planned in a fixed order and taken in that order, whatever
 * core computed them, so a hunt bounded by work is deterministic for a seed on any machine.
 * Every unit checks every invariant; the first unit (in order) to violate one gives its finding,
 * which is then shrunk to the minimal case {@link Minimizer} can prove.
 */
public final class Hunter {

    /** Told about progress on long hunts. */
    public interface Progress {
        void update(Model<?> model, long tries, long states, long millis);
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

    private Hunter() {
    }

    /** The random source of an instance: independent of which other instances are hunted. */
    static long seedFor(Model<?> model, long seed) {
        return seed * 0x9E3779B97F4A7C15L ^ model.instance().toString().hashCode();
    }

    private static Random random(long instanceSeed, String kind, long index) {
        return new Random(racetrace.engine.Fingerprint.mix(instanceSeed ^ kind.hashCode(), index));
    }

    public static HuntResult hunt(Model<?> model, HuntOptions options, Progress progress) {
        return huntTyped(model, options, progress);
    }

    private static <S> HuntResult huntTyped(Model<S> model, HuntOptions options, Progress progress) {
        long start = System.nanoTime();
        long deadline = start + (long) (options.seconds() * 1e9);
        long instanceSeed = seedFor(model, options.seed());
        Strategy strategy = options.strategy();
        double stepsPerOp = RunLength.stepsPerOp(model);
        Rungs ladder = new Rungs(model, options.maxScope(), MAX_LEVEL_SCENARIOS);
        Planner planner = new Planner(options, ladder);
        Commit commit = new Commit(model, options, ladder, start, deadline, progress);

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

        List<Finding> findings = new ArrayList<>();
        Minimizer.Shared shared = new Minimizer.Shared();
        for (Map.Entry<String, UnitResult.Found> e : commit.found.entrySet()) {
            UnitResult.Found f = e.getValue();
            if (options.firstOnly()) {
                findings.add(new Finding(e.getKey(), f.foundBy(), f.runsBefore(), f.scenariosBefore(),
                        commit.foundAt.get(e.getKey()), f.measure(), f.c(), f.measure(), null,
                        new racetrace.search.Minimality(false, null, null, 0, "not shrunk (first only)"), 0, 0,
                        List.of()));
                continue;
            }
            long t0 = System.nanoTime();
            Minimizer.Result m = Minimizer.minimize(f.c(), e.getKey(),
                    new Minimizer.Options(500_000, 50_000, options.workers()), shared);
            long took = System.nanoTime() - t0;
            findings.add(new Finding(e.getKey(), f.foundBy(), f.runsBefore(), f.scenariosBefore(),
                    commit.foundAt.get(e.getKey()), f.measure(), m.minimal(), m.measure(), m.stepShortest(),
                    m.minimality(), took, m.shrinkRuns(), Assumptions.of(m.minimal(), e.getKey())));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new HuntResult(model, options.seed(), strategy, commit.runs, millis, List.copyOf(findings),
                commit.evidence(), commit.deadlocks, commit.firstDeadlock, commit.stepLimits, commit.notices,
                commit.firstNotice, commit.cutShort);
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
            this.randomUnits = s.random() ? options.tries() : 0;
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
                if (kind == 2 && options.strategy().swarm() && !swarmExhausted) {
                    return new Unit.Swarm(swarmNext++, SCENARIOS_PER_SWARM_UNIT);
                }
            }
            return null;
        }

        private Unit nextScope() {
            while (true) {
                List<Rungs.Item> scenarios = ladder.rung(level);
                if (scenarios == null) {
                    ladderEnded = true;
                    return null;
                }
                if (scenarios.isEmpty()) {
                    // A level with no scenario (the model's smallest scenario is larger) is explored at
                    // once: without a unit of its own it would never count as done, nor any level after it.
                    Unit u = new Unit.Scope(level, 0, List.of(), true, ladder.scope(level));
                    level++;
                    levelOffset = 0;
                    return u;
                }
                if (levelOffset < scenarios.size()) {
                    // A state graph is a unit of its own; scenarios go a few at a time.
                    int size = scenarios.get(levelOffset) instanceof Rungs.Graph ? 1
                            : levelOffset == 0 ? 8 : SCENARIOS_PER_SCOPE_UNIT;
                    int to = Math.min(scenarios.size(), levelOffset + size);
                    Unit u = new Unit.Scope(level, levelOffset, scenarios.subList(levelOffset, to),
                            to == scenarios.size(), ladder.scope(level));
                    levelOffset = to;
                    return u;
                }
                level++;
                levelOffset = 0;
            }
        }
    }

    /**
     * Does one unit. A unit past the hunt's time limit stops where it is (its explorations then
     * count as incomplete): only the clock, which already makes such a hunt non-deterministic,
     * cuts a unit short.
     */
    private static <S> UnitResult run(Model<S> model, Unit unit, HuntOptions options, long instanceSeed,
            double stepsPerOp, long deadline) {
        UnitResult r = new UnitResult(unit);
        List<Invariant<S>> all = model.invariants();
        if (unit instanceof Unit.Random u) {
            Random random = random(instanceSeed, "random", u.index());
            // The hunt's first run is made whatever the clock says: a verdict rests on at least one.
            for (int i = 0; i < u.count() && (u.from() + i == 0 || System.nanoTime() < deadline); i++) {
                RandomCases.Attempt<S> a = strategyAttempt(model, all, options, stepsPerOp, random);
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
                if (item instanceof Rungs.Graph g) {
                    explore(model, r, g.plan(), SCOPE_GRAPH_CAP, "scope " + u.scope(), i, deadline);
                } else {
                    explore(model, r, ((Rungs.OneScenario) item).scenario(), SCOPE_SCENARIO_CAP,
                            "scope " + u.scope(), i, deadline);
                }
            }
        } else if (unit instanceof Unit.Swarm u) {
            Random random = random(instanceSeed, "swarm", u.index());
            for (int i = 0; i < u.count(); i++) {
                // Small scripts mostly (1 op per thread 5/9 of the time, 2 ops 3/9, 3 ops 1/9):
                // the exploration covers every interleaving, and states grow fast with ops.
                int opsCap = 1 + Math.min(random.nextInt(3), random.nextInt(3));
                Scenario s = ScenarioGenerator.generate(model.space(), random, opsCap);
                explore(model, r, s, SWARM_SCENARIO_CAP, "swarm", i, deadline);
            }
        }
        return r;
    }

    private static <S> RandomCases.Attempt<S> strategyAttempt(Model<S> model, List<Invariant<S>> all,
            HuntOptions options, double stepsPerOp, Random random) {
        RandomCases.Attempt<S> a;
        do {
            a = RandomCases.attempt(model, all, options.maxScheduleLength(), stepsPerOp, random);
            // A strategy that names one scheduler redraws until it gets it: the same random
            // stream as the mix, so a seed means the same scenarios whichever is chosen.
        } while (options.strategy() == Strategy.UNIFORM && !a.scheduler().equals("uniform")
                || options.strategy() == Strategy.PCT && !a.scheduler().equals("pct"));
        return a;
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
        long left = Math.max(1, deadline - System.nanoTime());
        noted(r, StateSpace.explore(model, s, Limits.of(cap, java.time.Duration.ofNanos(left))), foundBy, index);
    }

    /** Explores one state graph of a scope on every worker (its search does not depend on their number). */
    private static <S> void explore(Model<S> model, UnitResult r, racetrace.engine.OpPlan plan, long cap,
            String foundBy, int index, long deadline) {
        long left = Math.max(1, deadline - System.nanoTime());
        Limits limits = new Limits(cap, java.time.Duration.ofNanos(left), racetrace.search.Parallel.cores(), true);
        noted(r, StateSpace.explore(model, plan, null, limits, false), foundBy, index);
    }

    private static void noted(UnitResult r, Exploration x, String foundBy, int index) {
        r.scenarios++;
        r.states += x.distinctStates();
        if (x.complete()) {
            r.completeScenarios++;
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
        final Progress progress;
        long nextProgress;
        final Map<String, UnitResult.Found> found = new LinkedHashMap<>();
        final Map<String, Long> foundAt = new LinkedHashMap<>();
        final int invariants;
        long runs;
        long scenarios;
        long states;
        long deadlocks;
        Case firstDeadlock;
        long stepLimits;
        long notices;
        String firstNotice;
        String cutShort;
        boolean stop;
        int doneLevel;
        long doneLevelScenarios;
        long doneLevelStates;
        boolean levelClean = true;
        long levelStates;
        long levelScenarios;
        long scopeStates;
        long swarmExplored;
        long swarmScenarios;
        long swarmStates;

        Commit(Model<?> model, HuntOptions options, Rungs ladder, long start, long deadline, Progress progress) {
            this.model = model;
            this.options = options;
            this.ladder = ladder;
            this.start = start;
            this.deadline = deadline;
            this.progress = progress;
            this.nextProgress = start + 2_000_000_000L;
            this.invariants = model.invariants().size();
        }

        /** The ladder and the swarm each have their own budget: neither starves the other. */
        boolean scopeExhausted() {
            return scopeStates >= options.states();
        }

        boolean swarmExhausted() {
            return swarmExplored >= options.swarm();
        }

        boolean done() {
            return stop;
        }

        boolean take(UnitResult r) {
            long now = System.nanoTime();
            boolean dropped = r.unit instanceof Unit.Scope && scopeExhausted()
                    || r.unit instanceof Unit.Swarm && swarmExhausted();
            if (!dropped) {
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
                        found.put(e.getKey(), new UnitResult.Found(f.c(), f.measure(), f.foundBy(),
                                r.unit instanceof Unit.Random ? f.runsBefore() : runs,
                                scenarios - r.scenarios + f.scenariosBefore()));
                        foundAt.put(e.getKey(), now - start);
                    }
                }
                if (r.unit instanceof Unit.Scope s) {
                    scopeStates += r.states;
                    levelScenarios += r.scenarios;
                    levelStates += r.states;
                    levelClean &= r.completeScenarios == r.scenarios;
                    if (s.lastOfLevel()) {
                        if (levelClean && s.level() == doneLevel + 1) {
                            doneLevel = s.level();
                            doneLevelScenarios += levelScenarios;
                            doneLevelStates += levelStates;
                        }
                        levelScenarios = 0;
                        levelStates = 0;
                        levelClean = true;
                    }
                } else if (r.unit instanceof Unit.Swarm) {
                    swarmExplored += r.scenarios;
                    swarmScenarios += r.completeScenarios;
                    swarmStates += r.states;
                }
            }
            if (found.size() == invariants || options.firstOnly() && !found.isEmpty()) {
                stop = true;
            } else if (now > deadline) {
                cutShort = "cut short by the time limit of " + options.seconds() + " s";
                stop = true;
            }
            if (progress != null && now >= nextProgress) {
                progress.update(model, runs, states, (now - start) / 1_000_000);
                nextProgress = now + 2_000_000_000L;
            }
            return !stop;
        }

        Evidence evidence() {
            return new Evidence(ladder.scope(doneLevel), doneLevelScenarios, doneLevelStates,
                    runs, swarmScenarios, swarmStates, levelScenarios);
        }
    }
}
