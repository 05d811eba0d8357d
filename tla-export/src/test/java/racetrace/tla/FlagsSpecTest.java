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
import racetrace.engine.RandomRuns;
import racetrace.engine.Execution;
import racetrace.engine.Model;
import racetrace.engine.ModelFamily;
import racetrace.engine.Models;
import racetrace.engine.Scenario;

/**
 * The tla-export pipeline on the real flags models (vfio-pci, mlx5) and their hand-written spec
 * StorageFlags.tla, packaged by racetrace-models under tla/.
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
