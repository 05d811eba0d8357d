package racetrace.tla;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import racetrace.engine.Execution;
import racetrace.engine.Model;
import racetrace.engine.Op;
import racetrace.engine.Outcome;
import racetrace.engine.Step;
import racetrace.engine.ThreadScript;

/**
 * A Java execution as JSON (format {@value #FORMAT}), for other tools: model, variant, options,
 * TLA+ module and constants, scenario, schedule, outcome, measure, every state with all its
 * variables, and every step with its thread (1-based, as in TLA+) and label.
 *
 * <p>TLA+ values map to JSON as: integers, booleans, strings as themselves; sequences as arrays;
 * records as objects; sets as {@code {"$set": [...]}} (sorted); functions with non-String
 * arguments as {@code {"$fn": [[arg, value], ...]}} (sorted by argument).
 *
 * <p>The last key, {@code sha256}, is a check over the rest ({@link #digest}): a reader tells an
 * edited file (the check fails) from an intact one whose run the model no longer takes (the model
 * changed since the file was written).
 */
public final class CounterexampleJson {

    public static final String FORMAT = "racetrace-trace/1";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper COMPACT = new ObjectMapper();

    /** The key of the check over every other key. */
    public static final String DIGEST = "sha256";

    /**
     * The check of a document: the first 16 hex digits of the SHA-256 of its compact JSON text
     * (keys in their order, no whitespace) without the {@value #DIGEST} key. A reader recomputes it
     * from the parsed document, so whitespace and line ends do not matter.
     */
    public static String digest(String compactJsonWithoutDigest) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(compactJsonWithoutDigest.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private CounterexampleJson() {
    }

    /** The execution as a JSON document. */
    public static <S> String toJson(Execution<S> ex) {
        return toJson(ex, null);
    }

    /**
     * The execution as a JSON document, with the assumptions its violation rests on (key {@code
     * assumptions}: objects with option, value, meaning, why; left out when null).
     */
    public static <S> String toJson(Execution<S> ex, List<Map<String, Object>> assumptions) {
        Model<S> model = ex.model();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("model", model.instance().model());
        doc.put("variant", model.instance().variant());
        doc.put("options", new LinkedHashMap<>(model.instance().options()));
        if (assumptions != null) {
            doc.put("assumptions", assumptions);
        }
        doc.put("modelVersion", model.version());
        doc.put("tlaModule", model.tlaModule());
        Map<String, Object> constants = new LinkedHashMap<>();
        model.tlaConstants(ex.scenario()).forEach((k, v) -> constants.put(k, value(v)));
        doc.put("constants", constants);
        Map<String, Object> scenario = new LinkedHashMap<>();
        scenario.put("config", new LinkedHashMap<>(ex.scenario().config().values()));
        List<Object> threads = new ArrayList<>();
        for (int t = 0; t < ex.scenario().threadCount(); t++) {
            ThreadScript script = ex.scenario().threads().get(t);
            Map<String, Object> th = new LinkedHashMap<>();
            th.put("thread", t + 1);
            th.put("name", model.threadName(ex.scenario(), t));
            th.put("actor", script.actor());
            List<Object> ops = new ArrayList<>();
            for (Op op : script.ops()) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("name", op.name());
                o.put("args", op.args());
                ops.add(o);
            }
            th.put("ops", ops);
            threads.add(th);
        }
        scenario.put("threads", threads);
        doc.put("scenario", scenario);
        doc.put("schedule", ex.schedule().toList());
        doc.put("executed", ex.executed().toList());
        doc.put("outcome", outcome(ex.outcome()));
        doc.put("measure", ex.measure().json());
        doc.put("invariants", model.invariants().stream().map(i -> i.name()).toList());
        List<Object> states = new ArrayList<>();
        for (int i = 0; i <= ex.steps().size(); i++) {
            Map<String, Object> st = new LinkedHashMap<>();
            st.put("index", i);
            Map<String, Object> vars = new LinkedHashMap<>();
            model.variables(ex.stateAt(i)).forEach((k, v) -> vars.put(k, value(v)));
            st.put("vars", vars);
            states.add(st);
        }
        doc.put("states", states);
        List<Object> actions = new ArrayList<>();
        for (Step<S> s : ex.steps()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("step", s.index());
            a.put("thread", s.thread() + 1);
            a.put("threadName", model.threadName(ex.scenario(), s.thread()));
            a.put("label", s.label());
            if (s.notice() != null) {
                a.put("notice", s.notice());
            }
            actions.add(a);
        }
        doc.put("actions", actions);
        try {
            doc.put(DIGEST, digest(COMPACT.writeValueAsString(doc)));
            return MAPPER.writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new TlaExportException("cannot write the trace as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Map<String, Object> outcome(Outcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (o instanceof Outcome.Violated v) {
            m.put("kind", "violated");
            m.put("invariant", v.invariant());
        } else if (o instanceof Outcome.Completed) {
            m.put("kind", "completed");
        } else if (o instanceof Outcome.Deadlock d) {
            m.put("kind", "deadlock");
            m.put("blocked", d.blocked().stream().map(t -> t + 1).toList());
        } else {
            m.put("kind", "stepLimit");
        }
        m.put("steps", o.steps());
        return m;
    }

    /** The tags of a set's and a function's object. */
    private static final String SET = "$set";
    private static final String FUNCTION = "$fn";

    /** A TLA+ value as a JSON-ready Java value (see the class comment). */
    public static Object value(Object v) {
        if (v == null || v instanceof Boolean || v instanceof String || v instanceof Integer || v instanceof Long
                || v instanceof BigInteger) {
            return v;
        }
        if (v instanceof Short || v instanceof Byte) {
            return ((Number) v).intValue();
        }
        if (v instanceof TlaModelValue mv) {
            return Map.of("$modelValue", mv.name());
        }
        Object collection = TlaValues.collection(v, CounterexampleJson::value, SET, FUNCTION);
        if (collection != null) {
            return collection;
        }
        if (v instanceof Record r) {
            Map<String, Object> out = new LinkedHashMap<>();
            TlaValues.components(r).forEach((name, x) -> out.put(name, value(x)));
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            if (!m.isEmpty() && m.keySet().stream().allMatch(k -> k instanceof String)) {
                List<Object> keys = new ArrayList<>(m.keySet());
                if (!(m instanceof LinkedHashMap<?, ?>) && !(m instanceof SortedMap<?, ?>)) {
                    keys.sort(TlaValues.ORDER);
                }
                Map<String, Object> out = new LinkedHashMap<>();
                keys.forEach(k -> out.put((String) k, value(m.get(k))));
                return out;
            }
            return function(m);
        }
        throw new TlaExportException("cannot write " + v.getClass().getName() + " value " + v + " as JSON");
    }

    private static Object function(Map<?, ?> m) {
        return Map.of(FUNCTION, TlaValues.pairs(m, CounterexampleJson::value));
    }
}
