package racetrace.search;

import racetrace.search.scope.Scope;

/**
 * What is known about how small a shrunk counterexample is.
 *
 * @param withinScenario whether no run of its scenario violates the invariant with fewer
 *     preemptions, or as many and fewer steps (an exhaustive search proved it)
 * @param scope a scope in which no scenario has a smaller violating run, or null when that was
 *     not searched to the end
 * @param config when not null, the scope search covered this configuration only (the whole
 *     scope was too large)
 * @param scenarios how many scenarios that scope search covered
 * @param why what is not proven and why, and what else the searches established (e.g. that a
 *     smaller scope has no counterexample at all)
 */
public record Minimality(boolean withinScenario, Scope scope, String config, long scenarios, String why) {

    /** A few words for a verdict: what is proven, without the notes on what is not. */
    public String brief() {
        if (scope != null) {
            return "proven minimal among every scenario up to " + scope + (config != null ? " with configuration "
                    + config : "");
        }
        return withinScenario ? "proven minimal within its scenario" : "minimality not proven";
    }

    /** The summary table's mark: (min), (min/cfg), (min/scn), or nothing. */
    public String mark() {
        return scope != null ? config == null ? "(min)" : "(min/cfg)" : withinScenario ? "(min/scn)" : "";
    }

    /** One line for reports. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append(withinScenario ? "minimal within its scenario (proven)" : "minimal within its scenario: not proven");
        if (scope != null) {
            b.append("; no smaller counterexample in any scenario up to ").append(scope);
            if (config != null) {
                b.append(" with configuration ").append(config);
            }
            b.append(" (").append(scenarios).append(" scenarios searched)");
        }
        if (why != null) {
            b.append("; ").append(why);
        }
        return b.toString();
    }
}
