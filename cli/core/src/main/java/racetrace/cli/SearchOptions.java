package racetrace.cli;

import picocli.CommandLine.Option;
import racetrace.search.hunt.HuntOptions;
import racetrace.search.hunt.Strategy;
import racetrace.search.Parallel;

/** How a hunt spends its budget: strategy, the ladder's states, the swarm's scenarios, largest scope, workers. */
public final class SearchOptions {

    @Option(names = "--strategy", paramLabel = "NAME",
            description = "portfolio, random, uniform, pct, scope or swarm (default ${DEFAULT-VALUE})")
    String strategy = Strategy.PORTFOLIO.id();

    @Option(names = "--states", paramLabel = "N",
            description = "states the scope ladder may explore per instance, 1 to 1000000000000 (default ${DEFAULT-VALUE})")
    long states = HuntOptions.DEFAULT_STATES;

    @Option(names = "--swarm", paramLabel = "N",
            description = "random scenarios the swarm may explore exhaustively per instance, each up to "
                    + "30000 states, 0 to 100000000 (default ${DEFAULT-VALUE})")
    int swarm = HuntOptions.DEFAULT_SWARM;

    @Option(names = "--scope", paramLabel = "S",
            description = "the largest scope of the ladder, threads<=S,ops<=S, 0 to 20 (default 0: as far as --states "
                    + "goes)")
    int scope;

    @Option(names = "--workers", paramLabel = "N",
            description = "threads to search on, 1 to 1024 (default: every core; results do not depend on it)")
    int workers = Parallel.cores();

    Strategy validate() {
        Checks.count("--states", states, 1, 1_000_000_000_000L, "states");
        Checks.count("--swarm", swarm, 0, 100_000_000, "scenarios");
        Checks.count("--scope", scope, 0, 20, "threads and ops");
        Checks.count("--workers", workers, 1, 1024, "threads");
        return Strategy.parse(strategy);
    }
}
