package racetrace.property;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Records what the search found when the suite was written, on a {@link RaceProperty} method or on
 * its class: the property must still be falsified, by this invariant, with a shrunk measure no
 * larger than this; then it passes. Copy the values from the failing run's output.
 *
 * @deprecated for {@link RaceProperties} groups, which {@link RaceTable} rows replace: a row's
 *     {@code violates("v", "Invariant t/o/p/s")} records the same. Kept, working, for one release.
 */
@Deprecated(since = "0.2.0")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Found {
    String invariant();

    int threads();

    int ops();

    int preemptions();

    int steps();
}
