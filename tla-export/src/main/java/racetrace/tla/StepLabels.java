package racetrace.tla;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import racetrace.engine.Model;
import racetrace.engine.Scenario;
import racetrace.engine.Stepper;

/**
 * The labels a model's steps take: every step of every reachable state of some scenarios
 * (breadth-first, states told apart by fingerprint). For comparing a model's labels with its
 * spec's ({@link PlusCal#checkLabels}).
 */
public final class StepLabels {

    private StepLabels() {
    }

    /** The labels of every step reachable in the scenarios, sorted; at most {@code maxStates} states each. */
    public static Set<String> of(Model<?> model, List<Scenario> scenarios, int maxStates) {
        Set<String> out = new TreeSet<>();
        for (Scenario s : scenarios) {
            model.space().validate(s);
            collect(Stepper.of(model, s), maxStates, out);
        }
        return out;
    }

    private static <S> void collect(Stepper<S> stepper, int maxStates, Set<String> out) {
        Set<Long> seen = new HashSet<>();
        ArrayDeque<S> queue = new ArrayDeque<>();
        for (Stepper.Start<S> st : stepper.starts()) {
            if (seen.add(stepper.fingerprint(st.state()))) {
                queue.add(st.state());
            }
        }
        while (!queue.isEmpty() && seen.size() < maxStates) {
            S s = queue.poll();
            for (int t = 0; t < stepper.threads(); t++) {
                if (stepper.enabled(s, t)) {
                    out.add(stepper.step(s, t, 0).label());
                    stepper.successors(s, t, (next, choice, began, notice) -> {
                        if (seen.add(stepper.fingerprint(next))) {
                            queue.add(stepper.keepState(next));
                        }
                    });
                }
            }
        }
    }
}
