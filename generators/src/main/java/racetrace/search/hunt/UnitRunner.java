package racetrace.search.hunt;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import racetrace.engine.Execution;
import racetrace.engine.Invariant;
import racetrace.engine.Model;
import racetrace.engine.Outcome;
import racetrace.engine.Scenario;
import racetrace.search.Case;
import racetrace.search.HeapGuard;
import racetrace.search.RandomCases;
import racetrace.search.ScenarioGenerator;
import racetrace.search.Shrinker;
import racetrace.search.explore.Exploration;
import racetrace.search.explore.Limits;
import racetrace.search.explore.StateSpace;
import racetrace.search.scope.Rungs;

/**
 * Runs one unit of a hunt on whichever worker the pipeline gives it: random runs, the
 * explorations of a scope's graphs or scenarios, or swarm scenarios. What a unit does is a pure
 * function of the unit, the options and the instance's seed (only the time cap cuts it short).
 */
final class UnitRunner {

    /** States one ladder scenario may reach; one that reaches more leaves its scope unproven. */
    static final long SCOPE_SCENARIO_CAP = 1_000_000;
    /** States one state graph of a scope may reach (its threads choose ops: many scenarios in one). */
    static final long SCOPE_GRAPH_CAP = 50_000_000;
    /** States one swarm scenario may reach before the unit moves on. */
    static final long SWARM_SCENARIO_CAP = 30_000;

    private UnitRunner() {
    }

    private static Random random(long instanceSeed, String kind, long index) {
        return new Random(racetrace.engine.Fingerprint.mix(instanceSeed ^ kind.hashCode(), index));
    }

    /**
     * Does one unit. A unit past the hunt's time cap stops where it is (its explorations then
     * count as incomplete): only the clock, which already makes such a hunt inconclusive, cuts a
     * unit short. {@code dropped} says that the commit will drop this unit's result whatever it
     * holds (it was planned ahead and its budget is spent since): the rest of it is skipped, which
     * changes nothing the hunt reports and saves the cores for the units it keeps.
     */
    static <S> UnitResult run(Model<S> model, Unit unit, HuntOptions options, long instanceSeed,
            double stepsPerOp, long deadline, BooleanSupplier dropped) {
        long t0 = System.nanoTime();
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
            for (int i = 0; i < u.scenarios().size() && !dropped.getAsBoolean(); i++) {
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
            for (int i = 0; i < u.count() && !dropped.getAsBoolean(); i++) {
                // Small scripts mostly (1 op per thread 5/9 of the time, 2 ops 3/9, 3 ops 1/9):
                // the exploration covers every interleaving, and states grow fast with ops.
                int opsCap = 1 + Math.min(random.nextInt(3), random.nextInt(3));
                Scenario s = ScenarioGenerator.generate(model.space(), random, opsCap);
                int index = i;
                withinMemory(r, () -> explore(model, r, s, SWARM_SCENARIO_CAP, "swarm", index, deadline));
            }
        }
        r.nanos = System.nanoTime() - t0;
        return r;
    }

    /**
     * One exploration under the {@link HeapGuard}: when the heap runs short it stops as not
     * explored to the end (the heap, like the clock, is a cap: what it cuts backs no held verdict),
     * instead of the whole hunt dying with what it found. An out-of-memory error the guard did not
     * see coming counts the same: the exploration's tables are garbage once it is left.
     */
    private static void withinMemory(UnitResult r, Runnable exploration) {
        boolean earlier = r.firstIncomplete != null;
        long explored = r.scenarios;
        long complete = r.completeScenarios;
        try (HeapGuard.Entry guard = HeapGuard.enter()) {
            try {
                exploration.run();
            } catch (IllegalStateException interrupted) {
                // The explorer's wait for its workers, interrupted by the guard: stopped, not broken.
                if (!guard.stopped()) {
                    throw interrupted;
                }
            }
            if (guard.stopped() && r.completeScenarios == complete) {
                if (r.scenarios == explored) {
                    r.scenarios++;
                }
                if (!earlier) {
                    r.firstIncomplete = HeapGuard.reason();
                }
            }
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
        Exploration x = StateSpace.explore(model, s, limits);
        for (Map.Entry<String, Case> v : x.violations().entrySet()) {
            Replays.check(model, v.getValue(), v.getKey(), "the exploration of " + s);
        }
        noted(r, x, foundBy, index);
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
            // A path of the graph is a run of its scenario: one that ends otherwise is the model's
            // fault if it is not deterministic, else racetrace's bug.
            Replays.check(model, v.getValue(), v.getKey(), "the state graph of " + plan);
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
}
