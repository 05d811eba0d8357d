package racetrace.flags.fields;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import racetrace.engine.Models;
import racetrace.flags.FlagsModel;
import racetrace.flags.Layout;
import racetrace.flags.Layouts;
import racetrace.search.Assumptions;

/**
 * The thread's question as a table: the history's layouts and the two policies' layouts, each
 * with its pair report, under one granularity and one set of assumptions.
 *
 * @param model the model
 * @param granularity the granularity every layout runs under
 * @param options the options every instance takes (granularity and assumptions)
 * @param columns one per layout: the bundled ones oldest first, then setup-only (the merged commit's
 *     reading, then the literal one) and point-fix
 * @param pairs the pairs that race in some layout, in order of first appearance
 * @param base the layout the policies are derived from (the newest before the fix)
 * @param pointFixes every smallest point fix of the base (the column shows the first)
 */
public record Comparison(String model, String granularity, Map<String, String> options, List<Column> columns,
        List<FieldPairs.Pair> pairs, FlagsModel base, List<Set<String>> pointFixes) {

    /**
     * One layout's report.
     *
     * @param name the layout's name
     * @param variant the variant it runs as
     * @param about one line
     * @param instance the instance the report ran on
     * @param verdicts the report
     */
    public record Column(String name, String variant, String about, FlagsModel instance, List<PairVerdict> verdicts) {

        public int flagBytes() {
            return instance.layout().flagBytes();
        }

        public long racing() {
            return verdicts.stream().filter(PairVerdict::races).count();
        }

        /** Pairs a cap left undecided. */
        public long undecided() {
            return verdicts.stream().filter(PairVerdict::undecided).count();
        }

        /** The verdict on a pair, or null when the pair shares no unit here. */
        public PairVerdict verdict(FieldPairs.Pair p) {
            for (PairVerdict v : verdicts) {
                if (v.pair().equals(p) || v.pair().first().equals(p.second()) && v.pair().second().equals(p.first())) {
                    return v;
                }
            }
            return null;
        }

        /** A cell of the table: races (with the assumptions it rests on), safe, - (separate units) or n/a. */
        public String cell(FieldPairs.Pair p) {
            Layout l = instance.layout();
            if (l.field(p.first()) == null || l.field(p.second()) == null) {
                return "n/a";
            }
            PairVerdict v = verdict(p);
            if (v == null) {
                return "-";
            }
            if (v.unknown()) {
                return "unknown";
            }
            if (v.undecided()) {
                return "cut";
            }
            if (!v.races()) {
                return "safe";
            }
            List<String> deps = v.dependsOn().stream().map(Assumptions.Dependence::option).toList();
            return deps.isEmpty() ? "RACES" : "races(" + String.join(",", deps) + ")";
        }
    }

    /** Runs every layout's report and derives the two policies' layouts from the model's base. */
    public static Comparison of(String model, Map<String, String> options, PairCheck check) {
        List<Column> columns = new ArrayList<>();
        for (String v : Models.family(model).variants()) {
            if (v.contains("@")) {
                continue;
            }
            FlagsModel m = (FlagsModel) Models.create(model, v, options);
            columns.add(new Column(v, v, m.layout().about(), m, PairReport.run(m, check)));
        }
        FlagsModel base = columns.stream().map(Column::instance)
                .filter(m -> m.instance().variant().equals(m.policyBase())).findFirst().orElseThrow();
        columns.add(column(model, Policies.setupOnly(base, Policies.Reading.MERGED_RULE), options, check));
        columns.add(column(model, Policies.setupOnly(base, Policies.Reading.LITERAL), options, check));
        List<PairVerdict> baseReport = columns.stream().filter(c -> c.instance() == base).findFirst().orElseThrow()
                .verdicts();
        List<Set<String>> fixes = Policies.pointFixes(base, m -> m == base ? baseReport : PairReport.run(m, check),
                l -> instance(model, l, options));
        columns.add(column(model, fixes.isEmpty() ? base.layout().renamed(base.layout().name() + "."
                + Policies.POINT_FIX, "nothing races: nothing to move", base.layout().origin())
                : Policies.pointFixLayout(base, fixes.get(0)), options, check));
        Set<FieldPairs.Pair> pairs = new LinkedHashSet<>();
        for (Column c : columns) {
            for (PairVerdict v : c.verdicts()) {
                if (v.races() || v.undecided()) {
                    pairs.add(v.pair());
                }
            }
        }
        return new Comparison(model, options.getOrDefault("granularity", "byte"), options, columns,
                new ArrayList<>(pairs), base, fixes);
    }

    private static Column column(String model, Layout l, Map<String, String> options, PairCheck check) {
        FlagsModel m = instance(model, l, options);
        return new Column(l.name(), m.instance().variant(), l.about(), m, PairReport.run(m, check));
    }

    static FlagsModel instance(String model, Layout l, Map<String, String> options) {
        String variant = Layouts.register(l);
        return (FlagsModel) Models.create(model, variant, new LinkedHashMap<>(options));
    }
}
