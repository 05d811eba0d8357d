package racetrace.tla;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import racetrace.engine.Execution;

/**
 * Asks TLC what the spec's {@code Step(t)} does from the recorded state before a step the spec
 * cannot take, and says how that differs from the Java model's next state (module {@code
 * <Spec>Step_<id>}, run with {@code -continue}).
 */
final class StepDiagnoser {

    private StepDiagnoser() {
    }

    /** Returns null when TLC gave no answer (the rejection stands without the detail). */
    static StepDiagnosis diagnose(TraceData d, int step, Path dir, Duration timeout, TlcRunner tlc) {
        Execution<?> ex = d.execution;
        int thread = ex.steps().get(step - 1).thread();
        String module = d.spec + "Step_" + TraceExporter.contentId(d) + "_" + step;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("module", module);
        data.put("spec", d.spec);
        data.put("instance", TraceData.comment(ex.model().instance().toString()));
        data.put("from", step - 1);
        data.put("thread", thread + 1);
        List<Map<String, String>> constants = new ArrayList<>();
        d.constants.forEach((name, value) -> constants.add(Map.of("name", name, "value", value)));
        data.put("constants", constants);
        data.put("state", d.stateTexts.get(step - 1));
        data.put("variables", d.variables);
        TraceExporter.write(dir.resolve(module + ".tla"), Templates.render("step.tla.ftl", data));
        TraceExporter.write(dir.resolve(module + ".cfg"), Templates.render("step.cfg.ftl", data));
        TlcResult r = tlc.run(dir, module, module + ".cfg", timeout, List.of("-continue"));
        List<Map<String, Object>> successors = new ArrayList<>();
        if (r.verdict() == TlcVerdict.INVARIANT_VIOLATED) {
            for (List<TlcState> t : r.errorTraces()) {
                if (t.size() == 2) {
                    Map<String, Object> vars = new LinkedHashMap<>();
                    for (String v : d.variables) {
                        vars.put(v, t.get(1).get(v));
                    }
                    successors.add(vars);
                }
            }
        } else if (r.verdict() != TlcVerdict.OK) {
            return null;
        }
        String who = "Step(" + (thread + 1) + ") of " + d.spec;
        String explanation;
        Map<String, Object> java = d.stateValues.get(step);
        if (successors.isEmpty()) {
            explanation = who + " is not enabled in state " + (step - 1);
        } else {
            List<String> each = new ArrayList<>();
            for (Map<String, Object> s : successors) {
                String diff = CounterexampleImporter.difference(java, s, "spec");
                each.add(diff == null ? "the recorded state itself" : "a state that differs in " + diff);
            }
            explanation = who + " leads from state " + (step - 1) + " to " + String.join("; or to ", each);
        }
        return new StepDiagnosis(step, thread, successors, explanation, r);
    }
}
