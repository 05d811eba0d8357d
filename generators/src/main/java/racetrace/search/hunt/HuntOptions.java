package racetrace.search.hunt;

import racetrace.search.Parallel;
import racetrace.search.RandomCases;

/**
 * How to hunt one instance: the work to do ({@link Work}, deterministic for a seed whatever the
 * number of workers) and the cap that may cut it short ({@link Cap}, by default none).
 *
 * @param seed the random seed
 * @param work what the hunt sets out to do
 * @param cap what may stop it before its work is done
 * @param strategy what to spend the work on
 * @param workers threads to search on (the results do not depend on it)
 * @param maxScheduleLength longest random prefix of a uniform schedule
 * @param firstOnly stop at the first counterexample and do not shrink it (for measuring the
 *     time to the first one)
 */
public record HuntOptions(long seed, Work work, Cap cap, Strategy strategy, int workers, int maxScheduleLength,
        boolean firstOnly) {

    public static final long DEFAULT_SEED = 1;

    public HuntOptions {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, not " + workers);
        }
    }

    /** The default hunt: the default work, no cap, the portfolio, every core. */
    public static HuntOptions defaults() {
        return new HuntOptions(DEFAULT_SEED, Work.DEFAULT, Cap.NONE, Strategy.PORTFOLIO, Parallel.cores(),
                RandomCases.DEFAULT_SCHEDULE_LENGTH, false);
    }

    public int tries() {
        return work.tries();
    }

    public HuntOptions withWork(Work w) {
        return new HuntOptions(seed, w, cap, strategy, workers, maxScheduleLength, firstOnly);
    }

    public HuntOptions withTries(int n) {
        return withWork(work.withTries(n));
    }

    public HuntOptions withStates(long n) {
        return withWork(work.withStates(n));
    }

    public HuntOptions withSwarm(int n) {
        return withWork(work.withSwarm(n));
    }

    public HuntOptions withCap(Cap c) {
        return new HuntOptions(seed, work, c, strategy, workers, maxScheduleLength, firstOnly);
    }

    public HuntOptions withStrategy(Strategy s) {
        return new HuntOptions(seed, work, cap, s, workers, maxScheduleLength, firstOnly);
    }

    public HuntOptions withWorkers(int w) {
        return new HuntOptions(seed, work, cap, strategy, w, maxScheduleLength, firstOnly);
    }

    public HuntOptions withSeed(long s) {
        return new HuntOptions(s, work, cap, strategy, workers, maxScheduleLength, firstOnly);
    }

    public HuntOptions stoppingAtFirst() {
        return new HuntOptions(seed, work, cap, strategy, workers, maxScheduleLength, true);
    }
}
