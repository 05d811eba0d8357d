package example.memo;

import example.OneStepModel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import racetrace.engine.ActorKind;
import racetrace.engine.Invariant;
import racetrace.engine.Scenario;
import racetrace.engine.ToyFamily;

/**
 * A test model that breaks the engine's contract on purpose, as a user's model that memoises
 * would: each thread's one step adds 1 to a shared counter, and the model caches the value a
 * thread's step stores, by thread alone, forgetting the cache at each start state. A run
 * computes each value once, from its own state, so two runs of the same schedule agree; a search
 * steps every thread of a state before going on, so a later step of the same thread reads the
 * value cached from another state, and the counter loses a step only there. In a package of its
 * own (not racetrace's), as a user's model is.
 */
public final class MemoModel extends OneStepModel<MemoModel.State> {

    /**
     * @param x the counter
     * @param steps steps taken
     * @param pc each thread's next step (0: add, 1: done)
     */
    public record State(int x, int steps, int[] pc) {
    }

    /** The family: one variant, no options. */
    public static final class Family extends ToyFamily {
        public Family() {
            super("memo", "test fixture: a model that caches its steps' results by thread", v -> new MemoModel(), "buggy");
        }
    }

    /** The contract broken: a value remembered by thread, not by state. */
    private final Map<Integer, Integer> stored = new HashMap<>();

    public MemoModel() {
        super("memo", new ActorKind("cpu", 1, 3, 1, 1), "add");
    }

    @Override
    public State initial(Scenario scenario) {
        synchronized (stored) {
            stored.clear();
        }
        return new State(0, 0, new int[scenario.threadCount()]);
    }

    @Override
    protected int[] pc(State s) {
        return s.pc();
    }

    @Override
    protected State after(State s, int t, int[] pc) {
        int x;
        synchronized (stored) {
            x = stored.computeIfAbsent(t, k -> s.x() + 1);
        }
        return new State(x, s.steps() + 1, pc);
    }

    @Override
    public List<Invariant<State>> invariants() {
        return List.of(Invariant.of("CountsEveryStep", "the counter counts every step", s -> s.x() == s.steps()));
    }
}
