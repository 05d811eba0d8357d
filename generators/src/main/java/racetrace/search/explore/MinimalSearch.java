package racetrace.search.explore;

import java.util.ArrayList;
import java.util.List;
import racetrace.engine.Fingerprint;
import racetrace.engine.Invariant;
import racetrace.engine.Model;
import racetrace.engine.Scenario;
import racetrace.engine.Schedule;
import racetrace.engine.Stepper;
import racetrace.search.Case;

/**
 * For one scenario, the run that violates an invariant with the fewest preemptions, and among
 * those the fewest steps: the measure's order within a fixed scenario. A search over (state,
 * running thread) pairs in order of (preemptions, steps): each preemption count is a layer
 * searched breadth-first, seeded by the preempting steps out of the layer below. The first
 * violating pair settled is minimal, so the answer is proven minimal when the search is complete.
 */
public final class MinimalSearch {

    private MinimalSearch() {
    }

    /**
     * The outcome.
     *
     * @param found the minimal violating case (focused on the invariant), or null
     * @param proven whether the search covered every (state, thread) pair it had to (up to the
     *     preemption bound, when one was given): then no run of the scenario violates with fewer
     *     preemptions, or as many and fewer steps, and a null {@code found} means none violates
     *     within the bound
     * @param nodes (state, running thread) pairs settled
     * @param stopReason why the search stopped before proving, or null
     */
    public record Result(Case found, int preemptions, int steps, boolean proven, long nodes, String stopReason) {
    }

    private record Entry<S>(S state, long fp, int current, int parent, int thread) {
    }

    public static <S> Result search(Model<S> model, Scenario scenario, String invariant, Limits limits) {
        return search(model, scenario, invariant, Integer.MAX_VALUE, limits);
    }

    /**
     * @param maxPreemptions layers above this are not searched (a known counterexample's count)
     */
    public static <S> Result search(Model<S> model, Scenario scenario, String invariant, int maxPreemptions,
            Limits limits) {
        Invariant<S> inv = model.invariants().stream().filter(i -> i.name().equals(invariant)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(model.instance() + " has no invariant " + invariant));
        long deadline = limits.deadlineNanos(System.nanoTime());
        int n = scenario.threadCount();
        FingerprintTable settled = new FingerprintTable(1 << 12);
        FingerprintTable.Ints parent = new FingerprintTable.Ints();
        FingerprintTable.Ints thread = new FingerprintTable.Ints();
        boolean[] enabled = new boolean[n];

        List<List<Entry<S>>> layer = new ArrayList<>();
        Stepper<S> stepper = Stepper.of(model, scenario);
        S init = StateSpace.start(stepper, model, scenario);
        add(layer, 0, new Entry<>(init, model.fingerprint(init), -1, -1, -1));
        // Pairs waiting to be settled hold their states: the frontier, not only the settled
        // table, is bounded by the cap, so memory is too (a many-thread scenario's frontier grows
        // by one pair per enabled thread for each pair settled).
        long pending = 1;
        for (int p = 0; p <= maxPreemptions && !layer.isEmpty(); p++) {
            List<List<Entry<S>>> above = new ArrayList<>();
            for (int s = 0; s < layer.size(); s++) {
                List<Entry<S>> bucket = layer.get(s);
                // The bucket grows while it is read: steps that do not preempt land in s+1.
                for (int b = 0; b < bucket.size(); b++) {
                    Entry<S> e = bucket.get(b);
                    bucket.set(b, null);
                    pending--;
                    long key = Fingerprint.mix(e.fp(), e.current() + 1);
                    int id = settled.size();
                    if (settled.putIfAbsent(key, id) >= 0) {
                        continue;
                    }
                    parent.add(e.parent());
                    thread.add(e.thread());
                    boolean holds;
                    try {
                        holds = inv.holds(model, e.state(), n);
                    } catch (RuntimeException | StackOverflowError | AssertionError x) {
                        throw racetrace.engine.ModelFailure.of(x, model, scenario, StateSpace.path(parent, thread, id),
                                "invariant " + invariant, -1, e.state());
                    }
                    if (!holds) {
                        Schedule path = StateSpace.path(parent, thread, id);
                        return new Result(new Case(model, scenario, path, invariant), p, s, true, settled.size(), null);
                    }
                    if (settled.size() >= limits.maxStates()) {
                        return new Result(null, -1, -1, false, settled.size(),
                                "cap of " + limits.maxStates() + " (state, thread) pairs reached");
                    }
                    if ((settled.size() & 0x3FF) == 1) {
                        if (System.nanoTime() > deadline) {
                            return new Result(null, -1, -1, false, settled.size(),
                                    "time cap " + limits.maxTime() + " reached");
                        }
                        // Asked to stop (a caller cancelling, Ctrl-C): not proven. The flag stays set for the caller.
                        if (Thread.currentThread().isInterrupted()) {
                            return new Result(null, -1, -1, false, settled.size(), "interrupted");
                        }
                    }
                    boolean currentEnabled = false;
                    int at = 0;
                    try {
                        for (at = 0; at < n; at++) {
                            enabled[at] = stepper.enabled(e.state(), at);
                        }
                    } catch (RuntimeException | StackOverflowError | AssertionError x) {
                        throw StateSpace.failure(x, model, scenario, StateSpace.path(parent, thread, id), at, e.state());
                    }
                    if (e.current() >= 0) {
                        currentEnabled = enabled[e.current()];
                    }
                    for (int t = 0; t < n; t++) {
                        boolean preempts = currentEnabled && t != e.current();
                        // A preempting step out of the top layer would be dropped: not computed.
                        if (!enabled[t] || preempts && p >= maxPreemptions) {
                            continue;
                        }
                        S next;
                        long fp;
                        try {
                            next = stepper.step(e.state(), t, 0).next();
                            fp = model.fingerprint(next);
                        } catch (RuntimeException | StackOverflowError | AssertionError x) {
                            throw StateSpace.failure(x, model, scenario, StateSpace.path(parent, thread, id), t,
                                    e.state());
                        }
                        Entry<S> succ = new Entry<>(next, fp, t, id, t);
                        if (!preempts) {
                            add(layer, s + 1, succ);
                            pending++;
                        } else {
                            add(above, s + 1, succ);
                            pending++;
                        }
                    }
                    if (pending > limits.maxStates()) {
                        return new Result(null, -1, -1, false, settled.size(), "frontier of more than "
                                + limits.maxStates() + " (state, thread) pairs waiting");
                    }
                }
                layer.set(s, List.of());
            }
            layer = above;
        }
        return new Result(null, -1, -1, true, settled.size(), null);
    }

    private static <S> void add(List<List<Entry<S>>> buckets, int s, Entry<S> e) {
        while (buckets.size() <= s) {
            buckets.add(new ArrayList<>());
        }
        buckets.get(s).add(e);
    }
}
