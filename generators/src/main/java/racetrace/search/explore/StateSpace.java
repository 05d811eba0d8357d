package racetrace.search.explore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import racetrace.engine.Invariant;
import racetrace.engine.Model;
import racetrace.engine.Scenario;
import racetrace.engine.Schedule;
import racetrace.engine.Transition;
import racetrace.search.Case;

/**
 * Exhaustive breadth-first search over every state of one scenario, as TLC's BFS does over the
 * spec: a visited set of 64-bit fingerprints ({@link Model#fingerprint}), every invariant checked
 * in every state, successors in thread order. Deterministic: the same model and scenario give the
 * same counts and cases. Violating states are expanded too, so the count is that of the whole
 * reachable space (compare it with TLC run without invariants).
 */
public final class StateSpace {

    private StateSpace() {
    }

    /** Explores with every invariant checked. */
    public static <S> Exploration explore(Model<S> model, Scenario scenario, Limits limits) {
        return explore(model, scenario, null, limits, false);
    }

    /**
     * Explores one scenario (already valid in the model's space).
     *
     * @param only the invariants to check, or null for all
     * @param stopWhenAllViolated stop as soon as each checked invariant has a violation (the search
     *     is then incomplete); otherwise the whole space is counted
     */
    public static <S> Exploration explore(Model<S> model, Scenario scenario, List<String> only, Limits limits,
            boolean stopWhenAllViolated) {
        return explore(model, scenario, only, limits, stopWhenAllViolated, null);
    }

