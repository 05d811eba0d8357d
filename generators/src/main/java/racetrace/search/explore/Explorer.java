package racetrace.search.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import racetrace.engine.Model;
import racetrace.engine.Stepper;
import racetrace.search.Case;

/**
 * Breadth-first search over every state of one state graph (a scenario, or one configuration of
 * a scope with its threads choosing ops), as TLC's BFS does over the spec: 64-bit fingerprints in
 * primitive open-addressing tables, every invariant checked in every new state, violating states
 * expanded too, so the count is that of the whole reachable graph. States are the model's objects
 * or, for a model with packed states, int arrays stepped in reused buffers: a successor already
 * seen costs no allocation.
 *
 * <p>Level by level, on every worker, with the results of one worker. Each level is searched in
 * two phases. First the workers step the level's states (in chunks they take in turn); a
 * successor whose fingerprint an earlier level holds is dropped at once, the others have their
 * invariants checked and go to the worker that owns their fingerprint. Then each owner keeps, of
 * the successors it owns, those it has not seen. A successor's key is (its parent's place in the
 * level, its place among the parent's successors); a state met several times in a level keeps its
 * smallest key, and the next level is ordered by key. That order, the parent of each state and so
 * every counterexample are those of a single-threaded search that steps the level's states in
 * order, threads in order, choices in order: the same whatever the number of workers.
 */
final class Explorer<S> {

    /** Frontier states a worker steps before taking the next chunk. */
    private static final int CHUNK = 64;
    /** Levels smaller than this are searched on the calling thread alone. */
    private static final int SPLIT = 1024;
    private static final int SUCC_BITS = 20;

    private final Stepper<S>[] steppers;
    private final Stepper.Check<S>[] checks;
    private final List<String> invariants;
    private final Limits limits;
    private final boolean stopWhenAllViolated;
    private final Consumer<Object> visitor;
    private final int workers;
    private final int n;

    /** Per state id: the parent's id (-1 for a start state) and the move (thread, choice) or start index. */
    private final FingerprintTable.Ints parent = new FingerprintTable.Ints();
    private final FingerprintTable.Ints move = new FingerprintTable.Ints();
    private final Owner[] owners;
    private final Batch<S>[] batches;

    private final Map<String, Case> violations = new LinkedHashMap<>();
    /**
     * The invariants not violated yet, 64 to a word (bit i of word w: invariant 64 w + i); a state's
     * broken invariants are kept the same way. Most models have one word: the fast path.
     */
    private final long[] open;
    private final int words;
    private long transitions;
    private long deadlocks;
    private long firstDeadlockId = -1;
    private long notices;
    private long firstNoticeId = -1;
    private final Paths<S> paths;
    /** Fingerprints of the level being expanded, and of the next one (set by merge). */
    private long[] levelFp;
    private long[] nextFp;
    /** The thread that runs this search: its interruption stops the search (see explore). */
    private volatile Thread caller;

    @SuppressWarnings("unchecked")
    Explorer(Supplier<Stepper<S>> steppers, List<String> invariants, Limits limits, boolean stopWhenAllViolated,
            Consumer<Object> visitor) {
        this.invariants = invariants;
        this.limits = limits;
        this.stopWhenAllViolated = stopWhenAllViolated;
        this.visitor = visitor;
        this.workers = Math.max(1, limits.workers());
        this.steppers = new Stepper[workers];
        this.checks = new Stepper.Check[workers];
        for (int w = 0; w < workers; w++) {
            this.steppers[w] = steppers.get();
            this.checks[w] = this.steppers[w].check(invariants);
        }
        this.n = this.steppers[0].threads();
        this.words = Math.max(1, (invariants.size() + 63) >>> 6);
        this.open = new long[words];
        for (int k = 0; k < invariants.size(); k++) {
            open[k >>> 6] |= 1L << k;
        }
        this.owners = new Owner[workers];
        this.batches = new Batch[workers];
        for (int w = 0; w < workers; w++) {
            owners[w] = new Owner(workers, words);
            batches[w] = new Batch<>();
        }
        Stepper<S> replay = steppers.get();
        this.paths = new Paths<>(replay, parent, move);
    }

