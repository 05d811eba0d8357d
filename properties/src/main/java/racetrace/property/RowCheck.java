package racetrace.property;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import racetrace.engine.Measure;
import racetrace.engine.Model;
import racetrace.search.Assumptions;
import racetrace.search.Case;
import racetrace.search.Minimizer;
import racetrace.search.hunt.Cap;
import racetrace.search.hunt.Evidence;
import racetrace.search.hunt.Finding;
import racetrace.search.hunt.HuntOptions;
import racetrace.search.hunt.HuntResult;
import racetrace.search.hunt.Hunter;
import racetrace.search.hunt.Shortfall;
import racetrace.tla.report.CpuTable;

/**
 * Runs one row of a {@link RaceTable}: hunts its instance as {@code racetrace hunt} does, shrinks
 * what it finds to the case the hunt proves minimal, writes its bundle, prints the report, and
 * throws an {@link AssertionError} when what was found is not what the row expects.
 */
final class RowCheck {

    private RowCheck() {
    }

    /**
     * System property: {@code true} makes a row that expects violations hunt with its whole budget and
     * compare every invariant found with the recorded ones (as {@code racetrace hunt} reports them),
     * instead of stopping at the first.
     */
    static final String FULL_PROPERTY = "racetrace.suite.full";

    static void run(RaceTable.Row row, HuntOptions budget, Function<Case, String> check, Class<?> suite) {
        run(row, budget, check, suite, Boolean.getBoolean(FULL_PROPERTY));
    }

    static void run(RaceTable.Row row, HuntOptions budget, Function<Case, String> check, Class<?> suite,
            boolean full) {
        Model<?> model = row.model().get();
        String origin = "the racetrace suite `" + suiteName(suite) + "`, row `" + row.name() + "`";
        if (row.expectation() instanceof Expectation.Holds) {
            holds(model, budget, suite, origin);
        } else if (full) {
            everyViolation(model, (Expectation.Violates) row.expectation(), budget, check);
        } else {
            violates(model, (Expectation.Violates) row.expectation(), budget, check, suite, origin);
        }
    }

    /** The whole hunt: the invariants found, their minimal measures and assumptions, exactly as recorded. */
    private static void everyViolation(Model<?> model, Expectation.Violates expected, HuntOptions budget,
            Function<Case, String> check) {
        String instance = model.instance().toString();
        HuntResult r = Hunter.hunt(model, budget, null);
        List<String> problems = new ArrayList<>();
        Map<String, Finding> found = new LinkedHashMap<>();
        for (Finding f : r.findings()) {
            found.put(f.invariant(), f);
        }
        if (!found.keySet().equals(expected.invariants().keySet())) {
            problems.add("the hunt violates " + found.keySet() + ", the table records " + expected.invariants().keySet());
        }
        StringBuilder line = new StringBuilder();
        for (Finding f : r.findings()) {
            String cond = Assumptions.conditions(f.assumptions());
            line.append(line.length() == 0 ? "" : "; ").append(f.invariant()).append(' ').append(Verdicts.measure(f.measure()))
                    .append(cond.isEmpty() ? "" : " if " + cond.replace(", ", ","));
            String wrong = check.apply(f.shrunk());
            if (wrong != null) {
                problems.add(f.invariant() + "'s counterexample: " + wrong + ": " + Replay.command(f.shrunk()));
            }
            Expectation.Recorded rec = expected.invariants().get(f.invariant());
            if (rec == null) {
                continue;
            }
            if (rec.measure() != null && !f.measure().equals(rec.measure())) {
                problems.add(f.invariant() + " measures " + Verdicts.measure(f.measure()) + ", the table records "
                        + Verdicts.measure(rec.measure()));
            }
            List<String> actual = f.assumptions().stream().map(Assumptions.Dependence::condition).sorted().toList();
            if (!actual.equals(rec.assumptions().stream().sorted().toList())) {
                problems.add(f.invariant() + " rests on " + actual + ", the table records " + rec.assumptions());
            }
        }
        if (r.cutShort()) {
            problems.add("inconclusive: " + why(r));
        }
        print("\nracetrace: " + instance + " (whole hunt): violates " + line + "\n");
        if (!problems.isEmpty()) {
            throw new AssertionError(instance + ": " + String.join("; ", problems) + "\nthe hunt's line: " + instance
                    + "  violates  " + line);
        }
    }

