package racetrace.tla;

import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * Writes the Java values models use as TLA+ expressions.
 *
 * <table>
 * <caption>Mapping</caption>
 * <tr><td>Integer, Long, Short, Byte, BigInteger (32-bit range, as TLC)</td><td>{@code 3}, {@code -1}
 * (parenthesised where an operator follows)</td></tr>
 * <tr><td>Boolean</td><td>{@code TRUE}, {@code FALSE}</td></tr>
 * <tr><td>String (printable ASCII, tab, newline, CR, FF)</td><td>{@code "a\"b"}</td></tr>
 * <tr><td>List</td><td>sequence {@code <<1, 2>>}</td></tr>
 * <tr><td>Set</td><td>{@code {1, 2}}, elements in {@link TlaValues#ORDER}</td></tr>
 * <tr><td>Map with String keys</td><td>record {@code [a |-> 1, b |-> 2]}; every key must be an identifier</td></tr>
 * <tr><td>Map with other keys, {@link TlaFunction}</td><td>function {@code (1 :> x @@ 2 :> y)} (module TLC), or
 * {@code [rt_k \in {1, 2} |-> CASE ...]}</td></tr>
 * <tr><td>empty Map</td><td>{@code <<>>} (the function with empty domain)</td></tr>
 * <tr><td>Java record (when enabled)</td><td>record of its components</td></tr>
 * </table>
 *
 * <p>Anything else (null, floating point, arrays, enums, characters) is refused with a {@link
 * TlaExportException} naming the value's path. Output is deterministic: records keep the order of
 * ordered maps (LinkedHashMap, SortedMap) and sort the fields of other maps; sets and function
 * domains are sorted.
 */
public final class TlaValueWriter {

    /** How a Map that is not a record is written. */
    public enum FunctionStyle {
        /** {@code (1 :> x @@ 2 :> y)}: needs {@code EXTENDS TLC}, reads as TLC prints. */
        COLON_GT,
        /** {@code [rt_k \in {1, 2} |-> CASE rt_k = 1 -> x [] rt_k = 2 -> y]}: plain TLA+. */
        CASE_COMPREHENSION
    }

    private static final TlaValueWriter STANDARD = new TlaValueWriter(true, FunctionStyle.COLON_GT);

    private final boolean javaRecords;
    private final FunctionStyle functionStyle;

    private TlaValueWriter(boolean javaRecords, FunctionStyle functionStyle) {
        this.javaRecords = javaRecords;
        this.functionStyle = functionStyle;
    }

    /** Java records become TLA+ records; functions use {@code :>} and {@code @@}. */
    public static TlaValueWriter standard() {
        return STANDARD;
    }

    /** Whether Java records are written as TLA+ records (true) or refused (false). */
    public TlaValueWriter javaRecords(boolean enabled) {
        return new TlaValueWriter(enabled, functionStyle);
    }

    public TlaValueWriter functionStyle(FunctionStyle style) {
        return new TlaValueWriter(javaRecords, style);
    }

    /** Writes a value; error messages call it {@code value}. */
    public String write(Object value) {
        return write(value, "value");
    }

    /**
     * Writes a value.
     *
     * @param path how error messages name the value, e.g. {@code RT_Trace[3]}
     */
    public String write(Object value, String path) {
        StringBuilder out = new StringBuilder();
        write(value, path, out, false);
        return out.toString();
    }

    /** Writes a record whose fields are given in order (e.g. a state's variables). */
    public String writeRecord(Map<String, ?> fields, String path) {
        StringBuilder out = new StringBuilder();
        writeRecord(fields, path, out);
        return out.toString();
    }

    private void write(Object v, String path, StringBuilder out, boolean operand) {
        if (v == null) {
            throw new TlaExportException("null at " + path + ": TLA+ has no null; use a sentinel value"
                    + " (e.g. 0, \"none\" or an empty sequence)");
        }
        if (v instanceof Boolean b) {
            out.append(b ? "TRUE" : "FALSE");
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger) {
            writeInteger(v, path, out, operand);
        } else if (v instanceof String s) {
            writeString(s, path, out);
        } else if (v instanceof List<?> list) {
            out.append("<<");
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                write(list.get(i), path + "[" + (i + 1) + "]", out, false);
            }
            out.append(">>");
        } else if (v instanceof Set<?> set) {
            writeSet(set, path, out);
        } else if (v instanceof TlaFunction f) {
            writeFunction(f.mapping(), path, out);
        } else if (v instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("<<>>");
            } else if (map.keySet().stream().allMatch(k -> k instanceof String)) {
                @SuppressWarnings("unchecked")
                Map<String, ?> rec = (Map<String, ?>) map;
                writeRecord(rec, path, out);
            } else {
                writeFunction(map, path, out);
            }
        } else if (v instanceof Record r) {
            if (!javaRecords) {
                throw new TlaExportException("Java record " + r.getClass().getSimpleName() + " at " + path
                        + " is not written as TLA+ (records are disabled in this writer); use a Map");
            }
            writeRecord(recordFields(r, path), path, out);
        } else if (v instanceof Collection<?>) {
            throw new TlaExportException("collection " + v.getClass().getName() + " at " + path
                    + " is neither a List (sequence) nor a Set");
        } else {
            String hint = v instanceof Double || v instanceof Float ? "; TLC has no reals, use integers"
                    : v instanceof Enum<?> ? "; write its name() as a String"
                    : v instanceof Character ? "; use a String"
                    : v.getClass().isArray() ? "; use a List" : "";
            throw new TlaExportException("cannot write " + v.getClass().getName() + " value " + v + " at "
                    + path + " as TLA+" + hint);
        }
    }

    private static void writeInteger(Object v, String path, StringBuilder out, boolean operand) {
        BigInteger b = v instanceof BigInteger bi ? bi : BigInteger.valueOf(((Number) v).longValue());
        if (b.bitLength() > 31) {
            throw new TlaExportException("integer " + b + " at " + path
                    + " is outside TLC's range -2^31 .. 2^31-1");
        }
        if (b.signum() < 0 && operand) {
            out.append('(').append(b).append(')');
        } else {
            out.append(b);
        }
    }

    /** Writes a string literal; refuses characters TLA+ strings cannot hold. */
    static void writeString(String s, String path, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        throw new TlaExportException(String.format(
                                "string at %s has character U+%04X at index %d; TLA+ strings hold printable"
                                        + " ASCII (and \\t \\n \\r \\f) only: %s",
                                path, (int) c, i, abbreviate(s)));
                    }
                    out.append(c);
                }
            }
        }
        out.append('"');
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    private void writeSet(Set<?> set, String path, StringBuilder out) {
        List<Object> elems = new ArrayList<>(set);
        String elemPath = path + " (a set element)";
        for (Object e : elems) {
            if (e == null) {
                write(null, elemPath, out, false);
            }
        }
        elems.sort(TlaValues.ORDER);
        out.append('{');
        for (int i = 0; i < elems.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            write(elems.get(i), elemPath, out, false);
        }
        out.append('}');
    }

    private void writeRecord(Map<String, ?> fields, String path, StringBuilder out) {
        if (fields.isEmpty()) {
            out.append("<<>>");
            return;
        }
        List<String> names = new ArrayList<>(fields.keySet());
        if (!(fields instanceof LinkedHashMap<?, ?>) && !(fields instanceof SortedMap<?, ?>)) {
            names.sort(null);
        }
        out.append('[');
        boolean first = true;
        for (String name : names) {
            TlaNames.requireIdentifier(name, "record field", path);
            if (!first) {
                out.append(", ");
            }
            first = false;
            out.append(name).append(" |-> ");
            write(fields.get(name), path + "." + name, out, false);
        }
        out.append(']');
    }

    private void writeFunction(Map<?, ?> map, String path, StringBuilder out) {
        if (map.isEmpty()) {
            out.append("<<>>");
            return;
        }
        List<Object> keys = new ArrayList<>();
        for (Object k : map.keySet()) {
            if (k == null) {
                write(null, path + " (a function argument)", out, false);
            }
            keys.add(k);
        }
        keys.sort(TlaValues.ORDER);
        if (functionStyle == FunctionStyle.COLON_GT) {
            out.append('(');
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    out.append(" @@ ");
                }
                Object k = keys.get(i);
                write(k, path + " (a function argument)", out, true);
                out.append(" :> ");
                write(map.get(k), path + "[" + write(k, path) + "]", out, true);
            }
            out.append(')');
        } else {
            out.append("[rt_k \\in {");
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                write(keys.get(i), path + " (a function argument)", out, false);
            }
            out.append("} |-> CASE ");
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    out.append(" [] ");
                }
                Object k = keys.get(i);
                out.append("rt_k = ");
                write(k, path + " (a function argument)", out, true);
                out.append(" -> ");
                write(map.get(k), path + "[" + write(k, path) + "]", out, true);
            }
            out.append(']');
        }
    }

    private static Map<String, Object> recordFields(Record r, String path) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            try {
                c.getAccessor().setAccessible(true);
                fields.put(c.getName(), c.getAccessor().invoke(r));
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new TlaExportException("cannot read component " + c.getName() + " of "
                        + r.getClass().getSimpleName() + " at " + path + ": " + e, e);
            }
        }
        return fields;
    }
}
