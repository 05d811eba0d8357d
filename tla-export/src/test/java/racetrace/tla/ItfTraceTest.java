package racetrace.tla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import racetrace.engine.Config;
import racetrace.engine.Execution;
import racetrace.engine.LostIncrementModel;
import racetrace.engine.Op;
import racetrace.engine.Scenario;
import racetrace.engine.Schedule;
import racetrace.engine.ThreadScript;

/**
 * The ITF racetrace writes, checked against the format's published description (Apalache ADR-015,
 * "Informal Trace Format in JSON", https://apalache-mc.org/docs/adr/015adr-trace.html, revised
 * 2023-09-14) by {@link #checkItf}, and read back to the same values.
 */
public class ItfTraceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The rules of ADR-015 an ITF document must keep: a trace object with an optional object
     * {@code #meta}, an optional array of names {@code params}, an array of names {@code vars}, an
     * array {@code states} and an optional integer {@code loop}, nothing else; each state an object
     * with an optional object {@code #meta} and a value for every variable (the first state also
     * for every parameter), nothing else; each value an expression of the description. Returns the
     * number of states.
     */
    public static int checkItf(JsonNode doc) {
        assertThat(doc.isObject()).as("a trace is a JSON object").isTrue();
        doc.fieldNames().forEachRemaining(k -> assertThat(k).as("a trace's keys")
                .isIn("#meta", "params", "vars", "states", "loop"));
        if (doc.has("#meta")) {
            assertThat(doc.get("#meta").isObject()).as("#meta is an object").isTrue();
        }
        List<String> params = names(doc.get("params"), "params", true);
        List<String> vars = names(doc.get("vars"), "vars", false);
        JsonNode states = doc.get("states");
        assertThat(states != null && states.isArray()).as("states is an array").isTrue();
        if (doc.has("loop")) {
            assertThat(doc.get("loop").canConvertToInt()).as("loop is an integer").isTrue();
        }
        for (int i = 0; i < states.size(); i++) {
            JsonNode st = states.get(i);
            assertThat(st.isObject()).as("state %d is an object", i).isTrue();
            Set<String> allowed = new LinkedHashSet<>(vars);
            allowed.add("#meta");
            if (i == 0) {
                allowed.addAll(params);
                for (String p : params) {
                    assertThat(st.has(p)).as("the first state sets parameter %s", p).isTrue();
                }
            }
            int index = i;
            st.fieldNames().forEachRemaining(k -> assertThat(allowed).as("keys of state %d", index).contains(k));
            if (st.has("#meta")) {
                assertThat(st.get("#meta").isObject()).as("a state's #meta is an object").isTrue();
            }
            for (String v : vars) {
                assertThat(st.has(v)).as("state %d sets %s", i, v).isTrue();
                checkExpression(st.get(v), "states[" + i + "]." + v);
            }
        }
        return states.size();
    }

    private static List<String> names(JsonNode n, String what, boolean optional) {
        if (n == null && optional) {
            return List.of();
        }
        assertThat(n != null && n.isArray()).as("%s is an array", what).isTrue();
        List<String> out = new ArrayList<>();
        n.forEach(e -> {
            assertThat(e.isTextual()).as("%s holds strings", what).isTrue();
            out.add(e.asText());
        });
        return out;
    }

    /** An expression: string, boolean, integer (racetrace writes every one as #bigint), list, record, #tup, #set, #map. */
    static void checkExpression(JsonNode n, String where) {
        if (n.isTextual() || n.isBoolean()) {
            return;
        }
        assertThat(n.isNumber()).as("%s: racetrace writes integers as {\"#bigint\": ...} (the 2023 revision)", where)
                .isFalse();
        if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                checkExpression(n.get(i), where + "[" + i + "]");
            }
            return;
        }
        assertThat(n.isObject()).as("%s is an expression", where).isTrue();
        if (n.has("#bigint")) {
            assertThat(n.size()).as(where).isEqualTo(1);
            assertThat(n.get("#bigint").asText()).as(where).matches("-?[0-9]+");
        } else if (n.has("#set") || n.has("#tup")) {
            assertThat(n.size()).as(where).isEqualTo(1);
            JsonNode body = n.has("#set") ? n.get("#set") : n.get("#tup");
            assertThat(body.isArray()).as(where).isTrue();
            body.forEach(e -> checkExpression(e, where + ".#set"));
        } else if (n.has("#map")) {
            assertThat(n.size()).as(where).isEqualTo(1);
            assertThat(n.get("#map").isArray()).as(where).isTrue();
            n.get("#map").forEach(pair -> {
                assertThat(pair.isArray() && pair.size() == 2).as("%s: a map holds [key, value] pairs", where).isTrue();
                checkExpression(pair.get(0), where + ".#map key");
                checkExpression(pair.get(1), where + ".#map value");
            });
        } else {
            n.fieldNames().forEachRemaining(k -> assertThat(k).as("%s: record field names do not start with #", where)
                    .doesNotStartWith("#"));
            n.fields().forEachRemaining(e -> checkExpression(e.getValue(), where + "." + e.getKey()));
        }
    }

    @Test
    void valuesAreEncodedAsTheDescriptionSays() throws Exception {
        Map<Object, Object> function = new LinkedHashMap<>();
        function.put(2, "b");
        function.put(1, "a");
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("victim", "virq_disabled");
        record.put("by", "bardirty");
        Object v = List.of(7, true, "s", new LinkedHashSet<>(List.of(3, 1)), function, record,
                new BigInteger("123456789012345678901234567890"), Map.of(), List.of());
        String json = JSON.writeValueAsString(ItfTrace.value(v));
        assertThat(json).isEqualTo("[{\"#bigint\":\"7\"},true,\"s\",{\"#set\":[{\"#bigint\":\"1\"},{\"#bigint\":\"3\"}]},"
                + "{\"#map\":[[{\"#bigint\":\"1\"},\"a\"],[{\"#bigint\":\"2\"},\"b\"]]},"
                + "{\"victim\":\"virq_disabled\",\"by\":\"bardirty\"},{\"#bigint\":\"123456789012345678901234567890\"},"
                + "{\"#map\":[]},[]]");
        checkExpression(JSON.readTree(json), "v");
        Object back = ItfTrace.parse(JSON.readTree(json), "v");
        assertThat(TlaValues.same(back, v)).isTrue();
    }

    @Test
    void plainJsonIntegersTuplesAndOneFieldRecordsAreReadToo() throws Exception {
        Object back = ItfTrace.parse(JSON.readTree("[1, {\"#tup\": [2, \"x\"]}, {\"f\": 3}]"), "v");
        assertThat(TlaValues.same(back, List.of(1, List.of(2, "x"), Map.of("f", 3)))).isTrue();
        assertThatThrownBy(() -> ItfTrace.parse(JSON.readTree("{\"#unserializable\": \"x\"}"), "here"))
                .hasMessageContaining("here is #unserializable");
        assertThatThrownBy(() -> ItfTrace.parse(JSON.readTree("{\"#bigint\": \"1e3\"}"), "here"))
                .hasMessageContaining("here: #bigint");
        assertThatThrownBy(() -> ItfTrace.parse(JSON.readTree("{\"#set\": 3}"), "here"))
                .hasMessageContaining("#set should hold an array");
    }

    @Test
    void aTraceHasMetaParamsVarsAndAStatePerStepAndReadsBackToTheSameStates() throws Exception {
        LostIncrementModel m = new LostIncrementModel(false);
        Scenario s = new Scenario(new Config(Map.of("start", 1)), List.of(
                new ThreadScript("cpu", List.of(Op.of("inc"))), new ThreadScript("cpu", List.of(Op.of("inc")))));
        Execution<LostIncrementModel.State> ex = Execution.run(m, s, Schedule.of(List.of(0, 1, 1, 0)));
        String text = ItfTrace.write(ex, "rt2:some-scenario", "NoLostIncrement");
        JsonNode doc = JSON.readTree(text);
        assertThat(checkItf(doc)).isEqualTo(5);
        assertThat(doc.get("#meta").get("format").asText()).isEqualTo("ITF");
        assertThat(doc.get("#meta").get("racetrace").get("invariant").asText()).isEqualTo("NoLostIncrement");
        assertThat(doc.get("vars").toString()).isEqualTo("[\"counter\",\"pc\",\"reg\",\"lock\",\"opi\",\"done\"]");
        for (int i = 0; i < 5; i++) {
            JsonNode st = doc.get("states").get(i);
            assertThat(st.get("#meta").get("index").asInt()).isEqualTo(i);
            for (Map.Entry<String, Object> v : m.variables(ex.stateAt(i)).entrySet()) {
                assertThat(TlaValues.same(ItfTrace.parse(st.get(v.getKey()), v.getKey()), v.getValue()))
                        .as("state %d %s", i, v.getKey()).isTrue();
            }
        }
        assertThat(doc.get("states").get(4).get("#meta").get("action").asText()).isEqualTo("store");
        assertThat(ItfTrace.write(ex, "rt2:some-scenario", "NoLostIncrement")).isEqualTo(text);
    }
}
