package racetrace.search.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import racetrace.engine.Invariant;
import racetrace.engine.Model;
import racetrace.engine.Stepper;
import racetrace.search.Case;

/**
 * Breadth-first search over every state of one state graph (a scenario, or one configuration of
 * a scope with its threads choosing ops), as TLC's BFS does over the spec: 64-bit fingerprints
 * ({@link Model#fingerprint}) in primitive open-addressing tables, every invariant checked in
 * every new state, violating states expanded too, so the count is that of the whole reachable
 * graph.
 *
 * <p>Level by level, on every worker, with the results of one worker. Each level is searched in
 * two phases: the workers step the level's states (in chunks they take in turn) and send each
 * successor to the worker that owns its fingerprint; then each worker keeps, of the successors it
 * owns, those it has not seen, and checks their invariants. A successor's key is (its parent's
 * place in the level, its place among the parent's successors); a state met several times keeps
 * its smallest key, and the next level is ordered by key. That order, the parent of each state
 * and so every counterexample are those of a single-threaded search that steps the level's states
 * in order, threads in order, choices in order: the same whatever the number of workers.
 */
final class Explorer<S> {

    /** Frontier states a worker steps before taking the next chunk. */
    private static final int CHUNK = 512;
    /** Levels smaller than this are searched on the calling thread alone. */
    private static final int SPLIT = 2048;
    private static final int SUCC_BITS = 20;

    private final Stepper<S> stepper;
    private final Model<S> model;
    private final List<Invariant<S>> invariants;
    private final Limits limits;
    private final boolean stopWhenAllViolated;
    private final Consumer<S> visitor;
    private final int workers;
    private final int n;

    /** Per state id: the parent's id (-1 for a start state) and the move (thread, choice) or start index. */
    private final FingerprintTable.Ints parent = new FingerprintTable.Ints();
    private final FingerprintTable.Ints move = new FingerprintTable.Ints();
    private final Owner[] owners;

    private final Map<String, Case> violations = new LinkedHashMap<>();
    private final boolean[] found;
    private long transitions;
    private long deadlocks;
    private long firstDeadlockId = -1;
    private long notices;
    private long firstNoticeId = -1;
    private final Paths<S> paths;

    Explorer(Stepper<S> stepper, List<Invariant<S>> invariants, Limits limits, boolean stopWhenAllViolated,
            Consumer<S> visitor) {
        this.stepper = stepper;
        this.model = stepper.model();
        this.invariants = invariants;
        this.limits = limits;
        this.stopWhenAllViolated = stopWhenAllViolated;
        this.visitor = visitor;
        this.workers = Math.max(1, limits.workers());
        this.n = stepper.threads();
        this.found = new boolean[invariants.size()];
        this.owners = new Owner[workers];
        for (int w = 0; w < workers; w++) {
            owners[w] = new Owner(workers);
        }
        this.paths = new Paths<>(stepper, parent, move);
        if (invariants.size() > 63) {
            throw new IllegalArgumentException("at most 63 invariants per search, not " + invariants.size());
        }
    }

    /** Successors one worker made in phase 1, by owner: fingerprint, key, move, state. */
    private static final class Outbox {
        long[] fp = new long[256];
        long[] key = new long[256];
        int[] mv = new int[256];
        Object[] st = new Object[256];
        int size;

        void add(long f, long k, int m, Object s) {
            if (size == fp.length) {
                int c = size * 2;
                fp = Arrays.copyOf(fp, c);
                key = Arrays.copyOf(key, c);
                mv = Arrays.copyOf(mv, c);
                st = Arrays.copyOf(st, c);
            }
            fp[size] = f;
            key[size] = k;
            mv[size] = m;
            st[size] = s;
            size++;
        }

        void clear() {
            Arrays.fill(st, 0, size, null);
            size = 0;
        }
    }

    /** What one worker owns: its fingerprints, its outboxes, and the new states of the level it owns. */
    private static final class Owner {
        final FingerprintTable seen = new FingerprintTable(1 << 12);
        final Outbox[] out;
        // The level's new states this owner keeps: smallest key so far, move, state, broken invariants.
        long[] key = new long[256];
        int[] mv = new int[256];
        Object[] st = new Object[256];
        long[] broken = new long[256];
        int size;
        long transitions;
        long deadlocks;
        long firstDeadlock = Long.MAX_VALUE;

        Owner(int workers) {
            out = new Outbox[workers];
            for (int w = 0; w < workers; w++) {
                out[w] = new Outbox();
            }
        }

        int keep(long k, int m, Object s) {
            if (size == key.length) {
                int c = size * 2;
                key = Arrays.copyOf(key, c);
                mv = Arrays.copyOf(mv, c);
                st = Arrays.copyOf(st, c);
                broken = Arrays.copyOf(broken, c);
            }
            key[size] = k;
            mv[size] = m;
            st[size] = s;
            broken[size] = 0;
            return size++;
        }

