package racetrace.search.explore;

import java.util.ArrayList;
import java.util.List;
import racetrace.engine.Op;
import racetrace.engine.OpPlan;
import racetrace.engine.Scenario;
import racetrace.engine.Schedule;
import racetrace.engine.Stepper;
import racetrace.search.Case;

/**
 * From a state's number in a search to the case that reaches it: the moves (thread, choice) back
 * to a start state, replayed to learn which op each thread began at each boundary. In a scope
 * those ops are the scenario; the threads that began none are left out and the others renumbered.
 */
final class Paths<S> {

    private final Stepper<S> stepper;
    private final FingerprintTable.Ints parent;
    private final FingerprintTable.Ints move;
    private List<Stepper.Start<S>> starts;

    Paths(Stepper<S> stepper, FingerprintTable.Ints parent, FingerprintTable.Ints move) {
        this.stepper = stepper;
        this.parent = parent;
        this.move = move;
    }

    void starts(List<Stepper.Start<S>> starts) {
        this.starts = starts;
    }

    Scenario scenario() {
        return stepper.scenario();
    }

    /** The case reaching state {@code id}, focused on {@code focus} (null: every invariant). */
    Case toCase(int id, String focus) {
        int len = 0;
        int root = id;
        while (parent.get(root) >= 0) {
            root = parent.get(root);
            len++;
        }
        int[] threads = new int[len];
        int[] choices = new int[len];
        for (int at = id, k = len - 1; parent.get(at) >= 0; at = parent.get(at), k--) {
            threads[k] = move.get(at) >>> 16;
            choices[k] = move.get(at) & 0xFFFF;
        }
        if (stepper.scenario() != null) {
            return new Case(stepper.model(), stepper.scenario(), Schedule.of(threads), focus);
        }
        Stepper.Start<S> start = starts.get(move.get(root));
        List<List<Op>> begun = new ArrayList<>();
        for (Op first : start.first()) {
            List<Op> ops = new ArrayList<>();
            if (first != null) {
                ops.add(first);
            }
            begun.add(ops);
        }
        S s = start.state();
        for (int k = 0; k < len; k++) {
            Stepper.Move<S> mv = stepper.step(s, threads[k], choices[k]);
            if (mv.began() != null) {
                begun.get(threads[k]).add(mv.began());
            }
            s = mv.next();
        }
        OpPlan plan = stepper.plan();
        Scenario scenario = plan.scenario(begun);
        int[] map = OpPlan.renumbering(begun);
        int[] schedule = new int[len];
        for (int k = 0; k < len; k++) {
            schedule[k] = map[threads[k]];
        }
        return new Case(stepper.model(), scenario, Schedule.of(schedule), focus);
    }
}
