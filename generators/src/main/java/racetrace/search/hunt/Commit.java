package racetrace.search.hunt;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import racetrace.engine.Invariant;
import racetrace.engine.Model;
import racetrace.search.Case;
import racetrace.search.Deadlocks;
import racetrace.search.hunt.Hunter.Found;
import racetrace.search.hunt.Hunter.Listener;
import racetrace.search.scope.Ladder;
import racetrace.search.scope.Rungs;
import racetrace.search.scope.Scope;

/** Takes unit results in order; keeps the budget, the findings and the evidence. */
final class Commit {
    private final Model<?> model;
    private final HuntOptions options;
    private final Rungs ladder;
    private final long start;
    private final long deadline;
    private final Listener listener;
    private long nextProgress;
    final Map<String, Found> found = new LinkedHashMap<>();
    /** Findings of the unit being taken, and those of the last one, told once the units are stopped. */
    private final List<Found> fresh = new ArrayList<>();
    final List<Found> deferred = new ArrayList<>();
    /** The model's own invariants (without the deadlock check). */
    private final List<String> own;
    /** Units committed (not dropped): the same sequence whatever the number of workers. */
    private long committed;
    boolean capped;
    private Unit.Scope lastScope;
    long runs;
    private long scenarios;
    private long states;
    long deadlocks;
    Case firstDeadlock;
    long stepLimits;
    long notices;
    String firstNotice;
    private boolean stop;
    private int doneLevel;
    private long doneLevelScenarios;
    private long doneLevelStates;
    private boolean levelClean = true;
    /** Why the first exploration of the current level that did not end stopped, or null. */
    private String levelIncomplete;
    /** The same for the first level left unproven, and that level. */
    private String firstIncomplete;
    private int incompleteLevel;
    private long levelStates;
    private long levelScenarios;
    private long scopeStates;
    private long swarmExplored;
    private long swarmScenarios;
    private long swarmStates;
    /** The work taken, by kind. */
    private final Map<WorkDone.Kind, WorkDone> work = new EnumMap<>(WorkDone.Kind.class);

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

    /**
     * Whether {@code take} is sure to drop this unit's result, whatever it holds: its budget is
     * spent, or the hunt is over. Both only ever turn true, so a worker may skip the rest of such a
     * unit (planned ahead of the commit) without changing what the hunt reports. Read from the
     * workers' threads, hence the volatile copies.
     */
    boolean dropsAnyway(Unit u) {
        return stopSeen || u instanceof Unit.Scope s && !s.defaultScope() && ladderSpent
                || u instanceof Unit.Swarm && swarmSpent;
    }

    private volatile boolean ladderSpent;
    private volatile boolean swarmSpent;
    private volatile boolean stopSeen;

    boolean take(UnitResult r) {
        boolean kept = takeUnit(r);
        ladderSpent = scopeExhausted();
        swarmSpent = swarmExhausted();
        stopSeen = stop;
        return kept;
    }

    private boolean takeUnit(UnitResult r) {
        long now = System.nanoTime();
        boolean dropped = r.unit instanceof Unit.Scope s && !s.defaultScope() && scopeExhausted()
                || r.unit instanceof Unit.Swarm && swarmExhausted();
        if (!dropped) {
            committed++;
            WorkDone.Kind kind = WorkDone.Kind.of(r.unit);
            work.put(kind, work.getOrDefault(kind, new WorkDone(kind, 0, 0, 0, 0, 0)).plus(r));
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
                    fresh.add(new Found(hunt.invariant(), Hunter.plain(hunt.c()), hunt.measure(), hunt.foundBy(),
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

    /** The work taken, by kind, in the kinds' order (kinds with no unit left out). */
    List<WorkDone> work() {
        return List.copyOf(work.values());
    }

    Evidence evidence() {
        return new Evidence(ladder.scope(doneLevel), doneLevelScenarios, doneLevelStates,
                runs, swarmScenarios, swarmStates, levelScenarios);
    }
}
