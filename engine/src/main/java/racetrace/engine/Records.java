package racetrace.engine;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/** Records as the ordered maps that JSON and templates are written from. */
public final class Records {

    private Records() {
    }

    /**
     * A record's components by name, in declaration order: the JSON object of a record whose
     * components are exactly its fields (a {@link Measure}, an assumption a counterexample depends on).
     */
    public static Map<String, Object> components(Record r) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            try {
                c.getAccessor().setAccessible(true);
                out.put(c.getName(), c.getAccessor().invoke(r));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read component " + c.getName() + " of " + r, e);
            }
        }
        return out;
    }
}