    Exploration explore() {
        long start = System.nanoTime();
        long deadline = limits.deadlineNanos(start);
        // An interrupted caller (a hunt that stopped while this unit ran) ends the search like the clock.
        caller = Thread.currentThread();
        String stop = null;
        Stepper<S> first = steppers[0];
        // Level 0: the start states, in the plan's order.
        List<Stepper.Start<S>> starts;
        try {
            starts = first.starts();
        } catch (RuntimeException | StackOverflowError | AssertionError e) {
            throw racetrace.engine.ModelFailure.of(e, first.model(), first.plan().scripted() ? first.scenario() : null,
                    racetrace.engine.Schedule.empty(), "initial", -1, null);
        }
        List<S> level = new ArrayList<>();
        long[] fps = new long[Math.max(1, starts.size())];
        for (int i = 0; i < starts.size(); i++) {
            S s = starts.get(i).state();
            long fp = first.fingerprint(s);
            Owner o = owners[owner(fp)];
            if (o.seen.putIfAbsent(fp, o.seen.size()) >= 0) {
                continue;
            }
            int id = parent.size();
            parent.add(-1);
            move.add(i);
            fps[level.size()] = fp;
            level.add(s);
            long[] broken = new long[words];
            try {
                broken(checks[0], s, open, broken);
            } catch (RuntimeException | StackOverflowError | AssertionError e) {
                paths.starts(starts);
                throw new Failure(0, id, -1, 0, "invariant", false, e, first.object(s)).report(paths, first.model(), invariants, n);
            }
            record(id, s, broken, 0);
            if (parent.size() >= limits.maxStates()) {
                stop = "state cap " + limits.maxStates() + " reached";
                break;
            }
        }
        paths.starts(starts);
        int depth = 0;
        int base = 0;
        if (stop == null && stopWhenAllViolated && allViolated()) {
            stop = "every invariant violated";
        }
        try (Workers pool = new Workers(workers)) {
            while (stop == null && !level.isEmpty()) {
                boolean parallel = pool.parallel() && level.size() >= SPLIT;
                if (level.size() >= (1L << (63 - SUCC_BITS - 1))) {
                    throw new IllegalStateException("a level of " + level.size() + " states is too large");
                }
                levelFp = fps;
                if (!expand(level, base, pool, parallel, deadline)) {
                    stop = caller.isInterrupted() ? "interrupted" : "time cap " + limits.maxTime() + " reached";
                    break;
                }
                int nextBase = parent.size();
                List<S> next = merge(base, level, pool, parallel);
                fps = nextFp;
                base = nextBase;
                if (!next.isEmpty()) {
                    depth++;
                }
                level = next;
                if (parent.size() >= limits.maxStates() && !level.isEmpty()) {
                    stop = "state cap " + limits.maxStates() + " reached";
                } else if (stopWhenAllViolated && allViolated()) {
                    stop = "every invariant violated";
                } else if (System.nanoTime() > deadline && !level.isEmpty()) {
                    stop = "time cap " + limits.maxTime() + " reached";
                } else if (caller.isInterrupted() && !level.isEmpty()) {
                    stop = "interrupted";
                }
            }
        }
        Case firstDeadlock = firstDeadlockId < 0 ? null : paths.toCase((int) firstDeadlockId, null);
        Case firstNotice = firstNoticeId < 0 ? null : paths.toCase((int) firstNoticeId, null);
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Exploration(first.plan().scripted() ? paths.scenario() : null, parent.size(), transitions, depth,
                stop == null, stop, violations, deadlocks, firstDeadlock, notices, firstNotice, millis);
    }

    private int owner(long fp) {
        return workers == 1 ? 0 : (int) ((fp >>> 32) % workers);
    }

