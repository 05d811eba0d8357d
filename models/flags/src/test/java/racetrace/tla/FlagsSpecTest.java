package racetrace.tla;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racetrace.engine.Execution;
import racetrace.engine.Model;
import racetrace.engine.ModelFamily;
import racetrace.engine.Models;
import racetrace.engine.RandomRuns;
import racetrace.engine.Scenario;
import racetrace.flags.FlagsModel;

/**
 * The tla-export pipeline on the real flags models (vfio-pci, mlx5) and their hand-written spec
 * StorageFlags.tla, packaged by racetrace-flags under tla/.
 */
class FlagsSpecTest {

    @BeforeEach
    void tlcEnabled() {
        TlcTests.assumeTlcRuns();
    }

    static final Duration TIMEOUT = Duration.ofMinutes(3);

    static List<Model<?>> instances() {
        List<Model<?>> out = new ArrayList<>();
        for (String family : List.of("vfio-pci", "mlx5")) {
            ModelFamily f = Models.family(family);
            for (String variant : f.variants()) {
                for (String g : f.options().getOrDefault("granularity", List.of("")) ) {
                    out.add(Models.create(family, variant, g.isEmpty() ? Map.of() : Map.of("granularity", g)));
                }
            }
        }
        return out;
    }

    /**
     * The options the default instances leave out: the assumptions' other values, compiler
     * profiles, and instances focused on one pair (NoLostUpdateBetween) conform to the spec too.
     */
    @Test
    void otherAssumptionsProfilesAndPairInstancesConform(@TempDir Path dir) {
        Random rnd = new Random(2027);
        List<Model<?>> models = new ArrayList<>();
        for (String v : Models.family("vfio-pci").variants().stream().filter(x -> !x.contains("@")).toList()) {
            models.add(Models.create("vfio-pci", v, Map.of("granularity", "clang-x86-64", "close-pm", "referenced",
                    "probe-window", "closed")));
        }
        models.add(Models.create("mlx5", "pre", Map.of("granularity", "gcc-arm64", "probe-window", "closed")));
        models.add(((FlagsModel) Models.create("vfio-pci", "pre-c", Map.of("granularity", "location")))
                .forPair("pm_intx_masked", "pm_runtime_engaged"));
        models.add(((FlagsModel) Models.create("mlx5", "pre", Map.of("granularity", "byte")))
                .forPair("deferred_reset", "mdev_detach"));
        List<Execution<?>> runs = new ArrayList<>();
        int violations = 0;
        for (Model<?> m : models) {
            for (int i = 0; i < 12; i++) {
                Scenario sc = RandomRuns.scenario(m, rnd);
                Execution<?> ex = Execution.run(m, sc, RandomRuns.schedule(rnd, sc.threadCount(), 40));
                violations += ex.outcome().isViolation() ? 1 : 0;
                runs.add(ex);
            }
        }
        BatchValidation v = BatchValidator.standard().validate(runs, dir, TIMEOUT);
        System.out.println("flags options conformance: " + runs.size() + " executions (" + violations + " violating), "
                + v.summary());
        assertThat(v.allConform()).as(v.summary()).isTrue();
    }

    @Test
    void aViolationFoundInJavaIsConfirmedByTlc(@TempDir Path dir) {
        Random rnd = new Random(7);
        Execution<?> found = null;
        for (int tries = 0; tries < 20_000 && found == null; tries++) {
            for (Model<?> m : instances()) {
                Scenario sc = RandomRuns.scenario(m, rnd);
                Execution<?> ex = Execution.run(m, sc, RandomRuns.schedule(rnd, sc.threadCount(), 30));
                if (ex.outcome().isViolation()) {
                    found = ex;
                    break;
                }
            }
        }
        assertThat(found).as("no violation in random runs").isNotNull();
        TlcConfirmation c = TraceConfirmer.standard().confirm(found, dir, TIMEOUT);
        System.out.println("flags confirm: " + found.model().instance() + " " + c.describe());
        assertThat(c).as(c.describe()).isInstanceOf(TlcConfirmation.Confirmed.class);

        // TLC's own breadth-first search on the same scenario: a shortest counterexample, which
        // replays in Java with the same invariant.
        TlcResult bfs = SpecChecker.standard().check(found.model(), found.scenario(), dir, TIMEOUT, false);
        System.out.println("flags BFS: " + bfs.summary());
        assertThat(bfs.verdict()).as(bfs.message()).isEqualTo(TlcVerdict.INVARIANT_VIOLATED);
        ImportedTrace<?> imported = CounterexampleImporter.replay(found.model(), found.scenario(), bfs);
        assertThat(imported.violatesAtEnd(bfs.violatedInvariant())).as(imported.execution().outcome().toString())
                .isTrue();
        assertThat(imported.tlcSteps()).isLessThanOrEqualTo(found.steps().size());
    }
}
