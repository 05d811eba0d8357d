package racetrace.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import racetrace.engine.Execution;
import racetrace.engine.FocusedModel;
import racetrace.engine.Measure;
import racetrace.engine.Model;
import racetrace.search.Assumptions;
import racetrace.search.Case;
import racetrace.search.Deadlocks;
import racetrace.search.hunt.Cap;
import racetrace.search.hunt.Evidence;
import racetrace.search.hunt.Finding;
import racetrace.search.hunt.HuntResult;
import racetrace.search.hunt.Hunter;
import racetrace.search.hunt.Shortfall;
import racetrace.search.hunt.WorkDone;
import racetrace.tla.report.BugReport;
import racetrace.tla.report.CpuTable;
import racetrace.tla.report.Explainer;

/**
 * Turns hunt results into the texts the command prints: per instance its verdict and the minimal
 * table of each violation ({@link #text}), the details for {@code --out} ({@link #details}), a
 * finding as found ({@link #found}), and the closing summary ({@link #summary}). The JSON form is
 * {@link HuntJson}'s.
 */
public final class HuntReport {

    private HuntReport() {
    }

    /** The work taken by kind in one line, with the time each kind took on the workers (stderr only). */
    public static String workText(HuntResult r) {
        List<String> parts = new ArrayList<>();
        for (WorkDone w : r.work()) {
            String what = w.kind() == WorkDone.Kind.RANDOM ? w.runs() + " runs"
                    : w.explorations() + " explorations, " + w.states() + " states";
            parts.add(String.format(Locale.ROOT, "%s %s in %.1f s", w.kind().id(), what, w.nanos() / 1e9));
        }
        return parts.isEmpty() ? "no work taken" : String.join("; ", parts) + " (worker time)";
    }

