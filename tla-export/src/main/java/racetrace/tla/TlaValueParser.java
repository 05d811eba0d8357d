package racetrace.tla;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads TLA+ values as TLC prints them (in states of error traces) back into Java: integers as
 * Integer (Long if larger), strings, TRUE/FALSE as Boolean, {@code <<...>>} as List, {@code {...}}
 * and {@code a..b} as Set (in TLC's order), records {@code [a |-> 1]} as Map with String keys,
 * functions {@code (k :> v @@ ...)} as Map, other identifiers as {@link TlaModelValue}.
 */
public final class TlaValueParser {

    /** Deeper nesting than any state TLC prints for these specs: refused rather than a stack overflow. */
    static final int MAX_DEPTH = 200;
    /** The most elements an {@code a..b} range may have: a larger one is no state of these specs. */
    static final long MAX_RANGE = 1_000_000;

    private final String text;
    private int pos;
    private int depth;

    private TlaValueParser(String text) {
        this.text = text;
    }

    /** Parses one value; the whole text must be that value. */
    public static Object parseValue(String text) {
        TlaValueParser p = new TlaValueParser(text);
        Object v = p.value();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error("unexpected text after the value");
        }
        return v;
    }

    /**
     * Parses a state as TLC prints it: {@code /\ x = 1 /\ y = <<>>} (any layout), or a single
     * {@code x = 1}. Variables keep TLC's order.
     */
    public static Map<String, Object> parseState(String text) {
        TlaValueParser p = new TlaValueParser(text);
        Map<String, Object> vars = new LinkedHashMap<>();
        p.skipSpace();
        if (p.pos >= text.length()) {
            return vars;
        }
        boolean conj = p.lookingAt("/\\");
        while (true) {
            p.skipSpace();
            if (p.pos >= text.length()) {
                break;
            }
            if (conj) {
                p.expect("/\\");
            }
            String name = p.identifier();
            p.expect("=");
            vars.put(name, p.value());
            if (!conj) {
                p.skipSpace();
                if (p.pos < text.length()) {
                    throw p.error("unexpected text after the only variable");
                }
                break;
            }
        }
        return vars;
    }

    private TlaExportException error(String what) {
        int from = Math.max(0, pos - 30);
        int to = Math.min(text.length(), pos + 30);
        return new TlaExportException("cannot read TLC value: " + what + " at offset " + pos + " near '"
                + text.substring(from, pos) + "<HERE>" + text.substring(pos, to) + "'");
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean lookingAt(String s) {
        skipSpace();
        return text.startsWith(s, pos);
    }

    private void expect(String s) {
        if (!lookingAt(s)) {
            throw error("expected '" + s + "'");
        }
        pos += s.length();
    }

    private String identifier() {
        skipSpace();
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a name");
        }
        return text.substring(start, pos);
    }

    private Object value() {
        if (++depth > MAX_DEPTH) {
            throw error("values nested deeper than " + MAX_DEPTH);
        }
        try {
            return valueAt();
        } finally {
            depth--;
        }
    }

    private Object valueAt() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("value expected, text ended");
        }
        char c = text.charAt(pos);
        if (c == '"') {
            return string();
        }
        if (c == '-' || Character.isDigit(c)) {
            Object n = number();
            if (lookingAt("..")) {
                pos += 2;
                Object hi = number();
                if (!(n instanceof Integer || n instanceof Long) || !(hi instanceof Integer || hi instanceof Long)
                        || BigInteger.valueOf(((Number) hi).longValue())
                                .subtract(BigInteger.valueOf(((Number) n).longValue()))
                                .compareTo(BigInteger.valueOf(MAX_RANGE)) >= 0) {
                    throw error("range " + n + ".." + hi + " has more than " + MAX_RANGE + " elements");
                }
                Set<Object> range = new LinkedHashSet<>();
                for (long i = ((Number) n).longValue(); i <= ((Number) hi).longValue(); i++) {
                    range.add(box(i));
                }
                return Collections.unmodifiableSet(range);
            }
            return n;
        }
        if (lookingAt("<<")) {
            pos += 2;
            return Collections.unmodifiableList(items(">>"));
        }
        if (c == '{') {
            pos++;
            return Collections.unmodifiableSet(new LinkedHashSet<>(items("}")));
        }
        if (c == '[') {
            pos++;
            Map<String, Object> rec = new LinkedHashMap<>();
            do {
                String field = identifier();
                expect("|->");
                rec.put(field, value());
            } while (comma());
            expect("]");
            return Collections.unmodifiableMap(rec);
        }
        if (c == '(') {
            pos++;
            Object first = value();
            if (lookingAt(")")) {
                pos++;
                return first;
            }
            Map<Object, Object> fn = new LinkedHashMap<>();
            Object key = first;
            while (true) {
                expect(":>");
                fn.put(key, value());
                if (lookingAt("@@")) {
                    pos += 2;
                    key = value();
                } else {
                    break;
                }
            }
            expect(")");
            return Collections.unmodifiableMap(fn);
        }
        if (Character.isLetter(c) || c == '_') {
            String name = identifier();
            return switch (name) {
                case "TRUE" -> Boolean.TRUE;
                case "FALSE" -> Boolean.FALSE;
                default -> new TlaModelValue(name);
            };
        }
        throw error("unexpected character '" + c + "'");
    }

    /** Comma-separated values up to {@code close} (none when it comes first), {@code close} consumed. */
    private List<Object> items(String close) {
        List<Object> items = new ArrayList<>();
        if (!lookingAt(close)) {
            do {
                items.add(value());
            } while (comma());
        }
        expect(close);
        return items;
    }

    private boolean comma() {
        if (lookingAt(",")) {
            pos++;
            return true;
        }
        return false;
    }

    private static Object box(long v) {
        return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (Object) (int) v : (Object) v;
    }

    private Object number() {
        skipSpace();
        int start = pos;
        if (pos < text.length() && text.charAt(pos) == '-') {
            pos++;
        }
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        String digits = text.substring(start, pos);
        if (digits.isEmpty() || digits.equals("-")) {
            throw error("expected a number");
        }
        try {
            return box(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return new BigInteger(digits);
        }
    }

    private String string() {
        pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("string not closed");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\') {
                if (pos >= text.length()) {
                    throw error("string not closed");
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'f' -> out.append('\f');
                    case '"' -> out.append('"');
                    case '\\' -> out.append('\\');
                    default -> throw error("unknown escape \\" + e);
                }
            } else {
                out.append(c);
            }
        }
    }
}
