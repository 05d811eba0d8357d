package racetrace.search;

import java.util.Arrays;
import java.util.Random;
import racetrace.engine.Model;
import racetrace.engine.Scenario;
import racetrace.engine.Schedule;

/** Random schedules: uniform choices, or PCT (priorities with change points). */
public final class ScheduleGenerator {

    private ScheduleGenerator() {
    }

    /** {@code length} uniform choices among {@code threads} threads. */
    public static Schedule uniform(int threads, int length, Random random) {
        int[] choices = new int[length];
        for (int i = 0; i < length; i++) {
            choices[i] = threads <= 1 ? 0 : random.nextInt(threads);
        }
        return Schedule.of(choices);
    }

    /**
     * A PCT schedule (Burckhardt et al. 2010): random distinct thread priorities, the highest
     * enabled thread runs, and at {@code depth - 1} random steps the running thread drops to the
     * lowest priority. Finds a bug of depth d among n threads and k steps with probability at
     * least 1/(n k^(d-1)). Runs the model to produce the sequence of threads it chose.
     *
     * @param expectedSteps k, the range the change points are drawn from
     */
    public static <S> Schedule pct(Model<S> model, Scenario scenario, int depth, int expectedSteps,
            Random random) {
        int n = scenario.threadCount();
        if (n == 0) {
            return Schedule.empty();
        }
        int[] priority = new int[n];
        for (int i = 0; i < n; i++) {
            priority[i] = depth + i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = priority[i];
            priority[i] = priority[j];
            priority[j] = tmp;
        }
        int[] changeAt = new int[Math.max(0, depth - 1)];
        for (int i = 0; i < changeAt.length; i++) {
            changeAt[i] = random.nextInt(Math.max(1, expectedSteps));
        }
        int[] taken = new int[expectedSteps + 8];
        S state = model.initial(scenario);
        int steps = 0;
        int limit = racetrace.engine.Execution.DEFAULT_STEP_LIMIT;
        while (steps < limit) {
            int best = -1;
            for (int t = 0; t < n; t++) {
                if (model.enabled(state, t) && (best < 0 || priority[t] > priority[best])) {
                    best = t;
                }
            }
            if (best < 0) {
                break;
            }
            for (int c = 0; c < changeAt.length; c++) {
                if (changeAt[c] == steps) {
                    priority[best] = depth - 1 - c;
                }
            }
            if (steps == taken.length) {
                taken = Arrays.copyOf(taken, taken.length * 2);
            }
            taken[steps++] = best;
            state = model.step(state, best).next();
        }
        return Schedule.of(Arrays.copyOf(taken, steps));
    }
}