    private static void holds(Model<?> model, HuntOptions budget, Class<?> suite, String origin) {
        // Any counterexample refutes the row: stop at the first and shrink that one alone.
        HuntResult r = Hunter.hunt(model, budget.stoppingAtFirst(), null);
        String instance = model.instance().toString();
        if (r.violated()) {
            Finding f = r.findings().get(0);
            Minimizer.Result min = Minimizer.minimize(f.shrunk(), f.invariant());
            Case c = min.minimal();
            String how = origin + " (hunt, seed " + r.seed() + ", found by " + f.foundBy() + ")";
            Bundle b = Bundle.write(c, how, Bundle.defaultRoot(), suite.getPackageName());
            print(report(instance, f.invariant(), c, min.measure(), min.minimality().describe(),
                    Assumptions.of(c, f.invariant()), b, how, false));
            throw new AssertionError(instance + " is expected to hold (as the table records), but the hunt ("
                    + f.foundBy() + ") violates " + f.invariant() + " (" + min.measure() + "): " + Replay.command(c)
                    + "\nbundle: " + b.directory().toAbsolutePath() + "\n" + b.table());
        }
        if (r.verdict() == HuntResult.Verdict.INCONCLUSIVE) {
            throw new AssertionError(instance + ": inconclusive, " + why(r) + "; what was done (" + evidence(r)
                    + ") cannot back 'holds'");
        }
        if (r.deadlocks() > 0) {
            throw new AssertionError(instance + " is expected to hold, but " + r.deadlocks() + " runs or states "
                    + "deadlock; first: " + Replay.command(r.firstDeadlock()) + "\n"
                    + CpuTable.render(r.firstDeadlock().run()));
        }
        if (!r.evidence().exhaustive()) {
            throw new AssertionError(instance + " is expected to hold, but no scope was explored to the end within "
                    + "the suite's budget, so nothing backs it (" + evidence(r) + "); give the table a "
                    + "larger budget (states)");
        }
        print("\nracetrace: " + instance + " holds, as the table records (" + evidence(r) + ")\n");
    }

