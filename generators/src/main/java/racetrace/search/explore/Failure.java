package racetrace.search.explore;

import java.util.List;
import racetrace.engine.Model;
import racetrace.search.Case;

/**
 * The model threw while the explorer stepped (or checked a successor of) state {@code id}:
 * thread {@code t}'s move. {@code order}, then {@code tie}, rank failures as a single worker meets
 * them, so the one reported does not depend on the number of workers: {@code order} says where
 * (state, thread, and whether the step itself threw, after the checks of what it made), {@code
 * tie} the edge's key among a thread's successors whose checks threw (their states may have
 * different owners).
 */
record Failure(long order, long tie, int id, int t, int choice, String call, boolean reached, Throwable cause,
        Object state) {

    /** Whether a single worker meets this failure before {@code other}. */
    boolean before(Failure other) {
        return order < other.order || order == other.order && tie < other.tie;
    }

    /** The model's failure, with the run that reproduces it ({@code threads}: the threads of every state). */
    RuntimeException report(Paths<?> paths, Model<?> model, List<String> invariants, int threads) {
        Case c = paths.toCase(id, null, t, choice, reached);
        String what = call.equals("invariant") ? "invariant " + throwing(model, invariants, threads) : call;
        return racetrace.engine.ModelFailure.of(cause, c.model(), c.scenario(), c.schedule(), what,
                t < 0 ? -1 : c.schedule().length() == 0 ? -1 : c.schedule().choice(c.schedule().length() - 1),
                state);
    }

    /** The first checked invariant that throws on an object state (the one a check found throwing). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private String throwing(Model model, List<String> invariants, int threads) {
        for (String name : invariants) {
            for (racetrace.engine.Invariant i : (List<racetrace.engine.Invariant>) model.invariants()) {
                if (i.name().equals(name)) {
                    try {
                        i.holds(model, state, threads);
                    } catch (RuntimeException | StackOverflowError | AssertionError e) {
                        return name;
                    }
                }
            }
        }
        return invariants.isEmpty() ? "?" : invariants.get(0);
    }
}
