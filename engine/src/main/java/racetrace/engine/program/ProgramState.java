package racetrace.engine.program;

import racetrace.engine.Op;

/**
 * A state of a program run by the engine: the configuration's {@link Binding} (shared by every
 * state of a run, never copied), the memory, each thread's registers, and the engine's own per
 * thread: its label, its current op, the ops it has begun, and whether it waits to be created.
 * Immutable: a step makes a new state, copying only what it changed.
 */
public final class ProgramState {

    static final String DONE = "Done";

    final Binding binding;
    final Object memory;
    final Object[] registers;
    final String[] pc;
    final Op[] op;
    final int[] opi;
    final boolean[] waiting;
    /** The fingerprint, computed once (0: not yet). Racy but idempotent. */
    long fingerprint;

    ProgramState(Binding binding, Object memory, Object[] registers, String[] pc, Op[] op, int[] opi,
            boolean[] waiting) {
        this.binding = binding;
        this.memory = memory;
        this.registers = registers;
        this.pc = pc;
        this.op = op;
        this.opi = opi;
        this.waiting = waiting;
    }

    int threads() {
        return pc.length;
    }

    boolean done(int t) {
        return DONE.equals(pc[t]);
    }

    /** Whether thread {@code t} (from 0) takes part in the run: it has begun an op (absent threads of a scope have not). */
    boolean present(int t) {
        return opi[t] > 0;
    }
}
