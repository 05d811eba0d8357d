package example;

import java.util.List;
import racetrace.engine.ActorKind;
import racetrace.engine.Op;
import racetrace.engine.ToyModel;
import racetrace.engine.Transition;

/**
 * What the models that break the engine's contract on purpose ({@code example.flaky}, {@code
 * example.memo}) share: each thread of actor {@code cpu} takes one step, the op's one step; a
 * thread's pc is 0 before it, 1 after. The state's record is the variables. A model says what the
 * step stores.
 *
 * @param <S> the state: a record of the variables, the threads' pcs among them
 */
public abstract class OneStepModel<S extends Record> extends ToyModel<S> {

    private final String label;

    /** One variant, buggy, with the given cpu actor kind whose one op is the step {@code label}. */
    protected OneStepModel(String family, ActorKind cpu, String label) {
        super(family, "buggy", List.of(), List.of(cpu), actor -> List.of(Op.of(label)));
        this.label = label;
    }

    /** Each thread's next step (0: the step, 1: done). */
    protected abstract int[] pc(S s);

    /** The state after thread {@code t}'s step from {@code s}, with the threads' pcs {@code pc}. */
    protected abstract S after(S s, int t, int[] pc);

    @Override
    public boolean enabled(S s, int t) {
        return pc(s)[t] == 0;
    }

    @Override
    public boolean finished(S s, int t) {
        return pc(s)[t] == 1;
    }

    @Override
    public Transition<S> step(S s, int t) {
        int[] pc = pc(s).clone();
        pc[t] = 1;
        return Transition.of(after(s, t, pc), label);
    }
}
