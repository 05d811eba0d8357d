package racetrace.search.schedule;

import java.util.Random;
import racetrace.engine.Scenario;
import racetrace.engine.Scheduler;

/**
 * How a random run chooses its threads: a source that hands out a fresh scheduler for each run
 * (a {@link Scheduler} is stateful and serves one run). A strategy that names one scheduler asks
 * its own source, so it never draws runs of another kind only to discard them.
 */
public interface RunScheduling {

    /** PCT depths drawn: 1 (no change point) up to this. */
    int MAX_PCT_DEPTH = 5;

    /**
     * The scheduler of one run, drawn from {@code random} after the scenario.
     *
     * @param stepsPerOp the expected steps per op, to place PCT's change points within the run
     * @param maxScheduleLength the longest random prefix of a uniform schedule
     */
    Pick pick(Scenario scenario, double stepsPerOp, int maxScheduleLength, Random random);

    /** A run's scheduler and the name reports give it ("uniform", "pct"). */
    record Pick(Scheduler scheduler, String name) {
    }

    /** Uniform over the enabled threads for a random prefix (0 to the longest), then no preemption. */
    RunScheduling UNIFORM = (scenario, stepsPerOp, maxScheduleLength, random) ->
            new Pick(new UniformRandom(random, random.nextInt(maxScheduleLength + 1)), "uniform");

    /** PCT of a random depth 1..{@value #MAX_PCT_DEPTH}, change points within the expected run length. */
    RunScheduling PCT = (scenario, stepsPerOp, maxScheduleLength, random) -> {
        int depth = 1 + random.nextInt(MAX_PCT_DEPTH);
        int k = Math.max(1, (int) Math.round(stepsPerOp * Math.max(1, scenario.opCount())));
        return new Pick(new Pct(Math.max(1, scenario.threadCount()), depth, k, random), "pct");
    };

    /** Uniform or PCT, half each (a coin per run). */
    RunScheduling MIXED = (scenario, stepsPerOp, maxScheduleLength, random) -> random.nextBoolean()
            ? UNIFORM.pick(scenario, stepsPerOp, maxScheduleLength, random)
            : PCT.pick(scenario, stepsPerOp, maxScheduleLength, random);
}
