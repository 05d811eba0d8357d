package racetrace.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import racetrace.search.hunt.HuntOptions;

/** The budget of a search: seed, random runs and seconds per instance (hunt, bench). */
public final class Budget {

    /** The shortest time budget: below it an instance could end before its first run. */
    static final double MIN_SECONDS = 0.1;

    @Mixin
    Seed seed;

    @Option(names = "--tries", paramLabel = "N",
            description = "random runs per instance, 1 to 2147483647 (default ${DEFAULT-VALUE})")
    int tries = HuntOptions.DEFAULT_TRIES;

    @Option(names = "--seconds", paramLabel = "S",
            description = "time limit per instance, 0.1 to 604800 (default ${DEFAULT-VALUE}); the hunt stops at "
                    + "--tries or --seconds, whichever comes first")
    double seconds = HuntOptions.DEFAULT_SECONDS;

    void validate() {
        Checks.count("--tries", tries, 1, Integer.MAX_VALUE, "runs");
        Checks.seconds("--seconds", seconds, MIN_SECONDS);
    }

    long seed() {
        return seed.seed;
    }

    /** The random seed (hunt, bench, conform). */
    public static final class Seed {
        @Option(names = "--seed", paramLabel = "N",
                description = "random seed, any integer (default ${DEFAULT-VALUE}); same seed and --tries, same results")
        long seed = HuntOptions.DEFAULT_SEED;
    }
}
