package racetrace.tla;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racetrace.engine.Config;
import racetrace.engine.Execution;
import racetrace.engine.LostIncrementModel;
import racetrace.engine.Op;
import racetrace.engine.Outcome;
import racetrace.engine.Scenario;
import racetrace.engine.Schedule;
import racetrace.engine.ThreadScript;

class PipelineTest {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    static Scenario twoIncrements() {
        return new Scenario(new Config(Map.of("start", 0)),
                List.of(ThreadScript.of("cpu", Op.of("inc")), ThreadScript.of("cpu", Op.of("inc"))));
    }

    @Test
    void violatingExecutionIsConfirmedAtTheSameStep(@TempDir Path dir) {
        Execution<LostIncrementModel.State> ex = Execution.run(new CounterSpecModel(false), twoIncrements(),
                Schedule.of(0, 1, 0, 1));
        assertThat(ex.outcome()).isEqualTo(new Outcome.Violated("NoLostIncrement", 4));
        TlcConfirmation c = TraceConfirmer.standard().confirm(ex, dir, TIMEOUT);
        System.out.println(c.describe());
        assertThat(c).isInstanceOf(TlcConfirmation.Confirmed.class);
        assertThat(((TlcConfirmation.Confirmed) c).step()).isEqualTo(4);
    }
}
