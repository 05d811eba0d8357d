package racetrace.search.hunt;

import java.util.List;
import racetrace.search.scope.Rungs;

/** One piece of a hunt's work, a pure function of its fields and the hunt's seed. */
sealed interface Unit {

    /** Random runs number {@code from} to {@code from + count - 1} (0-based) of the hunt. */
    record Random(int index, long from, int count) implements Unit {
    }

    /**
     * Items {@code from..} of rung {@code level} ({@link Rungs}): state graphs of its scope, or
     * scenarios, each explored exhaustively; {@code defaultScope}: the rung is the model's
     * default scope (work of its own, outside the ladder's budget).
     */
    record Scope(int level, int from, List<Rungs.Item> scenarios, boolean lastOfLevel,
            racetrace.search.scope.Scope scope, boolean defaultScope) implements Unit {
    }

    /** Random scenarios explored exhaustively. */
    record Swarm(int index, int count) implements Unit {
    }
}
