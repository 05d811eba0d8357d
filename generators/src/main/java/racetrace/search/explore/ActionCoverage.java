package racetrace.search.explore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import racetrace.engine.Execution;
import racetrace.engine.FocusedModel;
import racetrace.engine.ForwardingModel;
import racetrace.engine.Invariant;
import racetrace.engine.Model;
import racetrace.engine.Scenario;
import racetrace.engine.Schedule;
import racetrace.engine.Step;
import racetrace.search.Case;

/**
 * Which of a spec's actions conformance checked: the step labels of the executions TLC
 * validated, against the labels the instance can take ({@link Model#actions}); and, for the
 * actions random runs missed, a run that takes each, found by exhaustive search of the model's
 * coverage scenarios ({@link Model#coverageScenarios}).
 */
public final class ActionCoverage {

    private ActionCoverage() {
    }

    /** The labels the executions' steps took. */
    public static Set<String> taken(Collection<? extends Execution<?>> runs) {
        Set<String> out = new TreeSet<>();
        for (Execution<?> ex : runs) {
            for (Step<?> s : ex.steps()) {
                out.add(s.label());
            }
        }
        return out;
    }

    /** The instance's actions none of the executions took, in name order. */
    public static Set<String> missing(Model<?> model, Collection<? extends Execution<?>> runs) {
        Set<String> out = new TreeSet<>(model.actions());
        out.removeAll(taken(runs));
        return out;
    }

    /**
     * Runs that take every wanted action: for each, unless an earlier run took it on its way, a
     * step-shortest run of a coverage scenario that takes it (scenarios in the model's order, the
     * first that reaches it). The runs are of the model without
     * invariants ({@link FocusedModel#none}), so they go on through states where an
     * invariant fails: they check steps, and random runs check invariants. Actions no coverage
     * scenario reaches within the limits are left out.
     */
    public static <S> List<Case> runsTaking(Model<S> model, Set<String> wanted, Limits limits) {
        Set<String> left = new TreeSet<>(wanted);
        List<Case> out = new ArrayList<>();
        for (Scenario sc : model.coverageScenarios()) {
            if (left.isEmpty()) {
                break;
            }
            Targets<S> targets = new Targets<>(model, left);
            Exploration x = StateSpace.explore(targets, sc, null, limits, true);
            for (Map.Entry<String, Case> e : x.violations().entrySet()) {
                String label = e.getKey();
                if (!left.contains(label)) {
                    continue; // an earlier run took it on its way
                }
                Schedule path = e.getValue().schedule();
                int t = targets.threadAt(label, replay(model, sc, path));
                int[] choices = new int[path.length() + 1];
                for (int i = 0; i < path.length(); i++) {
                    choices[i] = path.choice(i);
                }
                choices[path.length()] = t;
                Case c = new Case(FocusedModel.none(model), sc, Schedule.of(choices));
                out.add(c);
                left.removeAll(taken(List.of(c.run())));
            }
        }
        return out;
    }

    private static <S> S replay(Model<S> model, Scenario sc, Schedule path) {
        racetrace.engine.Stepper<S> stepper = racetrace.engine.Stepper.of(model, sc);
        S s = stepper.initial();
        for (int i = 0; i < path.length(); i++) {
            s = stepper.step(s, path.choice(i), 0).next();
        }
        return s;
    }

    /**
     * The model with one invariant per wanted label, named as the label: "no thread can take
     * this step now". A state breaking it is one step away from the action.
     */
    private static final class Targets<S> extends ForwardingModel<S> {
        private final List<Invariant<S>> invariants = new ArrayList<>();
        // The invariants ask in turn about one state: its pc, worked out once.
        private S last;
        private Object lastPcs;

        Targets(Model<S> model, Set<String> labels) {
            super(model);
            for (String l : labels) {
                invariants.add(Invariant.of(l, "no thread is about to take " + l, s -> threadAt(l, s) < 0));
            }
        }

        /** A thread whose next step is {@code label} and can be taken, or -1. */
        int threadAt(String label, S s) {
            if (s != last) {
                last = s;
                lastPcs = inner.variables(s).get("pc");
            }
            Object pcs = lastPcs;
            if (pcs instanceof List<?> pc) {
                for (int t = 0; t < pc.size(); t++) {
                    if (label.equals(pc.get(t)) && inner.enabled(s, t)) {
                        return t;
                    }
                }
            }
            return -1;
        }

        @Override
        public List<Invariant<S>> invariants() {
            return invariants;
        }
    }
}