    /**
     * Phase 1: every state of the level steps every enabled thread. A chunk's successors are
     * fingerprinted (from their parent's) and copied into a batch; the batch is then looked up in
     * the owners' tables in one tight loop (the lookups' memory accesses overlap), and a successor
     * an earlier level has is dropped; the others have their invariants checked and go to their
     * owners.
     */
    private boolean expand(List<S> level, int base, Workers pool, boolean parallel, long deadline) {
        AtomicInteger nextChunk = new AtomicInteger();
        int chunks = (level.size() + CHUNK - 1) / CHUNK;
        boolean[] late = new boolean[1];
        long[] checkOpen = open.clone();
        boolean checking = !allClosed(checkOpen);
        long[] fps = levelFp;
        pool.run(parallel, w -> {
            Owner me = owners[w];
            Stepper<S> stepper = steppers[w];
            Stepper.Check<S> check = checks[w];
            Batch<S> batch = batches[w];
            long[] key = new long[1];
            int[] mv = new int[1];
            Object[] parentOf = new Object[1];
            long[] parentFp = new long[1];
            long[] broken = new long[words];
            @SuppressWarnings("unchecked")
            Stepper.Sink<S> sink = (next, choice, began, notice) -> {
                long fp = stepper.fingerprint((S) parentOf[0], parentFp[0], next);
                batch.add(stepper, fp, key[0] | (notice ? 1 : 0), mv[0] | choice, next);
                key[0] += 2;
            };
            for (int c = nextChunk.getAndIncrement(); c < chunks; c = nextChunk.getAndIncrement()) {
                if (System.nanoTime() > deadline || caller.isInterrupted()) {
                    late[0] = true;
                    return;
                }
                int to = Math.min(level.size(), (c + 1) * CHUNK);
                batch.size = 0;
                Failure stepFailure = null;
                for (int i = c * CHUNK; i < to && stepFailure == null; i++) {
                    S s = level.get(i);
                    parentOf[0] = s;
                    parentFp[0] = fps[i];
                    key[0] = (long) i << (SUCC_BITS + 1);
                    boolean any = false;
                    int t = -1;
                    String call = "enabled";
                    try {
                        for (t = 0; t < n; t++) {
                            call = "enabled";
                            if (!stepper.enabled(s, t)) {
                                continue;
                            }
                            any = true;
                            mv[0] = t << 16;
                            call = "step";
                            me.transitions += stepper.successors(s, t, sink);
                        }
                        t = -1;
                        call = "finished";
                        if (!any && !allFinished(stepper, s)) {
                            me.deadlocks++;
                            me.firstDeadlock = Math.min(me.firstDeadlock, base + i);
                        }
                    } catch (RuntimeException | StackOverflowError | AssertionError e) {
                        // The model threw: what was made before it still gets checked, then the chunk ends.
                        stepFailure = new Failure(((long) i << 18) | ((long) (t + 1) << 2) | 1, base + i, t, 0, call,
                                false, e, s);
                    }
                }
                // The lookups first, in one loop, so their memory accesses overlap.
                int size = batch.size;
                boolean[] known = batch.known;
                long[] bfp = batch.fp;
                for (int j = 0; j < size; j++) {
                    known[j] = owners[owner(bfp[j])].seen.contains(bfp[j]);
                }
                for (int j = 0; j < size; j++) {
                    if (known[j]) {
                        continue;
                    }
                    S st = batch.st[j];
                    try {
                        if (checking) {
                            broken(check, st, checkOpen, broken);
                        }
                    } catch (RuntimeException | StackOverflowError | AssertionError e) {
                        int i = (int) (batch.key[j] >>> (SUCC_BITS + 1));
                        int t = batch.mv[j] >>> 16;
                        me.fail(new Failure(((long) i << 18) | ((long) (t + 1) << 2), base + i, t,
                                batch.mv[j] & 0xFFFF, "invariant", true, e, stepper.object(st)));
                        break;
                    }
                    me.out[owner(bfp[j])].add(bfp[j], batch.key[j], batch.mv[j], broken, stepper.keepState(st));
                }
                if (stepFailure != null) {
                    me.fail(stepFailure);
                }
                if (me.failure != null) {
                    return;
                }
            }
        });
        Failure first = null;
        for (Owner o : owners) {
            if (o.failure != null && (first == null || o.failure.order() < first.order())) {
                first = o.failure;
            }
        }
        if (first != null) {
            throw first.report(paths, steppers[0].model(), invariants, n);
        }
        return !late[0];
    }

