package racetrace.flags.fields;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import racetrace.engine.Execution;
import racetrace.engine.Models;
import racetrace.engine.Outcome;
import racetrace.flags.FlagsModel;
import racetrace.flags.Layout;
import racetrace.search.Assumptions;
import racetrace.search.explore.Limits;

/**
 * The pair report on every bundled layout. The racing pairs below are what the tool found when
 * this test was written (a pair with [option] races only while that assumption holds); the model
 * and the search know nothing of them.
 */
class PairReportTest {

    private static final PairCheck CHECK = new PairCheck(PairScope.DEFAULT, Limits.defaults());

    private static final String VFIO_LOCATION_PRE = "virq_disabled+bardirty, virq_disabled+pm_runtime_engaged, "
            + "bardirty+pm_runtime_engaged, needs_reset+needs_pm_restore[probe-window], "
            + "pm_intx_masked+pm_runtime_engaged[close-pm]";

    static final Map<String, String> FOUND = new LinkedHashMap<>();

    static {
        FOUND.put("vfio-pci/pre-a/byte", "virq_disabled+bardirty, pm_intx_masked+pm_runtime_engaged[close-pm]");
        FOUND.put("vfio-pci/pre-b/byte", "virq_disabled+bardirty, nointx+sriov_pwr_active, "
                + "pm_intx_masked+pm_runtime_engaged[close-pm], pm_intx_masked+sriov_pwr_active, "
                + "pm_runtime_engaged+sriov_pwr_active");
        FOUND.put("vfio-pci/pre-c/byte", "virq_disabled+bardirty, pm_intx_masked+pm_runtime_engaged[close-pm]");
        FOUND.put("vfio-pci/v2/byte", "needs_reset+needs_pm_restore[probe-window]");
        FOUND.put("vfio-pci/merged/byte", "");
        FOUND.put("vfio-pci/pre-a/location", VFIO_LOCATION_PRE);
        FOUND.put("vfio-pci/pre-b/location", "has_dyn_msix+sriov_pwr_active, pci_2_3+sriov_pwr_active, "
                + "virq_disabled+bardirty, virq_disabled+pm_runtime_engaged, virq_disabled+sriov_pwr_active, "
                + "reset_works+sriov_pwr_active, extended_caps+sriov_pwr_active, bardirty+pm_runtime_engaged, "
                + "bardirty+sriov_pwr_active, has_vga+sriov_pwr_active, needs_reset+needs_pm_restore[probe-window], "
                + "needs_reset+sriov_pwr_active, nointx+sriov_pwr_active, pm_intx_masked+pm_runtime_engaged[close-pm], "
                + "pm_intx_masked+sriov_pwr_active, pm_runtime_engaged+sriov_pwr_active");
        FOUND.put("vfio-pci/pre-c/location", VFIO_LOCATION_PRE);
        FOUND.put("vfio-pci/v2/location", "needs_reset+needs_pm_restore[probe-window]");
        FOUND.put("vfio-pci/merged/location", "");
        String mlx5Pre = "migrate_cap+mdev_detach[probe-window], deferred_reset+mdev_detach, deferred_reset+log_active, "
                + "mdev_detach+chunk_mode[probe-window], mdev_detach+mig_state_cap[probe-window], is_err+object_changed";
        String mlx5V2 = "migrate_cap+mdev_detach[probe-window], mdev_detach+chunk_mode[probe-window], "
                + "mdev_detach+mig_state_cap[probe-window]";
        for (String g : List.of("byte", "location")) {
            FOUND.put("mlx5/pre/" + g, mlx5Pre);
            FOUND.put("mlx5/v2/" + g, mlx5V2);
            FOUND.put("mlx5/merged/" + g, "");
        }
    }

    static String racing(List<PairVerdict> verdicts) {
        return verdicts.stream().filter(PairVerdict::races).map(v -> v.pair() + (v.dependsOn().isEmpty() ? ""
                : v.dependsOn().stream().map(Assumptions.Dependence::option).collect(Collectors.joining(",", "[", "]"))))
                .collect(Collectors.joining(", "));
    }

