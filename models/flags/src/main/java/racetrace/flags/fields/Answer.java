package racetrace.flags.fields;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import racetrace.engine.Models;
import racetrace.flags.Assumption;
import racetrace.flags.FlagsModel;
import racetrace.flags.Layout;
import racetrace.flags.Writer;
import racetrace.search.Assumptions;

/**
 * The thread's question answered from a {@link Comparison}: setup-only under both readings of
 * "setup" (and whether each gives the merged fix), every smallest point fix, the assumptions the
 * base's races rest on, the point fixes with every assumption at its other value, and the
 * conclusion they add up to. Everything here is computed; nothing names a field or a commit.
 *
 * @param comparison the table it answers from
 * @param merged the variant taken as the merged fix: the family's newest bundled layout
 * @param mergedPlain the base's bitfields the merged layout has as plain members
 * @param setups one per reading of "setup"
 * @param conditional the base's racing pairs whose race rests on assumptions, with their conditions
 * @param otherValues every assumption at its other value
 * @param otherFixes the point fixes of the base under {@code otherValues}
 * @param otherSetupRaces pairs racing in the merged-rule setup-only layout under {@code otherValues}
 * @param runtimeLeft per point fix, the bitfields it leaves whose writers run at run time (not at setup)
 */
public record Answer(Comparison comparison, String merged, Set<String> mergedPlain, List<Setup> setups,
        List<String> conditional, Map<String, String> otherValues, List<Set<String>> otherFixes,
        long otherSetupRaces, List<Set<String>> runtimeLeft) {

    /**
     * The setup-only policy under one reading.
     *
     * @param reading what counts as setup
     * @param plain the base's bitfields it makes plain
     * @param racing pairs racing in its layout
     * @param races those pairs, each with the assumptions its race rests on ({@code a + b if x=y})
     * @param reproducesMerged whether it makes plain exactly the base bitfields the merged fix made plain
     */
    public record Setup(Policies.Reading reading, Set<String> plain, long racing, List<String> races,
            boolean reproducesMerged) {

        /** The fields it keeps as bitfields that the merged fix made plain, and the other way round. */
        public String difference(Set<String> mergedPlain) {
            List<String> parts = new ArrayList<>();
            Set<String> extra = new LinkedHashSet<>(plain);
            extra.removeAll(mergedPlain);
            Set<String> missing = new LinkedHashSet<>(mergedPlain);
            missing.removeAll(plain);
            if (!missing.isEmpty()) {
                parts.add("keeps " + String.join(", ", missing) + " a bitfield");
            }
            if (!extra.isEmpty()) {
                parts.add("makes " + String.join(", ", extra) + " plain too");
            }
            return String.join("; ", parts);
        }
    }

    /** Answers from a comparison; the other-values analysis runs the base's report again. */
    public static Answer of(Comparison c, PairCheck check) {
        FlagsModel base = c.base();
        List<String> variants = Models.family(c.model()).variants().stream().filter(v -> !v.contains("@")).toList();
        String merged = variants.get(variants.size() - 1);
        Layout mergedLayout = c.columns().stream().filter(col -> col.name().equals(merged)).findFirst().orElseThrow()
                .instance().layout();
        Set<String> mergedPlain = new LinkedHashSet<>();
        for (Layout.Field f : base.layout().fields()) {
            Layout.Field m = mergedLayout.field(f.name());
            if (f.isBitfield() && m != null && !m.isBitfield()) {
                mergedPlain.add(f.name());
            }
        }
        List<Setup> setups = new ArrayList<>();
        for (Policies.Reading r : Policies.Reading.values()) {
            Set<String> plain = Policies.setupOnlyPlain(base, r);
            Comparison.Column col = c.columns().stream().filter(x -> x.name().endsWith("." + r.policy())).findFirst()
                    .orElseThrow();
            List<String> races = new ArrayList<>();
            for (PairVerdict v : col.verdicts()) {
                if (v.races()) {
                    races.add(v.pair().first() + " + " + v.pair().second() + (v.dependsOn().isEmpty() ? ""
                            : " if " + Assumptions.conditions(v.dependsOn())));
                }
            }
            setups.add(new Setup(r, plain, col.racing(), races, plain.equals(mergedPlain)));
        }
        List<PairVerdict> baseReport = c.columns().stream().filter(col -> col.instance() == base).findFirst()
                .orElseThrow().verdicts();
        List<String> conditional = new ArrayList<>();
        for (PairVerdict v : baseReport) {
            if (v.races() && !v.dependsOn().isEmpty()) {
                conditional.add(v.pair().first() + " + " + v.pair().second() + " races only if "
                        + Assumptions.conditions(v.dependsOn()));
            }
        }
        // Every assumption at its other value: what is left of the races, and of the point fixes.
        Map<String, String> other = new LinkedHashMap<>(c.options());
        Map<String, String> otherValues = new LinkedHashMap<>();
        for (Map.Entry<Assumption, String> e : base.assumptions().entrySet()) {
            String flipped = e.getKey().flip(e.getValue());
            other.put(e.getKey().option(), flipped);
            otherValues.put(e.getKey().option(), flipped);
        }
        List<Set<String>> otherFixes = c.pointFixes();
        long otherSetupRaces = setups.get(0).racing();
        if (!otherValues.isEmpty()) {
            FlagsModel otherBase = (FlagsModel) Models.create(c.model(), base.instance().variant(), other);
            otherFixes = Policies.pointFixes(otherBase, m -> PairReport.run(m, check),
                    l -> Comparison.instance(c.model(), l, other));
            FlagsModel otherSetup = Comparison.instance(c.model(), Policies.setupOnly(otherBase), other);
            otherSetupRaces = PairReport.run(otherSetup, check).stream().filter(PairVerdict::races).count();
        }
        List<Set<String>> runtimeLeft = new ArrayList<>();
        for (Set<String> fix : c.pointFixes()) {
            Set<String> left = new LinkedHashSet<>();
            for (Layout.Field f : base.layout().fields()) {
                if (f.isBitfield() && !fix.contains(f.name()) && runtime(base, f.name())) {
                    left.add(f.name());
                }
            }
            runtimeLeft.add(left);
        }
        return new Answer(c, merged, mergedPlain, setups, conditional, otherValues, otherFixes, otherSetupRaces,
                runtimeLeft);
    }

    /** Whether some writer of a field runs outside setup and release (the merged commit's reading). */
    private static boolean runtime(FlagsModel m, String field) {
        List<Writer> rows = FieldPairs.rows(m, field);
        return rows.isEmpty() || rows.stream().anyMatch(w -> !Policies.Reading.MERGED_RULE.setup(w.context()));
    }

    /** {@code {a, b}}. */
    public static String set(Set<String> s) {
        return "{" + String.join(", ", s) + "}";
    }
}
