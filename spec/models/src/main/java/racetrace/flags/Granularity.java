package racetrace.flags;

/**
 * What a bitfield read-modify-write loads and stores (notes §5.3): the byte holding the bit (GCC
 * on x86-64) or the whole C11 memory location, the maximal run of adjacent bitfields (arm64).
 */
public enum Granularity {
    BYTE("byte"),
    LOCATION("location");

    private final String option;

    Granularity(String option) {
        this.option = option;
    }

    /** The value of the {@code granularity} option. */
    public String option() {
        return option;
    }

    public static Granularity ofOption(String value) {
        for (Granularity g : values()) {
            if (g.option.equals(value)) {
                return g;
            }
        }
        throw new IllegalArgumentException("granularity " + value);
    }
}
