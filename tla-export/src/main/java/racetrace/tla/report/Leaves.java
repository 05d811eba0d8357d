package racetrace.tla.report;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Flattens TLA+-shaped variables to leaf paths ({@code tail[1][2]}, {@code w[3].linked}) and their values. */
final class Leaves {

    private Leaves() {
    }

    static Map<String, String> of(Map<String, Object> variables, java.util.Set<String> hidden) {
        Map<String, String> out = new LinkedHashMap<>();
        variables.forEach((name, value) -> {
            if (!hidden.contains(name)) {
                add(out, name, value);
            }
        });
        return out;
    }

    private static void add(Map<String, String> out, String path, Object value) {
        if (value instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                out.put(path, "[]");
            }
            m.forEach((k, v) -> add(out, k instanceof String s && isName(s) ? path + "." + s : path + "[" + k + "]", v));
        } else if (value instanceof List<?> l) {
            if (l.isEmpty()) {
                out.put(path, "<<>>");
            }
            for (int i = 0; i < l.size(); i++) {
                add(out, path + "[" + (i + 1) + "]", l.get(i));
            }
        } else if (value instanceof Collection<?> c) {
            out.put(path, c.stream().map(String::valueOf).sorted().collect(Collectors.joining(",", "{", "}")));
        } else if (value instanceof Boolean b) {
            out.put(path, b ? "1" : "0");
        } else {
            out.put(path, String.valueOf(value));
        }
    }

    private static boolean isName(String s) {
        return !s.isEmpty() && Character.isLetter(s.charAt(0));
    }
}
