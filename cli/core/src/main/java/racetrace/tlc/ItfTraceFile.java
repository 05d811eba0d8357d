package racetrace.tlc;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import racetrace.engine.BadInputException;
import racetrace.engine.Execution;
import racetrace.engine.FocusedModel;
import racetrace.engine.Model;
import racetrace.engine.Outcome;
import racetrace.search.Case;
import racetrace.search.ScheduleString;
import racetrace.tla.CounterexampleImporter;
import racetrace.tla.ImportedTrace;
import racetrace.tla.ItfTrace;
import racetrace.tla.TlaValues;
import racetrace.tla.TraceImportException;

/**
 * Reads an ITF trace ({@code trace.itf.json}, {@link ItfTrace}) back into a Java case, as {@link
 * TlcTraceFile} reads TLC's: the instance and scenario from racetrace's {@code #meta}, the
 * schedule from the states themselves (the thread whose Java step gives each next state), and a
 * check that the Java run violates the recorded invariant right after the last state. A file whose
 * states no Java run gives (edited, or made by another version of the model) is refused with the
 * first state that differs.
 */
public final class ItfTraceFile {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private ItfTraceFile() {
    }

    /** Whether a text is an ITF document: a JSON object with {@code vars} and {@code states}. */
    public static boolean looksLikeOne(String text) {
        String t = text.stripLeading();
        return t.startsWith("{") && t.contains("\"states\"") && t.contains("\"vars\"")
                && (t.contains("\"#meta\"") || t.contains("\"#bigint\""));
    }

    /**
     * The case an ITF text describes.
     *
     * @param name the file's name, for messages
     */
    public static Case read(String name, String text) {
        JsonNode doc = CounterexampleFile.parse(JSON, name, text);
        try {
            return read(doc);
        } catch (BadInputException e) {
            throw new BadInputException(name + ": " + e.getMessage());
        }
    }

    private static Case read(JsonNode doc) {
        if (doc == null || !doc.isObject()) {
            throw new BadInputException("the ITF trace is not one JSON object");
        }
        JsonNode own = doc.path("#meta").path("racetrace");
        if (!own.isObject()) {
            throw new BadInputException("an ITF trace without racetrace's \"#meta\".\"racetrace\" (the instance and "
                    + "scenario it belongs to); replay reads the ITF traces racetrace writes (trace.itf.json of a "
                    + "bundle)");
        }
        if (!ItfTrace.RACETRACE_FORMAT.equals(own.path("format").asText(null))) {
            throw new BadInputException("its \"#meta\".\"racetrace\".\"format\" is " + own.path("format")
                    + "; this racetrace reads \"" + ItfTrace.RACETRACE_FORMAT + "\"");
        }
        Case scenario;
        try {
            scenario = ScheduleString.decode(text(own, "scenario"));
        } catch (BadInputException e) {
            throw new BadInputException("its \"#meta\".\"racetrace\".\"scenario\": " + e.getMessage());
        }
        JsonNode inv = own.get("invariant");
        String invariant = inv == null || inv.isNull() ? null : inv.asText();
        List<String> vars = strings(doc.get("vars"), "vars");
        List<String> params = doc.has("params") ? strings(doc.get("params"), "params") : List.of();
        JsonNode statesNode = doc.get("states");
        if (statesNode == null || !statesNode.isArray() || statesNode.isEmpty()) {
            throw new BadInputException("\"states\" should be a non-empty array of states");
        }
        if (own.has("steps") && own.get("steps").asInt(-1) != statesNode.size() - 1) {
            throw new BadInputException("it has " + statesNode.size() + " states, but its \"#meta\" says "
                    + own.get("steps") + " steps: the file is cut short or edited");
        }
        Model<?> model = scenario.model();
        List<Map<String, Object>> states = new ArrayList<>();
        for (int i = 0; i < statesNode.size(); i++) {
            JsonNode st = statesNode.get(i);
            if (!st.isObject()) {
                throw new BadInputException("states[" + i + "] is not an object");
            }
            Set<String> allowed = new LinkedHashSet<>(vars);
            allowed.add("#meta");
            if (i == 0) {
                allowed.addAll(params);
            }
            for (Iterator<String> it = st.fieldNames(); it.hasNext();) {
                String k = it.next();
                if (!allowed.contains(k)) {
                    throw new BadInputException("states[" + i + "] has \"" + k + "\", which is neither in \"vars\""
                            + (i == 0 ? " nor in \"params\"" : ""));
                }
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (String v : vars) {
                JsonNode value = st.get(v);
                if (value == null) {
                    throw new BadInputException("states[" + i + "] lacks the variable " + v + " (every state sets "
                            + "every variable of \"vars\")");
                }
                values.put(v, parse(value, "states[" + i + "]." + v));
            }
            states.add(values);
            if (i == 0) {
                checkParams(model, scenario, st, params);
            }
        }
        Model<?> focused = invariant == null ? model : FocusedModel.of(model, invariant);
        ImportedTrace<?> t;
        try {
            t = CounterexampleImporter.replay(focused, scenario.scenario(), states);
        } catch (TraceImportException e) {
            throw new BadInputException("its states are not a run of " + model.instance() + " (state " + e.step()
                    + ": " + e.getMessage() + "); the file was edited, or made by another version of the model");
        } catch (IllegalArgumentException e) {
            throw new BadInputException("its states are not a run of " + model.instance() + ": " + e.getMessage());
        }
        Case c = new Case(model, scenario.scenario(), t.schedule(), invariant);
        if (invariant != null) {
            Execution<?> ex = c.run();
            int steps = states.size() - 1;
            if (!(ex.outcome() instanceof Outcome.Violated v) || !v.invariant().equals(invariant) || v.steps() != steps) {
                throw new BadInputException("it says " + invariant + " is violated after step " + steps
                        + ", but the Java run of the same steps ends " + describe(ex.outcome()));
            }
        }
        return c;
    }

    /** The constants the first state sets are the scenario's: else the file belongs to another scenario. */
    private static void checkParams(Model<?> model, Case scenario, JsonNode first, List<String> params) {
        Map<String, Object> constants = model.tlaConstants(scenario.scenario());
        for (String p : params) {
            JsonNode v = first.get(p);
            if (v == null) {
                throw new BadInputException("the first state lacks the parameter " + p + " (\"params\" must be set in "
                        + "the first state)");
            }
            if (constants.containsKey(p) && !TlaValues.same(constants.get(p), parse(v, "states[0]." + p))) {
                throw new BadInputException("the first state's parameter " + p + " is not the constant of the "
                        + "scenario in \"#meta\": the file was edited");
            }
        }
    }

    private static Object parse(JsonNode n, String where) {
        try {
            return ItfTrace.parse(n, where);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    private static List<String> strings(JsonNode n, String where) {
        if (n == null || !n.isArray()) {
            throw new BadInputException("\"" + where + "\" should be an array of names");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : n) {
            if (!e.isTextual()) {
                throw new BadInputException("\"" + where + "\" should hold names only, not " + e);
            }
            out.add(e.asText());
        }
        return out;
    }

    private static String text(JsonNode parent, String key) {
        JsonNode n = parent.get(key);
        if (n == null || !n.isTextual()) {
            throw new BadInputException("its \"#meta\".\"racetrace\" lacks \"" + key + "\" (a string)");
        }
        return n.asText();
    }

    private static String describe(Outcome o) {
        return o instanceof Outcome.Violated v ? "with " + v.invariant() + " violated after step " + v.steps()
                : o.getClass().getSimpleName().toLowerCase() + " after step " + o.steps();
    }
}
