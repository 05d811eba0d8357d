package racetrace.tla;

import java.util.List;
import java.util.Map;
import java.util.Set;
import racetrace.engine.Instance;
import racetrace.engine.Invariant;
import racetrace.engine.Model;
import racetrace.engine.Scenario;
import racetrace.engine.ScenarioSpace;
import racetrace.engine.Transition;

/** A model that does what another does; tests override one thing to make it differ from the spec. */
abstract class DelegatingModel<S> implements Model<S> {

    protected final Model<S> inner;

    DelegatingModel(Model<S> inner) {
        this.inner = inner;
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
    public S initial(Scenario scenario) {
        return inner.initial(scenario);
    }

    @Override
    public boolean enabled(S state, int thread) {
        return inner.enabled(state, thread);
    }

    @Override
    public boolean finished(S state, int thread) {
        return inner.finished(state, thread);
    }

    @Override
    public Transition<S> step(S state, int thread) {
        return inner.step(state, thread);
    }

    @Override
    public List<Invariant<S>> invariants() {
        return inner.invariants();
    }

    @Override
    public Map<String, Object> variables(S state) {
        return inner.variables(state);
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
    public Set<String> hiddenInTable() {
        return inner.hiddenInTable();
    }
}