    /** What the completed work covered, in full or (for the summary table) in a few words. */
    public static String evidenceText(Evidence e, boolean brief) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("empty", e.empty());
        data.put("brief", brief);
        data.put("scope", e.scope() == null ? "" : e.scope().toString());
        data.put("scopeScenarios", e.scopeScenarios());
        data.put("scopeStates", e.scopeStates());
        data.put("runs", e.runs());
        data.put("swarmScenarios", e.swarmScenarios());
        data.put("swarmStates", e.swarmStates());
        data.put("partial", e.partial());
        return Templates.render("hunt-evidence", data).strip();
    }

    /**
     * The verdict with what backs it: {@code violated}, {@code held (exhaustive: ...)}, or
     * {@code inconclusive (cut short by the time limit of 1 s before the work was done; completed: ...)}.
     */
    public static String verdictText(HuntResult r) {
        return renderVerdict(r, "verdict");
    }

    /** Why the work backs no held verdict (a cap, an unfinished scope, nothing completed), or null when it does. */
    public static String why(HuntResult r) {
        return r.shortfall() == null ? null : renderVerdict(r, "why");
    }

    private static String renderVerdict(HuntResult r, String part) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("part", part);
        data.put("verdict", r.verdict().id());
        data.put("condition", r.condition());
        data.put("evidence", evidenceText(r.evidence(), false));
        data.put("empty", r.evidence().empty());
        List<Map<String, Object>> reasons = new ArrayList<>();
        Shortfall s = r.shortfall();
        if (s != null && s.cutBy() != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", "cut");
            m.put("cap", s.cutBy() instanceof Cap.Seconds ? "seconds" : "units");
            m.put("value", s.cutBy() instanceof Cap.Seconds c ? (Object) c.seconds()
                    : s.cutBy() instanceof Cap.Units u ? (Object) u.units() : (Object) 0);
            reasons.add(m);
        }
        if (s != null && s.scope() != null) {
            Shortfall.ScopeShort sc = s.scope();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", "scope");
            m.put("wanted", sc.wanted().toString());
            m.put("reason", sc.reason().name());
            m.put("at", sc.at() == null ? "" : sc.at().toString());
            m.put("states", sc.states());
            m.put("detail", sc.detail() == null ? "" : sc.detail());
            reasons.add(m);
        }
        if (s != null && s.nothingCompleted() && reasons.isEmpty()) {
            reasons.add(Map.of("kind", "nothing"));
        }
        data.put("reasons", reasons);
        return Templates.render("hunt-verdict", data).strip();
    }

    /**
     * The CPU table of a case. A case focused on one invariant runs checking that one alone; when
     * another invariant fails along the way, a last line says so. A deadlock found by the hunt's
     * own check runs the model as it is, so that the table ends in the deadlock and names the
     * blocked threads.
     */
    public static String table(Case c) {
        if (Deadlocks.isAdded(c.model(), c.focus())) {
            return CpuTable.render(deadlockRun(c));
        }
        Execution<?> ex = c.run();
        return c.focus() == null ? CpuTable.render(ex) : CpuTable.render(ex, c.unfocused().check(null).outcome());
    }

    /** The race of a case in one sentence ({@link racetrace.tla.report.Explainer}), of its focused run. */
    public static String explanation(Case c) {
        Execution<?> ex = Deadlocks.isAdded(c.model(), c.focus()) ? deadlockRun(c) : c.run();
        return Explainer.explain(ex).sentence();
    }


    /** The run of a deadlock case on the model without the added check and without invariants: it ends in the deadlock. */
    public static Execution<?> deadlockRun(Case c) {
        return runPlain(Deadlocks.base(c.model()), c);
    }

    private static <S> Execution<S> runPlain(Model<S> base, Case c) {
        return Execution.run(FocusedModel.none(base), c.scenario(), c.schedule());
    }

    /** The text of one instance on standard output: its verdict line, then each violation's minimal case and table. */
    public static String text(HuntResult r, int index, int count, String replayOptions) {
        Map<String, Object> data = common(r, replayOptions);
        data.put("index", index);
        data.put("count", count);
        return Templates.render("hunt-instance", data);
    }

    /** {@link #text(HuntResult, int, int, String)} of a hunt of one instance, with no replay options. */
    public static String text(HuntResult r) {
        return text(r, 1, 1, "");
    }

    /**
     * Everything about one instance, for {@code --out}: the verdict, how each violation was found,
     * its minimality, the step-shortest run, the scenario, deadlocks, step limits and give-ups.
     * {@code replayOptions} is what replay needs besides the string (e.g. {@code " --layout FILE"},
     * with a leading space), or "".
     */
    public static String details(HuntResult r, String replayOptions) {
        Map<String, Object> data = common(r, replayOptions);
        HuntJson.withoutTimes(data);
        return Templates.render("hunt-details", data);
    }

    private static Map<String, Object> common(HuntResult r, String replayOptions) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("replayOptions", replayOptions);
        data.put("instance", r.model().instance().toString());
        data.put("verdict", r.verdict().id());
        data.put("verdictText", verdictText(r));
        data.put("evidence", evidenceText(r.evidence(), false));
        // "violated: A, B (if probe-window=open)": the assumptions every finding rests on
        data.put("condition", r.condition());
        data.put("strategy", r.strategy().id());
        data.put("cutShort", r.cutShort() ? why(r) : "");
        data.put("tries", r.tries());
        data.put("millis", r.millis());
        data.put("time", seconds(r.millis()));
        data.put("seed", r.seed());
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding f : r.findings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("invariant", f.invariant());
            m.put("deadlock", Deadlocks.isAdded(f.shrunk().model(), f.invariant()));
            m.put("tryNumber", f.tryNumber());
            m.put("scenarios", f.scenariosToFirst());
            m.put("foundBy", f.foundBy());
            m.put("minimality", f.minimality().describe());
            m.put("minimal", f.minimality().brief());
            m.put("stepShortest", f.stepShortest() == null ? "" : stepShortest(f, replayOptions));
            m.put("millisToFirst", f.millisToFirst());
            m.put("millisToShrink", f.millisToShrink());
            m.put("measure", f.measure().toString());
            m.put("condition", f.assumptions().isEmpty() ? "" : " if " + Assumptions.conditions(f.assumptions()));
            m.put("assumes", f.assumptions().stream().map(Assumptions.Dependence::describe).toList());
            m.put("original", f.original().toString());
            m.put("fromFirst", f.shrunkFromFirst());
            m.put("fromMeasure", f.from().measure().toString());
            m.put("fromBy", f.from().foundBy());
            m.put("fromTries", f.from().runs());
            m.put("fromScenarios", f.from().scenarios());
            m.put("fromSchedule", f.from().c().toString());
            m.put("starts", f.from().starts());
            m.put("scenario", scenarioText(f.shrunk()));
            m.put("schedule", f.shrunk().toString());
            m.put("table", table(f.shrunk()));
            m.put("explanation", explanation(f.shrunk()));
            findings.add(m);
        }
        data.put("findings", findings);
        data.put("deadlocks", r.deadlocks());
        data.put("deadlockCase", r.firstDeadlock() == null ? "" : r.firstDeadlock().toString());
        data.put("stepLimits", r.stepLimits());
        data.put("withNotices", r.runsWithNotices());
        data.put("firstNotice", r.firstNotice() == null ? "" : r.firstNotice());
        return data;
    }

    /** A counterexample as the search found it, printed before minimisation starts (so it is never lost). */
    public static String found(Model<?> model, Hunter.Found f, String replayOptions, boolean withTime) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("instance", model.instance().toString());
        data.put("invariant", f.invariant());
        data.put("deadlock", Deadlocks.isAdded(f.c().model(), f.invariant()));
        data.put("foundBy", f.foundBy());
        data.put("runs", f.runs());
        data.put("scenarios", f.scenarios());
        if (withTime) {
            data.put("millis", f.nanos() / 1_000_000);
        }
        data.put("measure", f.measure().toString());
        data.put("schedule", f.c().toString());
        data.put("replayOptions", replayOptions);
        data.put("table", table(f.c()));
        return Templates.render("hunt-found", data);
    }

    /**
     * The cases an invariant's minimisation starts from when they are not just the one found first
     * (printed before it starts, so that they are not lost either): one line each.
     */
    public static String minimising(Model<?> model, String invariant, List<Hunter.Found> from, String replayOptions) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("instance", model.instance().toString());
        data.put("invariant", invariant);
        List<Map<String, Object>> cases = new ArrayList<>();
        for (Hunter.Found f : from) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("foundBy", f.foundBy());
            c.put("runs", f.runs());
            c.put("scenarios", f.scenarios());
            c.put("measure", f.measure().toString());
            c.put("schedule", f.c().toString());
            cases.add(c);
        }
        data.put("cases", cases);
        data.put("replayOptions", replayOptions);
        return Templates.render("hunt-minimising", data);
    }

    private static String stepShortest(Finding f, String replayOptions) {
        Measure m = f.stepShortest().check(List.of(f.invariant())).measure();
        return m.steps() + " steps with " + m.preemptions() + " preemptions: racetrace replay" + replayOptions + " "
                + f.stepShortest();
    }

    static String scenarioText(Case c) {
        return BugReport.scenarioText(c.model(), c.scenario());
    }

    /**
     * The closing summary over all hunted instances, one row each so that it fits on a screen: a
     * violated instance names its smallest counterexample (the others are in its own report above),
     * a held one what backs it, an inconclusive one why; then the counts and the total time.
     */
    public static String summary(List<HuntResult> results) {
        List<Map<String, Object>> rows = new ArrayList<>();
        int violated = 0;
        int held = 0;
        int inconclusive = 0;
        for (HuntResult r : results) {
            String time = seconds(r.millis());
            switch (r.verdict()) {
                case VIOLATED -> {
                    violated++;
                    Finding smallest = r.findings().stream().min(Comparator.comparing(Finding::measure))
                            .orElseThrow();
                    int n = r.findings().size();
                    rows.add(row(r, (n == 1 ? "" : n + " invariants, smallest ") + brief(smallest)
                            + (r.cutShort() ? "; the rest " + why(r) : ""), time));
                }
                case HELD -> {
                    held++;
                    rows.add(row(r, evidenceText(r.evidence(), true), time));
                }
                case INCONCLUSIVE -> {
                    inconclusive++;
                    rows.add(row(r, r.evidence().empty() ? why(r)
                            : why(r) + "; completed: " + evidenceText(r.evidence(), true), time));
                }
            }
        }
        String[] keys = {"instance", "verdict", "evidence", "time"};
        Map<String, Integer> width = new LinkedHashMap<>();
        for (String k : keys) {
            int w = k.length();
            for (Map<String, Object> row : rows) {
                w = Math.max(w, String.valueOf(row.get(k)).length());
            }
            width.put(k, w);
        }
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            StringBuilder b = new StringBuilder();
            for (String k : keys) {
                String v = String.valueOf(row.get(k));
                b.append(v).append(" ".repeat(width.get(k) - v.length() + 2));
            }
            lines.add(b.toString().stripTrailing());
        }
        StringBuilder head = new StringBuilder();
        for (String k : keys) {
            head.append(k).append(" ".repeat(width.get(k) - k.length() + 2));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("head", head.toString().stripTrailing());
        data.put("lines", lines);
        data.put("instances", results.size());
        data.put("violated", violated);
        data.put("held", held);
        data.put("inconclusive", inconclusive);
        data.put("seed", results.isEmpty() ? 0 : results.get(0).seed());
        data.put("strategy", results.isEmpty() ? "" : results.get(0).strategy().id());
        data.put("total", seconds(results.stream().mapToLong(HuntResult::millis).sum()));
        data.put("tries", results.stream().mapToLong(HuntResult::tries).sum());
        return Templates.render("verdicts", data);
    }

    /** {@code NoSelfLink 2/2/1/45 (min/cfg)}: an invariant with its measure and what its minimality is proven among. */
    static String brief(Finding f) {
        Measure m = f.measure();
        String mark = f.minimality().mark();
        return f.invariant() + " " + m.threads() + "/" + m.ops() + "/" + m.preemptions() + "/" + m.steps()
                + (mark.isEmpty() ? "" : " " + mark);
    }

    /** Milliseconds as seconds to a tenth: "12.3 s". */
    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static Map<String, Object> row(HuntResult r, String evidence, String time) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("instance", r.model().instance().toString());
        m.put("verdict", r.verdict().id() + (r.violated() ? r.condition() : ""));
        m.put("evidence", evidence);
        m.put("time", time);
        return m;
    }
}
