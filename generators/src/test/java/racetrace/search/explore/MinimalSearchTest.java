package racetrace.search.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import racetrace.engine.Config;
import racetrace.engine.LostIncrementModel;
import racetrace.engine.Op;
import racetrace.engine.Scenario;
import racetrace.engine.ThreadScript;

class MinimalSearchTest {

    private static final Scenario THREE = new Scenario(new Config(Map.of("start", 0)), List.of(
            ThreadScript.of("cpu", Op.of("incTwice"), Op.of("inc")), ThreadScript.of("cpu", Op.of("incTwice")),
            ThreadScript.of("cpu", Op.of("inc"), Op.of("incTwice"))));

    @Test
    void anInterruptedSearchStopsAtOnceAndProvesNothing() {
        // The locked counter never loses an increment: the search would settle every pair.
        LostIncrementModel locked = new LostIncrementModel(true);
        MinimalSearch.Result whole = MinimalSearch.search(locked, THREE, "NoLostIncrement", Limits.states(10_000_000));
        assertThat(whole.proven()).isTrue();
        assertThat(whole.found()).isNull();
        assertThat(whole.nodes()).isGreaterThan(100);

        Thread.currentThread().interrupt();
        MinimalSearch.Result cut;
        try {
            cut = MinimalSearch.search(locked, THREE, "NoLostIncrement", Limits.states(10_000_000));
            // The interrupt is left for the caller to see.
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(cut.proven()).isFalse();
        assertThat(cut.found()).isNull();
        assertThat(cut.stopReason()).isEqualTo("interrupted");
        assertThat(cut.nodes()).isEqualTo(1);
    }
}
