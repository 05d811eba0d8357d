package racetrace.search.hunt;

import java.util.Arrays;
import java.util.List;
import racetrace.engine.Execution;
import racetrace.engine.Model;
import racetrace.engine.ModelFailure;
import racetrace.engine.Outcome;
import racetrace.engine.Schedule;
import racetrace.search.Case;

/**
 * Whether a counterexample an exploration found replays as its scenario, and whose fault it is
 * when it does not. A search trusts that a model's start state and steps are functions of their
 * arguments; a model that reads a clock, a random source or a counter of its own breaks that, and
 * its author gets a {@link ModelFailure} (exit 5) naming the model and the run, not racetrace's
 * internal error (exit 70), which is left for a model that is deterministic.
 */
final class Replays {

    private Replays() {
    }

    /**
     * Checks that {@code c} violates {@code invariant} when replayed; otherwise throws: the
     * model's failure when two replays of the same run part (the model is not deterministic), else
     * an internal error naming {@code where} the case was found.
     */
    static <S> void check(Model<S> model, Case c, String invariant, String where) {
        if (c.check(List.of(invariant)).outcome() instanceof Outcome.Violated o && o.invariant().equals(invariant)) {
            return;
        }
        RuntimeException fault = nondeterminism(model, c);
        if (fault != null) {
            throw fault;
        }
        throw new IllegalStateException("the counterexample of " + invariant + " found in " + where
                + " does not replay as its scenario: " + c.scenario() + " " + c.schedule());
    }

    /**
     * The model's failure if two runs of the case's schedule part (different states after the same
     * steps, or different threads able to run), or null when they agree step for step.
     */
    static <S> RuntimeException nondeterminism(Model<S> model, Case c) {
        Execution<S> a = Execution.run(model, c.scenario(), c.schedule());
        Execution<S> b = Execution.run(model, c.scenario(), c.schedule());
        int n = Math.max(a.steps().size(), b.steps().size());
        for (int i = 0; i <= n; i++) {
            boolean both = i <= a.steps().size() && i <= b.steps().size();
            boolean sameThread = i == 0 || both && a.steps().get(i - 1).thread() == b.steps().get(i - 1).thread();
            if (both && sameThread && model.fingerprint(a.stateAt(i)) == model.fingerprint(b.stateAt(i))) {
                continue;
            }
            int[] taken = a.executed().toArray();
            int before = Math.max(0, i - 1);
            Schedule prefix = Schedule.of(Arrays.copyOf(taken, Math.min(taken.length, i)));
            int thread = i == 0 || i > a.steps().size() ? -1 : a.steps().get(i - 1).thread();
            String what = i == 0 ? "two start states of the same scenario differ"
                    : "two runs of the same schedule part at step " + i + " (the same steps before it gave "
                            + "the same state; after it the states or the threads able to run differ)";
            return ModelFailure.of(new IllegalStateException("the model is not deterministic: " + what + "; its "
                    + "start state and steps must depend only on the scenario and the state (no clock, random "
                    + "source or counter of its own), or no search can trust what it found"), model, c.scenario(),
                    prefix, i == 0 ? "initial" : "step", thread, i == 0 ? null : a.stateAt(before));
        }
        return null;
    }
}
