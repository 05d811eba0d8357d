package racetrace.property;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * The one annotation that makes a jqwik property over {@link racetrace.search.Case}s a racetrace
 * property: a fixed seed (same counterexample on every machine), full shrinking, and on failure
 * {@link RaceReporter}: the CPU table and the schedule string on stdout, and the bundle under
 * {@code target/racetrace/} (report, JSON, TLA+ trace and TLC's verdict when the model has a spec,
 * a JUnit regression test). A {@link Found} mark turns an expected counterexample into a pass.
 *
 * <pre>
 * &#64;RaceProperty
 * void readersNeverSeeATornPair(&#64;ForAll("buggy") Case c) {
 *     Races.assertHolds(c);
 * }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
// PREVIOUS_SEED with a fixed seed: a re-run searches as the first run did, whatever jqwik's database holds.
@Property(tries = RaceProperty.TRIES, seed = RaceProperty.SEED, shrinking = ShrinkingMode.FULL,
        afterFailure = AfterFailureMode.PREVIOUS_SEED)
@AddLifecycleHook(RaceReporter.class)
public @interface RaceProperty {

    /** Random cases per property. */
    int TRIES = 1500;

    /** jqwik's seed: fixed, so a suite finds the same counterexample wherever it runs. */
    String SEED = "20261123";
}
