package racetrace.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import racetrace.search.Assumptions;
import racetrace.search.hunt.Evidence;
import racetrace.search.hunt.Finding;
import racetrace.search.hunt.HuntResult;
import racetrace.search.hunt.WorkDone;

/**
 * The JSON form of hunt results, one object per hunted instance (its schema:
 * racetrace/schema/hunt.schema.json); the texts are {@link HuntReport}'s. Wall times are kept out
 * of what is written to files, so that the same seed and work write the same bytes anywhere.
 */
public final class HuntJson {

    private HuntJson() {
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
        o.put("verdict", r.verdict().id());
        o.put("inconclusive", r.verdict() == HuntResult.Verdict.INCONCLUSIVE ? HuntReport.why(r) : null);
        o.put("assumptions", r.violated() ? assumptions(r.findings().get(0)) : null);
        o.put("strategy", r.strategy().id());
        o.put("evidence", evidence(r.evidence()));
        o.put("cutShort", r.cutShort());
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
        o.put("work", work(r));
        return o;
    }

    /**
     * The work taken by kind (default scope, ladder, random, swarm): units, runs, explorations,
     * states, and the milliseconds the units took on their workers (a wall time: null under --out).
     */
    private static List<Map<String, Object>> work(HuntResult r) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (WorkDone w : r.work()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", w.kind().id());
            m.put("units", w.units());
            m.put("runs", w.runs());
            m.put("explorations", w.explorations());
            m.put("states", w.states());
            m.put("millis", w.nanos() / 1_000_000);
            all.add(m);
        }
        return all;
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
        m.put("text", HuntReport.evidenceText(e, false));
        return m;
    }

    /** The fields of a finding; all null for none (a held instance). */
    private static Map<String, Object> findingFields(Finding f, boolean withTry) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("measure", f == null ? null : f.measure().json());
        if (withTry) {
            m.put("assumptions", assumptions(f));
        }
        m.put("foundBy", f == null ? null : f.foundBy());
        m.put("minimality", f == null ? null : minimality(f));
        m.put("stepShortest", f == null || f.stepShortest() == null ? null : f.stepShortest().check(
                List.of(f.invariant())).measure().json());
        m.put(withTry ? "tries" : "triesToFirst", f == null ? null : f.tryNumber());
        m.put("millisToFirst", f == null ? null : f.millisToFirst());
        m.put("millisToShrink", f == null ? null : f.millisToShrink());
        m.put("originalMeasure", f == null ? null : f.original().json());
        m.put("shrunkFrom", f == null ? null : shrunkFrom(f));
        m.put("schedule", f == null ? null : f.shrunk().toString());
        if (withTry) {
            m.put("config", f.shrunk().scenario().config().values());
        }
        m.put("table", f == null ? null : HuntReport.table(f.shrunk()));
        m.put("explanation", f == null ? null : HuntReport.explanation(f.shrunk()));
        m.put("bundle", null); // hunt --out fills it in
        return m;
    }

    /** The case a finding's minimal one was shrunk from (which need not be the one found first), as JSON. */
    private static Map<String, Object> shrunkFrom(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("foundBy", f.from().foundBy());
        m.put("tries", f.from().runs());
        m.put("scenarios", f.from().scenarios());
        m.put("measure", f.from().measure().json());
        m.put("schedule", f.from().c().toString());
        m.put("starts", f.from().starts());
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

    /** Wall times are no content of a file: the same seed and work must write the same bytes on any machine. */
    private static final Set<String> TIMES = Set.of("millis", "millisToFirst", "millisToShrink",
            "tlcMillis", "time");

    /**
     * A JSON object (and the objects and lists inside it) with its wall times null: the keys stay,
     * as the schema asks of every line, and the file is the same on any machine.
     */
    @SuppressWarnings("unchecked")
    public static void timesNulled(Object o) {
        if (o instanceof Map<?, ?> m) {
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                if (TIMES.contains(e.getKey())) {
                    e.setValue(null);
                } else {
                    timesNulled(e.getValue());
                }
            }
        } else if (o instanceof List<?> l) {
            l.forEach(HuntJson::timesNulled);
        }
    }

    /** {@code o} (a report's data or JSON object, and the objects and lists inside it) without its wall times. */
    @SuppressWarnings("unchecked")
    public static void withoutTimes(Object o) {
        if (o instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).keySet().removeAll(TIMES);
            m.values().forEach(HuntJson::withoutTimes);
        } else if (o instanceof List<?> l) {
            l.forEach(HuntJson::withoutTimes);
        }
    }
}