    private boolean allFinished(Stepper<S> stepper, S s) {
        for (int t = 0; t < n; t++) {
            if (!stepper.finished(s, t)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Phase 2: each owner keeps its new successors (the smallest key of each); then the new
     * states, ordered by key, get their numbers.
     */
    @SuppressWarnings("unchecked")
    private List<S> merge(int base, List<S> level, Workers pool, boolean parallel) {
        pool.run(parallel, w -> {
            Owner me = owners[w];
            int levelStart = me.seen.size();
            for (int from = 0; from < workers; from++) {
                Outbox box = owners[from].out[w];
                for (int k = 0; k < box.size; k++) {
                    int at = me.seen.putIfAbsent(box.fp[k], levelStart + me.size);
                    if (at < 0) {
                        me.keep(box.key[k], from, k);
                    } else if (at >= levelStart && box.key[k] < me.key[at - levelStart]) {
                        me.key[at - levelStart] = box.key[k];
                        me.at[at - levelStart] = k;
                        me.fromWorker[at - levelStart] = (byte) from;
                    }
                }
            }
        });
        int total = 0;
        for (Owner o : owners) {
            transitions += o.transitions;
            o.transitions = 0;
            deadlocks += o.deadlocks;
            o.deadlocks = 0;
            if (o.firstDeadlock != Long.MAX_VALUE) {
                firstDeadlockId = firstDeadlockId < 0 ? o.firstDeadlock : Math.min(firstDeadlockId, o.firstDeadlock);
            }
            o.firstDeadlock = Long.MAX_VALUE;
            total += o.size;
        }
        // Order the new states by key: counted by parent, then by successor number within a parent.
        int levelSize = level.size();
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
        nextFp = new long[Math.max(1, total)];
        long cap = limits.maxStates();
        for (int i = 0; i < total && parent.size() < cap; i++) {
            Owner o = owners[(int) (where[i] >>> 32)];
            int k = (int) where[i];
            Outbox box = owners[o.fromWorker[k]].out[(int) (where[i] >>> 32)];
            int at = o.at[k];
            int id = parent.size();
            parent.add(base + (int) (keys[i] >>> (SUCC_BITS + 1)));
            move.add(box.mv[at]);
            S s = (S) box.st[at];
            nextFp[next.size()] = box.fp[at];
            next.add(s);
            if ((keys[i] & 1) != 0 && notices++ == 0) {
                firstNoticeId = id;
            }
            record(id, s, box.broken, at * words);
        }
        for (Owner o : owners) {
            o.size = 0;
            for (Outbox b : o.out) {
                b.clear();
            }
        }
        return next;
    }

    /**
     * A new state in search order: the visitor sees it, and its violations (the {@code words} longs
     * of {@code broken} from {@code at}) are recorded if first.
     */
    private void record(int id, S s, long[] broken, int at) {
        if (visitor != null) {
            visitor.accept(steppers[0].object(s));
        }
        for (int w = 0; w < words; w++) {
            long now = broken[at + w] & open[w];
            while (now != 0) {
                int bit = Long.numberOfTrailingZeros(now);
                now &= now - 1;
                open[w] &= ~(1L << bit);
                String name = invariants.get((w << 6) + bit);
                violations.put(name, paths.toCase(id, name));
            }
        }
    }

    /** The invariants of {@code s} among {@code open} that fail, into {@code out} (a word each). */
    private void broken(Stepper.Check<S> check, S s, long[] open, long[] out) {
        if (words == 1) {
            out[0] = open[0] == 0 ? 0 : check.broken(s, 0, open[0]);
            return;
        }
        for (int w = 0; w < words; w++) {
            out[w] = open[w] == 0 ? 0 : check.broken(s, w, open[w]);
        }
    }

    private static boolean allClosed(long[] open) {
        for (long o : open) {
            if (o != 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether every checked invariant has a violation (never, with none checked). */
    private boolean allViolated() {
        return !invariants.isEmpty() && allClosed(open);
    }
}
