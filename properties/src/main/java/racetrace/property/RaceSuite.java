package racetrace.property;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method without parameters that returns a {@link RaceTable}: {@code mvn test} (any JUnit
 * Platform launcher, through racetrace's test engine) runs each row of the table as a test of its
 * own, named after the row, in a container named after the class. The method may be static; if
 * not, the class needs a constructor without parameters.
 *
 * <pre>
 * class SeqlockProperties {
 *     &#64;RaceSuite
 *     RaceTable variants() {
 *         return RaceTable.of("seqlock").violates("buggy", "NoTornRead 2/2/1/7").holds("fixed");
 *     }
 * }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RaceSuite {
}
