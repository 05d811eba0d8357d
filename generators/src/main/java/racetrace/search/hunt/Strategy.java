package racetrace.search.hunt;

import java.util.Arrays;
import java.util.List;
import racetrace.engine.BadInputException;

/** What a hunt spends its budget on. */
public enum Strategy {

    /** Random runs, the small-scope ladder and swarm exploration, taking turns (the default). */
    PORTFOLIO("portfolio", "random runs, every scenario of growing scopes explored exhaustively, and random "
            + "scenarios explored exhaustively, taking turns"),
    /** Random runs: uniform and PCT schedules, half each. */
    RANDOM("random", "random scenarios, each run once under a uniform or a PCT (depth 1-5) schedule"),
    /** Random runs, uniform over the enabled threads for a random prefix. */
    UNIFORM("uniform", "random scenarios, each run once uniformly over the enabled threads"),
    /** Random runs under PCT of depth 1-5. */
    PCT("pct", "random scenarios, each run once under PCT of depth 1-5"),
    /** Exhaustive exploration of every scenario of growing scopes. */
    SCOPE("scope", "every scenario of scopes threads<=s,ops<=s, s = 1, 2, ..., each explored exhaustively"),
    /** Exhaustive exploration of random scenarios. */
    SWARM("swarm", "random scenarios, each explored exhaustively");

    private final String id;
    private final String description;

    Strategy(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public boolean random() {
        return this == PORTFOLIO || this == RANDOM || this == UNIFORM || this == PCT;
    }

    public boolean scope() {
        return this == PORTFOLIO || this == SCOPE;
    }

    public boolean swarm() {
        return this == PORTFOLIO || this == SWARM;
    }

    public static Strategy parse(String id) {
        for (Strategy s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        throw new BadInputException("unknown strategy '" + id + "'; use one of " + ids());
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Strategy::id).toList();
    }
}
