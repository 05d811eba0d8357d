package racetrace.search.hunt;

import java.util.List;
import racetrace.search.scope.Rungs;

/**
 * The fixed order of a hunt's units: first the model's default scope (its state graphs, which
 * carry the verdicts: they hold the shapes of history's races), then random, scope, swarm in
 * turn, each kind while it lasts. The order is a function of the options alone, so every worker
 * count plans the same units.
 */
final class Planner {

    static final int RUNS_PER_UNIT = 250;
    static final int SCENARIOS_PER_SCOPE_UNIT = 48;
    static final int SCENARIOS_PER_SWARM_UNIT = 2;

    private final HuntOptions options;
    private final Rungs ladder;
    /** Random runs the hunt may make in all. */
    private final long randomUnits;
    private int randomNext;
    private int level = 1;
    private int levelOffset;
    private boolean ladderEnded;
    private int swarmNext;
    private int turn;

    private long randomFrom;

    Planner(HuntOptions options, Rungs ladder) {
        this.options = options;
        this.ladder = ladder;
        Strategy s = options.strategy();
        this.randomUnits = s.random() ? options.work().tries() : 0;
        this.ladderEnded = !s.scope();
    }

    /**
     * Units start small and grow to their full size, so that a bug found in the first few
     * runs is reported without waiting for a full unit (a fixed function of the index).
     */
    static int runsInUnit(int index) {
        return index >= 4 ? RUNS_PER_UNIT : Math.min(RUNS_PER_UNIT, 32 << index);
    }

    /**
     * The next unit, or null when there is none. Once the exhaustive budget is spent (a fact
     * that, once true, stays true) scope and swarm units are no longer planned: the commit
     * would drop them anyway, so skipping them changes nothing but the time.
     */
    Unit next(boolean scopeExhausted, boolean swarmExhausted) {
        // The default scope is work of its own, outside the ladder's budget: planned whatever it says.
        if (defaultPending()) {
            return nextScope();
        }
        for (int tried = 0; tried < 3; tried++) {
            int kind = turn++ % 3;
            if (kind == 0 && randomFrom < randomUnits) {
                int count = (int) Math.min(runsInUnit(randomNext), randomUnits - randomFrom);
                Unit u = new Unit.Random(randomNext++, randomFrom, count);
                randomFrom += count;
                return u;
            }
            if (kind == 1 && !ladderEnded && !scopeExhausted) {
                Unit u = nextScope();
                if (u != null) {
                    return u;
                }
            }
            // Once the rungs hold every scenario of the model, a random scenario is one of them:
            // the swarm would explore again what the scope units explore.
            if (kind == 2 && options.strategy().swarm() && !swarmExhausted
                    && !(ladderEnded && ladder.coversModel())) {
                return new Unit.Swarm(swarmNext++, SCENARIOS_PER_SWARM_UNIT);
            }
        }
        return null;
    }

    /** Whether rung 1 is the model's default scope and some of its items are not planned yet. */
    private boolean defaultPending() {
        if (ladderEnded || level != 1 || !ladder.hasDefault()) {
            return false;
        }
        List<Rungs.Item> items = ladder.rung(1);
        return items != null && levelOffset < items.size();
    }

    private Unit nextScope() {
        while (true) {
            // Rungs are never empty: a ladder level with nothing new is skipped (Rungs).
            List<Rungs.Item> scenarios = ladder.rung(level);
            if (scenarios == null) {
                ladderEnded = true;
                return null;
            }
            if (levelOffset < scenarios.size()) {
                // A state graph is a unit of its own; scenarios go a few at a time.
                int size = scenarios.get(levelOffset) instanceof Rungs.Graph ? 1
                        : levelOffset == 0 ? 8 : SCENARIOS_PER_SCOPE_UNIT;
                int to = Math.min(scenarios.size(), levelOffset + size);
                Unit u = new Unit.Scope(level, levelOffset, scenarios.subList(levelOffset, to),
                        to == scenarios.size(), ladder.scope(level), ladder.level(level) == 0 && ladder.hasDefault());
                levelOffset = to;
                return u;
            }
            level++;
            levelOffset = 0;
        }
    }
}
