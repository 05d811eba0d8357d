package racetrace.cli;

import picocli.CommandLine.Option;
import racetrace.engine.BadInputException;
import racetrace.search.Parallel;
import racetrace.search.hunt.Strategy;
import racetrace.search.hunt.Work;

/** How a hunt spends its work: strategy, the ladder's states and scope, the swarm's scenarios, workers. */
public final class SearchOptions {

    @Option(names = "--strategy", paramLabel = "NAME",
            description = "portfolio, random, uniform, pct, scope or swarm (default ${DEFAULT-VALUE})")
    String strategy = Strategy.PORTFOLIO.id();

    @Option(names = "--states", paramLabel = "N",
            description = "states the scope ladder may explore per instance, 1 to 1000000000000 (default "
                    + "${DEFAULT-VALUE}): its work, or with --scope a cap; a ladder that runs out before --scope is "
                    + "complete makes the hunt inconclusive (exit 4)")
    long states = Work.DEFAULT_STATES;

    @Option(names = "--swarm", paramLabel = "N",
            description = "random scenarios the swarm explores exhaustively per instance (work), each up to "
                    + "30000 states, 0 to 100000000 (default ${DEFAULT-VALUE})")
    int swarm = Work.DEFAULT_SWARM;

    @Option(names = "--scope", paramLabel = "S",
            description = "a scope threads<=S,ops<=S the ladder must complete, 0 to 20 (default 0: as far as --states "
                    + "goes); not completed (--states ran out, a scenario too large), the hunt is inconclusive (exit 4)")
    int scope = Work.DEFAULT_SCOPE;

    @Option(names = "--workers", paramLabel = "N",
            description = "threads to search on, 1 to 1024 (default: every core; results do not depend on it)")
    int workers = Parallel.cores();

    Strategy validate() {
        Checks.count("--states", states, 1, 1_000_000_000_000L, "states");
        Checks.count("--swarm", swarm, 0, 100_000_000, "scenarios");
        Checks.count("--scope", scope, 0, 20, "threads and ops");
        Checks.count("--workers", workers, 1, 1024, "threads");
        Strategy s = Strategy.parse(strategy);
        if (s == Strategy.SWARM && swarm == 0) {
            throw new BadInputException("--swarm 0 leaves --strategy swarm nothing to do; give --swarm 1 or more "
                    + "(default " + Work.DEFAULT_SWARM + ")");
        }
        return s;
    }

    /** The work of each instance: {@code tries} random runs and these options. */
    Work work(int tries) {
        return new Work(tries, states, swarm, scope);
    }
}
