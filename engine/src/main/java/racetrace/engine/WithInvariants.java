package racetrace.engine;

import java.util.List;

/**
 * A model that is another with a list of invariants of its own (narrowed to one, or with a check
 * added): states, steps, packed states and everything else are the inner model's, since searches
 * check invariants by name and no step changes.
 */
public abstract class WithInvariants<S> extends ForwardingModel<S> {

    private final List<Invariant<S>> invariants;

    protected WithInvariants(Model<S> inner, List<Invariant<S>> invariants) {
        super(inner);
        this.invariants = List.copyOf(invariants);
    }

    @Override
    public final List<Invariant<S>> invariants() {
        return invariants;
    }

    /** The inner model's packed states: only the invariants differ. */
    @Override
    public final Packed<S> packed() {
        return inner.packed();
    }
}
