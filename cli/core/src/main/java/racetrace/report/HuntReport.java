package racetrace.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import racetrace.engine.Execution;
import racetrace.engine.Measure;
import racetrace.search.Assumptions;
import racetrace.search.Case;
import racetrace.search.hunt.Evidence;
import racetrace.search.hunt.Finding;
import racetrace.search.hunt.HuntResult;
import racetrace.tla.report.BugReport;
import racetrace.tla.report.CpuTable;

/** Turns hunt results into the texts and JSON objects the command prints. */
public final class HuntReport {

    private HuntReport() {
    }

    /** The JSON object of one hunted instance (the first finding at the top level, all under findings). */
    public static Map<String, Object> json(HuntResult r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("model", r.model().instance().model());
        o.put("variant", r.model().instance().variant());
        Map<String, Object> config = new LinkedHashMap<>(r.model().instance().options());
        if (r.violated()) {
            config.putAll(r.findings().get(0).shrunk().scenario().config().values());
        }
        o.put("config", config);
        o.put("verdict", r.violated() ? "violated" : "held");
        o.put("assumptions", r.violated() ? assumptions(r.findings().get(0)) : null);
        o.put("strategy", r.strategy().id());
        o.put("evidence", evidence(r.evidence()));
        o.put("cutShort", r.cutShort() != null);
        o.put("tries", r.tries());
        o.put("seed", r.seed());
        o.put("millis", r.millis());
        // A held line has the same keys as a violated one (null where there is no finding), so
        // that every line of a hunt is valid against one schema (racetrace/schema/hunt.schema.json).
        Finding first = r.violated() ? r.findings().get(0) : null;
        o.put("invariant", first == null ? null : first.invariant());
        o.putAll(findingFields(first, false));
        List<Map<String, Object>> all = new ArrayList<>();
        for (Finding each : r.findings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("invariant", each.invariant());
            m.putAll(findingFields(each, true));
            all.add(m);
        }
        o.put("findings", all);
        o.put("deadlocks", r.deadlocks());
        o.put("stepLimits", r.stepLimits());
        o.put("runsWithGiveUps", r.runsWithNotices());
        o.put("firstGiveUp", r.firstNotice());
        return o;
    }

    /** The evidence object of a JSON line: what the search covered. */
    public static Map<String, Object> evidence(Evidence e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", e.exhaustive() ? "exhaustive" : "random");
        m.put("scope", e.scope() == null ? null : e.scope().toString());
        m.put("scenarios", e.exhaustive() ? e.scopeScenarios() : null);
        m.put("states", e.exhaustive() ? e.scopeStates() : null);
        m.put("runs", e.runs());
        m.put("swarmScenarios", e.swarmScenarios());
        m.put("swarmStates", e.swarmStates());
        m.put("text", e.describe());
        return m;
    }

