package racetrace.tla.report;

import java.util.ArrayList;
import java.util.List;
import racetrace.engine.Access;
import racetrace.engine.ForwardingModel;
import racetrace.engine.LostIncrementModel;
import racetrace.engine.Transition;

/**
 * The engine's lost-increment toy with its accesses said, as a model of one's own would say them:
 * {@code load} reads the counter, {@code store} writes it, {@code lock} is synchronisation; and a
 * violation detail. Without the override the explanation sees only the stores a diff shows.
 */
final class ReadingCounterModel extends ForwardingModel<LostIncrementModel.State> {

    ReadingCounterModel(boolean locked) {
        super(new LostIncrementModel(locked));
    }

    @Override
    public List<Access> accesses(LostIncrementModel.State before, Transition<LostIncrementModel.State> step,
            int thread) {
        List<Access> out = new ArrayList<>();
        switch (step.label()) {
            case "load" -> out.add(Access.read("counter", String.valueOf(before.counter())));
            case "store" -> out.add(Access.write("counter", String.valueOf(step.next().counter())));
            default -> out.add(Access.sync("lock", String.valueOf(step.next().lockOwner())));
        }
        return out;
    }

    @Override
    public String violationDetail(String invariant, LostIncrementModel.State state) {
        return "counter reads " + state.counter() + ", " + state.expected() + " increments were made";
    }
}
