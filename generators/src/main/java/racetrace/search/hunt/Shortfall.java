package racetrace.search.hunt;

import racetrace.search.scope.Scope;

/**
 * Why the work a hunt completed backs no held verdict: a cap cut it, the scope it asked for was
 * not completed, or nothing was completed at all. Any of them makes the verdict inconclusive
 * (unless a violation was found). Values only: the command line words them from templates.
 *
 * @param cutBy the cap that stopped the hunt before its work was done, or null
 * @param scope the scope the work asked for and did not complete, or null
 * @param nothingCompleted no random run, no scope and no swarm scenario was completed
 */
public record Shortfall(Cap cutBy, ScopeShort scope, boolean nothingCompleted) {

    /**
     * The scope {@code wanted} was not completed, and why.
     *
     * @param at the scope the ladder was in when it stopped (for {@link Reason#STATES_RAN_OUT},
     *     {@link Reason#SCENARIO_NOT_EXPLORED}, {@link Reason#LADDER_STOPPED})
     * @param states the ladder's states (for {@link Reason#STATES_RAN_OUT})
     * @param detail why an exploration or the ladder ended, as they say it (or null)
     */
    public record ScopeShort(Scope wanted, Reason reason, Scope at, long states, String detail) {

        public enum Reason {
            /** The ladder's states ran out in scope {@code at}. */
            STATES_RAN_OUT,
            /** A scenario of scope {@code at} hit its state cap (or the time cap) before its end. */
            SCENARIO_NOT_EXPLORED,
            /** The ladder ended before the scope (too many scenarios in a level). */
            LADDER_ENDED,
            /** The ladder stopped at {@code at} for no other reason. */
            LADDER_STOPPED
        }
    }
}
