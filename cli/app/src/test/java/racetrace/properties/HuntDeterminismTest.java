package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import racetrace.engine.Model;
import racetrace.engine.Models;
import racetrace.report.HuntReport;
import racetrace.search.Case;
import racetrace.search.ScheduleString;
import racetrace.search.hunt.Cap;
import racetrace.search.hunt.Finding;
import racetrace.search.hunt.HuntOptions;
import racetrace.search.hunt.HuntResult;
import racetrace.search.hunt.Hunter;
import racetrace.search.hunt.Strategy;
import racetrace.search.hunt.Work;

/**
 * A hunt bounded by work gives the same findings, cases and evidence on one core or two, run
 * after run; and schedule strings printed by earlier versions of racetrace still replay.
 */
class HuntDeterminismTest {

    private static HuntOptions bounded(int workers) {
        return new HuntOptions(7, new Work(1500, 60_000, 600, 0), Cap.NONE, Strategy.PORTFOLIO, workers, 64, false);
    }

    private static List<String> summary(HuntResult r) {
        return r.findings().stream()
                .map(f -> f.invariant() + " " + f.foundBy() + " " + f.tryNumber() + " " + f.scenariosToFirst() + " "
                        + f.from().foundBy() + " " + f.from().c() + " " + f.from().starts() + " "
                        + f.shrunk() + " " + f.measure() + " " + f.minimality().describe())
                .toList();
    }

    @Test
    void sameFindingsOnOneCoreAndOnTwo() {
        for (String variant : List.of("pre-a", "merged")) {
            Model<?> m = Models.create("vfio-pci", variant, Map.of("granularity", "location"));
            HuntResult one = Hunter.hunt(m, bounded(1), null);
            HuntResult two = Hunter.hunt(m, bounded(2), null);
            HuntResult again = Hunter.hunt(m, bounded(2), null);
            assertThat(summary(two)).isEqualTo(summary(one)).isEqualTo(summary(again));
            assertThat(two.evidence()).isEqualTo(one.evidence()).isEqualTo(again.evidence());
            assertThat(two.tries()).isEqualTo(one.tries());
            if (variant.equals("merged")) {
                assertThat(one.violated()).isFalse();
                assertThat(one.evidence().exhaustive()).isTrue();
                assertThat(HuntReport.verdictText(one)).startsWith("held (exhaustive: every scenario up to ");
            } else {
                assertThat(one.findings()).extracting(Finding::invariant).contains("NoLostUpdate");
            }
        }
    }

    @Test
    void invariantsMinimisedSideBySideGiveTheSameCasesOnOneCoreAndOnTwo() {
        // mlx5 pre violates two invariants, each minimised from several starts: on two workers
        // they are minimised side by side, sharing their verdicts (Hunter.minimiseAll).
        Model<?> m = Models.create("mlx5", "pre", Map.of());
        HuntResult one = Hunter.hunt(m, bounded(1), null);
        HuntResult two = Hunter.hunt(m, bounded(2), null);
        assertThat(one.findings()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(summary(two)).isEqualTo(summary(one));
        assertThat(two.findings()).extracting(Finding::stepShortest)
                .isEqualTo(one.findings().stream().map(Finding::stepShortest).toList());
    }

    @Test
    void aStringFromTheFirstReleaseStillReplays() {
        // Printed by racetrace 0.1 (README sample output, November 2026).
        Case c = ScheduleString.decode("rt1:vfio-pci:pre-a:granularity=location:1.6b7ebaa4:phase=0:"
                + "user/cfgCmd.1,user/cfgBar:11000000001:only=NoLostUpdate");
        var ex = c.run();
        assertThat(ex.outcome().invariantOrNull()).isEqualTo("NoLostUpdate");
        assertThat(ex.measure().toString()).isEqualTo("2 threads, 2 ops, 1 preemptions, 12 steps");
    }
}
