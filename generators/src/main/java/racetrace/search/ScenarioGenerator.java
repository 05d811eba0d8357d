package racetrace.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import racetrace.engine.ActorKind;
import racetrace.engine.Config;
import racetrace.engine.Op;
import racetrace.engine.Param;
import racetrace.engine.Scenario;
import racetrace.engine.ScenarioSpace;
import racetrace.engine.ThreadScript;

/** Draws random scenarios within a model's bounds. */
public final class ScenarioGenerator {

    private ScenarioGenerator() {
    }

    public static Scenario generate(ScenarioSpace space, Random random) {
        return generate(space, random, Integer.MAX_VALUE);
    }

    /**
     * A random scenario whose scripts have at most {@code maxOpsPerThread} ops (or the actor's
     * minimum, if larger): small scenarios for exhaustive exploration, where the search covers
     * every interleaving and long scripts only multiply the states.
     */
    public static Scenario generate(ScenarioSpace space, Random random, int maxOpsPerThread) {
        Map<String, Integer> values = new LinkedHashMap<>();
        for (Param p : space.params()) {
            values.put(p.name(), between(random, p.min(), p.max()));
        }
        Config config = new Config(values);
        List<ThreadScript> threads = new ArrayList<>();
        for (ActorKind kind : space.actors(config)) {
            List<Op> alphabet = space.alphabet(config, kind.name());
            int count = between(random, kind.minThreads(), kind.maxThreads());
            for (int i = 0; i < count; i++) {
                int most = Math.max(kind.minOps(), Math.min(kind.maxOps(), maxOpsPerThread));
                int length = alphabet.isEmpty() ? 0 : between(random, kind.minOps(), most);
                List<Op> ops = new ArrayList<>(length);
                for (int j = 0; j < length; j++) {
                    ops.add(alphabet.get(random.nextInt(alphabet.size())));
                }
                threads.add(new ThreadScript(kind.name(), ops));
            }
        }
        return new Scenario(config, threads);
    }

    static int between(Random random, int min, int max) {
        return min + random.nextInt(max - min + 1);
    }
}
