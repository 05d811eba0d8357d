package racetrace.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model with its invariants narrowed to one: a shrunk counterexample is about one invariant,
 * and its replay, export and TLC check look at that invariant alone.
 */
public final class FocusedModel<S> implements Model<S> {

    private final Model<S> model;
    private final List<Invariant<S>> invariants;

    private FocusedModel(Model<S> model, List<Invariant<S>> invariants) {
        this.model = model;
        this.invariants = invariants;
    }

    public static <S> Model<S> of(Model<S> model, String invariant) {
        Model<S> base = model instanceof FocusedModel<S> f ? f.model : model;
        List<Invariant<S>> only = base.invariants().stream().filter(i -> i.name().equals(invariant)).toList();
        if (only.isEmpty()) {
            throw new BadInputException("model " + base.instance() + " has no invariant '" + invariant + "'; it has "
                    + base.invariants().stream().map(Invariant::name).toList());
        }
        return new FocusedModel<>(base, only);
    }

    /** The model with no invariant at all: its whole state space, as TLC counts it without invariants. */
    public static <S> Model<S> none(Model<S> model) {
        Model<S> base = model instanceof FocusedModel<S> f ? f.model : model;
        return new FocusedModel<>(base, List.of());
    }

    /** The model without the focus. */
    public Model<S> unfocused() {
        return model;
    }

    @Override
    public Instance instance() {
        return model.instance();
    }

    @Override
    public int version() {
        return model.version();
    }

    @Override
    public ScenarioSpace space() {
        return model.space();
    }

    @Override
    public S initial(Scenario scenario) {
        return model.initial(scenario);
    }

    @Override
    public boolean enabled(S state, int thread) {
        return model.enabled(state, thread);
    }

    @Override
    public boolean finished(S state, int thread) {
        return model.finished(state, thread);
    }

    @Override
    public Transition<S> step(S state, int thread) {
        return model.step(state, thread);
    }

    @Override
    public List<Invariant<S>> invariants() {
        return invariants;
    }

    @Override
    public Map<String, Object> variables(S state) {
        return model.variables(state);
    }

    @Override
    public Set<String> hiddenInTable() {
        return model.hiddenInTable();
    }

    @Override
    public long fingerprint(S state) {
        return model.fingerprint(state);
    }

    @Override
    public Set<String> actions() {
        return model.actions();
    }

    @Override
    public List<Scenario> coverageScenarios() {
        return model.coverageScenarios();
    }

    @Override
    public String threadName(Scenario scenario, int thread) {
        return model.threadName(scenario, thread);
    }

    @Override
    public String tlaModule() {
        return model.tlaModule();
    }

    @Override
    public Map<String, Object> tlaConstants(Scenario scenario) {
        return model.tlaConstants(scenario);
    }
}
