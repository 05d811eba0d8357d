package racetrace.search.explore;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import racetrace.engine.Invariant;
import racetrace.engine.Model;
import racetrace.engine.Scenario;
import racetrace.engine.Stepper;

/**
 * The slow, obviously right answer the explorer is checked against: every interleaving of a
 * scenario, one by one, without a visited set. Records every state reached (by its variables, so
 * by value, not by fingerprint), and for one invariant the smallest (preemptions, steps) and the
 * fewest steps of any run that violates it.
 */
final class BruteForce<S> {

    final Set<Map<String, Object>> states = new HashSet<>();
    int bestPreemptions = Integer.MAX_VALUE;
    int bestStepsAtBestPreemptions = Integer.MAX_VALUE;
    int fewestSteps = Integer.MAX_VALUE;
    long runs;

    private final Model<S> model;
    private final int n;
    private final Invariant<S> invariant;

    private BruteForce(Model<S> model, Scenario scenario, String invariant) {
        this.model = model;
        this.n = scenario.threadCount();
        this.invariant = model.invariants().stream().filter(i -> i.name().equals(invariant)).findFirst().orElseThrow();
    }

    static <S> BruteForce<S> of(Model<S> model, Scenario scenario, String invariant) {
        BruteForce<S> b = new BruteForce<>(model, scenario, invariant);
        S init = Stepper.of(model, scenario).initial();
        b.visit(init, -1, 0, 0);
        return b;
    }

    private void visit(S s, int current, int preemptions, int steps) {
        states.add(model.variables(s));
        if (!invariant.holds(s)) {
            if (preemptions < bestPreemptions
                    || preemptions == bestPreemptions && steps < bestStepsAtBestPreemptions) {
                bestPreemptions = preemptions;
                bestStepsAtBestPreemptions = steps;
            }
            fewestSteps = Math.min(fewestSteps, steps);
        }
        boolean currentEnabled = current >= 0 && model.enabled(s, current);
        boolean any = false;
        for (int t = 0; t < n; t++) {
            if (model.enabled(s, t)) {
                any = true;
                int p = preemptions + (currentEnabled && t != current ? 1 : 0);
                visit(model.step(s, t).next(), t, p, steps + 1);
            }
        }
        if (!any) {
            runs++;
        }
    }

    static List<Object> list(Object... xs) {
        return List.of(xs);
    }
}
