package racetrace.search.explore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import racetrace.engine.Stepper;
import racetrace.search.Case;

/**
 * Breadth-first search over every state of one state graph (a scenario, or one configuration of
 * a scope with its threads choosing ops), as TLC's BFS does over the spec: 64-bit fingerprints in
 * primitive open-addressing tables, every invariant checked in every new state, violating states
 * expanded too, so the count is that of the whole reachable graph. States are the model's objects
 * or, for a model with packed states, int arrays stepped in reused buffers and kept side by side
 * in flat arrays while their level waits ({@link Outbox}, {@link Level}): no object per state, and
 * a successor already seen costs no allocation.
 *
 * <p>Level by level, on every worker, with the results of one worker. Each level is searched in
 * two phases. First the workers step the level's states (in chunks they take in turn); a
 * successor whose fingerprint an earlier level holds is dropped at once, the others go to the
 * worker that owns their fingerprint. Then each owner keeps, of the successors it owns, those it
 * has not seen, and checks their invariants: once per distinct state, however many edges of the
 * level reach it (an interleaving search reaches most states by several). A successor's key is
 * (its parent's place in the level, its place among the parent's successors); a state met several
 * times in a level keeps its smallest key, and the next level is ordered by key. That order, the
 * parent of each state and so every counterexample are those of a single-threaded search that
 * steps the level's states in order, threads in order, choices in order: the same whatever the
 * number of workers.
 */
final class Explorer<S> {

