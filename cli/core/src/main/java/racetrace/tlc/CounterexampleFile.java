package racetrace.tlc;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import racetrace.engine.BadInputException;
import racetrace.engine.Config;
import racetrace.engine.Execution;
import racetrace.engine.Invariant;
import racetrace.engine.Model;
import racetrace.engine.Models;
import racetrace.engine.Op;
import racetrace.engine.Scenario;
import racetrace.engine.Schedule;
import racetrace.engine.Step;
import racetrace.engine.ThreadScript;
import racetrace.search.Case;
import racetrace.search.ScheduleString;
import racetrace.tla.CounterexampleJson;

/**
 * Reads JSON back: a counterexample file written by {@code hunt --tlc} (format {@value
 * CounterexampleJson#FORMAT}), or one JSON line of {@code hunt --json} / {@code tlc --json}
 * (its {@code schedule}). A counterexample is re-run in Java and must give every recorded state
 * and step, so an edited file is refused rather than replayed as another run.
 */
public final class CounterexampleFile {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private CounterexampleFile() {
    }

    /** Whether the text is JSON to this reader: it starts with an object. */
    public static boolean looksLikeOne(String text) {
        return text.stripLeading().startsWith("{");
    }

    /** The JSON document of a file, or a one-line error naming it and where the JSON breaks. */
    static JsonNode parse(ObjectMapper mapper, String name, String text) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr() + " column "
                    + e.getLocation().getColumnNr();
            throw new BadInputException(name + where + ": not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    /**
     * The case a JSON text describes.
     *
     * @param name the file's name, for messages
     */
    public static Case read(String name, String text) {
        long objects = text.lines().filter(l -> l.startsWith("{")).count();
        if (objects > 1) {
            throw new BadInputException(name + " holds " + objects + " JSON lines (as hunt --json prints them); replay "
                    + "reads one: put the line you want in a file of its own, or give its \"schedule\"");
        }
        JsonNode doc = parse(JSON, name, text);
        if (doc == null || !doc.isObject()) {
            throw new BadInputException(name + ": the JSON is not one object");
        }
        JsonNode format = doc.get("format");
        if (format == null) {
            JsonNode schedule = doc.get("schedule");
            if (schedule != null && schedule.isTextual()) {
                try {
                    return ScheduleString.decode(schedule.asText());
                } catch (BadInputException e) {
                    throw new BadInputException(name + ", its \"schedule\": " + e.getMessage());
                }
            }
            throw new BadInputException(name + " is JSON but neither a counterexample (with \"format\": \""
                    + CounterexampleJson.FORMAT + "\", as hunt --tlc writes) nor a hunt or tlc JSON line with a "
                    + "\"schedule\" (a held instance has none)");
        }
        if (!format.isTextual() || !format.asText().equals(CounterexampleJson.FORMAT)) {
            throw new BadInputException(name + " has \"format\": " + abbreviate(format.toString()) + "; this racetrace "
                    + "reads \"" + CounterexampleJson.FORMAT + "\"");
        }
        Boolean intact = intact((ObjectNode) doc);
        try {
            return counterexample(doc, intact);
        } catch (BadInputException e) {
            throw new BadInputException(name + ": " + e.getMessage());
        } catch (ModelChangedException e) {
            throw new ModelChangedException(name + ": " + e.getMessage());
        }
    }

    /**
     * Whether the document matches its check ({@code sha256}), or null when it has none (written by
     * an older racetrace): then an edit cannot be told from a model that changed.
     */
    private static Boolean intact(ObjectNode doc) {
        JsonNode given = doc.get(CounterexampleJson.DIGEST);
        if (given == null) {
            return null;
        }
        ObjectNode rest = doc.deepCopy();
        rest.remove(CounterexampleJson.DIGEST);
        try {
            return given.isTextual() && given.asText().equals(CounterexampleJson.digest(JSON.writeValueAsString(rest)));
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /**
     * An intact counterexample file (its check holds) whose run the model no longer takes: the
     * model changed since the file was written, a disagreement to report (exit 1), not bad input.
     */
    public static final class ModelChangedException extends RuntimeException {
        public ModelChangedException(String message) {
            super(message);
        }
    }

    /** The entries of a JSON object, each value read by {@code read} (which names {@code where.key} in errors). */
    private static <V> Map<String, V> entries(JsonNode object, String where, String should,
            BiFunction<JsonNode, String, V> read) {
        if (!object.isObject()) {
            throw new BadInputException("\"" + where + "\" should be " + should);
        }
        Map<String, V> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), read.apply(e.getValue(), where + "." + e.getKey()));
        }
        return out;
    }

