package racetrace.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model that does what another does, in every method: a subclass overrides the one or two it
 * changes (the invariants, a reported variable) and keeps the rest, fingerprints and TLA+
 * mapping included, without listing them again. Not its packed states ({@link Model#packed}): a
 * subclass that changes a step would be bypassed by them; one that changes nothing a machine
 * does ({@link WithInvariants}) forwards them itself. A subclass that changes {@link #variables}
 * overrides what follows from them too ({@link #fingerprint}, {@link #accesses}, both
 * {@code tlaConstants}), since the forwarded ones are the inner model's.
 */
public abstract class ForwardingModel<S> extends IdentifiedModel<S> {

    protected final Model<S> inner;

    /** Takes the inner model's identity (instance, version, scenario space), fixed as every model's is. */
    protected ForwardingModel(Model<S> inner) {
        super(inner.instance(), inner.version(), inner.space());
        this.inner = inner;
    }

    /** @deprecated forwards a script-carrying model's start, as {@link Model#initial} does for this release. */
    @Override
    @Deprecated(since = "0.1.0", forRemoval = true)
    @SuppressWarnings("removal")
    public S initial(Scenario scenario) {
        return inner.initial(scenario);
    }

    @Override
    public OpChoice<S> opChoice() {
        return inner.opChoice();
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
    public Set<String> hiddenInTable() {
        return inner.hiddenInTable();
    }

    @Override
    public long fingerprint(S state) {
        return inner.fingerprint(state);
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
    public String threadName(Scenario scenario, int thread) {
        return inner.threadName(scenario, thread);
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
    public Map<String, Object> tlaConstants(OpPlan plan) {
        return inner.tlaConstants(plan);
    }

    @Override
    public List<Access> accesses(S before, Transition<S> step, int thread) {
        return inner.accesses(before, step, thread);
    }

    @Override
    public String violationDetail(String invariant, S state) {
        return inner.violationDetail(invariant, state);
    }
}
