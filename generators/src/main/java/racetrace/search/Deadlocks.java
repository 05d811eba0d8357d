package racetrace.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import racetrace.engine.FocusedModel;
import racetrace.engine.Instance;
import racetrace.engine.Invariant;
import racetrace.engine.Model;
import racetrace.engine.Scenario;
import racetrace.engine.ScenarioSpace;
import racetrace.engine.Transition;
import racetrace.engine.WrappingModel;

/**
 * Deadlock as a violation, as TLC treats it: a state where no thread can step and some thread has
 * not finished. The search checks it as one more invariant, {@value #NAME}, so that a deadlock is
 * found, shrunk, proven minimal, printed and replayed like any other violation, without the
 * model writing an invariant for it.
 *
 * <p>A model declares its legitimate ends through {@link Model#finished}: a thread blocked where
 * the code under review may rightly stay forever (a server waiting for requests that never come,
 * a guest idle with nothing pending) counts as finished, and a state where every thread that
 * cannot step is finished is an end, not a deadlock. The spec says the same by stuttering there.
 */
public final class Deadlocks {

    /** The name of the deadlock check among the invariants; reserved (a model's own invariant of that name is used instead). */
    public static final String NAME = "DeadlockFree";

    private Deadlocks() {
    }

    /**
     * The model with the deadlock check added to its invariants (the same model when it has one).
     * Its states pair the model's own with the scenario's thread count; every other method is the
     * model's.
     */
    public static <S> Model<?> checked(Model<S> model) {
        if (model.invariants().stream().anyMatch(i -> i.name().equals(NAME))) {
            return model;
        }
        return new Checked<>(model);
    }

    /** Whether {@code invariant} is the deadlock check the search added (not one the model wrote). */
    public static boolean isAdded(Model<?> model, String invariant) {
        return NAME.equals(invariant) && (model instanceof Checked<?> || model instanceof FocusedModel<?> f
                && f.unfocused() instanceof Checked<?>);
    }

    /** The model as its family made it, without the added check or a focus. */
    public static Model<?> base(Model<?> model) {
        Model<?> m = model instanceof FocusedModel<?> f ? f.unfocused() : model;
        return m instanceof Checked<?> c ? c.inner() : m;
    }

    /** Whether {@code state} is a deadlock: no thread can step and some thread has not finished. */
    public static <S> boolean deadlocked(Model<S> model, S state, int threads) {
        boolean unfinished = false;
        for (int t = 0; t < threads; t++) {
            if (model.enabled(state, t)) {
                return false;
            }
            unfinished |= !model.finished(state, t);
        }
        return unfinished;
    }

    /** A state of the checked model: the model's own state and the scenario's thread count, which the check needs. */
    record Tracked<S>(S state, int threads) {
    }

    /** The model with the deadlock check; every other method is the model's own, on the inner state. */
    private static final class Checked<S> implements Model<Tracked<S>>, WrappingModel {

        private final Model<S> inner;
        private final List<Invariant<Tracked<S>>> invariants;

        Checked(Model<S> model) {
            this.inner = model;
            List<Invariant<Tracked<S>>> all = new ArrayList<>();
            for (Invariant<S> i : model.invariants()) {
                all.add(Invariant.of(i.name(), i.description(), t -> i.holds(t.state())));
            }
            all.add(Invariant.of(NAME, "some thread can step, or every thread has finished (no deadlock)",
                    t -> !deadlocked(inner, t.state(), t.threads())));
            this.invariants = List.copyOf(all);
        }

        Model<S> inner() {
            return inner;
        }

        @Override
        public Model<?> wrapped() {
            return inner;
        }

        @Override
        public Instance instance() {
            return inner.instance();
        }

        @Override
        public int version() {
            return inner.version();
        }

        @Override
        public ScenarioSpace space() {
            return inner.space();
        }

        @Override
        public Tracked<S> initial(Scenario scenario) {
            return new Tracked<>(inner.initial(scenario), scenario.threadCount());
        }

        @Override
        public boolean enabled(Tracked<S> state, int thread) {
            return inner.enabled(state.state(), thread);
        }

        @Override
        public boolean finished(Tracked<S> state, int thread) {
            return inner.finished(state.state(), thread);
        }

        @Override
        public Transition<Tracked<S>> step(Tracked<S> state, int thread) {
            Transition<S> t = inner.step(state.state(), thread);
            return new Transition<>(new Tracked<>(t.next(), state.threads()), t.label(), t.notice());
        }

        @Override
        public List<Invariant<Tracked<S>>> invariants() {
            return invariants;
        }

        @Override
        public Map<String, Object> variables(Tracked<S> state) {
            return inner.variables(state.state());
        }

        @Override
        public long fingerprint(Tracked<S> state) {
            return inner.fingerprint(state.state());
        }

        @Override
        public String tlaModule() {
            return inner.tlaModule();
        }

        @Override
        public Map<String, Object> tlaConstants(Scenario scenario) {
            return inner.tlaConstants(scenario);
        }

        @Override
        public Set<String> actions() {
            return inner.actions();
        }

        @Override
        public List<Scenario> coverageScenarios() {
            return inner.coverageScenarios();
        }

        @Override
        public Set<String> hiddenInTable() {
            return inner.hiddenInTable();
        }

        @Override
        public String threadName(Scenario scenario, int thread) {
            return inner.threadName(scenario, thread);
        }
    }
}
