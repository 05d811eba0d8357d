package racetrace.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import racetrace.search.hunt.Cap;
import racetrace.search.hunt.HuntOptions;
import racetrace.search.hunt.Work;

/**
 * The budget of a hunt: its seed, its random runs (work), and the time cap that may cut it short.
 * The work bounds make a hunt deterministic; the cap does not, and a hunt it cuts is inconclusive.
 */
public final class Budget {

    /** The shortest time cap: below it an instance could end before its first run. */
    static final double MIN_SECONDS = 0.1;

    @Mixin
    Seed seed;

    @Option(names = "--tries", paramLabel = "N",
            description = "random runs per instance (work), 1 to 2147483647 (default ${DEFAULT-VALUE})")
    int tries = Work.DEFAULT_TRIES;

    @Option(names = "--seconds", paramLabel = "S",
            description = "a time cap per instance, search and minimisation together, 0.1 to 604800 (default: none; "
                    + "the work bounds alone end a hunt, so its results do not depend on the machine). A hunt the cap "
                    + "stops before its work is done is inconclusive (exit 4) unless it found a violation")
    Double seconds;

    void validate() {
        Checks.count("--tries", tries, 1, Integer.MAX_VALUE, "runs");
        if (seconds != null) {
            Checks.seconds("--seconds", seconds, MIN_SECONDS);
        }
    }

    long seed() {
        return seed.seed;
    }

    /** The cap --seconds sets, or none. */
    Cap cap() {
        return seconds == null ? Cap.NONE : Cap.seconds(seconds);
    }

    /** The random seed (hunt, bench, conform). */
    public static final class Seed {
        @Option(names = "--seed", paramLabel = "N",
                description = "random seed, any integer (default ${DEFAULT-VALUE}); same seed and work bounds, same "
                        + "results")
        long seed = HuntOptions.DEFAULT_SEED;
    }
}
