package racetrace.search.hunt;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import racetrace.engine.BadInputException;
import racetrace.search.schedule.RunScheduling;

/**
 * What a hunt spends its work on. A strategy with random runs hands out one scheduler per run
 * ({@link #runs()}): {@code pct} asks for PCT schedulers only, so it never draws a run of another
 * kind and discards it.
 */
public enum Strategy {

    /**
     * The model's default scope first, then random runs, the small-scope ladder and swarm
     * exploration, taking turns (the default).
     */
    PORTFOLIO("the model's default scope explored exhaustively first, then random runs, every "
            + "scenario of growing scopes explored exhaustively, and random scenarios explored exhaustively, "
            + "taking turns", RunScheduling.MIXED, true, true),
    /** Random runs: uniform and PCT schedules, half each. */
    RANDOM("random scenarios, each run once under a uniform or a PCT (depth 1-5) schedule",
            RunScheduling.MIXED, false, false),
    /** Random runs, uniform over the enabled threads for a random prefix. */
    UNIFORM("random scenarios, each run once uniformly over the enabled threads", RunScheduling.UNIFORM,
            false, false),
    /** Random runs under PCT of depth 1-5. */
    PCT("random scenarios, each run once under PCT of depth 1-5", RunScheduling.PCT, false, false),
    /** Exhaustive exploration of every scenario of growing scopes. */
    SCOPE("every scenario of scopes threads<=s,ops<=s, s = 1, 2, ..., each explored exhaustively", null,
            true, false),
    /** Exhaustive exploration of random scenarios. */
    SWARM("random scenarios, each explored exhaustively", null, false, true);

    private final String description;
    private final RunScheduling runs;
    private final boolean scope;
    private final boolean swarm;

    Strategy(String description, RunScheduling runs, boolean scope, boolean swarm) {
        this.description = description;
        this.runs = runs;
        this.scope = scope;
        this.swarm = swarm;
    }

    /** The strategy's name on the command line (--strategy): the constant's, in lower case. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

    /** The scheduler source of this strategy's random runs, or null when it makes none. */
    public RunScheduling runs() {
        return runs;
    }

    public boolean random() {
        return runs != null;
    }

    public boolean scope() {
        return scope;
    }

    public boolean swarm() {
        return swarm;
    }

    public static Strategy parse(String id) {
        for (Strategy s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new BadInputException("unknown strategy '" + id + "'; use one of " + ids());
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Strategy::id).toList();
    }
}
