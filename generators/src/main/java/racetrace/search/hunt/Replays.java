package racetrace.search.hunt;

import java.util.Arrays;
import java.util.List;
import racetrace.engine.Execution;
import racetrace.engine.Model;
import racetrace.engine.ModelFailure;
import racetrace.engine.Outcome;
import racetrace.engine.Schedule;
import racetrace.engine.Stepper;
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
        // Checked while other units run: a model whose state lives partly outside its states and is
        // shared by the workers (a cache, a counter) can agree with itself here and still have
        // misled the search, and only a hunt on one worker tells that apart.
        throw new IllegalStateException("the counterexample of " + invariant + " found in " + where
                + " does not replay as its scenario: " + c.scenario() + " " + c.schedule()
                + "; if the model keeps state outside its states that the workers share (a cache, a counter), "
                + "that is the cause, and a hunt with --workers 1 names it; otherwise this is racetrace's bug");
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
        return searchedOtherwise(model, c, a);
    }

    /**
     * The model's failure if the case's run, taken as a search takes it (each state's every enabled
     * thread stepped before the run goes on), gives other states than the plain run {@code plain}
     * of the same schedule; or null when the two agree. Two plain runs agree on a model that
     * remembers what it was asked since its start state (a cache of its own, reset by {@code
     * initial}), and a search asks it other things in another order: this is where such a model
     * parts from its replays.
     */
    private static <S> RuntimeException searchedOtherwise(Model<S> model, Case c, Execution<S> plain) {
        Stepper<S> stepper = Stepper.of(model, c.scenario());
        int n = c.scenario().threadCount();
        int[] taken = plain.executed().toArray();
        S s = stepper.initial();
        for (int i = 1; i <= plain.steps().size(); i++) {
            int thread = plain.steps().get(i - 1).thread();
            S next;
            try {
                for (int t = 0; t < n; t++) {
                    if (stepper.enabled(s, t)) {
                        stepper.step(s, t, 0);
                    }
                }
                next = stepper.step(s, thread, 0).next();
            } catch (RuntimeException | StackOverflowError | AssertionError x) {
                return ModelFailure.of(x, model, c.scenario(), Schedule.of(Arrays.copyOf(taken, i - 1)), "step",
                        thread, s);
            }
            if (model.fingerprint(next) != model.fingerprint(plain.stateAt(i))) {
                return ModelFailure.of(new IllegalStateException("the model is not deterministic: step " + i
                        + " of the run gives another state when the run's states are first stepped with every thread, "
                        + "as a search steps them, than in a plain run of the same schedule (the steps before it gave "
                        + "the same states): a step must depend only on its state and thread, not on what the model "
                        + "was asked before (a cache or counter of its own), or no search can trust what it found"),
                        model, c.scenario(), Schedule.of(Arrays.copyOf(taken, i - 1)), "step", thread,
                        plain.stateAt(i - 1));
            }
            s = next;
        }
        return null;
    }
}
