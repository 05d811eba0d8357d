package racetrace.flags.fields;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import racetrace.engine.Execution;
import racetrace.engine.Outcome;
import racetrace.flags.Assumption;
import racetrace.flags.FlagsModel;
import racetrace.flags.Writer;
import racetrace.search.Assumptions;
import racetrace.search.Case;

/** Every pair of fields sharing a storage unit in one instance, each decided by {@link PairCheck}. */
public final class PairReport {

    private PairReport() {
    }

    public static List<PairVerdict> run(FlagsModel m, PairCheck check) {
        List<PairVerdict> out = new ArrayList<>();
        for (FieldPairs.Pair p : FieldPairs.sharing(m)) {
            out.add(check.check(m, p));
        }
        return out;
    }

    /**
     * The case to print as a schedule string: the instance without the pair focus, checking
     * NoLostUpdate, which the same run violates at the same step (the pair's loss is a lost update);
     * should another loss come first, the string checks every invariant.
     */
    public static Case replayable(PairVerdict v) {
        Case c = v.counterexample();
        FlagsModel base = ((FlagsModel) c.model()).unpaired();
        Case plain = new Case(base, c.scenario(), c.schedule(), FlagsModel.NO_LOST_UPDATE);
        Execution<?> ex = plain.run();
        if (ex.outcome() instanceof Outcome.Violated viol && viol.steps() == v.measure().steps()) {
            return plain;
        }
        return new Case(base, c.scenario(), c.schedule());
    }

    /** A writers-table row as JSON. */
    public static Map<String, Object> row(FlagsModel m, Writer w) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("field", w.field());
        o.put("context", w.context().toString());
        o.put("function", w.function());
        o.put("value", w.value());
        o.put("kind", w.kind());
        o.put("locks", locks(m, w));
        o.put("pm", w.pm());
        o.put("site", w.site() == null ? "-" : w.site());
        o.put("modelled", w.modelled());
        if (w.assumption() != null) {
            o.put("assumption", w.assumption());
        }
        return o;
    }

    /** The locks of a row in the notes' words; a row whose locks start with + lists the least. */
    public static String locks(FlagsModel m, Writer w) {
        List<String> names = new ArrayList<>();
        boolean atLeast = false;
        for (String l : w.locks()) {
            if (l.equals("+")) {
                atLeast = true;
            } else {
                names.add(m.lockName(l));
            }
        }
        String s = names.isEmpty() ? "none" : String.join(" + ", names);
        return atLeast ? s + " (+ the caller's)" : s;
    }

    /** One JSON object per pair: model, layout, fields, verdict, writers, assumptions, evidence, schedule. */
    public static Map<String, Object> json(FlagsModel m, PairVerdict v) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("model", m.instance().model());
        o.put("layout", m.instance().variant());
        o.put("granularity", m.granularity().option());
        o.put("fields", List.of(v.pair().first(), v.pair().second()));
        o.put("verdict", v.word());
        List<Object> writers = new ArrayList<>();
        for (Writer w : v.writers()) {
            writers.add(row(m, w));
        }
        o.put("writers", writers);
        List<Object> assumptions = new ArrayList<>();
        if (v.races()) {
            for (Assumptions.Dependence d : v.dependsOn()) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("option", d.option());
                a.put("value", d.value());
                a.put("meaning", d.meaning());
                a.put("why", d.why());
                assumptions.add(a);
            }
        } else {
            for (Map.Entry<Assumption, String> e : m.assumptions().entrySet()) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("option", e.getKey().option());
                a.put("value", e.getValue());
                a.put("meaning", e.getKey().meaning(e.getValue()));
                assumptions.add(a);
            }
        }
        o.put("assumptions", assumptions);
        Map<String, Object> ev = new LinkedHashMap<>();
        if (v.races()) {
            ev.put("kind", "counterexample");
            ev.put("scenario", scenario(v.counterexample()));
            ev.put("measure", v.measure().json());
            ev.put("lostBy", v.culprit() == null ? null : row(m, v.culprit()));
            ev.put("lost", v.victim() == null ? null : row(m, v.victim()));
            ev.put("minimal", v.complete() ? "fewest ops over the scope (every smaller scenario explored "
                    + "exhaustively), then fewest preemptions and steps in its scenario"
                    : "not proven: a search stopped at its state cap (--max-states) before it could show that no "
                    + "smaller run loses the update");
        } else if (v.unknown()) {
            ev.put("kind", "none");
            ev.put("noWriter", v.noWriter());
        } else {
            ev.put("kind", "exhaustive");
            ev.put("scope", v.scope());
        }
        ev.put("scenarios", v.scenarios());
        ev.put("states", v.states());
        ev.put("complete", v.complete());
        ev.put("millis", v.millis());
        o.put("evidence", ev);
        if (v.races()) {
            o.put("schedule", replayable(v).toString());
        }
        return o;
    }

    /** A scenario in words: config; one entry per thread. */
    public static String scenario(Case c) {
        List<String> threads = new ArrayList<>();
        for (int t = 0; t < c.scenario().threadCount(); t++) {
            threads.add(c.model().threadName(c.scenario(), t) + ": " + c.scenario().threads().get(t).ops());
        }
        return c.scenario().config() + "; " + String.join("; ", threads);
    }
}