        void clearLevel() {
            Arrays.fill(st, 0, size, null);
            size = 0;
            for (Outbox o : out) {
                o.clear();
            }
        }
    }

    Exploration explore() {
        long start = System.nanoTime();
        long deadline = limits.deadlineNanos(start);
        String stop = null;
        // Level 0: the start states, in the plan's order.
        List<Stepper.Start<S>> starts = stepper.starts();
        List<S> level = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            S s = starts.get(i).state();
            long fp = model.fingerprint(s);
            Owner o = owners[owner(fp)];
            if (o.seen.putIfAbsent(fp, o.seen.size()) >= 0) {
                continue;
            }
            int id = parent.size();
            parent.add(-1);
            move.add(i);
            level.add(s);
            record(id, s, brokenBits(s));
            if (parent.size() >= limits.maxStates()) {
                stop = "state cap " + limits.maxStates() + " reached";
                break;
            }
        }
        paths.starts(starts);
        int depth = 0;
        int base = 0;
        if (stop == null && allFound()) {
            stop = "every invariant violated";
        }
        ExecutorService pool = workers > 1 ? Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "racetrace-explorer");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            while (stop == null && !level.isEmpty()) {
                boolean parallel = pool != null && level.size() >= SPLIT;
                if (!expand(level, base, parallel ? pool : null, deadline)) {
                    stop = "time cap " + limits.maxTime() + " reached";
                    break;
                }
                if (level.size() >= (1L << (63 - SUCC_BITS - 1))) {
                    throw new IllegalStateException("a level of " + level.size() + " states is too large");
                }
                int nextBase = parent.size();
                List<S> next = merge(base, level.size(), parallel ? pool : null);
                base = nextBase;
                if (!next.isEmpty()) {
                    depth++;
                }
                level = next;
                if (parent.size() >= limits.maxStates()) {
                    stop = "state cap " + limits.maxStates() + " reached";
                } else if (stopWhenAllViolated && allFound()) {
                    stop = "every invariant violated";
                } else if (System.nanoTime() > deadline && !level.isEmpty()) {
                    stop = "time cap " + limits.maxTime() + " reached";
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        Case firstDeadlock = firstDeadlockId < 0 ? null : paths.toCase((int) firstDeadlockId, null);
        Case firstNotice = firstNoticeId < 0 ? null : paths.toCase((int) firstNoticeId, null);
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Exploration(stepper.plan().scripted() ? paths.scenario() : null, parent.size(), transitions, depth,
                stop == null, stop, violations, deadlocks, firstDeadlock, notices, firstNotice, millis);
    }

    private boolean allFound() {
        if (invariants.isEmpty()) {
            return false;
        }
        for (boolean f : found) {
            if (!f) {
                return false;
            }
        }
        return true;
    }

    private int owner(long fp) {
        return workers == 1 ? 0 : (int) ((fp >>> 32) % workers);
    }

    /** Phase 1: every state of the level steps every enabled thread; successors go to their owners. */
    private boolean expand(List<S> level, int base, ExecutorService pool, long deadline) {
        AtomicInteger nextChunk = new AtomicInteger();
        int chunks = (level.size() + CHUNK - 1) / CHUNK;
        boolean[] late = new boolean[1];
        run(pool, w -> {
            Owner me = owners[w];
            long[] key = new long[1];
            int[] mv = new int[1];
            Stepper.Sink<S> sink = (next, choice, began, label, notice) -> {
                long fp = model.fingerprint(next);
                me.out[owner(fp)].add(fp, key[0] | (notice != null ? 1 : 0), mv[0] | choice, next);
                key[0] += 2;
            };
            for (int c = nextChunk.getAndIncrement(); c < chunks; c = nextChunk.getAndIncrement()) {
                if (System.nanoTime() > deadline) {
                    late[0] = true;
                    return;
                }
                int to = Math.min(level.size(), (c + 1) * CHUNK);
                for (int i = c * CHUNK; i < to; i++) {
                    S s = level.get(i);
                    key[0] = (long) i << (SUCC_BITS + 1);
                    boolean any = false;
                    for (int t = 0; t < n; t++) {
                        if (!stepper.enabled(s, t)) {
                            continue;
                        }
                        any = true;
                        mv[0] = t << 16;
                        me.transitions += stepper.successors(s, t, sink);
                    }
                    if (!any && !allFinished(s)) {
                        me.deadlocks++;
                        me.firstDeadlock = Math.min(me.firstDeadlock, base + i);
                    }
                }
            }
        });
        return !late[0];
    }

    private boolean allFinished(S s) {
        for (int t = 0; t < n; t++) {
            if (!stepper.finished(s, t)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Phase 2: each owner keeps its new successors (the smallest key of each) and checks their
     * invariants; then the new states, ordered by key, get their numbers.
     */
    @SuppressWarnings("unchecked")
    private List<S> merge(int base, int levelSize, ExecutorService pool) {
        run(pool, w -> {
            Owner me = owners[w];
            int levelStart = me.seen.size();
            for (Owner from : owners) {
                Outbox box = from.out[w];
                for (int k = 0; k < box.size; k++) {
                    int at = me.seen.putIfAbsent(box.fp[k], levelStart + me.size);
                    if (at < 0) {
                        me.keep(box.key[k], box.mv[k], box.st[k]);
                    } else if (at >= levelStart && box.key[k] < me.key[at - levelStart]) {
                        me.key[at - levelStart] = box.key[k];
                        me.mv[at - levelStart] = box.mv[k];
                    }
                }
            }
            for (int k = 0; k < me.size; k++) {
                me.broken[k] = brokenBits((S) me.st[k]);
            }
        });
        int total = 0;
        for (Owner o : owners) {
            transitions += o.transitions;
            o.transitions = 0;
            deadlocks += o.deadlocks;
            o.deadlocks = 0;
            if (o.firstDeadlock != Long.MAX_VALUE && firstDeadlockId < 0) {
                firstDeadlockId = o.firstDeadlock;
            } else if (o.firstDeadlock != Long.MAX_VALUE) {
                firstDeadlockId = Math.min(firstDeadlockId, o.firstDeadlock);
            }
            o.firstDeadlock = Long.MAX_VALUE;
            total += o.size;
        }
        // Order the new states by key: counted by parent, then by successor number within a parent.
        int[] byParent = new int[levelSize + 1];
        for (Owner o : owners) {
            for (int k = 0; k < o.size; k++) {
                byParent[(int) (o.key[k] >>> (SUCC_BITS + 1)) + 1]++;
            }
        }
        for (int i = 0; i < levelSize; i++) {
            byParent[i + 1] += byParent[i];
        }
        long[] keys = new long[total];
        long[] where = new long[total];
        for (int w = 0; w < workers; w++) {
            Owner o = owners[w];
            for (int k = 0; k < o.size; k++) {
                int p = byParent[(int) (o.key[k] >>> (SUCC_BITS + 1))]++;
                keys[p] = o.key[k];
                where[p] = (long) w << 32 | k;
            }
        }
        // Within a parent (a few successors each) by key: insertion sort of the short runs.
        for (int i = 1; i < total; i++) {
            long k = keys[i];
            long x = where[i];
            int j = i - 1;
            while (j >= 0 && keys[j] > k && (keys[j] >>> (SUCC_BITS + 1)) == (k >>> (SUCC_BITS + 1))) {
                keys[j + 1] = keys[j];
                where[j + 1] = where[j];
                j--;
            }
            keys[j + 1] = k;
            where[j + 1] = x;
        }
        List<S> next = new ArrayList<>(total);
        long cap = limits.maxStates();
        for (int i = 0; i < total && parent.size() < cap; i++) {
            Owner o = owners[(int) (where[i] >>> 32)];
            int k = (int) where[i];
            int id = parent.size();
            parent.add(base + (int) (keys[i] >>> (SUCC_BITS + 1)));
            move.add(o.mv[k]);
            S s = (S) o.st[k];
            next.add(s);
            if ((keys[i] & 1) != 0 && notices++ == 0) {
                firstNoticeId = id;
            }
            record(id, s, o.broken[k]);
        }
        for (Owner o : owners) {
            o.clearLevel();
        }
        return next;
    }

    private long brokenBits(S s) {
        long bits = 0;
        for (int k = 0; k < invariants.size(); k++) {
            if (!found[k] && !invariants.get(k).holds(s)) {
                bits |= 1L << k;
            }
        }
        return bits;
    }

    /** A new state in search order: the visitor sees it, and its violations are recorded if first. */
    private void record(int id, S s, long broken) {
        if (visitor != null) {
            visitor.accept(s);
        }
        if (broken == 0) {
            return;
        }
        for (int k = 0; k < invariants.size(); k++) {
            if (!found[k] && (broken & (1L << k)) != 0) {
                found[k] = true;
                String name = invariants.get(k).name();
                violations.put(name, paths.toCase(id, name));
            }
        }
    }

    private interface Work {
        void run(int worker);
    }

    /** Runs {@code work} on every worker (or, without a pool, as each worker in turn on this thread). */
    private void run(ExecutorService pool, Work work) {
        if (pool == null) {
            for (int w = 0; w < workers; w++) {
                work.run(w);
            }
            return;
        }
        List<Future<?>> fs = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int me = w;
            fs.add(pool.submit(() -> work.run(me)));
        }
        for (Future<?> f : fs) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while exploring", e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }
}
