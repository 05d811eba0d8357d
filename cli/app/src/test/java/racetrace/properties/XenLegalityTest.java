package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import racetrace.engine.Models;
import racetrace.search.Case;
import racetrace.search.Minimizer;
import racetrace.search.Parallel;
import racetrace.search.hunt.Cap;
import racetrace.search.hunt.Finding;
import racetrace.search.hunt.HuntOptions;
import racetrace.search.hunt.HuntResult;
import racetrace.search.hunt.Hunter;
import racetrace.search.hunt.Strategy;
import racetrace.search.hunt.Work;
import racetrace.xen.Legality;

/**
 * No printed counterexample uses an op the real code refuses for its binding and era (issue 15):
 * every bundled xen-fifo version is hunted, with the seed whose tables used to rebind an IPI port,
 * and its counterexample as found, shrunk and step-shortest goes through the legality table.
 */
class XenLegalityTest {

    @Test
    void everyXenCounterexampleUsesOnlyOpsTheHypervisorAccepts() {
        List<String> refused = new ArrayList<>();
        int checked = 0;
        for (String variant : Models.family("xen-fifo").variants()) {
            // Seed 3 printed d's tables with bindVcpu on ipi(1) before the table existed. Each hunt stops at
            // its first counterexample, which is then shrunk as the hunt shrinks it (the whole hunt of every
            // version, every finding, is what the property suite's whole-hunt mode checks).
            HuntResult r = Hunter.hunt(Models.create("xen-fifo", variant, Map.of()), new HuntOptions(3,
                    new Work(3000, 300_000, 600, 0), Cap.NONE,
                    Strategy.PORTFOLIO, Parallel.cores(), 64, true), null);
            for (Finding f : r.findings()) {
                // Small proving caps: what matters here is the ops of the case the shrinking ends at.
                Minimizer.Result min = Minimizer.minimize(f.shrunk(), f.invariant(),
                        new Minimizer.Options(20_000, 500, Parallel.cores()));
                for (Case c : Arrays.asList(f.shrunk(), min.minimal(), min.stepShortest())) {
                    if (c == null) {
                        continue;
                    }
                    checked++;
                    String why = Legality.refused(c.model(), c.scenario());
                    if (why != null) {
                        refused.add(variant + " " + f.invariant() + ": " + why + ": " + c);
                    }
                }
            }
        }
        assertThat(checked).as("counterexamples checked").isGreaterThan(10);
        assertThat(refused).isEmpty();
    }
}
