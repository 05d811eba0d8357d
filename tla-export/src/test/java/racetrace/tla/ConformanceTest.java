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
 * Keeps every Java model and its TLA+ spec from drifting apart: random executions of every
 * registered model, variant and option (violating or not) are validated by TLC in one batch per
 * spec. `racetrace conform --traces N` runs the same check at scale.
 */
class ConformanceTest {

    static final int RUNS_PER_INSTANCE = 3;

    @BeforeEach
    void tlcEnabled() {
        TlcTests.assumeTlcRuns();
    }

    static List<Model<?>> instances() {
        List<Model<?>> out = new ArrayList<>();
        for (ModelFamily f : Models.families()) {
            for (String variant : f.variants()) {
                for (String g : f.options().getOrDefault("granularity", List.of(""))) {
                    out.add(Models.create(f.name(), variant, g.isEmpty() ? Map.of() : Map.of("granularity", g)));
                }
            }
        }
        return out;
    }

    @Test
    void randomExecutionsOfEveryInstanceAreBehavioursOfItsSpec(@TempDir Path dir) {
        Random rnd = new Random(2026);
        List<Execution<?>> runs = new ArrayList<>();
        List<String> specs = new ArrayList<>();
        for (Model<?> m : instances()) {
            assertThat(m.tlaModule()).as(m.instance() + " has a TLA+ spec").isNotNull();
            if (!specs.contains(m.tlaModule())) {
                specs.add(m.tlaModule());
            }
            for (int i = 0; i < RUNS_PER_INSTANCE; i++) {
                Scenario sc = RandomRuns.scenario(m, rnd);
                runs.add(Execution.run(m, sc, RandomRuns.schedule(rnd, sc.threadCount(), 40)));
            }
        }
        assertThat(specs).contains("StorageFlags", "XenFifo");
        BatchValidation v = BatchValidator.standard().validate(runs, dir, Duration.ofMinutes(5));
        System.out.println("conformance: " + runs.size() + " executions, " + v.summary());
        assertThat(v.tlcRuns()).hasSize(specs.size());
        assertThat(v.allConform()).as(v.summary()).isTrue();
    }
}
