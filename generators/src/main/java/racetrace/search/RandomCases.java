package racetrace.search;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import racetrace.engine.Execution;
import racetrace.engine.Invariant;
import racetrace.engine.Model;
import racetrace.engine.Scenario;
import racetrace.engine.Schedule;
import racetrace.search.schedule.RunScheduling;

/**
 * Random runs, as the hunt and the jqwik arbitraries draw them: a random scenario, run once under
 * an online random scheduler handed out by a {@link RunScheduling} (by default {@link
 * RunScheduling#MIXED}: half the time uniform over the enabled threads for a random prefix, half
 * the time PCT of a random depth 1..{@value RunScheduling#MAX_PCT_DEPTH}). The case keeps the
 * threads that ran, so it replays exactly.
 */
public final class RandomCases {

    /** Longest random prefix of the uniform scheduler; after it the run continues without preemption. */
    public static final int DEFAULT_SCHEDULE_LENGTH = 64;

    /** PCT depths drawn: 1 (no change point) up to this. */
    public static final int MAX_PCT_DEPTH = RunScheduling.MAX_PCT_DEPTH;

    private RandomCases() {
    }

    /**
     * One random run, surveyed: it ran to the end and recorded every invariant that failed.
     *
     * @param c the scenario with the threads that ran
     * @param scheduler the name of the run's scheduler ("uniform" or "pct")
     */
    public record Attempt<S>(Case c, Execution<S> execution, String scheduler) {

        /** The run up to the first failure of {@code invariant}, focused on it. */
        public Case caseFor(String invariant) {
            Integer step = execution.violations().get(invariant);
            if (step == null) {
                throw new IllegalArgumentException("the run did not violate " + invariant);
            }
            int[] executed = execution.executed().toArray();
            return new Case(c.model(), c.scenario(), Shrinker.trimTail(
                    Schedule.of(Arrays.copyOf(executed, step))), invariant);
        }
    }

    /** A random case: a scenario and the schedule one random run of it took. */
    public static Case draw(Model<?> model, int maxScheduleLength, Random random) {
        return attempt(model, null, maxScheduleLength, RunLength.DEFAULT_STEPS_PER_OP, random).c();
    }

    /** {@link #attempt(Model, List, RunScheduling, int, double, Random)} under the mixed scheduling. */
    public static <S> Attempt<S> attempt(Model<S> model, List<Invariant<S>> invariants, int maxScheduleLength,
            double stepsPerOp, Random random) {
        return attempt(model, invariants, RunScheduling.MIXED, maxScheduleLength, stepsPerOp, random);
    }

    /**
     * Draws a scenario, asks {@code scheduling} for the run's scheduler, and runs it once to the
     * end, recording every invariant among {@code invariants} (all when null) that fails on the way.
     *
     * @param stepsPerOp the expected steps per op, to place PCT's change points within the run
     */
    public static <S> Attempt<S> attempt(Model<S> model, List<Invariant<S>> invariants, RunScheduling scheduling,
            int maxScheduleLength, double stepsPerOp, Random random) {
        Scenario scenario = ScenarioGenerator.generate(model.space(), random);
        RunScheduling.Pick pick = scheduling.pick(scenario, stepsPerOp, maxScheduleLength, random);
        Execution<S> ex = Execution.survey(model, scenario, pick.scheduler(),
                invariants == null ? model.invariants() : invariants);
        Case c = new Case(model, scenario, Shrinker.trimTail(ex.executed()));
        return new Attempt<>(c, ex, pick.name());
    }
}
