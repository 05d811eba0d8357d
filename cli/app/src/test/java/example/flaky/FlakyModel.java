package example.flaky;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import racetrace.engine.ActorKind;
import racetrace.engine.Fingerprint;
import racetrace.engine.Invariant;
import racetrace.engine.Model;
import racetrace.engine.Op;
import racetrace.engine.Scenario;
import racetrace.engine.ToyFamily;
import racetrace.engine.ToyModel;
import racetrace.engine.Transition;

/**
 * A test model that breaks the engine's contract on purpose, as a user's model that reads a
 * counter of its own (or a clock) would: each step stores the number of steps the model instance
 * has taken so far, so the same schedule gives other states each time it runs. It also behaves
 * otherwise inside an exhaustive search than in a run (as a model reading a thread-local value
 * might), so that its invariant fails in every state an exploration reaches and in none a replay
 * reaches: the exploration's counterexample never replays. In a package of its own (not
 * racetrace's), as a user's model is.
 */
public final class FlakyModel extends ToyModel<FlakyModel.State> {

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
            super("flaky", "test fixture: a model whose steps depend on a counter of its own", "buggy");
        }

        @Override
        protected Model<?> create(String variant) {
            return new FlakyModel();
        }
    }

    private final AtomicInteger steps = new AtomicInteger();

    public FlakyModel() {
        super("flaky", "buggy", List.of(), List.of(new ActorKind("cpu", 1, 3, 1, 1, true)),
                actor -> List.of(Op.of("store")));
    }

    @Override
    public State initial(Scenario scenario) {
        return new State(0, false, new int[scenario.threadCount()]);
    }

    @Override
    public boolean enabled(State s, int t) {
        return s.pc()[t] == 0;
    }

    @Override
    public boolean finished(State s, int t) {
        return s.pc()[t] == 1;
    }

    @Override
    public Transition<State> step(State s, int t) {
        int[] pc = s.pc().clone();
        pc[t] = 1;
        // The contract broken: the state depends on how often the model was called, and by whom.
        boolean searched = StackWalker.getInstance().walk(frames -> frames.anyMatch(
                f -> f.getClassName().startsWith("racetrace.search.explore.")));
        return Transition.of(new State(steps.incrementAndGet(), searched, pc), "store");
    }

    @Override
    public List<Invariant<State>> invariants() {
        return List.of(Invariant.of("NotSearched", "no step was taken inside a search", s -> !s.searched()));
    }

    @Override
    public Map<String, Object> variables(State s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("x", s.x());
        v.put("searched", s.searched());
        v.put("pc", ToyModel.ints(s.pc()));
        return v;
    }

    @Override
    public long fingerprint(State s) {
        int[] all = new int[2 + s.pc().length];
        all[0] = s.x();
        all[1] = s.searched() ? 1 : 0;
        System.arraycopy(s.pc(), 0, all, 2, s.pc().length);
        return Fingerprint.ofInts(all);
    }
}
