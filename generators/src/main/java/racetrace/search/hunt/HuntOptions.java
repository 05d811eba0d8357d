package racetrace.search.hunt;

import racetrace.search.Parallel;
import racetrace.search.RandomCases;

/**
 * The budget of a hunt on one instance. Work bounds ({@code tries} random runs, {@code states}
 * for the scope ladder, {@code swarm} random scenarios explored exhaustively, the largest scope)
 * make a hunt deterministic for a seed, whatever the number of workers; {@code seconds} is a
 * wall-clock cap, and a hunt it cuts short says so.
 *
 * @param seed the random seed
 * @param tries random runs (uniform or PCT, one run per scenario)
 * @param states states the scope ladder may explore
 * @param swarm random scenarios the swarm may explore exhaustively (each up to a state cap)
 * @param seconds wall-clock cap
 * @param strategy what to spend the budget on
 * @param maxScope the last scope of the ladder, threads<=s,ops<=s (0: as far as the budget goes)
 * @param workers threads to search on
 * @param maxScheduleLength longest random prefix of a uniform schedule
 * @param firstOnly stop at the first counterexample and do not shrink it (for measuring the
 *     time to the first one)
 */
public record HuntOptions(long seed, int tries, long states, int swarm, double seconds, Strategy strategy,
        int maxScope, int workers, int maxScheduleLength, boolean firstOnly) {

    public static final long DEFAULT_SEED = 1;
    public static final int DEFAULT_TRIES = 20_000;
    public static final long DEFAULT_STATES = 100_000_000;
    public static final int DEFAULT_SWARM = 12_000;
    public static final double DEFAULT_SECONDS = 60;

    public HuntOptions(long seed, int tries, long states, double seconds, Strategy strategy, int maxScope,
            int workers, int maxScheduleLength) {
        this(seed, tries, states, DEFAULT_SWARM, seconds, strategy, maxScope, workers, maxScheduleLength, false);
    }

    public HuntOptions(long seed, int tries, double seconds, int maxScheduleLength) {
        this(seed, tries, DEFAULT_STATES, seconds, Strategy.PORTFOLIO, 0, Parallel.cores(), maxScheduleLength);
    }

    public static HuntOptions defaults() {
        return new HuntOptions(DEFAULT_SEED, DEFAULT_TRIES, DEFAULT_SECONDS, RandomCases.DEFAULT_SCHEDULE_LENGTH);
    }

    public HuntOptions withStrategy(Strategy s) {
        return new HuntOptions(seed, tries, states, swarm, seconds, s, maxScope, workers, maxScheduleLength,
                firstOnly);
    }

    public HuntOptions withWorkers(int w) {
        return new HuntOptions(seed, tries, states, swarm, seconds, strategy, maxScope, w, maxScheduleLength,
                firstOnly);
    }

    public HuntOptions withSeed(long s) {
        return new HuntOptions(s, tries, states, swarm, seconds, strategy, maxScope, workers, maxScheduleLength,
                firstOnly);
    }

    public HuntOptions withSwarm(int n) {
        return new HuntOptions(seed, tries, states, n, seconds, strategy, maxScope, workers, maxScheduleLength,
                firstOnly);
    }

    public HuntOptions stoppingAtFirst() {
        return new HuntOptions(seed, tries, states, swarm, seconds, strategy, maxScope, workers, maxScheduleLength,
                true);
    }
}