    /**
     * The same, handing every distinct state, once, to {@code visitor} (e.g. to compare the state
     * space with TLC's state by state).
     */
    public static <S> Exploration explore(Model<S> model, Scenario scenario, List<String> only, Limits limits,
            boolean stopWhenAllViolated, java.util.function.Consumer<S> visitor) {
        long start = System.nanoTime();
        long deadline = limits.deadlineNanos(start);
        List<Invariant<S>> invariants = new ArrayList<>();
        for (Invariant<S> i : model.invariants()) {
            if (only == null || only.contains(i.name())) {
                invariants.add(i);
            }
        }
        if (limits.workers() > 1 && !stopWhenAllViolated && invariants.size() <= 63) {
            return ParallelStateSpace.explore(model, scenario, invariants, limits, visitor);
        }
        int n = scenario.threadCount();
        FingerprintTable seen = new FingerprintTable(1 << 12);
        FingerprintTable.Ints parent = new FingerprintTable.Ints();
        FingerprintTable.Ints thread = new FingerprintTable.Ints();
        Map<String, Case> violations = new LinkedHashMap<>();
        boolean[] found = new boolean[invariants.size()];
        int open = invariants.size();

        S init = start(model, scenario);
        seen.putIfAbsent(model.fingerprint(init), 0);
        if (visitor != null) {
            visitor.accept(init);
        }
        parent.add(-1);
        thread.add(-1);
        open -= check(model, scenario, invariants, found, violations, init, 0, parent, thread);

        List<S> level = new ArrayList<>();
        int[] levelIds = {0};
        level.add(init);
        long transitions = 0;
        long deadlocks = 0;
        long notices = 0;
        Case firstDeadlock = null;
        Case firstNotice = null;
        int depth = 0;
        String stop = null;
        if (stopWhenAllViolated && !invariants.isEmpty() && open == 0) {
            stop = "every invariant violated";
        }
        outer:
        while (stop == null && !level.isEmpty()) {
            List<S> next = new ArrayList<>();
            int[] nextIds = new int[16];
            int nextCount = 0;
            for (int i = 0; i < level.size(); i++) {
                S s = level.get(i);
                int id = levelIds[i];
                boolean any = false;
                for (int t = 0; t < n; t++) {
                    Transition<S> tr;
                    long fp;
                    try {
                        if (!model.enabled(s, t)) {
                            continue;
                        }
                        tr = model.step(s, t);
                        fp = model.fingerprint(tr.next());
                    } catch (RuntimeException | StackOverflowError | AssertionError e) {
                        throw failure(e, model, scenario, path(parent, thread, id), t, s);
                    }
                    any = true;
                    transitions++;
                    S succ = tr.next();
                    int newId = seen.size();
                    if (seen.putIfAbsent(fp, newId) >= 0) {
                        continue;
                    }
                    parent.add(id);
                    thread.add(t);
                    if (visitor != null) {
                        visitor.accept(succ);
                    }
                    if (tr.notice() != null && notices++ == 0) {
                        firstNotice = new Case(model, scenario, path(parent, thread, newId));
                    }
                    open -= check(model, scenario, invariants, found, violations, succ, newId, parent, thread);
                    if (nextCount == nextIds.length) {
                        nextIds = java.util.Arrays.copyOf(nextIds, nextCount * 2);
                    }
                    nextIds[nextCount++] = newId;
                    next.add(succ);
                    if (stopWhenAllViolated && !invariants.isEmpty() && open == 0) {
                        stop = "every invariant violated";
                        depth++;
                        break outer;
                    }
                    if (seen.size() >= limits.maxStates()) {
                        stop = "state cap " + limits.maxStates() + " reached";
                        depth++;
                        break outer;
                    }
                }
                if (!any && !allFinished(model, s, n)) {
                    if (deadlocks++ == 0) {
                        firstDeadlock = new Case(model, scenario, path(parent, thread, id));
                    }
                }
                if ((transitions & 0xFFF) == 0 && System.nanoTime() > deadline) {
                    stop = "time cap " + limits.maxTime() + " reached";
                    break outer;
                }
            }
            level = next;
            levelIds = nextIds;
            if (!next.isEmpty()) {
                depth++;
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Exploration(scenario, seen.size(), transitions, depth, stop == null, stop, violations, deadlocks,
                firstDeadlock, notices, firstNotice, millis);
    }

    private static <S> boolean allFinished(Model<S> model, S s, int n) {
        for (int t = 0; t < n; t++) {
            if (!model.finished(s, t)) {
                return false;
            }
        }
        return true;
    }

    /** The scenario's start state; the model's failure to make it, reported as its own. */
    static <S> S start(Model<S> model, Scenario scenario) {
        try {
            S init = model.initial(scenario);
            model.fingerprint(init);
            return init;
        } catch (RuntimeException | StackOverflowError | AssertionError e) {
            throw racetrace.engine.ModelFailure.of(e, model, scenario, Schedule.empty(), "initial", -1, null);
        }
    }

    /**
     * A call into the model that threw while expanding the state {@code path} reaches: the step of
     * thread {@code t} when it was stepping (the model's failure, with the run that reproduces it).
     */
    static RuntimeException failure(Throwable e, Model<?> model, Scenario scenario, Schedule path, int t, Object s) {
        int[] choices = java.util.Arrays.copyOf(path.toArray(), path.length() + 1);
        choices[path.length()] = t;
        return racetrace.engine.ModelFailure.of(e, model, scenario, Schedule.of(choices), "step", t, s);
    }

    /** Checks the invariants not yet violated; returns how many became violated. */
    private static <S> int check(Model<S> model, Scenario scenario, List<Invariant<S>> invariants, boolean[] found,
            Map<String, Case> violations, S s, int id, FingerprintTable.Ints parent, FingerprintTable.Ints thread) {
        int newly = 0;
        for (int k = 0; k < invariants.size(); k++) {
            boolean holds;
            try {
                holds = found[k] || invariants.get(k).holds(s);
            } catch (RuntimeException | StackOverflowError | AssertionError e) {
                throw racetrace.engine.ModelFailure.of(e, model, scenario, path(parent, thread, id),
                        "invariant " + invariants.get(k).name(), -1, s);
            }
            if (!holds) {
                found[k] = true;
                newly++;
                String name = invariants.get(k).name();
                violations.put(name, new Case(model, scenario, path(parent, thread, id), name));
            }
        }
        return newly;
    }

    /** The threads that lead from the start state to state {@code id}. */
    static Schedule path(FingerprintTable.Ints parent, FingerprintTable.Ints thread, int id) {
        int len = 0;
        for (int at = id; parent.get(at) >= 0; at = parent.get(at)) {
            len++;
        }
        int[] choices = new int[len];
        for (int at = id, k = len - 1; parent.get(at) >= 0; at = parent.get(at), k--) {
            choices[k] = thread.get(at);
        }
        return Schedule.of(choices);
    }
}
