package racetrace.property;

import java.util.LinkedHashMap;
import java.util.Map;
import racetrace.engine.Execution;
import racetrace.engine.Instance;
import racetrace.engine.Outcome;
import racetrace.search.Case;

/**
 * The source of a JUnit 5 test that replays one counterexample's schedule string and asserts the
 * same outcome (the invariant violated after the same step, or the deadlock), ready to drop into a
 * suite. Its only dependencies are racetrace-jqwik's (engine, search, tla) and JUnit Jupiter.
 *
 * @param packageName the package to declare ("" for none)
 * @param className the class name
 * @param source the Java source
 */
public record RegressionTest(String packageName, String className, String source) {

    /** The file name: {@code <className>.java}. */
    public String fileName() {
        return className + ".java";
    }

    /**
     * The test for a case whose run violates an invariant or deadlocks.
     *
     * @param origin what found it, in words, for the class comment
     */
    public static RegressionTest of(Case c, String packageName, String origin) {
        Execution<?> ex = c.run();
        Outcome o = ex.outcome();
        if (!(o instanceof Outcome.Violated) && !(o instanceof Outcome.Deadlock)) {
            throw new IllegalArgumentException("the case neither violates an invariant nor deadlocks: " + o);
        }
        String what = o instanceof Outcome.Violated v ? v.invariant() : "Deadlock";
        String className = className(c.model().instance(), what);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("package", packageName);
        data.put("className", className);
        data.put("instance", c.model().instance().toString());
        data.put("origin", origin);
        data.put("measure", ex.measure().toString());
        data.put("schedule", c.toString());
        data.put("violated", o instanceof Outcome.Violated);
        data.put("invariant", what);
        data.put("steps", o.steps());
        data.put("method", o instanceof Outcome.Violated v ? lowerFirst(v.invariant()) + "IsViolatedAfterStep" + o.steps()
                : "deadlocksAfterStep" + o.steps());
        return new RegressionTest(packageName, className, Texts.render("RegressionTest.java.ftl", data));
    }

    /** {@code seqlock/buggy} and {@code NoTornRead}: {@code SeqlockBuggyNoTornReadRegressionTest}. */
    static String className(Instance id, String what) {
        StringBuilder b = new StringBuilder();
        b.append(Instance.camelCase(id.model())).append(Instance.camelCase(id.variant()));
        id.options().values().forEach(v -> b.append(Instance.camelCase(v)));
        b.append(Instance.camelCase(what)).append("RegressionTest");
        String s = b.toString();
        return Character.isJavaIdentifierStart(s.charAt(0)) ? s : "T" + s;
    }

    private static String lowerFirst(String s) {
        String c = Instance.camelCase(s);
        return c.isEmpty() ? "invariant" : Character.toLowerCase(c.charAt(0)) + c.substring(1);
    }
}
