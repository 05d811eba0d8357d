package racetrace.tla;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import racetrace.engine.Records;

/** Ordering and TLA+-level equality of Java values standing for TLA+ values. */
public final class TlaValues {

    private TlaValues() {
    }

    /**
     * A total, deterministic order for set elements and function arguments: booleans, then
     * integers (numerically), strings, model values, sequences, sets, records and functions; values
     * of one composite kind are ordered by their TLA+ text.
     */
    public static final Comparator<Object> ORDER = TlaValues::compare;

    /** A set's elements in {@link #ORDER}, each encoded: how the JSON forms write a set, the same set the same bytes. */
    static List<Object> elements(Set<?> set, Function<Object, Object> encode) {
        List<Object> elems = new ArrayList<>(set);
        elems.sort(ORDER);
        return elems.stream().map(encode).toList();
    }

    /** A function's pairs [argument, value], each encoded, arguments in {@link #ORDER}: how the JSON forms write one. */
    static List<Object> pairs(Map<?, ?> function, Function<Object, Object> encode) {
        List<Object> keys = new ArrayList<>(function.keySet());
        keys.sort(ORDER);
        List<Object> pairs = new ArrayList<>();
        for (Object k : keys) {
            pairs.add(List.of(encode.apply(k), encode.apply(function.get(k))));
        }
        return pairs;
    }

    /**
     * A sequence, set or function ({@link TlaFunction}) in one of the JSON forms, which write them
     * alike but for their tags: a sequence as an array, a set and a function as an object of one
     * tagged entry (the elements, the pairs), each element encoded; null for any other value.
     */
    static Object collection(Object v, Function<Object, Object> encode, String setTag, String functionTag) {
        if (v instanceof List<?> l) {
            return l.stream().map(encode).toList();
        }
        if (v instanceof Set<?> s) {
            return Map.of(setTag, elements(s, encode));
        }
        if (v instanceof TlaFunction f) {
            return Map.of(functionTag, pairs(f.mapping(), encode));
        }
        return null;
    }

    private static int rank(Object v) {
        if (v instanceof Boolean) {
            return 0;
        }
        if (isIntegral(v)) {
            return 1;
        }
        if (v instanceof String) {
            return 2;
        }
        if (v instanceof TlaModelValue) {
            return 3;
        }
        if (v instanceof List<?>) {
            return 4;
        }
        if (v instanceof Set<?>) {
            return 5;
        }
        return 6;
    }

    static boolean isIntegral(Object v) {
        return v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger;
    }

    private static BigInteger big(Object v) {
        return v instanceof BigInteger b ? b : BigInteger.valueOf(((Number) v).longValue());
    }

    private static int compare(Object a, Object b) {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        return switch (ra) {
            case 0 -> Boolean.compare((Boolean) a, (Boolean) b);
            case 1 -> big(a).compareTo(big(b));
            case 2 -> ((String) a).compareTo((String) b);
            case 3 -> ((TlaModelValue) a).name().compareTo(((TlaModelValue) b).name());
            default -> text(a).compareTo(text(b));
        };
    }

    private static String text(Object v) {
        try {
            return TlaValueWriter.standard().write(v);
        } catch (TlaExportException e) {
            return v.getClass().getName() + ":" + v;
        }
    }

    /** A Java record as a TLA+ record: its components by name, in declaration order. */
    static Map<String, Object> components(Record r) {
        try {
            return Records.components(r);
        } catch (IllegalStateException e) {
            throw new TlaExportException(e.getMessage(), e.getCause());
        }
    }

    /**
     * The TLA+ value a Java value stands for, in one canonical Java form, so that two
     * descriptions of the same TLA+ value are {@code equals}: integers become Long; Java records
     * become Maps; a Map whose domain is {@code 1..n} becomes a List (TLA+ sequences are such
     * functions), and so does an empty Map; Sets and Maps become Hash-based copies.
     */
    public static Object normalize(Object v) {
        if (v == null || v instanceof Boolean || v instanceof String || v instanceof TlaModelValue) {
            return v;
        }
        if (isIntegral(v)) {
            BigInteger b = big(v);
            return b.bitLength() <= 63 ? (Object) b.longValue() : b;
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object e : list) {
                out.add(normalize(e));
            }
            return out;
        }
        if (v instanceof Set<?> set) {
            Set<Object> out = new HashSet<>();
            for (Object e : set) {
                out.add(normalize(e));
            }
            return out;
        }
        if (v instanceof TlaFunction f) {
            return normalize(f.mapping());
        }
        if (v instanceof Record r) {
            Map<Object, Object> out = new HashMap<>();
            components(r).forEach((name, x) -> out.put(name, normalize(x)));
            return out;
        }
        if (v instanceof Map<?, ?> map) {
            Map<Object, Object> out = new HashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.put(normalize(e.getKey()), normalize(e.getValue()));
            }
            int n = out.size();
            boolean sequence = true;
            for (long i = 1; i <= n && sequence; i++) {
                sequence = out.containsKey(i);
            }
            if (sequence) {
                List<Object> seq = new ArrayList<>(n);
                for (long i = 1; i <= n; i++) {
                    seq.add(out.get(i));
                }
                return seq;
            }
            return out;
        }
        return v;
    }

    /** Whether two Java values stand for the same TLA+ value. */
    public static boolean same(Object a, Object b) {
        return Objects.equals(normalize(a), normalize(b));
    }
}
