package racetrace.engine;

import java.util.function.Predicate;

/** A named state predicate; the name is the TLA+ operator that states the same thing. */
public record Invariant<S>(String name, String description, Predicate<S> predicate) {

    public static <S> Invariant<S> of(String name, String description, Predicate<S> predicate) {
        return new Invariant<>(name, description, predicate);
    }

    public boolean holds(S state) {
        return predicate.test(state);
    }
}
