package racetrace.tla;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import racetrace.engine.Execution;
import racetrace.engine.Model;
import racetrace.engine.Step;

/**
 * A Java execution in the Informal Trace Format (ITF) that Apalache and Quint read, as its
 * published description (Apalache ADR-015, revised 2023-09-14) states it: an object with {@code
 * #meta}, {@code params} (the spec's CONSTANTS, set in the first state), {@code vars} (the spec's
 * variables, set in every state) and {@code states}, each state an object with its own {@code
 * #meta} and one value per variable. Values: integers as {@code {"#bigint": "n"}}, booleans and
 * strings as themselves, sequences as arrays, records as objects, sets as {@code {"#set": [...]}},
 * functions as {@code {"#map": [[key, value], ...]}}; set elements and map keys in {@link
 * TlaValues#ORDER}, so the same run gives the same bytes.
 *
 * <p>racetrace's own {@code #meta.racetrace} says which instance, scenario and invariant the trace
 * belongs to, so that {@code racetrace replay} can read it back.
 */
public final class ItfTrace {

    public static final String FILE = "trace.itf.json";
    public static final String FORMAT_DESCRIPTION = "https://apalache-mc.org/docs/adr/015adr-trace.html";
    /** The format of racetrace's own part of {@code #meta}. */
    public static final String RACETRACE_FORMAT = "racetrace-itf/1";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ItfTrace() {
    }

    /**
     * The execution as an ITF document.
     *
     * @param scenario a schedule string that names the instance and scenario (its choices are not
     *     used: the states say which thread took each step)
     * @param invariant the invariant the run violates after its last state, or null
     */
    public static <S> String write(Execution<S> ex, String scenario, String invariant) {
        Model<S> model = ex.model();
        Map<String, Object> doc = new LinkedHashMap<>();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("format", "ITF");
        meta.put("format-description", FORMAT_DESCRIPTION);
        meta.put("source", model.tlaModule() == null ? model.instance().toString() : model.tlaModule() + ".tla");
        meta.put("description", "racetrace counterexample of " + model.instance() + ": "
                + (invariant == null ? "no invariant violated" : invariant + " violated after the last state"));
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("format", RACETRACE_FORMAT);
        own.put("instance", model.instance().toString());
        own.put("modelVersion", model.version());
        own.put("scenario", scenario);
        own.put("invariant", invariant);
        own.put("steps", ex.steps().size());
        meta.put("racetrace", own);
        doc.put("#meta", meta);
        Map<String, Object> constants = model.tlaConstants(ex.scenario());
        doc.put("params", new ArrayList<>(constants.keySet()));
        Map<String, Object> first = model.variables(ex.initial());
        doc.put("vars", new ArrayList<>(first.keySet()));
        List<Object> states = new ArrayList<>();
        for (int i = 0; i <= ex.steps().size(); i++) {
            Map<String, Object> st = new LinkedHashMap<>();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", i);
            if (i > 0) {
                Step<S> step = ex.steps().get(i - 1);
                m.put("action", step.label());
                m.put("thread", step.thread() + 1);
            }
            st.put("#meta", m);
            if (i == 0) {
                constants.forEach((k, v) -> st.put(k, value(v)));
            }
            model.variables(ex.stateAt(i)).forEach((k, v) -> st.put(k, value(v)));
            states.add(st);
        }
        doc.put("states", states);
        // one line per state: readable, diffable, and a fifth of the size of JSON indented throughout
        StringBuilder b = new StringBuilder("{\n");
        int k = 0;
        for (Map.Entry<String, Object> e : doc.entrySet()) {
            b.append("  ").append(compact(e.getKey())).append(": ");
            if (e.getKey().equals("states")) {
                b.append("[\n");
                for (int i = 0; i < states.size(); i++) {
                    b.append("    ").append(compact(states.get(i))).append(i + 1 < states.size() ? ",\n" : "\n");
                }
                b.append("  ]");
            } else {
                b.append(compact(e.getValue()));
            }
            b.append(++k < doc.size() ? ",\n" : "\n");
        }
        return b.append("}\n").toString();
    }

