package racetrace.search.jqwik;

import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCases;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Shrinkable;
import racetrace.engine.Model;
import racetrace.engine.Scenario;
import racetrace.engine.Schedule;
import racetrace.search.Case;
import racetrace.search.RandomCases;
import racetrace.search.ScenarioGenerator;

/**
 * jqwik arbitraries over a model: scenarios within its bounds, schedules, and the two generated
 * and shrunk together as a {@link Case}. Generation and shrink candidates come from the plain-Java
 * search core; jqwik drives the shrinking.
 */
public final class RaceArbitraries {

    private RaceArbitraries() {
    }

    /** Cases: a random scenario, then a uniform or a PCT schedule for it, shrunk together. */
    public static Arbitrary<Case> cases(Model<?> model) {
        return cases(model, RandomCases.DEFAULT_SCHEDULE_LENGTH);
    }

    public static Arbitrary<Case> cases(Model<?> model, int maxScheduleLength) {
        return new FixedArbitrary<>(random -> new CaseShrinkable(RandomCases.draw(model, maxScheduleLength, random)));
    }

    /** Scenarios alone, shrunk by dropping threads and ops and shrinking the configuration. */
    public static Arbitrary<Scenario> scenarios(Model<?> model) {
        return new FixedArbitrary<>(random -> new CaseShrinkable(
                new Case(model, ScenarioGenerator.generate(model.space(), random), Schedule.empty()), false)
                .map(Case::scenario));
    }

    /** An arbitrary from a function of jqwik's random source to a shrinkable. */
    private record FixedArbitrary<T>(Function<Random, Shrinkable<T>> source)
            implements Arbitrary<T> {

        @Override
        public RandomGenerator<T> generator(int genSize) {
            return source::apply;
        }

        @Override
        public EdgeCases<T> edgeCases(int maxEdgeCases) {
            return EdgeCases.none();
        }
    }
}
