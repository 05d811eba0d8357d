package racetrace.tla;

import java.util.List;
import java.util.Map;

/**
 * What the spec does at the step where it and the Java model part ways: the successors of the
 * recorded state under the spec's {@code Step(t)} of the recorded thread.
 *
 * @param step the 1-based step the spec cannot take as recorded
 * @param thread the 0-based Java thread of that step
 * @param specSuccessors the states the spec's {@code Step(t)} leads to (empty: not enabled)
 * @param explanation one sentence: not enabled, or which variables differ from the Java state
 * @param tlc the TLC run that found them
 */
public record StepDiagnosis(int step, int thread, List<Map<String, Object>> specSuccessors, String explanation,
        TlcResult tlc) {

    public StepDiagnosis {
        specSuccessors = List.copyOf(specSuccessors);
    }
}
