package racetrace.cli;

import java.math.BigDecimal;
import racetrace.engine.BadInputException;

/** Range checks of numeric options, before any work starts; each refusal names the option and the range. */
public final class Checks {

    /** One week: the longest time budget or TLC timeout accepted. */
    static final double MAX_SECONDS = 604_800;

    private Checks() {
    }

    public static void seconds(String option, double value, double min) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new BadInputException(option + " " + value + " is not a number of seconds; give one from "
                    + plain(min) + " to " + plain(MAX_SECONDS) + " (a week)");
        }
        if (value < min || value > MAX_SECONDS) {
            throw new BadInputException(option + " " + plain(value) + " is out of range; give a number of seconds from "
                    + plain(min) + " to " + plain(MAX_SECONDS) + " (a week)");
        }
    }

    public static void count(String option, long value, long min, long max, String what) {
        if (value < min || value > max) {
            throw new BadInputException(option + " " + value + " is out of range; give a number of " + what + " from "
                    + min + " to " + max);
        }
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v)
                : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
