package racetrace.search.hunt;

/**
 * The work of one kind a hunt took (committed units only, in the hunt's order), and the time
 * its units took on their workers. The counts are deterministic for a seed and work bound; the
 * time is the machine's (workers run units side by side, so the kinds' times add up to more
 * than the hunt's wall time on several cores), for measuring where a hunt spends it.
 *
 * @param units units taken
 * @param runs random runs
 * @param explorations state graphs and scenarios explored (to the end or not)
 * @param states distinct states those explorations reached
 * @param nanos time the units took, summed over the workers
 */
public record WorkDone(Kind kind, long units, long runs, long explorations, long states, long nanos) {

    /** What a unit spends its work on. */
    public enum Kind {
        /** The state graphs of the model's default scope. */
        DEFAULT_SCOPE("default scope"),
        /** The ladder's scopes after it. */
        LADDER("ladder"),
        /** Random runs. */
        RANDOM("random"),
        /** Random scenarios explored exhaustively. */
        SWARM("swarm");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        static Kind of(Unit u) {
            if (u instanceof Unit.Scope s) {
                return s.defaultScope() ? DEFAULT_SCOPE : LADDER;
            }
            return u instanceof Unit.Random ? RANDOM : SWARM;
        }
    }

    WorkDone plus(UnitResult r) {
        return new WorkDone(kind, units + 1, runs + r.runs, explorations + r.scenarios, states + r.states,
                nanos + r.nanos);
    }
}
