package racetrace.tla;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One state of a TLC error trace.
 *
 * @param number 1-based position in the trace (TLC's numbering)
 * @param action the action TLC names for the step into this state ({@code Init} for the first
 *     state), as printed, e.g. {@code RT_Next} or {@code Load}
 * @param variables the variables in TLC's print order, values read by {@link TlaValueParser}
 */
public record TlcState(int number, String action, Map<String, Object> variables) {

    public TlcState {
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    public Object get(String variable) {
        return variables.get(variable);
    }
}
