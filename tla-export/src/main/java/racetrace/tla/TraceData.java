package racetrace.tla;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import racetrace.engine.Execution;
import racetrace.engine.Model;
import racetrace.engine.Outcome;
import racetrace.engine.Scenario;
import racetrace.engine.Step;

/**
 * One Java execution made ready for the templates: names checked, states, actions and constants
 * written as TLA+ text. Shared by the single-trace export and the batch validation.
 */
final class TraceData {

    final Execution<?> execution;
    final String spec;
    final List<String> variables;
    /** Constant name to TLA+ text, in tlaConstants order. */
    final Map<String, String> constants;
    /** Java values of the variables of each state, state 0 first. */
    final List<Map<String, Object>> stateValues;
    final List<String> stateTexts;
    final List<String> stateComments;
    final List<String> actionTexts;
    final List<String> actionComments;
    final List<String> invariants;
    /** Whether pc[t] before each step equals the step's label (the spec convention). */
    final boolean labelsInPc;
    final List<String> notes = new ArrayList<>();

    private TraceData(Execution<?> ex, String spec, List<String> variables, Map<String, String> constants,
            List<Map<String, Object>> stateValues, List<String> stateTexts, List<String> stateComments,
            List<String> actionTexts, List<String> actionComments, List<String> invariants, boolean labelsInPc) {
        this.execution = ex;
        this.spec = spec;
        this.variables = variables;
        this.constants = constants;
        this.stateValues = stateValues;
        this.stateTexts = stateTexts;
        this.stateComments = stateComments;
        this.actionTexts = actionTexts;
        this.actionComments = actionComments;
        this.invariants = invariants;
        this.labelsInPc = labelsInPc;
    }

    static <S> TraceData of(Execution<S> ex, TlaValueWriter writer) {
        Model<S> model = ex.model();
        String spec = model.tlaModule();
        if (spec == null) {
            throw new TlaExportException("model " + model.instance() + " has no TLA+ spec (its tlaModule() is null)");
        }
        TlaNames.requireModuleName(spec, model.instance() + ".tlaModule()");
        if (ex.steps().size() != ex.outcome().steps()) {
            throw new TlaExportException("the execution of " + model.instance() + " did not keep its trace ("
                    + ex.steps().size() + " of " + ex.outcome().steps() + " steps kept): run it with Execution.run");
        }
        Scenario scenario = ex.scenario();
        Map<String, String> constants = new LinkedHashMap<>();
        Map<String, Object> tlaConstants = model.tlaConstants(scenario);
        for (Map.Entry<String, Object> c : tlaConstants.entrySet()) {
            TlaNames.requireSpecName(c.getKey(), "constant", model.instance() + ".tlaConstants()");
            constants.put(c.getKey(), writer.write(c.getValue(), "constant " + c.getKey()));
        }
        List<Map<String, Object>> values = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        List<String> variables = null;
        int n = ex.steps().size();
        for (int i = 0; i <= n; i++) {
            Map<String, Object> vars = model.variables(ex.stateAt(i));
            List<String> names = new ArrayList<>(vars.keySet());
            if (variables == null) {
                variables = List.copyOf(names);
                if (variables.isEmpty()) {
                    throw new TlaExportException(model.instance() + ".variables() of the start state is empty");
                }
                for (String v : variables) {
                    TlaNames.requireSpecName(v, "variable", model.instance() + ".variables()");
                }
            } else if (!names.equals(variables)) {
                throw new TlaExportException(model.instance() + ".variables() gives " + names + " for state " + i
                        + " but " + variables + " for the start state; every state must list the same variables"
                        + " in the same order");
            }
            values.add(vars);
            String where = i == 0 ? "the start state" : "state " + i;
            texts.add(writer.writeRecord(vars, where));
            if (i == 0) {
                comments.add("0: start");
            } else {
                Step<S> s = ex.steps().get(i - 1);
                comments.add(i + ": after " + model.threadName(scenario, s.thread()) + " " + s.label());
            }
        }
        List<String> actions = new ArrayList<>();
        List<String> actionComments = new ArrayList<>();
        boolean labels = variables.contains("pc");
        String labelNote = null;
        for (Step<S> s : ex.steps()) {
            Map<String, Object> action = new LinkedHashMap<>();
            action.put("thread", s.thread() + 1);
            action.put("label", s.label());
            actions.add(writer.writeRecord(action, "action of step " + s.index()));
            actionComments.add("step " + s.index() + ": " + model.threadName(scenario, s.thread()));
            if (labels) {
                Object pc = pcOf(values.get(s.index() - 1).get("pc"), s.thread());
                if (!s.label().equals(pc)) {
                    labels = false;
                    labelNote = "pc does not hold the label of the next step (before step " + s.index() + " pc["
                            + (s.thread() + 1) + "] = " + pc + ", label " + s.label()
                            + "); the trace module does not check labels";
                }
            }
        }
        List<String> invariants = new ArrayList<>();
        model.invariants().forEach(inv -> invariants.add(
                TlaNames.requireIdentifier(inv.name(), "invariant", model.instance() + ".invariants()")));
        TraceData d = new TraceData(ex, spec, variables, constants, values, texts, comments, actions,
                actionComments, invariants, labels);
        if (labelNote != null) {
            d.notes.add(labelNote);
        }
        return d;
    }

    private static Object pcOf(Object pc, int thread) {
        if (pc instanceof List<?> l && thread < l.size()) {
            return l.get(thread);
        }
        if (pc instanceof Map<?, ?> m) {
            return m.get(thread + 1);
        }
        return null;
    }

    /** The Java step after which an invariant failed (0 = start state), or -1. */
    int violationStep() {
        return execution.outcome() instanceof Outcome.Violated v ? v.steps() : -1;
    }

    String violatedInvariant() {
        return execution.outcome().invariantOrNull();
    }

    /** The invariants the Java run found holding in the violating state (those listed before it). */
    List<String> holdingAtViolation() {
        String inv = violatedInvariant();
        return inv == null ? invariants : invariants.subList(0, Math.max(0, invariants.indexOf(inv)));
    }

    static String comment(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }

    static String describe(Outcome o) {
        if (o instanceof Outcome.Violated v) {
            return "invariant " + v.invariant() + " violated after step " + v.steps();
        }
        if (o instanceof Outcome.Completed c) {
            return "completed after " + c.steps() + " steps";
        }
        if (o instanceof Outcome.Deadlock d) {
            return "deadlock after " + d.steps() + " steps (blocked threads " + d.blocked() + ")";
        }
        return "step limit reached after " + o.steps() + " steps";
    }
}
