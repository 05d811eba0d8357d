package racetrace.flags;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes the model's value types as TLA+ expressions (test-only; the exporter owns the real one). */
final class TlaValues {

    private TlaValues() {
    }

    static String of(Object v) {
        if (v instanceof String s) {
            return "\"" + s + "\"";
        }
        if (v instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (v instanceof Integer i) {
            return i.toString();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(TlaValues::of).collect(Collectors.joining(", ", "<<", ">>"));
        }
        if (v instanceof Collection<?> c) {
            return c.stream().map(TlaValues::of).collect(Collectors.joining(", ", "{", "}"));
        }
        if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                return "<<>>";
            }
            return m.entrySet().stream().map(e -> e.getKey() + " |-> " + of(e.getValue()))
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        throw new IllegalArgumentException("no TLA+ form for " + v);
    }

    /** {@code name == value} lines for the constants, names prefixed so a cfg can substitute them. */
    static String constantDefs(Map<String, Object> constants, String prefix) {
        StringBuilder b = new StringBuilder();
        constants.forEach((k, v) -> b.append(prefix).append(k).append(" == ").append(of(v)).append('\n'));
        return b.toString();
    }

    static String cfgSubstitutions(Map<String, Object> constants, String prefix) {
        StringBuilder b = new StringBuilder("CONSTANTS\n");
        constants.forEach((k, v) -> b.append("    ").append(k).append(" <- ").append(prefix).append(k).append('\n'));
        return b.toString();
    }
}
