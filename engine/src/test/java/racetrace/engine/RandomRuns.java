package racetrace.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random scenarios and schedules drawn from a model's space, for the tests. */
public final class RandomRuns {

    private RandomRuns() {
    }

    public static Scenario scenario(Model<?> model, Random rnd) {
        ScenarioSpace space = model.space();
        Config config = Config.empty();
        for (Param p : space.params()) {
            config = config.with(p.name(), p.min() + rnd.nextInt(p.max() - p.min() + 1));
        }
        return scenario(model, config, rnd);
    }

    /** Threads drawn for a configuration: each actor's thread count and ops within its bounds. */
    public static Scenario scenario(Model<?> model, Config config, Random rnd) {
        ScenarioSpace space = model.space();
        List<ThreadScript> threads = new ArrayList<>();
        for (ActorKind k : space.actors(config)) {
            int n = k.minThreads() + rnd.nextInt(k.maxThreads() - k.minThreads() + 1);
            List<Op> alphabet = space.alphabet(config, k.name());
            for (int i = 0; i < n; i++) {
                int len = k.minOps() + rnd.nextInt(k.maxOps() - k.minOps() + 1);
                List<Op> ops = new ArrayList<>();
                for (int j = 0; j < len; j++) {
                    ops.add(alphabet.get(rnd.nextInt(alphabet.size())));
                }
                threads.add(new ThreadScript(k.name(), ops));
            }
        }
        return new Scenario(config, threads);
    }

    public static Schedule schedule(Random rnd, int threads, int length) {
        int[] c = new int[length];
        for (int i = 0; i < length; i++) {
            c[i] = rnd.nextInt(Math.max(1, threads));
        }
        return Schedule.of(c);
    }
}