    private static Case counterexample(JsonNode doc, Boolean intact) {
        Map<String, String> options = entries(field(doc, "options", "an object"), "options",
                "an object of option names and values", CounterexampleFile::text);
        Model<?> model = Models.create(text(field(doc, "model", "a string"), "model"),
                text(field(doc, "variant", "a string"), "variant"), options);
        int version = integer(field(doc, "modelVersion", "an integer"), "modelVersion");
        if (version != model.version()) {
            throw new BadInputException("it was made for model version " + version + " of " + model.instance()
                    + "; this racetrace has version " + model.version() + ": re-run the hunt to get a current file");
        }
        JsonNode scenario = field(doc, "scenario", "an object");
        Map<String, Integer> config = entries(field(scenario, "config", "an object"), "scenario.config",
                "an object", CounterexampleFile::integer);
        List<ThreadScript> threads = new ArrayList<>();
        for (JsonNode t : array(field(scenario, "threads", "an array"), "scenario.threads")) {
            List<Op> ops = new ArrayList<>();
            for (JsonNode o : array(field(t, "ops", "an array"), "scenario.threads[].ops")) {
                List<Integer> args = new ArrayList<>();
                for (JsonNode a : array(field(o, "args", "an array"), "ops[].args")) {
                    args.add(integer(a, "ops[].args[]"));
                }
                ops.add(new Op(text(field(o, "name", "a string"), "ops[].name"), args));
            }
            threads.add(new ThreadScript(text(field(t, "actor", "a string"), "scenario.threads[].actor"), ops));
        }
        Scenario s = new Scenario(new Config(config), threads);
        model.space().validate(s);
        List<Integer> choices = new ArrayList<>();
        for (JsonNode c : array(field(doc, "schedule", "an array"), "schedule")) {
            int choice = integer(c, "schedule[]");
            if (choice < 0 || choice >= threads.size()) {
                throw new BadInputException("\"schedule\" names thread " + choice + " (0-based), but the scenario has "
                        + threads.size() + " threads");
            }
            choices.add(choice);
        }
        List<String> checked = new ArrayList<>();
        for (JsonNode i : array(field(doc, "invariants", "an array"), "invariants")) {
            checked.add(text(i, "invariants[]"));
        }
        List<String> all = model.invariants().stream().map(Invariant::name).toList();
        String focus;
        if (checked.equals(all)) {
            focus = null;
        } else if (checked.size() == 1 && all.contains(checked.get(0))) {
            focus = checked.get(0);
        } else {
            throw new BadInputException("\"invariants\" " + checked + " are neither all of " + model.instance() + "'s "
                    + all + " nor one of them");
        }
        Case c = new Case(model, s, Schedule.of(choices), focus);
        if (Boolean.FALSE.equals(intact)) {
            // Checked after the fields, so that a malformed field is named; before the run, so that
            // an edited file is never compared with the model as if it were a finding.
            throw new BadInputException("it was edited after racetrace wrote it: its content no longer matches its "
                    + "\"" + CounterexampleJson.DIGEST + "\"; re-run the command that wrote it");
        }
        sameRun(doc, c.run(), intact);
        return c;
    }

