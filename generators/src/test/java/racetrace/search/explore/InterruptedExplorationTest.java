package racetrace.search.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import racetrace.engine.Config;
import racetrace.engine.ForwardingModel;
import racetrace.engine.LostIncrementModel;
import racetrace.engine.Model;
import racetrace.engine.Op;
import racetrace.engine.Scenario;
import racetrace.engine.ThreadScript;
import racetrace.engine.Transition;

/**
 * An exploration whose caller is interrupted (the heap guard, or a caller that no longer needs it)
 * stops and says so, on one worker and on two alike: it is not reported as a failure.
 */
class InterruptedExplorationTest {

    private static final Scenario THREE = new Scenario(new Config(Map.of("start", 0)), List.of(
            ThreadScript.of("cpu", Op.of("incTwice"), Op.of("incTwice"), Op.of("inc")),
            ThreadScript.of("cpu", Op.of("incTwice"), Op.of("inc"), Op.of("incTwice")),
            ThreadScript.of("cpu", Op.of("inc"), Op.of("incTwice"), Op.of("incTwice"))));

    /** Interrupts the exploring thread from a worker's step, once the explorer works in parallel. */
    private static final class Interrupting<S> extends ForwardingModel<S> {
        private final Thread caller;
        private final AtomicBoolean done = new AtomicBoolean();

        Interrupting(Model<S> inner, Thread caller) {
            super(inner);
            this.caller = caller;
        }

        @Override
        public Transition<S> step(S state, int thread) {
            if (Thread.currentThread() != caller && !done.getAndSet(true)) {
                caller.interrupt();
            }
            return super.step(state, thread);
        }
    }

    @Test
    void aCallerInterruptedWhileItsWorkersExploreGetsAnIncompleteExplorationNotAFailure() {
        LostIncrementModel model = new LostIncrementModel(false);
        Exploration whole = StateSpace.explore(model, THREE, null, new Limits(10_000_000, null, 2), false);
        assertThat(whole.complete()).isTrue();
        Interrupting<LostIncrementModel.State> interrupting = new Interrupting<>(model, Thread.currentThread());
        Exploration cut;
        try {
            cut = StateSpace.explore(interrupting, THREE, null, new Limits(10_000_000, null, 2), false);
            assertThat(interrupting.done).as("a worker thread stepped the model").isTrue();
            assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is left to the caller").isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(cut.complete()).isFalse();
        assertThat(cut.stopReason()).isEqualTo("interrupted");
        assertThat(cut.distinctStates()).isLessThan(whole.distinctStates());
    }
}