    @Test
    void everyBundledLayoutGivesTheRacingPairsFoundWhenThisWasWritten() {
        Map<String, String> got = new LinkedHashMap<>();
        for (String key : FOUND.keySet()) {
            String[] k = key.split("/");
            FlagsModel m = (FlagsModel) Models.create(k[0], k[1], Map.of("granularity", k[2]));
            List<PairVerdict> verdicts = PairReport.run(m, CHECK);
            got.put(key, racing(verdicts));
            for (PairVerdict v : verdicts) {
                assertThat(v.complete()).as("%s %s explored completely", key, v.pair()).isTrue();
                if (v.races()) {
                    checkCounterexample(key, v);
                }
            }
        }
        assertThat(got).isEqualTo(FOUND);
    }

    /** A race's case replays as a violation of the pair's invariant, by the rows it names. */
    private static void checkCounterexample(String key, PairVerdict v) {
        Execution<?> ex = v.counterexample().run();
        assertThat(ex.outcome()).as(key + " " + v.pair()).isInstanceOf(Outcome.Violated.class);
        assertThat(ex.measure()).isEqualTo(v.measure());
        assertThat(v.measure().threads()).isEqualTo(2);
        assertThat(v.culprit()).isNotNull();
        assertThat(v.victim()).as(key + " " + v.pair() + " victim").isNotNull();
        assertThat(List.of(v.culprit().field(), v.victim().field())).containsExactlyInAnyOrder(v.pair().first(),
                v.pair().second());
        // The printed schedule string replays the same loss as a NoLostUpdate violation at the same step.
        Execution<?> plain = PairReport.replayable(v).run();
        assertThat(plain.outcome()).isEqualTo(new Outcome.Violated(FlagsModel.NO_LOST_UPDATE, v.measure().steps()));
    }

    @Test
    void theSeedThreadsRaceIsTheConfigWritesLosingEachOthersFlag() {
        FlagsModel m = (FlagsModel) Models.create("vfio-pci", "pre-a", Map.of("granularity", "byte"));
        PairVerdict v = CHECK.check(m, new FieldPairs.Pair("virq_disabled", "bardirty"));
        assertThat(v.measure().ops()).isEqualTo(2);
        assertThat(v.counterexample().scenario().threads()).allMatch(t -> t.actor().equals("user"));
        assertThat(List.of(v.culprit().context().toString(), v.victim().context().toString()))
                .allMatch(c -> c.equals("config write") || c.equals("config read"));
        assertThat(v.dependsOn()).isEmpty();
    }

    @Test
    void theCloseVersusSuspendPairRestsOnTheClosePmAssumption() {
        FlagsModel m = (FlagsModel) Models.create("vfio-pci", "pre-c", Map.of("granularity", "byte"));
        FieldPairs.Pair p = new FieldPairs.Pair("pm_intx_masked", "pm_runtime_engaged");
        PairVerdict v = CHECK.check(m, p);
        assertThat(v.races()).isTrue();
        assertThat(v.dependsOn()).extracting(Assumptions.Dependence::option).containsExactly("close-pm");
        assertThat(v.dependsOn().get(0).why()).contains("close-pm=referenced", "without NoLostUpdateBetween violated");
        // With the other value the whole scope holds, not only that scenario.
        FlagsModel referenced = (FlagsModel) Models.create("vfio-pci", "pre-c",
                Map.of("granularity", "byte", "close-pm", "referenced"));
        PairVerdict safe = CHECK.check(referenced, p);
        assertThat(safe.races()).isFalse();
        assertThat(safe.scenarios()).isPositive();
        assertThat(safe.complete()).isTrue();
    }