    /** Refuses a file whose states, steps or outcome are not those of the Java run it describes. */
    private static <S> void sameRun(JsonNode doc, Execution<S> ex, Boolean intact) {
        List<JsonNode> states = array(field(doc, "states", "an array"), "states");
        List<JsonNode> actions = array(field(doc, "actions", "an array"), "actions");
        if (states.size() != ex.steps().size() + 1 || actions.size() != ex.steps().size()) {
            throw differs(intact, "it records " + actions.size() + " steps, but its scenario and schedule run "
                    + ex.steps().size() + " steps in Java");
        }
        for (int i = 0; i < states.size(); i++) {
            JsonNode vars = field(states.get(i), "vars", "an object");
            Map<String, Object> java = new LinkedHashMap<>();
            ex.model().variables(ex.stateAt(i)).forEach((k, v) -> java.put(k, CounterexampleJson.value(v)));
            ObjectNode expected = JSON.valueToTree(java);
            if (!expected.equals(vars)) {
                String which = null;
                for (Iterator<String> it = expected.fieldNames(); it.hasNext() && which == null;) {
                    String k = it.next();
                    if (!expected.get(k).equals(vars.get(k))) {
                        which = k;
                    }
                }
                throw differs(intact, "state " + i + " differs from the Java run"
                        + (which == null ? "" : " in variable " + which));
            }
        }
        for (int i = 0; i < actions.size(); i++) {
            Step<S> step = ex.steps().get(i);
            JsonNode a = actions.get(i);
            if (integer(field(a, "thread", "an integer"), "actions[].thread") != step.thread() + 1
                    || !text(field(a, "label", "a string"), "actions[].label").equals(step.label())) {
                throw differs(intact, "step " + (i + 1) + " differs from the Java run (thread "
                        + (step.thread() + 1) + ", " + step.label() + ")");
            }
        }
        JsonNode outcome = field(doc, "outcome", "an object");
        String invariant = ex.outcome().invariantOrNull();
        JsonNode recorded = outcome.get("invariant");
        if ((invariant == null) != (recorded == null || recorded.isNull())
                || (invariant != null && !invariant.equals(recorded.asText()))) {
            throw differs(intact, "its outcome " + abbreviate(outcome.toString()) + " is not the Java run's ("
                    + (invariant == null ? "no violation" : invariant + " violated") + ")");
        }
    }

    /**
     * A file that does not match today's Java run: an intact one says the model changed (it runs
     * otherwise than when the file was written, with the same version()); one without a check
     * cannot tell that from an edit.
     */
    private static RuntimeException differs(Boolean intact, String what) {
        if (Boolean.TRUE.equals(intact)) {
            return new ModelChangedException(what + ", and the file is intact (its \"" + CounterexampleJson.DIGEST
                    + "\" holds): the model runs otherwise than when the file was written (if you changed its steps "
                    + "on purpose, bump its version())");
        }
        return new BadInputException(what + ": the file was edited, or made by another model version (it has no \""
                + CounterexampleJson.DIGEST + "\" to tell which)");
    }

    private static JsonNode field(JsonNode parent, String name, String what) {
        JsonNode n = parent == null || !parent.isObject() ? null : parent.get(name);
        if (n == null || n.isNull()) {
            throw new BadInputException("it lacks \"" + name + "\" (" + what + ")");
        }
        return n;
    }

    private static String text(JsonNode n, String where) {
        if (!n.isTextual()) {
            throw new BadInputException("\"" + where + "\" should be a string, not " + abbreviate(n.toString()));
        }
        return n.asText();
    }

    private static int integer(JsonNode n, String where) {
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new BadInputException("\"" + where + "\" should be an integer, not " + abbreviate(n.toString()));
        }
        return n.asInt();
    }

    private static List<JsonNode> array(JsonNode n, String where) {
        if (!n.isArray()) {
            throw new BadInputException("\"" + where + "\" should be an array, not " + abbreviate(n.toString()));
        }
        List<JsonNode> out = new ArrayList<>();
        n.forEach(out::add);
        return out;
    }

    private static String abbreviate(String s) {
        String shown = s.replaceAll("[^\\x20-\\x7e]", "?");
        return shown.length() <= 40 ? shown : shown.substring(0, 37) + "...";
    }
}