    /** The fields of a finding; all null for none (a held instance). */
    private static Map<String, Object> findingFields(Finding f, boolean withTry) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("measure", f == null ? null : measure(f.measure()));
        if (withTry) {
            m.put("assumptions", assumptions(f));
        }
        m.put("foundBy", f == null ? null : f.foundBy());
        m.put("minimality", f == null ? null : minimality(f));
        m.put("stepShortest", f == null || f.stepShortest() == null ? null : measure(f.stepShortest().check(
                java.util.List.of(f.invariant())).measure()));
        m.put(withTry ? "tries" : "triesToFirst", f == null ? null : f.tryNumber());
        m.put("millisToFirst", f == null ? null : f.millisToFirst());
        m.put("millisToShrink", f == null ? null : f.millisToShrink());
        m.put("originalMeasure", f == null ? null : measure(f.original()));
        m.put("schedule", f == null ? null : f.shrunk().toString());
        if (withTry) {
            m.put("config", f.shrunk().scenario().config().values());
        }
        m.put("table", f == null ? null : table(f.shrunk()));
        m.put("explanation", f == null ? null : explanation(f.shrunk()));
        m.put("bundle", null); // hunt --out fills it in
        return m;
    }

    /** The assumptions a finding depends on, as JSON objects. */
    static List<Map<String, Object>> assumptions(Finding f) {
        return f.assumptions().stream().map(Assumptions.Dependence::json).toList();
    }

    private static Map<String, Object> minimality(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("withinScenario", f.minimality().withinScenario());
        m.put("scope", f.minimality().scope() == null ? null : f.minimality().scope().toString());
        m.put("scopeConfig", f.minimality().config());
        m.put("scenarios", f.minimality().scenarios());
        m.put("text", f.minimality().describe());
        return m;
    }

    public static Map<String, Object> measure(Measure m) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("threads", m.threads());
        o.put("ops", m.ops());
        o.put("preemptions", m.preemptions());
        o.put("steps", m.steps());
        return o;
    }

    /**
     * The CPU table of a case. A case focused on one invariant runs checking that one alone; when
     * another invariant fails along the way, a last line says so.
     */
    public static String table(Case c) {
        Execution<?> ex = c.run();
        return c.focus() == null ? CpuTable.render(ex) : CpuTable.render(ex, c.unfocused().check(null).outcome());
    }

    /** The race of a case in one sentence ({@link racetrace.tla.report.Explainer}), of its focused run. */
    public static String explanation(Case c) {
        return racetrace.tla.report.Explainer.explain(c.run()).sentence();
    }

    /** The human report of one instance: verdict, findings with their tables. */
    public static String text(HuntResult r) {
        return text(r, "");
    }

    /**
     * The human report of one instance, its replay commands with {@code replayOptions} (what replay
     * needs besides the string, e.g. {@code " --layout FILE"}, with a leading space; or "").
     */
    public static String text(HuntResult r, String replayOptions) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("replayOptions", replayOptions);
        data.put("instance", r.model().instance().toString());
        data.put("verdict", r.verdict());
        // "VIOLATED (1 invariant, if probe-window=open)"
        data.put("condition", r.condition().isEmpty() ? "" : ", " + r.condition().substring(2, r.condition().length() - 1));
        data.put("evidence", r.evidence().describe());
        data.put("strategy", r.strategy().id());
        data.put("cutShort", r.cutShort() == null ? "" : r.cutShort());
        data.put("tries", r.tries());
        data.put("millis", r.millis());
        data.put("seed", r.seed());
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding f : r.findings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("invariant", f.invariant());
            m.put("tryNumber", f.tryNumber());
            m.put("scenarios", f.scenariosToFirst());
            m.put("foundBy", f.foundBy());
            m.put("minimality", f.minimality().describe());
            m.put("stepShortest", f.stepShortest() == null ? "" : stepShortest(f, replayOptions));
            m.put("millisToFirst", f.millisToFirst());
            m.put("millisToShrink", f.millisToShrink());
            m.put("measure", f.measure().toString());
            m.put("condition", f.assumptions().isEmpty() ? "" : " if " + Assumptions.conditions(f.assumptions()));
            m.put("assumes", f.assumptions().stream().map(Assumptions.Dependence::describe).toList());
            m.put("original", f.original().toString());
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
        return Templates.render("hunt-instance", data);
    }

    private static String stepShortest(Finding f, String replayOptions) {
        Measure m = f.stepShortest().check(java.util.List.of(f.invariant())).measure();
        return m.steps() + " steps with " + m.preemptions() + " preemptions: racetrace replay" + replayOptions + " "
                + f.stepShortest();
    }

    static String scenarioText(Case c) {
        return BugReport.scenarioText(c.model(), c.scenario());
    }

    /** The closing verdict table over all hunted instances. */
    public static String verdicts(List<HuntResult> results) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (HuntResult r : results) {
            if (r.findings().isEmpty()) {
                rows.add(row(r, "held", "-", "-", r.evidence().describe()
                        + (r.cutShort() == null ? "" : "; " + r.cutShort())));
            }
            for (Finding f : r.findings()) {
                Measure m = f.measure();
                rows.add(row(r, f.verdict(), f.invariant(),
                        m.threads() + "/" + m.ops() + "/" + m.preemptions() + "/" + m.steps()
                                + (f.minimality().scope() == null ? f.minimality().withinScenario() ? " (min/scn)" : ""
                                        : f.minimality().config() == null ? " (min)" : " (min/cfg)"),
                        f.foundBy() + ", " + f.millisToFirst() + " ms"));
            }
        }
        String[] keys = {"instance", "verdict", "invariant", "measure", "first"};
        Map<String, Integer> width = new LinkedHashMap<>();
        for (String k : keys) {
            int w = title(k).length();
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
            String title = title(k);
            head.append(title).append(" ".repeat(width.get(k) - title.length() + 2));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("head", head.toString().stripTrailing());
        data.put("lines", lines);
        data.put("total", results.stream().mapToLong(HuntResult::millis).sum());
        data.put("tries", results.stream().mapToLong(HuntResult::tries).sum());
        return Templates.render("verdicts", data);
    }

    private static String title(String key) {
        return key.equals("measure") ? "thr/ops/pre/steps" : key.equals("first") ? "evidence" : key;
    }

    private static Map<String, Object> row(HuntResult r, String verdict, String invariant, String measure,
            String first) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("instance", r.model().instance().toString());
        m.put("verdict", verdict);
        m.put("invariant", invariant);
        m.put("measure", measure);
        m.put("first", first);
        return m;
    }
}
