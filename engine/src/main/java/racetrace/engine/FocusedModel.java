package racetrace.engine;

import java.util.List;

/**
 * A model with its invariants narrowed to one: a shrunk counterexample is about one invariant,
 * and its replay, export and TLC check look at that invariant alone.
 */
public final class FocusedModel<S> extends WithInvariants<S> {

    private FocusedModel(Model<S> model, List<Invariant<S>> invariants) {
        super(model, invariants);
    }

    public static <S> Model<S> of(Model<S> model, String invariant) {
        Model<S> base = model instanceof FocusedModel<S> f ? f.inner : model;
        List<Invariant<S>> only = base.invariants().stream().filter(i -> i.name().equals(invariant)).toList();
        if (only.isEmpty()) {
            throw new BadInputException("model " + base.instance() + " has no invariant '" + invariant + "'; it has "
                    + base.invariants().stream().map(Invariant::name).toList());
        }
        return new FocusedModel<>(base, only);
    }

    /** The model with no invariant at all: its whole state space, as TLC counts it without invariants. */
    public static <S> Model<S> none(Model<S> model) {
        Model<S> base = model instanceof FocusedModel<S> f ? f.inner : model;
        return new FocusedModel<>(base, List.of());
    }

    /** The model without the focus. */
    public Model<S> unfocused() {
        return inner;
    }
}
