package racetrace.search;

import java.util.Random;
import racetrace.engine.Model;
import racetrace.engine.Scenario;
import racetrace.engine.Schedule;

/** The random cases both the hunt and the jqwik arbitraries draw. */
public final class RandomCases {

    /** Longest random schedule prefix; after it the run continues without preemption. */
    public static final int DEFAULT_SCHEDULE_LENGTH = 64;

    private RandomCases() {
    }

    /** A random scenario, then half the time a uniform schedule, half the time PCT of depth 2 or 3. */
    public static Case draw(Model<?> model, int maxScheduleLength, Random random) {
        Scenario scenario = ScenarioGenerator.generate(model.space(), random);
        Schedule schedule;
        if (random.nextBoolean()) {
            int length = random.nextInt(maxScheduleLength + 1);
            schedule = ScheduleGenerator.uniform(scenario.threadCount(), length, random);
        } else {
            schedule = ScheduleGenerator.pct(model, scenario, 2 + random.nextInt(2), maxScheduleLength, random);
        }
        return new Case(model, scenario, schedule);
    }
}