    /** Frontier states a worker steps before taking the next chunk. */
    private static final int CHUNK = 64;
    /** Levels smaller than this are searched on the calling thread alone. */
    private static final int SPLIT = 1024;
    private static final int SUCC_BITS = 20;
    /** Fingerprints whose home slots are read together before they are added (see merge). */
    private static final int WARM = 32;
    /**
     * The share of a level's successors (in 1/1024) that were not new above which the next level's
     * successors are looked up in the visited sets as they are made (see expand).
     */
    private static final int FILTER_ABOVE = 512;
    /** For tests: 1 looks every level's successors up before the outboxes, 0 none, -1 (the search's) chooses per level. */
    static volatile int lookupPolicy = -1;

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
    /** States whose invariants were checked (see {@link Exploration#checks}). */
    private long checked;
    private long deadlocks;
    private long firstDeadlockId = -1;
    private long notices;
    private long firstNoticeId = -1;
    private final Paths<S> paths;
    /** The level being expanded; its states are in the outboxes of parity {@code cur}. */
    private final Level level = new Level();
    private int cur;
    /** Per worker, the buffer a packed level state is copied into to be stepped (null for object states). */
    private final S[] parents;
    /** The most bytes the search's own arrays held at once (the visited sets, the parents, the levels). */
    private long peakBytes;
    /** Partial-order reduction by sleep sets (see {@link SleepSets}), or null. */
    private final SleepSets[] sleepSets;
    /** The thread that runs this search: its interruption stops the search (see explore). */
    private volatile Thread caller;
    /** Whether the level being expanded looks its successors up before they go to their owners (see expand). */
    private boolean filter;

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
        this.parents = (S[]) new Object[workers];
        racetrace.engine.Machine machine = this.steppers[0].machine();
        int width = machine == null ? 0 : machine.width();
        for (int w = 0; w < workers; w++) {
            owners[w] = new Owner(workers, words, width);
            batches[w] = new Batch<>();
            parents[w] = this.steppers[w].buffer();
        }
        boolean order = limits.order() != Limits.Order.OFF && this.steppers[0].footprints();
        this.sleepSets = order ? new SleepSets[workers] : null;
        if (order) {
            for (int w = 0; w < workers; w++) {
                sleepSets[w] = new SleepSets(this.steppers[w], limits.order() == Limits.Order.CHECKED);
            }
        }
        Stepper<S> replay = steppers.get();
        this.paths = new Paths<>(replay, parent, move);
    }

    Exploration explore() {
        long start = System.nanoTime();
        long deadline = limits.deadlineNanos(start);
        // An interrupted caller (a hunt that stopped while this unit ran) ends the search like the clock.
        caller = Thread.currentThread();
        filter = lookupPolicy == 1;
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
        // Level 0 sits in the outboxes of parity cur, like every level after it (see Level).
        Outbox startBox = owners[0].out[cur][0];
        long[] noBreak = new long[words];
        for (int i = 0; i < starts.size(); i++) {
            S s = starts.get(i).state();
            long fp = first.fingerprint(s);
            if (!owners[owner(fp)].seen.add(fp)) {
                continue;
            }
            int id = parent.size();
            parent.add(-1);
            move.add(i);
            long[] broken = new long[words];
            try {
                if (!allClosed(open)) {
                    checked++;
                }
                broken(checks[0], s, open, broken);
            } catch (RuntimeException | StackOverflowError | AssertionError e) {
                paths.starts(starts);
                throw new Failure(0, 0, id, -1, 0, "invariant", false, e, first.object(s)).report(paths, first.model(),
                        invariants, n);
            }
            startBox.add(fp, 0, 0, noBreak, s);
            level.add(startBox, startBox.size - 1, fp);
            record(id, startBox, startBox.size - 1, broken, 0);
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
            while (stop == null && level.size() > 0) {
                boolean parallel = pool.parallel() && level.size() >= SPLIT;
                if (level.size() >= (1L << (63 - SUCC_BITS - 1))) {
                    throw new IllegalStateException("a level of " + level.size() + " states is too large");
                }
                if (!expand(base, pool, parallel, deadline)) {
                    stop = caller.isInterrupted() ? "interrupted" : "time cap " + limits.maxTime() + " reached";
                    break;
                }
                int nextBase = parent.size();
                long made = 0;
                for (Owner o : owners) {
                    made += o.transitions;
                }
                merge(base, pool, parallel);
                // Mostly old successors: the next level drops them before they are copied to their owners.
                long fresh = level.size();
                filter = lookupPolicy >= 0 ? lookupPolicy == 1 : made > 0 && (made - fresh) * 1024 > made * FILTER_ABOVE;
                base = nextBase;
                if (level.size() > 0) {
                    depth++;
                }
                if (parent.size() >= limits.maxStates() && level.size() > 0) {
                    stop = "state cap " + limits.maxStates() + " reached";
                } else if (stopWhenAllViolated && allViolated()) {
                    stop = "every invariant violated";
                } else if (System.nanoTime() > deadline && level.size() > 0) {
                    stop = "time cap " + limits.maxTime() + " reached";
                } else if (caller.isInterrupted() && level.size() > 0) {
                    stop = "interrupted";
                }
            }
        }
        peakBytes = Math.max(peakBytes, bytes());
        Case firstDeadlock = firstDeadlockId < 0 ? null : paths.toCase((int) firstDeadlockId, null);
        Case firstNotice = firstNoticeId < 0 ? null : paths.toCase((int) firstNoticeId, null);
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Exploration(first.plan().scripted() ? paths.scenario() : null, parent.size(), transitions, depth,
                stop == null, stop, violations, deadlocks, firstDeadlock, notices, firstNotice, millis, peakBytes,
                checked);
    }

    private int owner(long fp) {
        return workers == 1 ? 0 : (int) ((fp >>> 32) % workers);
    }

    /**
     * Phase 1: every state of the level steps every enabled thread. A successor is fingerprinted
     * (from its parent's) and goes to the outbox of its owner, whose merge keeps it if new and
     * checks it. When most successors of the last level were old ({@link #filter}), a chunk's
     * successors are copied into a batch first, which is then looked up in the owners' tables in
     * one tight loop (the lookups' memory accesses overlap), and a successor an earlier level has
     * is dropped there: one table read per successor saves the copy and the merge's read of each
     * old one. Otherwise that read would mostly find nothing, and the merge's read is enough
     * (the merge drops what an earlier level has as it drops a duplicate of this level's), so a
     * successor is copied straight to its owner's outbox: the same outboxes, in the same order.
     * False when the clock or an interrupt cut the level short (and the model did not throw: its
     * failure is reported after the merge has checked what was made before it).
     */
    private boolean expand(int base, Workers pool, boolean parallel, long deadline) {
        AtomicInteger nextChunk = new AtomicInteger();
        int size = level.size();
        int chunks = (size + CHUNK - 1) / CHUNK;
        boolean[] late = new boolean[1];
        int made = 1 - cur;
        long[] noBreak = new long[words];
        pool.run(parallel, w -> {
            Owner me = owners[w];
            Outbox[] out = me.out[made];
            Stepper<S> stepper = steppers[w];
            Batch<S> batch = batches[w];
            S scratch = parents[w];
            long[] key = new long[1];
            int[] mv = new int[1];
            Object[] parentOf = new Object[1];
            long[] parentFp = new long[1];
            SleepSets z = sleepSets == null ? null : sleepSets[w];
            boolean lookUp = filter;
            @SuppressWarnings("unchecked")
            Stepper.Sink<S> sink = lookUp ? (next, choice, began, notice) -> {
                long fp = stepper.fingerprint((S) parentOf[0], parentFp[0], next);
                long sleep = z == null ? 0 : z.child(stepper.lastEnded(), stepper.lastPerm());
                batch.add(stepper, fp, key[0] | (notice ? 1 : 0), mv[0] | choice, sleep, next);
                key[0] += 2;
            } : (next, choice, began, notice) -> {
                long fp = stepper.fingerprint((S) parentOf[0], parentFp[0], next);
                long sleep = z == null ? 0 : z.child(stepper.lastEnded(), stepper.lastPerm());
                out[owner(fp)].add(fp, key[0] | (notice ? 1 : 0), mv[0] | choice, sleep, noBreak, next);
                key[0] += 2;
            };
            for (int c = nextChunk.getAndIncrement(); c < chunks; c = nextChunk.getAndIncrement()) {
                if (System.nanoTime() > deadline || caller.isInterrupted()) {
                    late[0] = true;
                    return;
                }
                int to = Math.min(size, (c + 1) * CHUNK);
                batch.size = 0;
                Failure stepFailure = null;
                for (int i = c * CHUNK; i < to && stepFailure == null; i++) {
                    @SuppressWarnings("unchecked")
                    S s = (S) level.state(i, scratch);
                    parentOf[0] = s;
                    parentFp[0] = level.fp(i);
                    key[0] = (long) i << (SUCC_BITS + 1);
                    boolean any = false;
                    int t = -1;
                    String call = "enabled";
                    try {
                        if (z != null) {
                            call = "footprint";
                            z.state(s, level.sleep(i));
                        }
                        for (t = 0; t < n; t++) {
                            call = "enabled";
                            if (!stepper.enabled(s, t)) {
                                continue;
                            }
                            any = true;
                            if (z != null && z.asleep(t)) {
                                continue;
                            }
                            mv[0] = t << 16;
                            call = "step";
                            if (z != null) {
                                z.taking(t);
                            }
                            me.transitions += stepper.successors(s, t, sink);
                            if (z != null) {
                                z.took(t, stepper.lastEnded());
                            }
                        }
                        t = -1;
                        call = "finished";
                        if (!any && !allFinished(stepper, s)) {
                            me.deadlocks++;
                            me.firstDeadlock = Math.min(me.firstDeadlock, base + i);
                        }
                    } catch (RuntimeException | StackOverflowError | AssertionError e) {
                        // The model threw: what was made before it still gets checked, then the chunk ends.
                        stepFailure = new Failure(((long) i << 18) | ((long) (t + 1) << 2) | 1, 0, base + i, t, 0, call,
                                false, e, stepper.keepState(s));
                    }
                }
                if (!lookUp) {
                    if (stepFailure != null) {
                        me.fail(stepFailure);
                        return;
                    }
                    continue;
                }
                // The lookups first, in one loop, so their memory accesses overlap.
                int made1 = batch.size;
                boolean[] known = batch.known;
                long[] bfp = batch.fp;
                long x = 0;
                for (int j = 0; j < made1; j++) {
                    x += owners[owner(bfp[j])].seen.touch(bfp[j]);
                }
                me.warm += x;
                for (int j = 0; j < made1; j++) {
                    known[j] = owners[owner(bfp[j])].seen.contains(bfp[j]);
                }
                // Even what was made before a step threw: its owner's merge checks it, and a state
                // that breaks an invariant there is reported before the step failure it precedes.
                for (int j = 0; j < made1; j++) {
                    if (!known[j]) {
                        out[owner(bfp[j])].add(bfp[j], batch.key[j], batch.mv[j], batch.sleep[j], noBreak, batch.st[j]);
                    }
                }
                if (stepFailure != null) {
                    me.fail(stepFailure);
                    return;
                }
            }
        });
        for (Owner o : owners) {
            if (o.failure != null) {
                return true;
            }
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
     * Phase 2: each owner keeps its new successors. Every outbox is in key order (a worker takes
     * its chunks in order), so an owner that reads its outboxes merged by key meets the smallest
     * key of a state first and keeps that one; a successor an earlier level had was dropped in
     * phase 1, so what its set already has is a duplicate of this level. Then the owners' lists,
     * each in key order, are merged into the next level, whose states get their numbers.
     */
    private void merge(int base, Workers pool, boolean parallel) {
        int made = 1 - cur;
        // The invariants open when the level began (record, below, closes them only after this).
        long[] checkOpen = open.clone();
        boolean checking = !allClosed(checkOpen);
        pool.run(parallel, w -> {
            Owner me = owners[w];
            me.size = 0;
            Stepper<S> stepper = steppers[w];
            Stepper.Check<S> check = checks[w];
            // The worker's parent buffer is free until the next expansion: packed states are checked in it.
            S scratch = parents[w];
            long[] broken = new long[words];
            Outbox[] in = new Outbox[workers];
            for (int from = 0; from < workers; from++) {
                in[from] = owners[from].out[made][w];
            }
            int count = me.order(in);
            long[] seq = me.seq;
            // In runs: the home slots of a run read first, so their cache misses overlap, then the adds.
            for (int r = 0; r < count; r += WARM) {
                int end = Math.min(count, r + WARM);
                long x = 0;
                for (int j = r; j < end; j++) {
                    x += me.seen.touch(in[(int) (seq[j] >>> 32)].fp[(int) seq[j]]);
                }
                me.warm += x;
                // A state made by several edges of this level keeps the first one's sleep set: the
                // edge of its least shortest path (see SleepSets).
                for (int j = r; j < end; j++) {
                    Outbox box = in[(int) (seq[j] >>> 32)];
                    int k = (int) seq[j];
                    if (me.seen.add(box.fp[k])) {
                        me.keep(box.key[k], (int) (seq[j] >>> 32), k, box.sleep[k]);
                        if (checking && !check(me, stepper, check, box, k, scratch, checkOpen, broken, base)) {
                            return;
                        }
                    }
                }
            }
        });
        // The model's failure that a single worker meets first: a step that threw (phase 1) or a
        // check here, ranked by the edge that made the state (its least key, as the state's own).
        Failure first = null;
        for (Owner o : owners) {
            if (o.failure != null && (first == null || o.failure.before(first))) {
                first = o.failure;
            }
        }
        if (first != null) {
            throw first.report(paths, steppers[0].model(), invariants, n);
        }
        int total = 0;
        for (Owner o : owners) {
            transitions += o.transitions;
            o.transitions = 0;
            checked += o.checks;
            o.checks = 0;
            deadlocks += o.deadlocks;
            o.deadlocks = 0;
            if (o.firstDeadlock != Long.MAX_VALUE) {
                firstDeadlockId = firstDeadlockId < 0 ? o.firstDeadlock : Math.min(firstDeadlockId, o.firstDeadlock);
            }
            o.firstDeadlock = Long.MAX_VALUE;
            total += o.size;
        }
        peakBytes = Math.max(peakBytes, bytes());
        // The states of the level just expanded are no longer needed: their outboxes take the level after next.
        for (Owner o : owners) {
            for (Outbox b : o.out[cur]) {
                b.clear();
            }
        }
        cur = made;
        level.clear();
        long cap = limits.maxStates();
        int[] pos = new int[workers];
        if (visitor == null && words == 1 && parent.size() + (long) total <= cap) {
            number(total, made, base, pos);
            return;
        }
        for (int i = 0; i < total && parent.size() < cap; i++) {
            int w = smallest(pos);
            long best = owners[w].key[pos[w]];
            Owner o = owners[w];
            int k = pos[w]++;
            Outbox box = owners[o.fromWorker[k]].out[made][w];
            int at = o.at[k];
            int id = parent.size();
            parent.add(base + (int) (best >>> (SUCC_BITS + 1)));
            move.add(box.mv[at]);
            level.add(box, at, box.fp[at], o.sleep[k]);
            if ((best & 1) != 0 && notices++ == 0) {
                firstNoticeId = id;
            }
            record(id, box, at, box.broken, at * words);
        }
        for (Owner o : owners) {
            o.size = 0;
        }
    }

    /** The owner whose next new state ({@code pos}) has the least key: the merge's order. */
    private int smallest(int[] pos) {
        if (workers == 1) {
            return 0;
        }
        int w = -1;
        long best = Long.MAX_VALUE;
        for (int o = 0; o < workers; o++) {
            if (pos[o] < owners[o].size && owners[o].key[pos[o]] < best) {
                best = owners[o].key[pos[o]];
                w = o;
            }
        }
        return w;
    }

    /**
     * The end of a merge when nothing stops it part way and no visitor looks: the owners' new
     * states numbered in key order into the next level as the general loop does, with the room
     * made once, and {@link #record} called only for a state that breaks an open invariant (it has
     * nothing else to do). This loop runs on one thread between the parallel phases.
     */
    private void number(int total, int made, int base, int[] pos) {
        int first = parent.size();
        int[] parents = parent.extend(total);
        int[] moves = move.extend(total);
        level.reserve(total);
        for (int i = 0; i < total; i++) {
            int w = smallest(pos);
            int k = pos[w]++;
            Owner o = owners[w];
            long best = o.key[k];
            Outbox box = owners[o.fromWorker[k]].out[made][w];
            int at = o.at[k];
            int id = first + i;
            parents[id] = base + (int) (best >>> (SUCC_BITS + 1));
            moves[id] = box.mv[at];
            level.set(box, at, box.fp[at], o.sleep[k]);
            if ((best & 1) != 0 && notices++ == 0) {
                firstNoticeId = id;
            }
            if ((box.broken[at] & open[0]) != 0) {
                record(id, box, at, box.broken, at);
            }
        }
        for (Owner x : owners) {
            x.size = 0;
        }
    }

    /**
     * Checks the new state at {@code k} in {@code box} (kept by owner {@code me}, by its least key)
     * against the {@code open} invariants, into the box's broken words; false when an invariant
     * threw (the failure is the owner's, and its later states need no check: their keys are larger).
     */
    @SuppressWarnings("unchecked")
    private boolean check(Owner me, Stepper<S> stepper, Stepper.Check<S> check, Outbox box, int k, S scratch,
            long[] open, long[] broken, int base) {
        S st = (S) box.state(k, scratch);
        me.checks++;
        try {
            broken(check, st, open, broken);
        } catch (RuntimeException | StackOverflowError | AssertionError e) {
            long key = box.key[k];
            int i = (int) (key >>> (SUCC_BITS + 1));
            int t = box.mv[k] >>> 16;
            me.fail(new Failure(((long) i << 18) | ((long) (t + 1) << 2), key, base + i, t, box.mv[k] & 0xFFFF,
                    "invariant", true, e, stepper.object(st)));
            return false;
        }
        if (words == 1) {
            box.broken[k] = broken[0];
        } else {
            System.arraycopy(broken, 0, box.broken, k * words, words);
        }
        return true;
    }

    /**
     * A new state in search order (at {@code place} in {@code box}): the visitor sees it, and its
     * violations (the {@code words} longs of {@code broken} from {@code at}) are recorded if first.
     */
    @SuppressWarnings("unchecked")
    private void record(int id, Outbox box, int place, long[] broken, int at) {
        if (visitor != null) {
            visitor.accept(steppers[0].object((S) box.state(place, steppers[0].buffer())));
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

    /** Bytes of the search's own arrays now: visited sets, parents and moves, levels, outboxes, batches. */
    private long bytes() {
        long b = parent.bytes() + move.bytes() + level.bytes();
        for (Owner o : owners) {
            b += o.bytes();
        }
        for (Batch<S> x : batches) {
            b += x.bytes();
        }
        return b;
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
