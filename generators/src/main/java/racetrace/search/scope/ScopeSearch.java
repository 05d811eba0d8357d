package racetrace.search.scope;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import racetrace.engine.Model;
import racetrace.engine.OpPlan;
import racetrace.engine.Scenario;
import racetrace.search.Case;
import racetrace.search.explore.Exploration;
import racetrace.search.explore.Limits;
import racetrace.search.explore.StateSpace;

/**
 * Every state of every scenario of a scope: for a model that chooses ops, one state graph per
 * shape and configuration ({@link ScopePlans}), its threads choosing their ops as they go, so
 * scenarios that share a prefix share its states; for a model whose states carry their scripts,
 * the scope's scenarios one by one ({@link ScenarioEnumeration}). Deterministic: the graphs in
 * order, each searched by {@link StateSpace}.
 */
public final class ScopeSearch {

    private ScopeSearch() {
    }

    /**
     * What a scope's search found.
     *
     * @param scope the scope
     * @param graphs state graphs searched (plans, or scenarios one by one), complete or not
     * @param total state graphs the scope has
     * @param perScenario whether the scope was searched scenario by scenario
     * @param states distinct states of every graph, added up
     * @param transitions steps taken
     * @param complete whether every graph was searched to the end
     * @param stopReason why not, or null
     * @param violations for each violated invariant, a step-shortest case of the scope (ties: the earlier graph)
     * @param deadlocks deadlocked states
     * @param firstDeadlock a case into one (the first graph's), or null
     * @param notices new states reached through a designed give-up
     * @param firstNotice a case through one, or null
     * @param millis wall-clock time
     */
    public record Result(Scope scope, long graphs, long total, boolean perScenario, long states, long transitions,
            boolean complete, String stopReason, Map<String, Case> violations, long deadlocks, Case firstDeadlock,
            long notices, Case firstNotice, long millis) {

        public double statesPerSecond() {
            return millis == 0 ? states * 1000.0 : states * 1000.0 / millis;
        }
    }

    /** Whether the model's scopes are state graphs with op choice (else scenario by scenario). */
    public static boolean graphs(Model<?> model) {
        return model.opChoice() != null;
    }

    /**
     * Searches a scope within the limits (the state cap counts states over every graph).
     *
     * @param only the invariants to check, or null for all
     * @param stopWhenAllViolated stop once each checked invariant has a violation
     */
    public static Result explore(Model<?> model, Scope scope, List<String> only, Limits limits,
            boolean stopWhenAllViolated) {
        long start = System.nanoTime();
        boolean graphs = graphs(model);
        List<OpPlan> plans = graphs ? ScopePlans.of(model.space(), scope) : null;
        List<Scenario> scenarios = graphs ? null : ScenarioEnumeration.of(model.space(), scope);
        long total = graphs ? plans.size() : scenarios.size();
        Map<String, Case> violations = new LinkedHashMap<>();
        Map<String, Integer> lengths = new LinkedHashMap<>();
        long states = 0;
        long transitions = 0;
        long deadlocks = 0;
        long notices = 0;
        Case firstDeadlock = null;
        Case firstNotice = null;
        String stop = null;
        long done = 0;
        for (int i = 0; i < total && stop == null; i++) {
            long left = limits.maxStates() - states;
            if (left <= 0) {
                stop = "state cap " + limits.maxStates() + " reached";
                break;
            }
            Duration time = limits.maxTime() == null ? null
                    : limits.maxTime().minusNanos(System.nanoTime() - start);
            if (time != null && (time.isNegative() || time.isZero())) {
                stop = "time cap " + limits.maxTime() + " reached";
                break;
            }
            Limits mine = new Limits(left, time, limits.workers(), limits.reduce(), limits.order());
            Exploration x = graphs ? StateSpace.explore(model, plans.get(i), only, mine, false)
                    : StateSpace.explore(model, scenarios.get(i), only, mine, false);
            done++;
            states += x.distinctStates();
            transitions += x.transitions();
            deadlocks += x.deadlocks();
            notices += x.notices();
            if (firstDeadlock == null) {
                firstDeadlock = x.firstDeadlock();
            }
            if (firstNotice == null) {
                firstNotice = x.firstNotice();
            }
            for (Map.Entry<String, Case> v : x.violations().entrySet()) {
                int len = v.getValue().schedule().length();
                Integer best = lengths.get(v.getKey());
                if (best == null || len < best) {
                    lengths.put(v.getKey(), len);
                    violations.put(v.getKey(), v.getValue());
                }
            }
            if (!x.complete()) {
                stop = x.stopReason().startsWith("state cap") ? "state cap " + limits.maxStates() + " reached"
                        : x.stopReason();
            } else if (stopWhenAllViolated && allViolated(model, only, violations)) {
                stop = "every invariant violated";
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Result(scope, done, total, !graphs, states, transitions, stop == null && done == total, stop,
                violations, deadlocks, firstDeadlock, notices, firstNotice, millis);
    }

    private static boolean allViolated(Model<?> model, List<String> only, Map<String, Case> violations) {
        long wanted = model.invariants().stream().filter(i -> only == null || only.contains(i.name())).count();
        return wanted > 0 && violations.size() == wanted;
    }
}
