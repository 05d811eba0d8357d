package racetrace.tla;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racetrace.engine.Execution;
import racetrace.engine.Model;
import racetrace.engine.ModelFamily;
import racetrace.engine.Models;
import racetrace.engine.RandomRuns;
import racetrace.engine.Scenario;
import racetrace.search.Case;
import racetrace.search.explore.ActionCoverage;
import racetrace.search.explore.Limits;

/**
 * Keeps every Java model and its TLA+ spec from drifting apart: random executions of every
 * registered model, variant and option (violating or not), plus for each instance a run of its
 * coverage scenarios for every action the random runs missed, are validated by TLC in one batch
 * per spec. Every action of every instance that declares its actions must be taken by a run TLC
 * accepted. `racetrace conform --traces N` runs the same check at scale.
 */
class ConformanceTest {

    static final int RUNS_PER_INSTANCE = 3;

    @BeforeEach
    void tlcEnabled() {
        TlcTests.assumeTlcRuns();
    }

    /** Each variant with its own options, each granularity; xen-fifo also without callers' locks. */
    static List<Model<?>> instances() {
        List<Model<?>> out = new ArrayList<>();
        for (ModelFamily f : Models.families()) {
            for (String variant : f.variants()) {
                for (String g : f.options().getOrDefault("granularity", List.of(""))) {
                    out.add(Models.create(f.name(), variant, g.isEmpty() ? Map.of() : Map.of("granularity", g)));
                }
                if (f.options().containsKey("callers")) {
                    out.add(Models.create(f.name(), variant, Map.of("callers", "none")));
                }
            }
        }
        return out;
    }

    @Test
    void randomAndCoveringExecutionsOfEveryInstanceAreBehavioursOfItsSpec(@TempDir Path dir) {
        Random rnd = new Random(2026);
        List<Execution<?>> runs = new ArrayList<>();
        List<String> specs = new ArrayList<>();
        Map<Model<?>, int[]> ranges = new LinkedHashMap<>();
        for (Model<?> m : instances()) {
            assertThat(m.tlaModule()).as(m.instance() + " has a TLA+ spec").isNotNull();
            if (!specs.contains(m.tlaModule())) {
                specs.add(m.tlaModule());
            }
            int from = runs.size();
            for (int i = 0; i < RUNS_PER_INSTANCE; i++) {
                Scenario sc = RandomRuns.scenario(m, rnd);
                runs.add(Execution.run(m, sc, RandomRuns.schedule(rnd, sc.threadCount(), 40)));
            }
            Set<String> missing = ActionCoverage.missing(m, runs.subList(from, runs.size()));
            for (Case c : ActionCoverage.runsTaking(m, missing, Limits.states(500_000))) {
                runs.add(c.run());
            }
            ranges.put(m, new int[] {from, runs.size()});
        }
        assertThat(specs).contains("StorageFlags", "XenFifo");
        BatchValidation v = BatchValidator.standard().validate(runs, dir, Duration.ofMinutes(10));
        System.out.println("conformance: " + runs.size() + " executions, " + v.summary());
        assertThat(v.tlcRuns()).hasSize(specs.size());
        assertThat(v.allConform()).as(v.summary()).isTrue();
        Set<String> xenTaken = new TreeSet<>();
        List<String> short_ = new ArrayList<>();
        ranges.forEach((m, r) -> {
            List<Execution<?>> mine = runs.subList(r[0], r[1]);
            Set<String> missing = ActionCoverage.missing(m, mine);
            if (!m.actions().isEmpty()) {
                System.out.printf("coverage %s: %d of %d actions%s%n", m.instance(),
                        m.actions().size() - missing.size(), m.actions().size(),
                        missing.isEmpty() ? "" : ", missing " + missing);
            }
            if (!m.actions().isEmpty() && !missing.isEmpty()) {
                short_.add(m.instance() + " misses " + missing);
            }
            if (m.tlaModule().equals("XenFifo")) {
                xenTaken.addAll(ActionCoverage.taken(mine));
            }
        });
        assertThat(short_).isEmpty();
        System.out.println("coverage XenFifo.tla: " + xenTaken.size() + " actions taken");
    }
}
