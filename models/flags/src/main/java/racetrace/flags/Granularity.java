package racetrace.flags;

import java.util.ArrayList;
import java.util.List;
import racetrace.engine.BadInputException;

/**
 * How wide a bitfield store is (research notes §5.3), the value of the {@code granularity} option:
 * the shorthands {@code byte} (every store a read-modify-write of the byte holding the bit) and
 * {@code location} (of the whole run, the C11 memory location), or a compiler profile whose
 * per-store widths the layout's {@code store} rules give.
 *
 * @param option the option value
 */
public record Granularity(String option) {

    public static final Granularity BYTE = new Granularity("byte");
    public static final Granularity LOCATION = new Granularity("location");

    /** Every value the option takes: the two shorthands, then the compiler profiles. */
    public static List<String> options() {
        List<String> out = new ArrayList<>(List.of(BYTE.option, LOCATION.option));
        out.addAll(Layout.PROFILES);
        return out;
    }

    public static Granularity ofOption(String value) {
        if (!options().contains(value)) {
            throw new BadInputException("granularity " + value + " is not valid; use one of " + options());
        }
        return new Granularity(value);
    }

    boolean isShorthand() {
        return equals(BYTE) || equals(LOCATION);
    }

    @Override
    public String toString() {
        return option;
    }
}
