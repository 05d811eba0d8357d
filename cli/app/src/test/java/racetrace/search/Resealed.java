package racetrace.search;

import java.util.Arrays;

/**
 * Schedule strings written by hand in tests, sealed with a fresh check field. Only tests write
 * strings by hand, so {@link ScheduleString#reseal} is package-private and reached from here (the
 * same package).
 */
public final class Resealed {

    private Resealed() {
    }

    /** The first nine fields of a string with a freshly computed check field. */
    public static String of(String nineFields) {
        return ScheduleString.reseal(nineFields);
    }

    /** {@code fields} (a split string; anything after the ninth is dropped) joined and resealed. */
    public static String of(String[] fields) {
        return of(String.join(":", Arrays.copyOf(fields, 9)));
    }
}
