package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import example.flaky.FlakyModel;
import example.memo.MemoModel;
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
    private static final Path MEMO = Path.of("src", "test", "fixtures", "memo");

    @Test
    void aCaseThatDoesNotReplayBecauseTheModelIsNotDeterministicIsTheModelsError() {
        HuntOptions scope = HuntOptions.defaults().withStrategy(Strategy.SCOPE).withWork(new Work(0, 10_000, 0, 0))
                .withWorkers(1);
        assertThatThrownBy(() -> Hunter.hunt(new FlakyModel(), scope, null)).isInstanceOf(ModelFailure.class)
                .hasMessageContaining("flaky").hasMessageContaining("not deterministic");
    }

    @Test
    void aModelThatCachesItsStepsAndSoRunsOtherwiseInASearchIsTheModelsError() {
        // Two replays of its schedule agree (each starts with an empty cache): the search's way of
        // stepping is what tells the model's fault from racetrace's.
        HuntOptions scope = HuntOptions.defaults().withStrategy(Strategy.SCOPE).withWork(new Work(0, 10_000, 0, 0))
                .withWorkers(1);
        assertThatThrownBy(() -> Hunter.hunt(new MemoModel(), scope, null)).isInstanceOf(ModelFailure.class)
                .hasMessageContaining("memo").hasMessageContaining("not deterministic")
                .hasMessageContaining("as a search steps them");
    }

    @Test
    void aCachingModelOnTheCommandLineExitsFive() {
        // One worker: the model's cache is shared by every thread that steps it, so on two workers
        // what its searches and replays see depends on timing (exit 5 or 70, the message then
        // naming the likely cause), and a test of it could not be deterministic.
        CommandLineTest.Run r = CommandLineTest.run("hunt", "memo", "--model-path", MEMO.toString(), "--strategy",
                "scope", "--workers", "1");
        assertThat(r.code()).as(r.err()).isEqualTo(5);
        assertThat(r.err()).contains("memo", "not deterministic", "reproduce it with").doesNotContain("internal error");
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
