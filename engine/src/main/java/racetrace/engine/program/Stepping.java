package racetrace.engine.program;

import racetrace.api.ThreadStep;
import racetrace.engine.Op;

/**
 * One step of one thread: the program reads the state through it and changes copies of the
 * memory and of the registers it touches; {@link #result} makes the next state. The state before
 * the step is never changed.
 */
final class Stepping<M, R> extends StateView<M, R> implements ThreadStep<M, R> {

    /** Thrown by a failed {@link #await}: the step is not enabled. No stack trace: it is control flow. */
    static final class Blocked extends RuntimeException {
        static final Blocked INSTANCE = new Blocked();

        private Blocked() {
            super("a step awaited a condition that does not hold", null, false, false);
        }
    }

    private final int t;
    private Object memory;
    private Object[] registers;
    private boolean[] waiting;
    private String next;
    private String notice;

    Stepping(ProgramModel<M, R> model, ProgramState state, int thread) {
        super(model, state);
        this.t = thread;
    }

    @Override
    public int self() {
        return t + 1;
    }

    @Override
    public String pc() {
        return state.pc[t];
    }

    @Override
    public Op op() {
        return state.op[t];
    }

    @Override
    @SuppressWarnings("unchecked")
    public M memory() {
        if (memory == null && state.memory != null) {
            memory = model.memoryFields(state.memory).copy(state.memory);
        }
        return (M) memory;
    }

    @Override
    public R registers() {
        return registers(t + 1);
    }

    @Override
    @SuppressWarnings("unchecked")
    public R registers(int thread) {
        int k = index(thread);
        if (registers == null) {
            registers = state.registers.clone();
        }
        if (registers[k] == state.registers[k] && registers[k] != null) {
            registers[k] = model.registerFields(registers[k]).copy(registers[k]);
        }
        return (R) registers[k];
    }

    @Override
    public void await(boolean condition) {
        if (!condition) {
            throw Blocked.INSTANCE;
        }
    }

    @Override
    public void go(String label) {
        if (label == null || label.equals(ProgramState.DONE)) {
            throw new IllegalArgumentException(where() + ": go(" + label + ") is no label; an op that ends calls end()");
        }
        moveTo(label);
    }

    @Override
    public void end() {
        moveTo(ProgramState.DONE);
    }

    private void moveTo(String label) {
        if (next != null) {
            throw new IllegalStateException(where() + " moves on twice: to " + next + " and to " + label);
        }
        next = label;
    }

    @Override
    public void create(int thread) {
        int k = index(thread);
        if (!state.waiting[k] || waiting != null && !waiting[k]) {
            throw new IllegalStateException(where() + " creates thread " + thread + ", which "
                    + (state.binding.kind[k].created() ? "is not waiting to be created (absent, or created already)"
                            : "is of actor " + state.binding.actors.get(k) + ", not a kind that is created"));
        }
        if (waiting == null) {
            waiting = state.waiting.clone();
        }
        waiting[k] = false;
    }

    @Override
    public void join(int thread) {
        await(done(thread));
    }

    @Override
    public void notice(String text) {
        notice = notice == null ? text : notice + "; " + text;
    }

    String noticeText() {
        return notice;
    }

    private String where() {
        return model.instance() + ": the step " + state.pc[t] + " of thread " + (t + 1);
    }

    /** The state after the step. */
    ProgramState result() {
        if (next == null) {
            throw new IllegalStateException(where() + " says nowhere to go: call go(label) or end()");
        }
        Object m = state.memory;
        if (memory != null) {
            model.memoryFields(memory).freeze(memory);
            m = memory;
        }
        Object[] r = state.registers;
        if (registers != null) {
            for (int k = 0; k < registers.length; k++) {
                if (registers[k] != state.registers[k]) {
                    model.registerFields(registers[k]).freeze(registers[k]);
                }
            }
            r = registers;
        }
        String[] pc = state.pc.clone();
        pc[t] = next;
        return new ProgramState(state.binding, m, r, pc, state.op, state.opi, waiting == null ? state.waiting : waiting);
    }
}
