package racetrace.property;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.FalsifiedSample;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import racetrace.engine.Execution;
import racetrace.engine.Measure;
import racetrace.engine.Models;
import racetrace.engine.Outcome;
import racetrace.search.Case;
import racetrace.search.Minimizer;

/**
 * What {@link RaceProperty} adds to a jqwik property over {@link Case}s. When jqwik falsifies it
 * with a case that violates an invariant or deadlocks, the shrunk case is replayed, its CPU table
 * and schedule string are printed, and its {@link Bundle} is written. Then:
 *
 * <ul>
 * <li>without {@link Found}: the property fails, its message naming the bundle;</li>
 * <li>with {@link Found}: the property passes if the shrunk case violates the recorded invariant
 * with a measure no larger than recorded, and fails otherwise (also when nothing was found).</li>
 * </ul>
 */
public final class RaceReporter implements AroundPropertyHook {

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        PropertyExecutionResult result = property.execute();
        Found found = context.findAnnotation(Found.class).orElse(context.containerClass().getAnnotation(Found.class));
        if (result.status() == PropertyExecutionResult.Status.SUCCESSFUL) {
            return found == null ? result : result.mapToFailed("expected jqwik to find " + found.invariant()
                    + " violated (as @Found records), but " + result.countTries() + " tries held");
        }
        Optional<Case> sample = result.shrunkSample().map(FalsifiedSample::parameters).flatMap(RaceReporter::caseIn)
                .or(() -> result.originalSample().map(FalsifiedSample::parameters).flatMap(RaceReporter::caseIn));
        if (sample.isEmpty()) {
            return found == null ? result : result.mapToFailed("@Found needs a property whose parameters include a "
                    + "racetrace Case; this one failed without one");
        }
        Case shrunk = sample.get();
        Execution<?> first = shrunk.run();
        if (!(first.outcome() instanceof Outcome.Violated) && !(first.outcome() instanceof Outcome.Deadlock)) {
            // Failed for another reason (an exception in the model, an assertion of the property's own).
            return result;
        }
        // From jqwik's shrunk case to the one the hunt proves minimal, with what backs it: mvn test
        // and racetrace hunt then report the same case.
        Case c = shrunk;
        String minimality = null;
        if (first.outcome() instanceof Outcome.Violated v) {
            Minimizer.Result min = Minimizer.minimize(shrunk.focusedOn(v.invariant()), v.invariant());
            c = min.minimal();
            minimality = min.minimality().describe();
        }
        Execution<?> ex = c.run();
        String origin = "the jqwik property `" + propertyName(context) + "` (seed " + result.seed().orElse("?")
                + ", " + result.countTries() + " tries)";
        Bundle bundle = Bundle.write(c, origin, Bundle.defaultRoot(), context.containerClass().getPackageName());
        boolean expected = found != null && ex.outcome() instanceof Outcome.Violated v
                && v.invariant().equals(found.invariant());
        print(System.out, ex, bundle, origin, found, expected, minimality);
        if (found == null) {
            // The minimal case's report, not jqwik's shrunk one: the bundle holds the minimal case.
            Throwable cause = result.throwable().orElse(null);
            String what = ex.outcome() instanceof Outcome.Violated v ? v.invariant() + " violated" : "deadlock";
            AssertionError failure = new AssertionError(what + " in " + c.model().instance() + " (" + ex.measure()
                    + ")\nreplay: " + Replay.command(c) + "\n" + bundle.table() + "bundle: "
                    + bundle.directory().toAbsolutePath(), cause);
            return result.mapToFailed(failure);
        }
        Measure recorded = new Measure(found.threads(), found.ops(), found.preemptions(), found.steps());
        if (!expected) {
            return result.mapToFailed("expected the shrunk case to violate " + found.invariant() + " (as @Found records),"
                    + " but it " + describe(ex.outcome()) + ": " + Replay.command(c) + "\nbundle: "
                    + bundle.directory().toAbsolutePath());
        }
        if (!ex.measure().noLargerThan(recorded)) {
            return result.mapToFailed("shrunk " + found.invariant() + " counterexample got larger: " + ex.measure()
                    + ", @Found records " + recorded + ": " + Replay.command(c) + "\nbundle: "
                    + bundle.directory().toAbsolutePath());
        }
        return result.mapToSuccessful();
    }

    private static Optional<Case> caseIn(List<Object> parameters) {
        return parameters.stream().filter(Case.class::isInstance).map(Case.class::cast).findFirst();
    }

    private static String propertyName(PropertyLifecycleContext context) {
        String cls = context.containerClass().getName();
        String pkg = context.containerClass().getPackageName();
        String simple = (pkg.isEmpty() ? cls : cls.substring(pkg.length() + 1)).replace('$', '.');
        return simple + "." + context.targetMethod().getName();
    }

    private static String describe(Outcome o) {
        return o instanceof Outcome.Violated v ? "violates " + v.invariant() + " after step " + v.steps()
                : o instanceof Outcome.Deadlock d ? "deadlocks after step " + d.steps() : "ends with " + o;
    }

    private static void print(PrintStream out, Execution<?> ex, Bundle bundle, String origin, Found found,
            boolean expected, String minimality) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("what", ex.outcome() instanceof Outcome.Violated v ? v.invariant() + " violated" : "deadlock");
        data.put("instance", ex.model().instance().toString());
        data.put("measure", ex.measure().toString());
        data.put("minimal", minimality == null ? "" : minimality);
        data.put("origin", origin);
        data.put("expected", expected);
        data.put("found", found != null);
        data.put("table", bundle.table());
        data.put("replay", bundle.replay());
        data.put("tlc", bundle.tlcNote());
        data.put("directory", bundle.directory().toAbsolutePath().toString());
        data.put("files", bundle.files().stream().map(p -> bundle.directory().relativize(p).toString()).toList());
        data.put("test", bundle.regressionTest().getFileName().toString());
        // The regression test decodes its string through the registry: say so if the model is not in it.
        String family = ex.model().instance().model();
        data.put("registered", Models.families().stream().anyMatch(f -> f.name().equals(family)));
        data.put("family", family);
        out.print(Texts.render("failure.txt.ftl", data));
        out.flush();
    }
}