    private static void violates(Model<?> model, Expectation.Violates expected, HuntOptions budget,
            Function<Case, String> check, Class<?> suite, String origin) {
        String instance = model.instance().toString();
        HuntResult r = Hunter.hunt(model, budget.stoppingAtFirst(), null);
        if (!r.violated()) {
            throw new AssertionError(instance + " is expected to violate " + expected.invariants().keySet()
                    + " (as the table records), but the hunt found nothing: " + evidence(r)
                    + (r.verdict() == HuntResult.Verdict.INCONCLUSIVE ? "; inconclusive, " + why(r) : ""));
        }
        Finding first = r.findings().get(0);
        String invariant = first.invariant();
        Minimizer.Result min = Minimizer.minimize(first.shrunk(), invariant);
        Case c = min.minimal();
        List<Assumptions.Dependence> assumptions = Assumptions.of(c, invariant);
        String how = origin + " (hunt, seed " + r.seed() + ", found by " + first.foundBy() + ")";
        Bundle b = Bundle.write(c, how, Bundle.defaultRoot(), suite.getPackageName());
        Expectation.Recorded rec = expected.invariants().get(invariant);
        List<String> problems = new ArrayList<>();
        String wrong = check.apply(c);
        if (wrong != null) {
            problems.add("its counterexample fails the table's check: " + wrong);
        }
        if (rec == null) {
            problems.add("the table records " + expected.invariants().keySet() + ", not " + invariant);
        } else {
            // The whole hunt minimises this first case too, among smaller ones later units hold, and
            // keeps the smallest result: what it records is never larger than this case's minimum
            // (the whole hunt's own measure is compared with -Dracetrace.suite.full=true).
            if (rec.measure() != null && rec.measure().compareTo(min.measure()) > 0) {
                problems.add("its first case shrinks to " + Verdicts.measure(min.measure()) + ", smaller than the "
                        + Verdicts.measure(rec.measure()) + " the table records (the whole hunt, which minimises this "
                        + "case too, would report no more): record what racetrace hunt reports now");
            }
            List<String> actual = assumptions.stream().map(Assumptions.Dependence::condition).sorted().toList();
            List<String> recorded = rec.assumptions().stream().sorted().toList();
            if (!actual.equals(recorded)) {
                problems.add("it rests on " + (actual.isEmpty() ? "no assumption" : actual) + ", the table records "
                        + (recorded.isEmpty() ? "none" : recorded));
            }
        }
        print(report(instance, invariant, c, min.measure(), min.minimality().describe(), assumptions, b, how,
                problems.isEmpty()));
        if (!problems.isEmpty()) {
            throw new AssertionError(instance + ": " + invariant + " violated (" + min.measure() + "), but "
                    + String.join("; ", problems) + ": " + Replay.command(c) + "\nbundle: "
                    + b.directory().toAbsolutePath() + "\n" + b.table());
        }
    }

    private static String report(String instance, String invariant, Case c, Measure measure, String minimal,
            List<Assumptions.Dependence> assumptions, Bundle b, String origin, boolean expected) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("instance", instance);
        data.put("invariant", invariant);
        data.put("condition", assumptions.isEmpty() ? "" : " if " + Assumptions.conditions(assumptions));
        data.put("expected", expected);
        data.put("origin", origin);
        data.put("measure", measure.toString());
        data.put("minimal", minimal);
        data.put("assumes", assumptions.stream().map(Assumptions.Dependence::describe).toList());
        data.put("replay", Replay.command(c));
        data.put("table", b.table());
        data.put("tlc", b.tlcNote());
        data.put("directory", b.directory().toAbsolutePath().toString());
        data.put("files", b.files().stream().map(p -> b.directory().relativize(p).toString()).toList());
        data.put("test", b.regressionTest().getFileName().toString());
        return Texts.render("row.txt.ftl", data);
    }

    private static void print(String text) {
        System.out.print(text);
        System.out.flush();
    }

    private static String suiteName(Class<?> suite) {
        String pkg = suite.getPackageName();
        return (pkg.isEmpty() ? suite.getName() : suite.getName().substring(pkg.length() + 1)).replace('$', '.');
    }

    /** What a hunt's work covered, in a few words for a row's message (the command line words it from its templates). */
    private static String evidence(HuntResult r) {
        Evidence e = r.evidence();
        return (e.scope() != null ? "every scenario up to " + e.scope() + " explored exhaustively, " + e.scopeStates()
                + " states; " : "no scope explored to the end; ") + e.runs() + " random runs; " + e.swarmScenarios()
                + " swarm scenarios explored exhaustively";
    }

    /** Why a hunt's work backs no held verdict, in a few words. */
    private static String why(HuntResult r) {
        Shortfall s = r.shortfall();
        if (s == null) {
            return "nothing cut";
        }
        if (s.cutBy() instanceof Cap.Seconds c) {
            return "cut short by the time limit of " + c.seconds() + " s";
        }
        if (s.cutBy() != null) {
            return "cut short by " + s.cutBy();
        }
        if (s.scope() != null) {
            return "scope " + s.scope().wanted() + " not completed (" + s.scope().reason() + ")";
        }
        return "nothing completed";
    }
}
