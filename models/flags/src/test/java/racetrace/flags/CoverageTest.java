package racetrace.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import racetrace.engine.Execution;
import racetrace.engine.Model;
import racetrace.engine.ModelFamily;
import racetrace.engine.Models;
import racetrace.engine.Scenario;
import racetrace.search.Case;
import racetrace.search.explore.ActionCoverage;
import racetrace.search.explore.Limits;
import racetrace.search.explore.StateSpace;

/**
 * The flags models declare their actions and coverage scenarios, so that {@code conform} reports
 * which actions TLC checked and {@code conform --states} has scenarios to compare: every declared
 * action is taken by a run of a coverage scenario, and every scenario is valid and small.
 */
class CoverageTest {

    /** The states the ConformCommand's search for runs taking missed actions may explore per scenario. */
    private static final long COVERAGE_STATES = 500_000;

    @Test
    void everyActionOfEveryBundledInstanceIsTakenInItsCoverageScenarios() {
        List<String> missed = new ArrayList<>();
        int instances = 0;
        for (String name : List.of("vfio-pci", "mlx5")) {
            ModelFamily f = Models.family(name);
            for (String variant : f.variants()) {
                for (String g : List.of("byte", "location")) {
                    Model<?> m = Models.create(name, variant, Map.of("granularity", g));
                    instances++;
                    assertThat(m.actions()).as("%s declares its actions", m.instance()).isNotEmpty();
                    List<Scenario> scenarios = m.coverageScenarios();
                    assertThat(scenarios).as("%s declares coverage scenarios", m.instance()).isNotEmpty()
                            .doesNotHaveDuplicates();
                    scenarios.forEach(sc -> m.space().validate(sc));
                    long states = 0;
                    for (Scenario sc : scenarios) {
                        states += StateSpace.explore(m, sc, Limits.states(COVERAGE_STATES)).distinctStates();
                    }
                    System.out.printf("%s: %d actions, %d coverage scenarios, %d states%n", m.instance(),
                            m.actions().size(), scenarios.size(), states);
                    List<Case> runs = ActionCoverage.runsTaking(m, m.actions(), Limits.states(COVERAGE_STATES));
                    List<Execution<?>> executions = new ArrayList<>();
                    runs.forEach(c -> executions.add(c.run()));
                    Set<String> left = new TreeSet<>(ActionCoverage.missing(m, executions));
                    if (!left.isEmpty()) {
                        missed.add(m.instance() + ": " + left);
                    }
                }
            }
        }
        assertThat(instances).isGreaterThanOrEqualTo(16);
        assertThat(missed).as("actions no coverage scenario takes").isEmpty();
    }

    @Test
    void theActionsAreTheLabelsOfTheInstancesPrograms() {
        FlagsModel m = VfioPciFamily.model("pre-a", Granularity.BYTE);
        Set<String> labels = new TreeSet<>();
        FlagsProbe.opNames(m).forEach(op -> labels.addAll(FlagsProbe.labels(m, op)));
        // all but the resume blocks of the pm-get sites that never find the wake eventfd armed
        labels.removeIf(l -> l.matches("(open|probe|peerClose|close|close_tr)_res[A-Z].*"));
        assertThat(m.actions()).isEqualTo(labels).contains("cfgBar_bardirty_load", "cfgBar_resEngTest",
                "close_lockMem").doesNotContain("close_resEngTest", "open_resLockMem");
    }
}
