package racetrace.engine;

/** A configuration parameter the generator draws from {@code min..max}; smaller is simpler. */
public record Param(String name, int min, int max, String description) {

    public Param {
        if (min > max) {
            throw new IllegalArgumentException("parameter " + name + ": min " + min + " > max " + max);
        }
    }
}
