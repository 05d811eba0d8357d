package racetrace.tla;

/** A TLC model value (an uninterpreted constant such as {@code p1}) read from TLC output. */
public record TlaModelValue(String name) {

    @Override
    public String toString() {
        return name;
    }
}
