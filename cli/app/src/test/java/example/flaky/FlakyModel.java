package example.flaky;

import example.OneStepModel;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import racetrace.engine.ActorKind;
import racetrace.engine.Invariant;
import racetrace.engine.Scenario;
import racetrace.engine.ToyFamily;

/**
 * A test model that breaks the engine's contract on purpose, as a user's model that reads a
 * counter of its own (or a clock) would: each step stores the number of steps the model instance
 * has taken so far, so the same schedule gives other states each time it runs. It also behaves
 * otherwise inside an exhaustive search than in a run (as a model reading a thread-local value
 * might), so that its invariant fails in every state an exploration reaches and in none a replay
 * reaches: the exploration's counterexample never replays. In a package of its own (not
 * racetrace's), as a user's model is.
 */
public final class FlakyModel extends OneStepModel<FlakyModel.State> {

    /**
     * @param x the value last stored
     * @param searched whether the last step was taken inside an exhaustive search
     * @param pc each thread's next step (0: store, 1: done)
     */
    public record State(int x, boolean searched, int[] pc) {
    }

    /** The family: one variant, no options. */
    public static final class Family extends ToyFamily {
        public Family() {
            super("flaky", "test fixture: a model whose steps depend on a counter of its own", v -> new FlakyModel(),
                    "buggy");
        }
    }

    private final AtomicInteger steps = new AtomicInteger();

    public FlakyModel() {
        super("flaky", new ActorKind("cpu", 1, 3, 1, 1, true), "store");
    }

    @Override
    public State initial(Scenario scenario) {
        return new State(0, false, new int[scenario.threadCount()]);
    }

    @Override
    protected int[] pc(State s) {
        return s.pc();
    }

    @Override
    protected State after(State s, int t, int[] pc) {
        // The contract broken: the state depends on how often the model was called, and by whom.
        boolean searched = StackWalker.getInstance().walk(frames -> frames.anyMatch(
                f -> f.getClassName().startsWith("racetrace.search.explore.")));
        return new State(steps.incrementAndGet(), searched, pc);
    }

    @Override
    public List<Invariant<State>> invariants() {
        return List.of(Invariant.of("NotSearched", "no step was taken inside a search", s -> !s.searched()));
    }
}
