package racetrace.engine.program;

import java.util.ArrayList;
import java.util.List;
import racetrace.api.View;
import racetrace.engine.Config;
import racetrace.engine.Op;

/** A state as a program's invariants see it: threads numbered from 1. */
class StateView<M, R> implements View<M, R> {

    final ProgramModel<M, R> model;
    final ProgramState state;

    StateView(ProgramModel<M, R> model, ProgramState state) {
        this.model = model;
        this.state = state;
    }

    final int index(int thread) {
        if (thread < 1 || thread > state.threads()) {
            throw new IllegalArgumentException("no thread " + thread + ": threads are 1.." + state.threads());
        }
        return thread - 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public M memory() {
        return (M) state.memory;
    }

    @Override
    @SuppressWarnings("unchecked")
    public R registers(int thread) {
        return (R) state.registers[index(thread)];
    }

    @Override
    public List<R> allRegisters() {
        List<R> out = new ArrayList<>(state.threads());
        for (int t = 1; t <= state.threads(); t++) {
            out.add(registers(t));
        }
        return out;
    }

    @Override
    public int threadCount() {
        return state.threads();
    }

    @Override
    public String pc(int thread) {
        return state.pc[index(thread)];
    }

    @Override
    public boolean done(int thread) {
        return state.done(index(thread));
    }

    @Override
    public boolean waiting(int thread) {
        return state.waiting[index(thread)];
    }

    @Override
    public int opi(int thread) {
        int t = index(thread);
        return state.waiting[t] ? 0 : state.opi[t];
    }

    @Override
    public Op op(int thread) {
        return state.op[index(thread)];
    }

    @Override
    public String actor(int thread) {
        return state.binding.actors.get(index(thread));
    }

    @Override
    public List<Integer> threads(String actor) {
        return state.binding.threads(state, actor);
    }

    @Override
    public Config config() {
        return state.binding.config;
    }

    @Override
    public String variant() {
        return model.instance().variant();
    }

    @Override
    public String option(String name) {
        String v = model.instance().options().get(name);
        if (v == null) {
            throw new IllegalArgumentException("model " + model.instance().model() + " has no option '" + name + "'");
        }
        return v;
    }
}
