package racetrace.search;

import java.util.List;
import java.util.Random;
import racetrace.engine.Execution;
import racetrace.engine.Model;
import racetrace.engine.Scenario;
import racetrace.search.schedule.UniformRandom;

/**
 * How many steps an op of a model takes on average: PCT needs the run length k in advance to
 * place its change points. Measured once per instance on fixed-seed runs, so it is the same on
 * every machine.
 */
public final class RunLength {

    /** A guess for models not measured yet. */
    public static final double DEFAULT_STEPS_PER_OP = 10;

    private RunLength() {
    }

    public static double stepsPerOp(Model<?> model) {
        Random random = new Random(0x5EEDL);
        long steps = 0;
        long ops = 0;
        for (int i = 0; i < 64; i++) {
            Scenario s = ScenarioGenerator.generate(model.space(), random);
            Execution<?> ex = Execution.check(cast(model), s, new UniformRandom(random, 8), List.of());
            steps += ex.outcome().steps();
            ops += Math.max(1, s.opCount());
        }
        return ops == 0 ? DEFAULT_STEPS_PER_OP : Math.max(1.0, (double) steps / ops);
    }

    @SuppressWarnings("unchecked")
    private static <S> Model<S> cast(Model<?> m) {
        return (Model<S>) m;
    }
}
