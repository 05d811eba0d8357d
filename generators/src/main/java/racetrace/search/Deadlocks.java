package racetrace.search;

import java.util.ArrayList;
import java.util.List;
import racetrace.engine.FocusedModel;
import racetrace.engine.Invariant;
import racetrace.engine.Model;
import racetrace.engine.WithInvariants;
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
     * Its states, steps, op choice, packed states and everything else are the model's own: only
     * the invariants differ.
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

    /**
     * The model with the deadlock check ({@link Invariant#deadlockFree}, which whoever checks
     * evaluates with the thread count it has): every other method is the model's, packed states
     * included (no step changes, and the packed search asks the machine about deadlocks itself).
     */
    private static final class Checked<S> extends WithInvariants<S> implements WrappingModel {

        Checked(Model<S> model) {
            super(model, withDeadlockCheck(model.invariants()));
        }

        private static <S> List<Invariant<S>> withDeadlockCheck(List<Invariant<S>> invariants) {
            List<Invariant<S>> all = new ArrayList<>(invariants);
            all.add(Invariant.deadlockFree(NAME, "some thread can step, or every thread has finished (no deadlock)"));
            return all;
        }

        Model<S> inner() {
            return inner;
        }

        @Override
        public Model<?> wrapped() {
            return inner;
        }
    }
}
