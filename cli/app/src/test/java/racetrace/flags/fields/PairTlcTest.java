package racetrace.flags.fields;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.Map;
import racetrace.engine.Config;
import racetrace.engine.Op;
import racetrace.engine.Scenario;
import racetrace.engine.ThreadScript;
import racetrace.flags.FlagsModel;
import racetrace.flags.Granularity;
import racetrace.flags.VfioPciFamily;
import racetrace.search.explore.Exploration;
import racetrace.search.explore.Limits;
import racetrace.search.explore.StateSpace;
import racetrace.tla.SpecChecker;
import racetrace.tla.TlcConfirmation;
import racetrace.tla.TlcResult;
import racetrace.tla.TlcVerdict;
import racetrace.tlc.Confirmations;

/**
 * TLC agrees with the pair report: it confirms a race's counterexample as a violation of
 * NoLostUpdateBetween at the same step, and on a pair the report calls safe its breadth-first
 * search over the same scenario finds no violation in as many distinct states as the explorer.
 */
class PairTlcTest {

    private static void tlcRuns() {
        Assumptions.assumeFalse(Boolean.getBoolean("racetrace.tlc.skip"), "racetrace.tlc.skip is set");
    }

    @Test
    void tlcConfirmsTheSeedThreadsRaceAsAPairViolation(@TempDir Path dir) {
        tlcRuns();
        FlagsModel m = VfioPciFamily.model("pre-a", Granularity.BYTE);
        PairVerdict v = new PairCheck(PairScope.DEFAULT, Limits.defaults()).check(m,
                new FieldPairs.Pair("virq_disabled", "bardirty"));
        assertThat(v.races()).isTrue();
        TlcConfirmation c = Confirmations.confirm(v.counterexample(), dir, Duration.ofMinutes(3));
        assertThat(c.isConfirmed()).as(c.describe()).isTrue();
    }

    @Test
    void tlcCountsTheSameStatesOnAScenarioOfASafePair(@TempDir Path dir) {
        tlcRuns();
        FlagsModel m = VfioPciFamily.model("merged", Granularity.LOCATION).forPair("has_dyn_msix", "needs_pm_restore");
        Scenario s = new Scenario(new Config(Map.of("phase", 1)), List.of(
                ThreadScript.of("user", Op.of("cfgBar"), Op.of("lowPowerEntry", 1)),
                ThreadScript.of("pm", Op.of("suspend", 1), Op.of("resume"))));
        Exploration x = StateSpace.explore(m, s, Limits.defaults());
        assertThat(x.complete()).isTrue();
        assertThat(x.violated()).isFalse();
        TlcResult r = SpecChecker.standard().check(m, s, dir, Duration.ofMinutes(3), false);
        assertThat(r.verdict()).as(r.message()).isEqualTo(TlcVerdict.OK);
        assertThat(r.distinctStates()).isEqualTo(x.distinctStates());
    }
}
