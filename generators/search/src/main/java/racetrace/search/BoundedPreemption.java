package racetrace.search;

import java.util.Arrays;
import java.util.List;
import racetrace.engine.Execution;
import racetrace.engine.Invariant;
import racetrace.engine.Model;
import racetrace.engine.Scenario;
import racetrace.engine.Schedule;

/**
 * Exhaustive search of one scenario over every schedule with at most {@code k} preemptions
 * (Musuvathi and Qadeer's context bounding): a small bound already covers most concurrency bugs
 * and keeps the count of schedules polynomial in the run length.
 */
public final class BoundedPreemption {

    private BoundedPreemption() {
    }

    /** How the enumeration ended: the first violating schedule (or null), and how many runs it completed. */
    public record Result(Schedule violating, String invariant, long schedules, boolean truncated) {
    }

    public static <S> Result explore(Model<S> model, Scenario scenario, int maxPreemptions, long maxSchedules) {
        return explore(model, scenario, null, maxPreemptions, maxSchedules);
    }

    /** The same, checking only the named invariants (all when {@code only} is null). */
    public static <S> Result explore(Model<S> model, Scenario scenario, List<String> only, int maxPreemptions,
            long maxSchedules) {
        List<Invariant<S>> invariants = only == null ? model.invariants()
                : model.invariants().stream().filter(i -> only.contains(i.name())).toList();
        Explorer<S> e = new Explorer<>(model, scenario, invariants, maxPreemptions, maxSchedules);
        S start = model.initial(scenario);
        String broken = e.broken(start);
        if (broken != null) {
            return new Result(Schedule.empty(), broken, 1, false);
        }
        e.dfs(start, -1, 0, 0);
        return new Result(e.found, e.invariant, e.schedules, e.schedules >= maxSchedules && e.found == null);
    }

    private static final class Explorer<S> {
        final Model<S> model;
        final int n;
        final List<Invariant<S>> invariants;
        final int bound;
        final long max;
        int[] path = new int[64];
        long schedules;
        Schedule found;
        String invariant;

        Explorer(Model<S> model, Scenario scenario, List<Invariant<S>> invariants, int bound, long max) {
            this.model = model;
            this.n = scenario.threadCount();
            this.invariants = invariants;
            this.bound = bound;
            this.max = max;
        }

        String broken(S s) {
            for (Invariant<S> i : invariants) {
                if (!i.holds(s)) {
                    return i.name();
                }
            }
            return null;
        }

        void dfs(S state, int current, int preemptions, int depth) {
            if (found != null || schedules >= max) {
                return;
            }
            if (depth >= Execution.DEFAULT_STEP_LIMIT) {
                schedules++;
                return;
            }
            boolean currentEnabled = current >= 0 && model.enabled(state, current);
            boolean any = false;
            // The running thread first: schedules without preemptions come out first.
            for (int k = 0; k < n && found == null; k++) {
                int t = current >= 0 ? (current + k) % n : k;
                if (!model.enabled(state, t)) {
                    continue;
                }
                any = true;
                int p = preemptions + (currentEnabled && t != current ? 1 : 0);
                if (p > bound) {
                    continue;
                }
                if (depth == path.length) {
                    path = Arrays.copyOf(path, path.length * 2);
                }
                path[depth] = t;
                S next = model.step(state, t).next();
                String b = broken(next);
                if (b != null) {
                    found = Schedule.of(Arrays.copyOf(path, depth + 1));
                    invariant = b;
                    schedules++;
                    return;
                }
                dfs(next, t, p, depth + 1);
            }
            if (!any) {
                schedules++;
            }
        }
    }
}
