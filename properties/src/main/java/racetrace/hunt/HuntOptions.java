package racetrace.hunt;

/**
 * The budget of a hunt on one instance. The search stops at {@code tries} (deterministic for a
 * seed) or after {@code seconds}, whichever comes first, or once every invariant was violated.
 */
public record HuntOptions(long seed, int tries, double seconds, int maxScheduleLength) {

    public static final long DEFAULT_SEED = 1;
    public static final int DEFAULT_TRIES = 20_000;
    public static final double DEFAULT_SECONDS = 20;

    public static HuntOptions defaults() {
        return new HuntOptions(DEFAULT_SEED, DEFAULT_TRIES, DEFAULT_SECONDS, racetrace.search.RandomCases.DEFAULT_SCHEDULE_LENGTH);
    }
}
