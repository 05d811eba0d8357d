package racetrace.properties;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Records what the search found for an instance when the suite was written: the property must
 * still be falsified, by this invariant, with a shrunk measure no larger than this.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Found {
    String invariant();

    int threads();

    int ops();

    int preemptions();

    int steps();
}
