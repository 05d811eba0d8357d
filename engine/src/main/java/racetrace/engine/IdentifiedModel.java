package racetrace.engine;

import java.util.Objects;

/**
 * A model whose identity is fixed when it is made: its instance, the version of its semantics and
 * its scenario space are given to the constructor once, instead of three methods written again by
 * every model. A subclass writes its steps, invariants and variables.
 */
public abstract class IdentifiedModel<S> implements Model<S> {

    private final Instance instance;
    private final int version;
    private final ScenarioSpace space;

    /**
     * @param version see {@link Model#version}: bumped whenever a step, start state or invariant changes meaning
     * @throws NullPointerException naming what is missing, where the model is made rather than where
     *     its identity is first read
     */
    protected IdentifiedModel(Instance instance, int version, ScenarioSpace space) {
        this.instance = Objects.requireNonNull(instance, "a model's instance");
        this.version = version;
        this.space = Objects.requireNonNull(space, "a model's scenario space");
    }

    @Override
    public Instance instance() {
        return instance;
    }

    @Override
    public int version() {
        return version;
    }

    @Override
    public ScenarioSpace space() {
        return space;
    }
}
