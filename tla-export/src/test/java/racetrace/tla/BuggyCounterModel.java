package racetrace.tla;

import racetrace.engine.ForwardingModel;
import racetrace.engine.Instance;
import racetrace.engine.LostIncrementModel;
import racetrace.engine.Transition;

/**
 * {@link CounterSpecModel} with a deliberate bug the spec does not have: the second thread's
 * store writes register + 2. Its traces stop being behaviours of the Counter spec at that store.
 */
final class BuggyCounterModel extends ForwardingModel<LostIncrementModel.State> {

    BuggyCounterModel() {
        super(new CounterSpecModel(false));
    }

    @Override
    public Instance instance() {
        return Instance.of("counter", "buggy");
    }

    @Override
    public Transition<LostIncrementModel.State> step(LostIncrementModel.State s, int thread) {
        Transition<LostIncrementModel.State> tr = inner.step(s, thread);
        if (thread == 1 && tr.label().equals("store")) {
            LostIncrementModel.State n = tr.next();
            return Transition.of(new LostIncrementModel.State(n.counter() + 1, n.lockOwner(), n.pc(), n.reg(),
                    n.opIndex(), n.done(), n.expected(), n.scenario()), tr.label());
        }
        return tr;
    }
}
