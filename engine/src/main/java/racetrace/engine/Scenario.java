package racetrace.engine;

import java.util.List;

/** The generated input of a run: a configuration and one op script per thread. A plain value. */
public record Scenario(Config config, List<ThreadScript> threads) {

    public Scenario {
        threads = List.copyOf(threads);
    }

    public int threadCount() {
        return threads.size();
    }

    public int opCount() {
        int n = 0;
        for (ThreadScript t : threads) {
            n += t.ops().size();
        }
        return n;
    }
}
