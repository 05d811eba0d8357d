package racetrace.properties;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import racetrace.engine.Execution;
import racetrace.engine.Measure;
import racetrace.engine.Outcome;
import racetrace.search.Case;

/**
 * For an instance marked {@link Found}: jqwik must falsify the property, and the shrunk case,
 * replayed, must violate the recorded invariant with a measure no larger than recorded. Then the
 * property passes the build. Instances without the mark are left as jqwik judged them.
 */
public final class RecordedFinding implements AroundPropertyHook {

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        PropertyExecutionResult result = property.execute();
        Found found = context.containerClass().getAnnotation(Found.class);
        if (found == null) {
            return result;
        }
        if (result.status() == PropertyExecutionResult.Status.SUCCESSFUL) {
            return result.mapToFailed("expected jqwik to find " + found.invariant() + " violated (as recorded), but "
                    + result.countTries() + " tries held");
        }
        Object sample = result.shrunkSample().map(s -> s.parameters().get(0))
                .or(() -> result.originalSample().map(s -> s.parameters().get(0)))
                .orElse(null);
        if (!(sample instanceof Case c)) {
            return result;
        }
        Execution<?> ex = c.run();
        Measure recorded = new Measure(found.threads(), found.ops(), found.preemptions(), found.steps());
        if (!(ex.outcome() instanceof Outcome.Violated v) || !v.invariant().equals(found.invariant())) {
            return result.mapToFailed("expected the shrunk case to violate " + found.invariant() + " on replay, but it "
                    + ex.outcome() + ": racetrace replay " + c);
        }
        if (!ex.measure().noLargerThan(recorded)) {
            return result.mapToFailed("shrunk " + found.invariant() + " counterexample got larger: " + ex.measure()
                    + ", recorded " + recorded + ": racetrace replay " + c);
        }
        return result.mapToSuccessful();
    }
}
