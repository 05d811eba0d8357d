package racetrace.engine;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Flattens TLA+-shaped variables to leaf paths ({@code tail[1][2]}, {@code w[3].linked}) and their
 * values as the CPU table prints them: the names memory accesses and explanations use.
 */
public final class Leaves {

    private Leaves() {
    }

    /** Every leaf of the variables not in {@code hidden}, in the variables' order. */
    public static Map<String, String> of(Map<String, Object> variables, Set<String> hidden) {
        Map<String, String> out = new LinkedHashMap<>();
        variables.forEach((name, value) -> {
            if (!hidden.contains(name)) {
                add(out, name, value);
            }
        });
        return out;
    }

    /** A value as one short text: a leaf as the table prints it, a record or function as {@code [k=v ...]}. */
    public static String text(Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            Map<String, String> parts = new LinkedHashMap<>();
            add(parts, "", value);
            return parts.entrySet().stream().map(e -> strip(e.getKey()) + "=" + e.getValue())
                    .collect(Collectors.joining(" ", "[", "]"));
        }
        Map<String, String> one = new LinkedHashMap<>();
        add(one, "", value);
        return one.get("");
    }

    private static String strip(String path) {
        return path.startsWith(".") ? path.substring(1) : path;
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
