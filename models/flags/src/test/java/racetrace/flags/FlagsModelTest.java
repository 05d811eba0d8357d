package racetrace.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import racetrace.engine.Execution;
import racetrace.engine.Model;
import racetrace.engine.ModelFamily;
import racetrace.engine.Models;
import racetrace.engine.Outcome;
import racetrace.engine.RandomRuns;
import racetrace.engine.Scenario;
import racetrace.engine.Schedule;
import racetrace.engine.Step;
import racetrace.engine.Stepper;

class FlagsModelTest {

    private static final List<String> FAMILIES = List.of("vfio-pci", "mlx5");

    @Test
    void bothFamiliesAreRegisteredWithTheirVariants() {
        // Layouts other tests add from files follow the bundled ones.
        assertThat(Models.family("vfio-pci").variants()).startsWith("pre-a", "pre-b", "pre-c", "v2", "merged");
        assertThat(Models.family("mlx5").variants()).startsWith("pre", "v2", "merged");
        for (String f : FAMILIES) {
            assertThat(Models.family(f).options().get("granularity")).containsExactly("byte", "location", "gcc-x86-64",
                    "gcc-arm64", "clang-x86-64", "clang-arm64");
        }
        Model<?> m = Models.create("vfio-pci", "pre-c", Map.of("granularity", "location"));
        assertThat(m.instance().toString()).isEqualTo("vfio-pci/pre-c[granularity=location]");
        assertThat(m.tlaModule()).isEqualTo("StorageFlags");
    }

    @Test
    void everyInstanceRunsRandomSchedulesToCompletion() {
        for (String family : FAMILIES) {
            ModelFamily fam = Models.family(family);
            for (String variant : fam.variants().stream().filter(v -> !v.contains("@")).toList()) {
                for (String g : List.of("byte", "location")) {
                    @SuppressWarnings("unchecked")
                    Model<FlagsState> model = (Model<FlagsState>) Models.create(family, variant,
                            Map.of("granularity", g));
                    Random rnd = new Random(variant.hashCode() * 31L + g.hashCode());
                    int violations = 0;
                    for (int i = 0; i < 400; i++) {
                        Scenario sc = RandomRuns.scenario(model, rnd);
                        Schedule sched = RandomRuns.schedule(rnd, sc.threadCount(), rnd.nextInt(120));
                        Execution<FlagsState> ex = Execution.run(model, sc, sched);
                        assertThat(ex.outcome())
                                .as("%s %s %s", model.instance(), sc, sched)
                                .isInstanceOfAny(Outcome.Completed.class, Outcome.Violated.class);
                        if (ex.outcome().isViolation()) {
                            violations++;
                        }
                        for (Step<FlagsState> s : ex.steps()) {
                            assertThat(s.label()).matches("[A-Za-z][A-Za-z0-9_]*");
                        }
                    }
                    assertThat(violations).as("%s", model.instance()).isLessThan(400);
                }
            }
        }
    }

    @Test
    void sameScenarioAndScheduleGiveTheSameTrace() {
        for (String family : FAMILIES) {
            @SuppressWarnings("unchecked")
            Model<FlagsState> model = (Model<FlagsState>) Models.create(family, Models.family(family).variants().get(0),
                    Map.of("granularity", "location"));
            Random rnd = new Random(7);
            for (int i = 0; i < 50; i++) {
                Scenario sc = RandomRuns.scenario(model, rnd);
                Schedule sched = RandomRuns.schedule(rnd, sc.threadCount(), 80);
                Execution<FlagsState> a = Execution.run(model, sc, sched);
                Execution<FlagsState> b = Execution.run(model, sc, sched);
                assertThat(b.outcome()).isEqualTo(a.outcome());
                assertThat(b.executed()).isEqualTo(a.executed());
                assertThat(b.steps().stream().map(s -> s.label() + model.variables(s.state())).toList())
                        .isEqualTo(a.steps().stream().map(s -> s.label() + model.variables(s.state())).toList());
            }
        }
    }

    @Test
    void theFingerprintTellsStatesApartExactlyAsTheirVariablesDo() {
        // The explorer compares fingerprints of states of one scenario: check them scenario by scenario.
        Random rnd = new Random(5);
        int states = 0;
        for (FlagsModel model : List.of(VfioPciFamily.model("pre-b", Granularity.LOCATION),
                Mlx5Family.model("pre", Granularity.BYTE))) {
            for (int i = 0; i < 300; i++) {
                Scenario sc = RandomRuns.scenario(model, rnd);
                Map<Map<String, Object>, Long> byVariables = new HashMap<>();
                Map<Long, Map<String, Object>> byFingerprint = new HashMap<>();
                for (int r = 0; r < 5; r++) {
                    Execution<FlagsState> ex = Execution.run(model, sc, RandomRuns.schedule(rnd, sc.threadCount(), 60));
                    for (int k = 0; k <= ex.steps().size(); k++) {
                        FlagsState st = ex.stateAt(k);
                        Map<String, Object> v = model.variables(st);
                        long fp = model.fingerprint(st);
                        Long before = byVariables.putIfAbsent(v, fp);
                        assertThat(before == null || before == fp).as("same variables, another fingerprint: %s", v)
                                .isTrue();
                        Map<String, Object> other = byFingerprint.putIfAbsent(fp, v);
                        assertThat(other == null || other.equals(v)).as("one fingerprint for %s and %s", other, v)
                                .isTrue();
                    }
                }
                states += byVariables.size();
            }
        }
        assertThat(states).isGreaterThan(1000);
    }

    @Test
    void variablesHaveTheSpecsNamesInOrder() {
        FlagsModel model = VfioPciFamily.model("pre-a", Granularity.BYTE);
        Scenario sc = Scenarios.of(0, "user", "cfgBar");
        Map<String, Object> v = model.variables(Stepper.of(model, sc).initial());
        assertThat(v.keySet()).containsExactly("mem", "ghost", "lost", "reg", "pc", "opIdx", "cur", "owner", "readers", "usage",
                "rpm", "wake", "open", "vfs", "nb", "rcu", "resetPending");
        assertThat(v.get("pc")).isEqualTo(List.of("cfgBar_pmGet"));
        assertThat(v.get("mem")).isEqualTo(List.of(Set.of("bardirty"), Set.of()));
        assertThat(model.hiddenInTable()).contains("pc", "reg", "opIdx", "cur");
    }
}
