package racetrace.search.explore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import racetrace.engine.Invariant;
import racetrace.engine.Model;
import racetrace.engine.Scenario;
import racetrace.engine.Transition;
import racetrace.search.Case;
import racetrace.search.Parallel;

/**
 * {@link StateSpace}'s breadth-first search on several threads, level by level: the threads
 * step the states of a level and fingerprint the successors, one thread merges them into the
 * visited set in the order the single-threaded search would meet them, and the threads then
 * check the invariants of the new states. The numbering of states, the counts and the cases are
 * those of the single-threaded search.
 */
final class ParallelStateSpace {

    /** Levels smaller than this are stepped on the calling thread: splitting costs more. */
    private static final int SPLIT = 2048;
    private static final int CHUNK = 512;

    private ParallelStateSpace() {
    }

    /** The successors of one state, in thread order. */
    private record Expanded<S>(int[] threads, List<S> states, long[] fps, boolean[] notice, boolean deadlocked) {
    }

    static <S> Exploration explore(Model<S> model, Scenario scenario, List<Invariant<S>> invariants, Limits limits,
            Consumer<S> visitor) {
        long start = System.nanoTime();
        long deadline = limits.deadlineNanos(start);
        int n = scenario.threadCount();
        FingerprintTable seen = new FingerprintTable(1 << 12);
        FingerprintTable.Ints parent = new FingerprintTable.Ints();
        FingerprintTable.Ints thread = new FingerprintTable.Ints();
        Map<String, Case> violations = new LinkedHashMap<>();
        boolean[] found = new boolean[invariants.size()];

        S init = StateSpace.start(model, scenario);
        seen.putIfAbsent(model.fingerprint(init), 0);
        parent.add(-1);
        thread.add(-1);
        checkLevel(model, scenario, invariants, found, violations, List.of(init), new int[] {0}, 1, parent, thread,
                visitor, limits.workers());

        List<S> level = List.of(init);
        int[] levelIds = {0};
        long transitions = 0;
        long deadlocks = 0;
        long notices = 0;
        Case firstDeadlock = null;
        Case firstNotice = null;
        int depth = 0;
        String stop = null;
        while (stop == null && !level.isEmpty()) {
            List<S> current = level;
            List<Expanded<S>> expanded;
            try {
                expanded = expand(model, n, current, limits.workers());
            } catch (Failed f) {
                // The first state of the level, in numbering order, whose expansion threw.
                throw StateSpace.failure(f.getCause(), model, scenario, StateSpace.path(parent, thread, levelIds[f.index]),
                        f.thread, current.get(f.index));
            }
            List<S> next = new ArrayList<>();
            int[] nextIds = new int[Math.max(16, current.size())];
            int nextCount = 0;
            merge:
            for (int i = 0; i < current.size(); i++) {
                Expanded<S> e = expanded.get(i);
                int id = levelIds[i];
                for (int k = 0; k < e.threads().length; k++) {
                    transitions++;
                    int newId = seen.size();
                    if (seen.putIfAbsent(e.fps()[k], newId) >= 0) {
                        continue;
                    }
                    parent.add(id);
                    thread.add(e.threads()[k]);
                    if (e.notice()[k] && notices++ == 0) {
                        firstNotice = new Case(model, scenario, StateSpace.path(parent, thread, newId));
                    }
                    if (nextCount == nextIds.length) {
                        nextIds = java.util.Arrays.copyOf(nextIds, nextCount * 2);
                    }
                    nextIds[nextCount++] = newId;
                    next.add(e.states().get(k));
                    if (seen.size() >= limits.maxStates()) {
                        stop = "state cap " + limits.maxStates() + " reached";
                        break merge;
                    }
                }
                if (e.deadlocked() && deadlocks++ == 0) {
                    firstDeadlock = new Case(model, scenario, StateSpace.path(parent, thread, id));
                }
            }
            checkLevel(model, scenario, invariants, found, violations, next, nextIds, nextCount, parent, thread,
                    visitor, limits.workers());
            if (!next.isEmpty()) {
                depth++;
            }
            if (stop == null && System.nanoTime() > deadline) {
                stop = "time cap " + limits.maxTime() + " reached";
            }
            level = next;
            levelIds = nextIds;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Exploration(scenario, seen.size(), transitions, depth, stop == null, stop, violations, deadlocks,
                firstDeadlock, notices, firstNotice, millis);
    }

    private static <S> List<Expanded<S>> expand(Model<S> model, int n, List<S> level, int workers) {
        if (level.size() < SPLIT || workers <= 1) {
            List<Expanded<S>> out = new ArrayList<>(level.size());
            for (int i = 0; i < level.size(); i++) {
                out.add(expand(model, n, level.get(i), i));
            }
            return out;
        }
        List<Integer> chunks = new ArrayList<>();
        for (int c = 0; c < level.size(); c += CHUNK) {
            chunks.add(c);
        }
        List<List<Expanded<S>>> parts = Parallel.map(chunks, c -> {
            List<Expanded<S>> part = new ArrayList<>(CHUNK);
            for (int i = c; i < Math.min(level.size(), c + CHUNK); i++) {
                part.add(expand(model, n, level.get(i), i));
            }
            return part;
        }, workers);
        List<Expanded<S>> out = new ArrayList<>(level.size());
        parts.forEach(out::addAll);
        return out;
    }

    /** The model threw expanding state {@code index} of a level (its thread {@code thread}). */
    private static final class Failed extends RuntimeException {
        final int index;
        final int thread;

        Failed(int index, int thread, Throwable cause) {
            super(cause);
            this.index = index;
            this.thread = thread;
        }
    }

    private static <S> Expanded<S> expand(Model<S> model, int n, S s, int index) {
        int[] threads = new int[n];
        List<S> states = new ArrayList<>(n);
        long[] fps = new long[n];
        boolean[] notice = new boolean[n];
        int k = 0;
        for (int t = 0; t < n; t++) {
            try {
                if (!model.enabled(s, t)) {
                    continue;
                }
                Transition<S> tr = model.step(s, t);
                threads[k] = t;
                states.add(tr.next());
                fps[k] = model.fingerprint(tr.next());
                notice[k] = tr.notice() != null;
            } catch (RuntimeException | StackOverflowError | AssertionError e) {
                throw new Failed(index, t, e);
            }
            k++;
        }
        boolean deadlocked = false;
        if (k == 0) {
            for (int t = 0; t < n && !deadlocked; t++) {
                deadlocked = !model.finished(s, t);
            }
        }
        return new Expanded<>(java.util.Arrays.copyOf(threads, k), states, java.util.Arrays.copyOf(fps, k),
                java.util.Arrays.copyOf(notice, k), deadlocked);
    }

    /**
     * Checks the invariants still unviolated on the new states of a level, in parallel, then
     * records the first violation of each in numbering order, as the single-threaded search does.
     */
    private static <S> void checkLevel(Model<S> model, Scenario scenario, List<Invariant<S>> invariants,
            boolean[] found, Map<String, Case> violations, List<S> states, int[] ids, int count,
            FingerprintTable.Ints parent, FingerprintTable.Ints thread, Consumer<S> visitor, int workers) {
        List<Integer> open = new ArrayList<>();
        for (int k = 0; k < invariants.size(); k++) {
            if (!found[k]) {
                open.add(k);
            }
        }
        long[] broken = new long[count];
        if (!open.isEmpty()) {
            List<Integer> chunks = new ArrayList<>();
            for (int c = 0; c < count; c += CHUNK) {
                chunks.add(c);
            }
            Parallel.map(chunks, c -> {
                for (int i = c; i < Math.min(count, c + CHUNK); i++) {
                    long bits = 0;
                    for (int k : open) {
                        boolean holds;
                        try {
                            holds = invariants.get(k).holds(states.get(i));
                        } catch (RuntimeException | StackOverflowError | AssertionError e) {
                            throw racetrace.engine.ModelFailure.of(e, model, scenario,
                                    StateSpace.path(parent, thread, ids[i]), "invariant " + invariants.get(k).name(),
                                    -1, states.get(i));
                        }
                        if (!holds) {
                            bits |= 1L << Math.min(k, 63);
                        }
                    }
                    broken[i] = bits;
                }
                return c;
            }, count < SPLIT ? 1 : workers);
        }
        for (int i = 0; i < count; i++) {
            if (visitor != null) {
                visitor.accept(states.get(i));
            }
            if (broken[i] == 0) {
                continue;
            }
            for (int k : open) {
                if (!found[k] && (broken[i] & (1L << Math.min(k, 63))) != 0) {
                    found[k] = true;
                    String name = invariants.get(k).name();
                    violations.put(name, new Case(model, scenario, StateSpace.path(parent, thread, ids[i]), name));
                }
            }
        }
    }
}
