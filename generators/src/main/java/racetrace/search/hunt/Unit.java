package racetrace.search.hunt;

import java.util.List;
import racetrace.engine.Scenario;

/** One piece of a hunt's work, a pure function of its fields and the hunt's seed. */
sealed interface Unit {

    /** Random runs number {@code from} to {@code from + count - 1} (0-based) of the hunt. */
    record Random(int index, long from, int count) implements Unit {
    }

    /** Scenarios {@code from..} of ladder level {@code level}, each explored exhaustively. */
    record Scope(int level, int from, List<Scenario> scenarios, boolean lastOfLevel) implements Unit {
    }

    /** Random scenarios explored exhaustively. */
    record Swarm(int index, int count) implements Unit {
    }
}
