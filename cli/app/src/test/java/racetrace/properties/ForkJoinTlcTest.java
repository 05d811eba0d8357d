package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import racetrace.engine.Execution;
import racetrace.engine.Model;
import racetrace.engine.ModelFamily;
import racetrace.engine.Scenario;
import racetrace.engine.program.ForkJoin;
import racetrace.engine.program.ProgramFamily;
import racetrace.search.explore.Exploration;
import racetrace.search.explore.Limits;
import racetrace.search.explore.StateSpace;
import racetrace.tla.PlusCal;
import racetrace.tla.SpecChecker;
import racetrace.tla.TlcConfirmation;
import racetrace.tla.TlcResult;
import racetrace.tla.TlcVerdict;
import racetrace.tla.TraceConfirmer;
import racetrace.tlc.StateCounts;

/**
 * Threads created and joined during a run, on both sides: the program ForkJoin (engine tests)
 * and its PlusCal spec (src/test/resources/tla/ForkJoin.tla) have the same labels, reach the same
 * states, and TLC agrees with the explorer on what each variant does: joined holds, early loses
 * counts (the counterexample confirmed by TLC), forgotten deadlocks.
 */
class ForkJoinTlcTest {

    private static final ModelFamily FAMILY = new ProgramFamily(new ForkJoin());
    private static final Path SPEC = Path.of("src/test/resources/tla/ForkJoin.tla");

    @BeforeEach
    void tlcEnabled() {
        assumeFalse(Boolean.getBoolean("racetrace.tlc.skip"), "TLC runs skipped (-Dracetrace.tlc.skip=true)");
    }

    @Test
    void theSpecIsItsAlgorithmTranslatedWithTheProgramsLabels() {
        assertThat(PlusCal.checkTranslated(SPEC, Boolean.getBoolean("racetrace.pcal.update"))).isEmpty();
        for (String variant : FAMILY.variants()) {
            Model<?> m = FAMILY.create(variant, Map.of());
            assertThat(m.tlaModule()).isEqualTo("ForkJoin");
            List<Scenario> scenarios = List.of(ForkJoin.scenario(1, 2));
            List<String> problems = PlusCal.checkLabels(m, scenarios);
            if (variant.equals("joined")) {
                assertThat(problems).isEmpty();
            } else {
                // early and forgotten skip no label; forgotten never reaches m_read
                assertThat(problems).allMatch(p -> p.contains("m_read") && variant.equals("forgotten"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"joined", "early", "forgotten"})
    void javaAndTlcReachTheSameStates(String variant, @TempDir Path dir) {
        Model<?> m = FAMILY.create(variant, Map.of());
        for (Scenario s : List.of(ForkJoin.scenario(1), ForkJoin.scenario(2, 1))) {
            StateCounts.Comparison c = StateCounts.compare(m, s, dir.resolve(String.valueOf(s.opCount())),
                    Duration.ofMinutes(2), 1_000_000);
            assertThat(c.tlc().verdict().isFailure()).as(c.tlc().summary()).isFalse();
            assertThat(c.difference()).as(variant + " " + s).isNull();
            assertThat(c.javaStates()).isEqualTo(c.tlcStates()).isGreaterThan(1);
        }
    }

    @Test
    void earlyLosesCountsAndTlcConfirmsTheCounterexample(@TempDir Path dir) {
        Model<?> m = FAMILY.create("early", Map.of());
        Exploration x = StateSpace.explore(m, ForkJoin.scenario(1, 1), Limits.states(100_000));
        assertThat(x.violations()).containsOnlyKeys("SeenAll");
        Execution<?> ex = x.violations().get("SeenAll").run();
        TlcConfirmation c = TraceConfirmer.standard().confirm(ex, dir, Duration.ofMinutes(2));
        assertThat(c.isConfirmed()).as(c.toString()).isTrue();
        TlcResult shortest = SpecChecker.standard().check(m, ForkJoin.scenario(1, 1), dir.resolve("bfs"), Duration.ofMinutes(2),
                false);
        assertThat(shortest.violatedInvariant()).isEqualTo("SeenAll");
        assertThat(shortest.trace()).hasSize(ex.steps().size() + 1);
    }

    @Test
    void joinedHoldsAndForgottenDeadlocksOnBothSides(@TempDir Path dir) {
        Model<?> joined = FAMILY.create("joined", Map.of());
        Exploration held = StateSpace.explore(joined, ForkJoin.scenario(2, 1), Limits.states(100_000));
        assertThat(held.violations()).isEmpty();
        assertThat(held.deadlocks()).isZero();
        assertThat(SpecChecker.standard().check(joined, ForkJoin.scenario(2, 1), dir.resolve("joined"), Duration.ofMinutes(2),
                true).verdict()).isEqualTo(TlcVerdict.OK);

        Model<?> forgotten = FAMILY.create("forgotten", Map.of());
        Exploration stuck = StateSpace.explore(forgotten, ForkJoin.scenario(1, 1), Limits.states(100_000));
        assertThat(stuck.deadlocks()).isPositive();
        TlcResult r = SpecChecker.standard().check(forgotten, ForkJoin.scenario(1, 1), dir.resolve("forgotten"),
                Duration.ofMinutes(2), true);
        assertThat(r.verdict()).isEqualTo(TlcVerdict.DEADLOCK);
        assertThat(r.trace()).hasSize(stuck.firstDeadlock().schedule().length() + 1);
    }
}