    private static String compact(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new TlaExportException("cannot write the trace as ITF: " + e.getOriginalMessage(), e);
        }
    }

    /** The tags of a set's and a function's object. */
    private static final String SET = "#set";
    private static final String MAP = "#map";

    /** A TLA+ value as an ITF expression (a tree of Maps, Lists, Strings and Booleans). */
    public static Object value(Object v) {
        if (v instanceof Boolean || v instanceof String) {
            return v;
        }
        if (TlaValues.isIntegral(v)) {
            return Map.of("#bigint", v.toString());
        }
        Object collection = TlaValues.collection(v, ItfTrace::value, SET, MAP);
        if (collection != null) {
            return collection;
        }
        if (v instanceof TlaModelValue mv) {
            return Map.of("#unserializable", mv.name());
        }
        if (v instanceof Map<?, ?> m) {
            boolean record = !m.isEmpty() && m.keySet().stream().allMatch(k -> k instanceof String s
                    && !s.isEmpty() && !s.startsWith("#") && Character.isLetter(s.charAt(0)));
            if (record) {
                Map<String, Object> out = new LinkedHashMap<>();
                m.forEach((k, x) -> out.put((String) k, value(x)));
                return out;
            }
            return map(m);
        }
        throw new TlaExportException("cannot write " + (v == null ? "null" : v.getClass().getName() + " value " + v)
                + " as ITF");
    }

    private static Object map(Map<?, ?> m) {
        return Map.of(MAP, TlaValues.pairs(m, ItfTrace::value));
    }

    /**
     * An ITF expression as a TLA+ value (Long or BigInteger, Boolean, String, List, Set, Map): the
     * forms of the published description, plain JSON integers included.
     *
     * @param where where in the document it is, for messages
     * @throws IllegalArgumentException naming {@code where} for anything else
     */
    public static Object parse(JsonNode n, String where) {
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isIntegralNumber()) {
            return n.bigIntegerValue().bitLength() <= 63 ? (Object) n.longValue() : n.bigIntegerValue();
        }
        if (n.isArray()) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < n.size(); i++) {
                out.add(parse(n.get(i), where + "[" + i + "]"));
            }
            return out;
        }
        if (!n.isObject()) {
            throw new IllegalArgumentException(where + " is " + n.getNodeType().name().toLowerCase()
                    + ", which is no ITF value");
        }
        if (n.size() == 1) {
            String key = n.fieldNames().next();
            JsonNode body = n.get(key);
            switch (key) {
                case "#bigint" -> {
                    if (!body.isTextual() || !body.textValue().matches("-?[0-9]+")) {
                        throw new IllegalArgumentException(where + ": #bigint should be a string of digits");
                    }
                    BigInteger b = new BigInteger(body.textValue());
                    return b.bitLength() <= 63 ? (Object) b.longValue() : b;
                }
                case "#set", "#tup" -> {
                    if (!body.isArray()) {
                        throw new IllegalArgumentException(where + ": " + key + " should hold an array");
                    }
                    List<Object> elems = new ArrayList<>();
                    for (int i = 0; i < body.size(); i++) {
                        elems.add(parse(body.get(i), where + "." + key + "[" + i + "]"));
                    }
                    return key.equals("#set") ? new LinkedHashSet<>(elems) : elems;
                }
                case "#map" -> {
                    if (!body.isArray()) {
                        throw new IllegalArgumentException(where + ": #map should hold an array of pairs");
                    }
                    Map<Object, Object> out = new LinkedHashMap<>();
                    for (int i = 0; i < body.size(); i++) {
                        JsonNode pair = body.get(i);
                        if (!pair.isArray() || pair.size() != 2) {
                            throw new IllegalArgumentException(where + ".#map[" + i + "] should be a [key, value] pair");
                        }
                        out.put(parse(pair.get(0), where + ".#map[" + i + "][0]"),
                                parse(pair.get(1), where + ".#map[" + i + "][1]"));
                    }
                    return new TlaFunction(out);
                }
                case "#unserializable" -> throw new IllegalArgumentException(where + " is #unserializable: the tool "
                        + "that wrote it could not say its value");
                default -> {
                    // a record of one field
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith("#")) {
                throw new IllegalArgumentException(where + " has the key " + e.getKey() + ", which no ITF value has");
            }
            out.put(e.getKey(), parse(e.getValue(), where + "." + e.getKey()));
        }
        return out;
    }
}