    @Test
    void theSetupOnlyPolicyDerivesTheMergedFixFromPreCUnderTheMergedCommitsReadingOnly() {
        FlagsModel preC = (FlagsModel) Models.create("vfio-pci", "pre-c", Map.of("granularity", "byte"));
        FlagsModel merged = (FlagsModel) Models.create("vfio-pci", "merged", Map.of("granularity", "byte"));
        Layout setup = Policies.setupOnly(preC);
        assertThat(kinds(setup)).isEqualTo(kinds(merged.layout()));
        // Read literally ("serialized by probe/open/close"), a peer's close-time reset is setup: needs_reset stays.
        Layout literal = Policies.setupOnly(preC, Policies.Reading.LITERAL);
        assertThat(literal.field("needs_reset").isBitfield()).isTrue();
        assertThat(kinds(literal)).isNotEqualTo(kinds(merged.layout()));
        FlagsModel mlx5Pre = (FlagsModel) Models.create("mlx5", "pre", Map.of("granularity", "byte"));
        FlagsModel mlx5Merged = (FlagsModel) Models.create("mlx5", "merged", Map.of("granularity", "byte"));
        assertThat(kinds(Policies.setupOnly(mlx5Pre))).isEqualTo(kinds(mlx5Merged.layout()));
        assertThat(kinds(Policies.setupOnly(mlx5Pre, Policies.Reading.LITERAL))).isEqualTo(kinds(mlx5Merged.layout()));
    }

    /** Which fields are bitfields and which plain, ignoring order. */
    private static Map<String, Boolean> kinds(Layout l) {
        Map<String, Boolean> out = new TreeMap<>();
        l.fields().forEach(f -> out.put(f.name(), f.isBitfield()));
        return out;
    }

    @Test
    void theComparisonFindsNoRaceInEitherPolicysLayoutAndListsEveryTiedPointFix() {
        Comparison c = Comparison.of("mlx5", Map.of("granularity", "byte"), CHECK);
        List<String> names = new ArrayList<>();
        for (Comparison.Column col : c.columns()) {
            names.add(col.name() + "=" + col.racing());
        }
        assertThat(names).containsExactly("pre=6", "v2=3", "merged=0", "pre.setup-only=0", "pre.setup-literal=0",
                "pre.point-fix=0");
        // Ties are listed, not broken: each set of three covers the racing pairs and leaves none racing.
        assertThat(c.pointFixes()).hasSizeGreaterThan(1).allSatisfy(f -> assertThat(f).hasSize(3));
        assertThat(c.pointFixes().get(0)).containsExactly("deferred_reset", "mdev_detach", "is_err");
        for (Set<String> fix : c.pointFixes()) {
            FlagsModel m = Comparison.instance("mlx5", Policies.pointFixLayout(c.base(), fix), c.options());
            assertThat(PairReport.run(m, CHECK)).noneMatch(PairVerdict::races);
        }
        Comparison.Column fix = c.columns().get(5);
        assertThat(fix.instance().layout().fields().stream().filter(f -> !f.isBitfield()).map(Layout.Field::name))
                .containsExactly("deferred_reset", "mdev_detach", "is_err");
        assertThat(c.columns().get(0).cell(new FieldPairs.Pair("migrate_cap", "mdev_detach")))
                .isEqualTo("races(probe-window)");
        assertThat(c.columns().get(2).cell(new FieldPairs.Pair("migrate_cap", "mdev_detach"))).isEqualTo("-");
    }

    @Test
    void theAnswerSaysWhichReadingGivesTheMergedFixAndWhatThePointFixesRestOn() {
        Comparison c = Comparison.of("vfio-pci", Map.of("granularity", "byte"), CHECK);
        Answer a = Answer.of(c, CHECK);
        assertThat(a.merged()).isEqualTo("merged");
        assertThat(a.setups()).extracting(s -> s.reading() + ":" + s.reproducesMerged() + ":" + s.racing())
                .containsExactly("MERGED_RULE:true:0", "LITERAL:false:1");
        assertThat(a.setups().get(1).races()).containsExactly("needs_reset + needs_pm_restore if probe-window=open");
        // {virq_disabled, pm_runtime_engaged} is as small as {virq_disabled, pm_intx_masked}: both are listed.
        assertThat(c.pointFixes()).contains(Set.of("virq_disabled", "pm_intx_masked"),
                Set.of("virq_disabled", "pm_runtime_engaged"));
        assertThat(a.conditional()).containsExactly("pm_intx_masked + pm_runtime_engaged races only if close-pm=unreferenced");
        assertThat(a.otherValues()).containsEntry("close-pm", "referenced").containsEntry("probe-window", "closed");
        assertThat(a.otherFixes()).allSatisfy(f -> assertThat(f).hasSize(1)).contains(Set.of("virq_disabled"));
        assertThat(a.otherSetupRaces()).isZero();
    }
}
