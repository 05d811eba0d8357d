package racetrace.search.scope;

import java.util.ArrayList;
import java.util.List;
import racetrace.engine.BadInputException;
import racetrace.engine.Scenario;
import racetrace.engine.ScenarioSpace;

/**
 * Scopes of increasing size, threads<=s,ops<=s for s = 1, 2, 3, ...: each level holds the
 * scenarios of its scope that the level below lacks, so searching the levels in order searches
 * every scope completely, one after the other. A level with more than {@code maxLevelScenarios}
 * new scenarios ends the ladder (it would not finish in a hunt's budget).
 */
public final class Ladder {

    private final ScenarioSpace space;
    private final int maxLevel;
    private final int maxLevelScenarios;
    private final List<List<Scenario>> levels = new ArrayList<>();
    private boolean ended;
    private boolean coversModel;
    private String endReason;

    /**
     * @param maxLevel the last level (0: no limit but the scenario cap)
     */
    public Ladder(ScenarioSpace space, int maxLevel, int maxLevelScenarios) {
        this.space = space;
        this.maxLevel = maxLevel;
        this.maxLevelScenarios = maxLevelScenarios;
    }

    public static Scope scopeOf(int level) {
        return new Scope(level, level);
    }

    /** The new scenarios of level {@code level} (1-based), or null past the ladder's end. */
    public List<Scenario> level(int level) {
        while (levels.size() < level && !ended) {
            int s = levels.size() + 1;
            if (maxLevel > 0 && s > maxLevel) {
                end("the requested scope " + scopeOf(maxLevel) + " is done");
                break;
            }
            List<Scenario> all;
            try {
                all = ScenarioEnumeration.of(space, scopeOf(s), (int) Math.min(Integer.MAX_VALUE, maxLevelScenarios + count(s - 1)));
            } catch (BadInputException tooMany) {
                end("scope " + scopeOf(s) + " has more than " + maxLevelScenarios + " new scenarios");
                break;
            }
            List<Scenario> fresh = new ArrayList<>();
            for (Scenario sc : all) {
                if (sc.threadCount() == s || sc.opCount() == s) {
                    fresh.add(sc);
                }
            }
            if (fresh.isEmpty() && s > 1 && levels.get(s - 2).isEmpty()) {
                coversModel = true;
                end("scope " + scopeOf(s - 1) + " already holds every scenario of the model");
                break;
            }
            levels.add(List.copyOf(fresh));
        }
        return level <= levels.size() ? levels.get(level - 1) : null;
    }

    private void end(String why) {
        ended = true;
        endReason = why;
    }

    /** Scenarios in scope threads<=level,ops<=level (levels already built). */
    public long count(int level) {
        long n = 0;
        for (int i = 0; i < Math.min(level, levels.size()); i++) {
            n += levels.get(i).size();
        }
        return n;
    }

    /** Whether the ladder ended because its levels hold every scenario of the model (then larger scopes add none). */
    public boolean coversModel() {
        return coversModel;
    }

    /** Why the ladder ended, once it has. */
    public String endReason() {
        return endReason;
    }
}
