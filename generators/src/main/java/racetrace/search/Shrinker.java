package racetrace.search;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import racetrace.engine.Execution;
import racetrace.engine.Measure;
import racetrace.engine.Op;
import racetrace.engine.Outcome;
import racetrace.engine.Schedule;
import racetrace.search.explore.Limits;
import racetrace.search.explore.MinimalSearch;

/**
 * Greedy shrinking of a failing case, keeping the same violated invariant: take the first
 * candidate that still violates it and is smaller, normalise, repeat until no candidate is
 * smaller. When stuck, each smaller scenario gets a bounded search for a schedule of its own
 * (dropping a thread often needs a different interleaving of the rest). Deterministic: no
 * randomness and no clock.
 */
public final class Shrinker {

    /** Upper bound on candidate runs, so a huge case cannot shrink forever. */
    public static final int DEFAULT_MAX_RUNS = 200_000;

    private Shrinker() {
    }

    /** The result of shrinking: the smallest case found, its measure, and how much work it took. */
    public record Result(Case shrunk, String invariant, Measure measure, int accepted, int runs) {
    }

    public static Result shrink(Case failing, String invariant) {
        return shrink(failing, invariant, DEFAULT_MAX_RUNS);
    }

    public static Result shrink(Case failing, String invariant, int maxRuns) {
        return shrink(failing, invariant, maxRuns, Long.MAX_VALUE);
    }

    /**
     * The same, stopping at {@code deadlineNanos} ({@link System#nanoTime()}; {@link Long#MAX_VALUE}
     * for none) with the smallest case so far: only a caller's time cap makes shrinking depend on
     * the clock.
     */
    public static Result shrink(Case failing, String invariant, int maxRuns, long deadlineNanos) {
        List<String> only = List.of(invariant);
        Case current = failing.focusedOn(invariant);
        Execution<?> ex = current.check(only);
        if (!(ex.outcome() instanceof Outcome.Violated v) || !v.invariant().equals(invariant)) {
            throw new IllegalArgumentException("case does not violate " + invariant + ": " + ex.outcome());
        }
        Best best = new Best(current, ex);
        int runs = 1;
        while (runs < maxRuns && before(deadlineNanos)) {
            boolean progress = false;
            Iterator<Case> it = Candidates.of(best.current).iterator();
            while (it.hasNext() && runs < maxRuns && ((runs & 0xFF) != 0 || before(deadlineNanos))) {
                Case candidate = it.next();
                Execution<?> cx = candidate.check(only);
                runs++;
                if (cx.outcome() instanceof Outcome.Violated cv && cv.invariant().equals(invariant)
                        && best.offer(candidate, cx)) {
                    progress = true;
                    break;
                }
            }
            if (progress) {
                continue;
            }
            // Stuck: a smaller scenario may still fail under another schedule. Search for one.
            Iterator<Case> scenarios = Candidates.ofScenario(best.current).iterator();
            while (scenarios.hasNext() && runs < maxRuns && !progress && before(deadlineNanos)) {
                Case smaller = scenarios.next();
                int[] spent = new int[1];
                Case found = research(smaller, invariant, best.rank.measure().preemptions(), spent);
                runs += spent[0];
                if (found != null && best.offer(found, found.check(only))) {
                    progress = true;
                }
            }
            if (!progress) {
                break;
            }
        }
        Execution<?> last = best.current.check(only);
        return new Result(best.current, invariant, last.measure(), best.accepted, runs);
    }

    /** The smallest failing case so far (normalised), its rank, and how many smaller ones were taken. */
    private static final class Best {
        Case current;
        Rank rank;
        int accepted;

        Best(Case failing, Execution<?> ex) {
            current = normalised(failing, ex);
            rank = Rank.of(current, ex);
        }

        /** Takes {@code c}, failing as {@code ex} shows, when normalised it ranks below the best so far. */
        boolean offer(Case c, Execution<?> ex) {
            Case norm = normalised(c, ex);
            Rank r = Rank.of(norm, ex);
            if (r.compareTo(rank) >= 0) {
                return false;
            }
            current = norm;
            rank = r;
            accepted++;
            return true;
        }
    }

    private static boolean before(long deadlineNanos) {
        return deadlineNanos == Long.MAX_VALUE || System.nanoTime() < deadlineNanos;
    }

    /** (state, thread) pairs a smaller scenario's own schedule search may settle. */
    static final int RESEARCH_NODES = 20_000;

    /**
     * Looks for a schedule under which a (smaller) scenario violates the invariant: the search in
     * the measure's order over its states, capped, so what it finds has the fewest preemptions.
     */
    static Case research(Case smaller, String invariant, int preemptions, int[] spent) {
        MinimalSearch.Result r = MinimalSearch.search(smaller.model(), smaller.scenario(), invariant, preemptions,
                Limits.states(RESEARCH_NODES));
        spent[0] += (int) Math.min(Integer.MAX_VALUE, r.nodes());
        return r.found();
    }

    /** The executed thread sequence up to the violation: same run, no fall-through choices. */
    public static Case normalised(Case c, Execution<?> ex) {
        Schedule executed = ex.executed();
        return c.withSchedule(trimTail(executed));
    }

    /**
     * Choices at the end that only continue the running thread are implied: drop them. The first
     * choice stays: without it the lowest enabled thread would start.
     */
    public static Schedule trimTail(Schedule s) {
        int n = s.length();
        while (n >= 2 && s.choice(n - 1) == s.choice(n - 2)) {
            n--;
        }
        return Schedule.of(Arrays.copyOf(s.toArray(), n));
    }

    /** The measure, then tie-breakers that make every accepted step strictly smaller. */
    record Rank(Measure measure, int config, int opIndices, int scheduleLength, int scheduleSum)
            implements Comparable<Rank> {

        static Rank of(Case c, Execution<?> ex) {
            int config = c.scenario().config().values().values().stream().mapToInt(Integer::intValue).sum();
            int opIndices = 0;
            for (var t : c.scenario().threads()) {
                List<Op> alphabet = c.model().space().alphabet(c.scenario().config(), t.actor());
                for (var op : t.ops()) {
                    opIndices += alphabet.indexOf(op);
                }
            }
            int sum = 0;
            for (int i = 0; i < c.schedule().length(); i++) {
                sum += c.schedule().choice(i);
            }
            return new Rank(ex.measure(), config, opIndices, c.schedule().length(), sum);
        }

        @Override
        public int compareTo(Rank o) {
            int m = measure.compareTo(o.measure);
            if (m != 0) {
                return m;
            }
            if (config != o.config) {
                return Integer.compare(config, o.config);
            }
            if (opIndices != o.opIndices) {
                return Integer.compare(opIndices, o.opIndices);
            }
            if (scheduleLength != o.scheduleLength) {
                return Integer.compare(scheduleLength, o.scheduleLength);
            }
            return Integer.compare(scheduleSum, o.scheduleSum);
        }
    }
}
