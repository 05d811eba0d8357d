package racetrace.engine.program;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import racetrace.engine.BadInputException;

/**
 * The fields of a program's memory or registers class: how to copy an object for a step, how to
 * freeze the copy once the step is over, and its fields as TLA+ values, in declaration order.
 */
final class Fields {

    private final Class<?> type;
    private final Constructor<?> constructor;
    private final Field[] fields;

    private Fields(Class<?> type, Constructor<?> constructor, Field[] fields) {
        this.type = type;
        this.constructor = constructor;
        this.fields = fields;
    }

    /** The fields of {@code type}; refuses a record and a field of a type a state cannot hold. */
    static Fields of(Class<?> type, String role) {
        if (type.isRecord()) {
            throw new BadInputException(role + " " + type.getName() + " is a record: a step changes its fields, so it"
                    + " must be a class with fields");
        }
        Constructor<?> c;
        try {
            c = type.getDeclaredConstructor();
            c.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new BadInputException(role + " " + type.getName() + " needs a constructor without parameters (a step"
                    + " copies it)");
        }
        List<Field> out = new ArrayList<>();
        for (Class<?> k = type; k != null && k != Object.class; k = k.getSuperclass()) {
            List<Field> own = new ArrayList<>();
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
                    continue;
                }
                check(f, role);
                f.setAccessible(true);
                own.add(f);
            }
            out.addAll(0, own);
        }
        return new Fields(type, c, out.toArray(Field[]::new));
    }

    private static void check(Field f, String role) {
        Class<?> t = f.getType();
        while (t.isArray()) {
            t = t.getComponentType();
        }
        if (t.isPrimitive() && t != int.class && t != boolean.class) {
            throw new BadInputException(role + " field " + f.getDeclaringClass().getSimpleName() + "." + f.getName()
                    + " is a " + f.getType().getSimpleName() + "; a state holds int, boolean, String, enums, records,"
                    + " arrays and immutable List, Set, Map of those (TLA+ integers are 32-bit)");
        }
    }

    Class<?> type() {
        return type;
    }

    List<String> names() {
        List<String> out = new ArrayList<>();
        for (Field f : fields) {
            out.add(f.getName());
        }
        return out;
    }

    /** A copy a step may change: arrays copied at every depth, everything else shared (immutable). */
    Object copy(Object o) {
        if (o == null) {
            return null;
        }
        try {
            Object c = constructor.newInstance();
            for (Field f : fields) {
                f.set(c, deepCopy(f.get(o)));
            }
            return c;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy a " + type.getName() + ": " + e, e);
        }
    }

    private static Object deepCopy(Object v) {
        if (v == null || !v.getClass().isArray()) {
            return v;
        }
        int n = Array.getLength(v);
        Object c = Array.newInstance(v.getClass().getComponentType(), n);
        if (v.getClass().getComponentType().isPrimitive()) {
            System.arraycopy(v, 0, c, 0, n);
        } else {
            for (int i = 0; i < n; i++) {
                Array.set(c, i, deepCopy(Array.get(v, i)));
            }
        }
        return c;
    }

    /** Makes the collections of a step's copy immutable, so that a later step cannot change a kept state. */
    void freeze(Object o) {
        if (o == null) {
            return;
        }
        try {
            for (Field f : fields) {
                Object v = f.get(o);
                if (v instanceof List<?> l) {
                    f.set(o, List.copyOf(l));
                } else if (v instanceof Set<?> s) {
                    f.set(o, Collections.unmodifiableSet(new LinkedHashSet<>(s)));
                } else if (v instanceof Map<?, ?> m) {
                    f.set(o, Collections.unmodifiableMap(new LinkedHashMap<>(m)));
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value of field {@code i} of {@code o} as a TLA+ value (Integer, Boolean, String, List, Set, Map). */
    Object value(Object o, int i) {
        try {
            return tla(fields[i].get(o), fields[i]);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    int size() {
        return fields.length;
    }

    /** Field {@code i} of {@code o} as it is held (an array stays an array). */
    Object raw(Object o, int i) {
        try {
            return fields[i].get(o);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets field {@code i} of {@code o}, a copy no state holds yet. */
    void set(Object o, int i, Object value) {
        try {
            fields[i].set(o, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object tla(Object v, Field where) {
        if (v == null) {
            throw new IllegalStateException(where.getDeclaringClass().getSimpleName() + "." + where.getName()
                    + " is null; a state variable needs a value");
        }
        if (v instanceof Integer || v instanceof Boolean || v instanceof String) {
            return v;
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v.getClass().isArray()) {
            int n = Array.getLength(v);
            List<Object> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(tla(Array.get(v, i), where));
            }
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object x : l) {
                out.add(tla(x, where));
            }
            return out;
        }
        if (v instanceof Set<?> s) {
            Set<Object> out = new LinkedHashSet<>();
            for (Object x : s) {
                out.add(tla(x, where));
            }
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(tla(e.getKey(), where), tla(e.getValue(), where));
            }
            return out;
        }
        if (v instanceof Record r) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    c.getAccessor().setAccessible(true);
                    out.put(c.getName(), tla(c.getAccessor().invoke(r), where));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return out;
        }
        throw new IllegalStateException(where.getDeclaringClass().getSimpleName() + "." + where.getName() + " holds a "
                + v.getClass().getName() + "; a state holds int, boolean, String, enums, records, arrays and List, Set,"
                + " Map of those");
    }
}
