package racetrace.property;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import racetrace.engine.Measure;
import racetrace.search.CommentedLine;

/**
 * A verdicts file: what the hunt finds for each instance, the one record the property suites and
 * the tests of the hunt both read. One line per instance, as {@code racetrace hunt} names it:
 *
 * <pre>
 * # comment
 * xen-fifo/e2[callers=2020-11]    holds
 * vfio-pci/v2[granularity=byte]   violates  NoLostUpdate 2/2/1/13 if probe-window=open
 * xen-fifo/d[callers=2015]        violates  LastQueueCorrect 2/2/1/26; NoSelfLink 3/3/1/40
 * </pre>
 *
 * After {@code violates}, {@code ;} separates invariants; each has the measure the hunt proved
 * minimal ({@code threads/ops/preemptions/steps}, optional) and the assumptions its counterexample
 * rests on ({@code if option=value,...}, optional).
 */
public final class Verdicts {

    /**
     * One line of the file.
     *
     * @param instance the instance as written ({@code model/variant[option=value,...]})
     */
    public record Line(int number, String instance, String model, String variant, Map<String, String> options,
            Expectation expectation) {
    }

    private Verdicts() {
    }

    /** The lines of a verdicts file; {@code name} names it in errors. */
    public static List<Line> parse(String name, String text) {
        List<Line> out = new ArrayList<>();
        for (CommentedLine line : CommentedLine.of(text)) {
            String where = name + ":" + line.number();
            String[] parts = line.text().split("\\s+", 3);
            if (parts.length < 2) {
                throw new IllegalArgumentException(where + ": give an instance and 'holds' or 'violates ...'");
            }
            String instance = parts[0];
            int slash = instance.indexOf('/');
            if (slash <= 0) {
                throw new IllegalArgumentException(where + ": '" + instance + "' is not model/variant[options]");
            }
            String model = instance.substring(0, slash);
            String rest = instance.substring(slash + 1);
            Map<String, String> options = new LinkedHashMap<>();
            String variant = rest;
            int bracket = rest.indexOf('[');
            if (bracket >= 0) {
                if (!rest.endsWith("]")) {
                    throw new IllegalArgumentException(where + ": '" + instance + "' has no closing ]");
                }
                variant = rest.substring(0, bracket);
                for (String kv : rest.substring(bracket + 1, rest.length() - 1).split(",")) {
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException(where + ": option '" + kv + "' is not name=value");
                    }
                    options.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
            Expectation e;
            if (parts[1].equals("holds")) {
                if (parts.length > 2) {
                    throw new IllegalArgumentException(where + ": 'holds' takes nothing after it");
                }
                e = Expectation.holds();
            } else if (parts[1].equals("violates")) {
                if (parts.length < 3) {
                    throw new IllegalArgumentException(where + ": 'violates' names at least one invariant");
                }
                Map<String, Expectation.Recorded> m = new LinkedHashMap<>();
                for (String inv : parts[2].split(";")) {
                    invariant(inv, m, where);
                }
                e = new Expectation.Violates(m);
            } else {
                throw new IllegalArgumentException(where + ": '" + parts[1] + "' is neither 'holds' nor 'violates'");
            }
            out.add(new Line(line.number(), instance, model, variant, options, e));
        }
        return out;
    }

    /** Reads {@code Name [t/o/p/s] [if a=b,...]} into {@code into}. */
    static void invariant(String text, Map<String, Expectation.Recorded> into, String where) {
        String[] w = text.strip().split("\\s+");
        if (w.length == 0 || w[0].isEmpty()) {
            throw new IllegalArgumentException(where + ": an empty invariant entry");
        }
        Measure measure = null;
        List<String> assumptions = new ArrayList<>();
        int i = 1;
        if (i < w.length && !w[i].equals("if")) {
            measure = measure(w[i], where);
            i++;
        }
        if (i < w.length) {
            if (!w[i].equals("if") || i + 1 >= w.length) {
                throw new IllegalArgumentException(where + ": after " + w[0] + " give threads/ops/preemptions/steps "
                        + "and then 'if option=value,...'");
            }
            for (int j = i + 1; j < w.length; j++) {
                for (String a : w[j].split(",")) {
                    if (!a.isEmpty()) {
                        if (!a.contains("=")) {
                            throw new IllegalArgumentException(where + ": assumption '" + a + "' is not option=value");
                        }
                        assumptions.add(a);
                    }
                }
            }
        }
        if (into.put(w[0], new Expectation.Recorded(measure, assumptions)) != null) {
            throw new IllegalArgumentException(where + ": " + w[0] + " is named twice");
        }
    }

    private static Measure measure(String s, String where) {
        String[] n = s.split("/");
        if (n.length != 4) {
            throw new IllegalArgumentException(where + ": measure '" + s + "' is not threads/ops/preemptions/steps");
        }
        try {
            return new Measure(Integer.parseInt(n[0]), Integer.parseInt(n[1]), Integer.parseInt(n[2]),
                    Integer.parseInt(n[3]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": measure '" + s + "' is not four numbers");
        }
    }

    /** A measure as a verdicts file writes it: {@code 2/2/1/13}. */
    public static String measure(Measure m) {
        return m.threads() + "/" + m.ops() + "/" + m.preemptions() + "/" + m.steps();
    }
}
