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
    /** For a symmetric search: a stepper of the same plan without symmetry, to replay real states. */
    private final Stepper<S> plain;
    private final FingerprintTable.Ints parent;
    private final FingerprintTable.Ints move;
    private List<Stepper.Start<S>> starts;

    Paths(Stepper<S> stepper, FingerprintTable.Ints parent, FingerprintTable.Ints move) {
        this.stepper = stepper;
        this.plain = stepper.symmetric() ? plainOf(stepper) : stepper;
        this.parent = parent;
        this.move = move;
    }

    @SuppressWarnings("unchecked")
    private static <S> Stepper<S> plainOf(Stepper<S> symmetric) {
        return (Stepper<S>) Stepper.packed(symmetric.model(), symmetric.plan(), false);
    }

    /** The start states of the search, in its order (those of the plain stepper when symmetric). */
    void starts(List<Stepper.Start<S>> starts) {
        this.starts = plain == stepper ? starts : plain.starts();
    }

    Scenario scenario() {
        return stepper.scenario();
    }

    /** The case reaching state {@code id}, focused on {@code focus} (null: every invariant). */
    Case toCase(int id, String focus) {
        return toCase(id, focus, -1, 0, false);
    }

    /**
     * The case reaching state {@code id} and then taking one more move, thread {@code t} with
     * choice {@code choice}: for a model's failure in that move ({@code replayLast} false: the
     * move is not replayed, its thread's ops are those begun before it) or in a check of the state
     * it reached ({@code replayLast}: the op it began, if any, is in the scenario). With {@code t}
     * -1, the case reaching the state.
     */
    Case toCase(int id, String focus, int t, int choice, boolean replayLast) {
        int len = 0;
        int root = id;
        while (parent.get(root) >= 0) {
            root = parent.get(root);
            len++;
        }
        int extra = t >= 0 ? 1 : 0;
        int[] threads = new int[len + extra];
        int[] choices = new int[len + extra];
        for (int at = id, k = len - 1; parent.get(at) >= 0; at = parent.get(at), k--) {
            threads[k] = move.get(at) >>> 16;
            choices[k] = move.get(at) & 0xFFFF;
        }
        if (t >= 0) {
            threads[len] = t;
            choices[len] = choice;
        }
        if (stepper.scenario() != null && plain == stepper) {
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
        for (int k = 0; k < len + extra; k++) {
            if (plain != stepper) {
                // The search's moves name threads of canonical states: the real thread is the one
                // the canonical form puts at that place.
                int[] perm = stepper.canonicalPerm(s);
                for (int u = 0; u < perm.length; u++) {
                    if (perm[u] == threads[k]) {
                        threads[k] = u;
                        break;
                    }
                }
            }
            if (k >= len && !replayLast) {
                break;
            }
            Stepper.Move<S> mv = plain.step(s, threads[k], choices[k]);
            if (mv.began() != null) {
                begun.get(threads[k]).add(mv.began());
            }
            s = mv.next();
        }
        if (stepper.scenario() != null) {
            return new Case(stepper.model(), stepper.scenario(), Schedule.of(threads), focus);
        }
        OpPlan plan = stepper.plan();
        Scenario scenario = plan.scenario(begun);
        int[] map = OpPlan.renumbering(begun);
        int[] schedule = new int[len + extra];
        for (int k = 0; k < len + extra; k++) {
            schedule[k] = Math.max(0, map[threads[k]]);
        }
        return new Case(stepper.model(), scenario, Schedule.of(schedule), focus);
    }
}
