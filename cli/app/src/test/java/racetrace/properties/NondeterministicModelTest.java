package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import example.flaky.FlakyModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import racetrace.engine.ModelFailure;
import racetrace.search.hunt.HuntOptions;
import racetrace.search.hunt.Hunter;
import racetrace.search.hunt.Strategy;
import racetrace.search.hunt.Work;

/**
 * A user's model that is not deterministic (its steps read a counter of its own): a counterexample
 * an exploration found does not replay, and that is the model's fault, told as such (exit 5,
 * naming the model and the run), not racetrace's internal error (exit 70).
 */
class NondeterministicModelTest {

    private static final Path FLAKY = Path.of("src", "test", "fixtures", "flaky");

    @Test
    void aCaseThatDoesNotReplayBecauseTheModelIsNotDeterministicIsTheModelsError() {
        HuntOptions scope = HuntOptions.defaults().withStrategy(Strategy.SCOPE).withWork(new Work(0, 10_000, 0, 0))
                .withWorkers(1);
        assertThatThrownBy(() -> Hunter.hunt(new FlakyModel(), scope, null)).isInstanceOf(ModelFailure.class)
                .hasMessageContaining("flaky").hasMessageContaining("not deterministic");
    }

    @Test
    void theCommandLineExitsFiveNamingTheModelAndTheRun() {
        CommandLineTest.Run r = CommandLineTest.run("hunt", "flaky", "--model-path", FLAKY.toString(), "--strategy",
                "scope", "--workers", "2");
        assertThat(r.code()).as(r.err()).isEqualTo(5);
        assertThat(r.err()).contains("flaky", "not deterministic", "reproduce it with", "not racetrace's")
                .doesNotContain("internal error");
    }
}
