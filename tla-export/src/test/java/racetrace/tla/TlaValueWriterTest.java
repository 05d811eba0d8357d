package racetrace.tla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TlaValueWriterTest {

    private final TlaValueWriter w = TlaValueWriter.standard();

    @Test
    void integersIncludingNegativeAndLong() {
        assertThat(w.write(42)).isEqualTo("42");
        assertThat(w.write(-3)).isEqualTo("-3");
        assertThat(w.write(7L)).isEqualTo("7");
        assertThat(w.write((short) 2)).isEqualTo("2");
        assertThat(w.write(BigInteger.valueOf(-9))).isEqualTo("-9");
        assertThat(w.write(List.of(-1, 2))).isEqualTo("<<-1, 2>>");
    }

    @Test
    void negativeNumbersAreParenthesisedInFunctions() {
        assertThat(w.write(Map.of(-1, -2))).isEqualTo("((-1) :> (-2))");
    }

    @Test
    void integersOutsideTlcRangeAreRefused() {
        assertThatThrownBy(() -> w.write(List.of(1L << 31), "x"))
                .isInstanceOf(TlaExportException.class)
                .hasMessageContaining("x[1]").hasMessageContaining("2147483648");
    }

    @Test
    void booleans() {
        assertThat(w.write(true)).isEqualTo("TRUE");
        assertThat(w.write(false)).isEqualTo("FALSE");
    }

    @Test
    void stringsAreEscaped() {
        assertThat(w.write("plain")).isEqualTo("\"plain\"");
        assertThat(w.write("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(w.write("t\tn\nr\rf\f")).isEqualTo("\"t\\tn\\nr\\rf\\f\"");
        assertThat(w.write("")).isEqualTo("\"\"");
    }

    @Test
    void nonAsciiAndControlCharactersAreRefusedWithTheirPath() {
        assertThatThrownBy(() -> w.write(Map.of("name", "caf\u00e9"), "state 2"))
                .isInstanceOf(TlaExportException.class)
                .hasMessageContaining("state 2.name").hasMessageContaining("U+00E9");
        assertThatThrownBy(() -> w.write("bell\u0007"))
                .isInstanceOf(TlaExportException.class).hasMessageContaining("U+0007");
    }

    @Test
    void sequencesAndNesting() {
        assertThat(w.write(List.of())).isEqualTo("<<>>");
        assertThat(w.write(List.of(List.of(1), List.of()))).isEqualTo("<<<<1>>, <<>>>>");
    }

    @Test
    void setsAreSortedWhateverTheirIterationOrder() {
        Set<Object> a = new LinkedHashSet<>(List.of(3, -1, 10, 2));
        Set<Object> b = new HashSet<>(List.of(10, 2, 3, -1));
        assertThat(w.write(a)).isEqualTo("{-1, 2, 3, 10}").isEqualTo(w.write(b));
        assertThat(w.write(Set.of())).isEqualTo("{}");
        assertThat(w.write(Set.of("b", "a"))).isEqualTo("{\"a\", \"b\"}");
        assertThat(w.write(Set.of(List.of(2), List.of(1, 2)))).isEqualTo("{<<1, 2>>, <<2>>}");
    }

    @Test
    void stringKeyedMapsAreRecordsKeepingOrderedMapsOrder() {
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("b", 1);
        ordered.put("a", List.of(true));
        assertThat(w.write(ordered)).isEqualTo("[b |-> 1, a |-> <<TRUE>>]");
        Map<String, Object> unordered = new HashMap<>(ordered);
        assertThat(w.write(unordered)).isEqualTo("[a |-> <<TRUE>>, b |-> 1]");
        assertThat(w.write(new TreeMap<>(ordered))).isEqualTo("[a |-> <<TRUE>>, b |-> 1]");
    }

    @Test
    void otherMapsAreFunctionsSortedByArgument() {
        Map<Object, Object> f = new LinkedHashMap<>();
        f.put(5, "x");
        f.put(2, List.of());
        assertThat(w.write(f)).isEqualTo("(2 :> <<>> @@ 5 :> \"x\")");
        assertThat(w.write(Map.of())).isEqualTo("<<>>");
        assertThat(w.functionStyle(TlaValueWriter.FunctionStyle.CASE_COMPREHENSION).write(f))
                .isEqualTo("[rt_k \\in {2, 5} |-> CASE rt_k = 2 -> <<>> [] rt_k = 5 -> \"x\"]");
        assertThat(w.write(new TlaFunction(Map.of("b c", 1)))).isEqualTo("(\"b c\" :> 1)");
    }

    record Port(int id, boolean linked) {
    }

    @Test
    void javaRecordsAreRecordsWhenEnabled() {
        assertThat(w.write(new Port(2, true))).isEqualTo("[id |-> 2, linked |-> TRUE]");
        assertThatThrownBy(() -> w.javaRecords(false).write(new Port(1, false), "ports[1]"))
                .isInstanceOf(TlaExportException.class).hasMessageContaining("ports[1]");
    }

    @Test
    void fieldNamesThatAreNotIdentifiersOrAreReservedAreRefused() {
        assertThatThrownBy(() -> w.write(Map.of("two words", 1), "state 3.flags"))
                .isInstanceOf(TlaExportException.class)
                .hasMessageContaining("'two words'").hasMessageContaining("state 3.flags")
                .hasMessageContaining("not a TLA+ identifier");
        assertThatThrownBy(() -> w.write(Map.of("CASE", 1), "v"))
                .isInstanceOf(TlaExportException.class).hasMessageContaining("reserved word");
        assertThatThrownBy(() -> w.write(Map.of("9", 1), "v"))
                .isInstanceOf(TlaExportException.class).hasMessageContaining("'9'");
        assertThatThrownBy(() -> w.write(Map.of("WF_x", 1), "v")).isInstanceOf(TlaExportException.class);
    }

    @Test
    void unsupportedValuesAreRefusedWithAHint() {
        assertThatThrownBy(() -> w.write(List.of(1.5), "v")).isInstanceOf(TlaExportException.class)
                .hasMessageContaining("v[1]").hasMessageContaining("no reals");
        assertThatThrownBy(() -> w.write(Arrays.asList(1, null), "v"))
                .isInstanceOf(TlaExportException.class).hasMessageContaining("null at v[2]");
        assertThatThrownBy(() -> w.write(new int[] {1})).isInstanceOf(TlaExportException.class)
                .hasMessageContaining("use a List");
        assertThatThrownBy(() -> w.write(Thread.State.NEW)).isInstanceOf(TlaExportException.class)
                .hasMessageContaining("name()");
    }

    @Test
    void specNamesAvoidTheGeneratedPrefixesAndStandardOperators() {
        assertThatThrownBy(() -> TlaNames.requireSpecName("rt_i", "variable", "M.variables()"))
                .hasMessageContaining("rt_i").hasMessageContaining("reserve");
        assertThatThrownBy(() -> TlaNames.requireSpecName("Len", "variable", "M.variables()"))
                .hasMessageContaining("Len");
        assertThat(TlaNames.requireSpecName("queue_1", "variable", "M")).isEqualTo("queue_1");
    }

    @Test
    void sameInputSameBytes() {
        Map<Object, Object> m = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            m.put(i * 7 % 23, Set.of(i + 1, -i - 1, i * 2 + 100));
        }
        assertThat(w.write(m)).isEqualTo(w.write(new HashMap<>(m)));
    }
}
