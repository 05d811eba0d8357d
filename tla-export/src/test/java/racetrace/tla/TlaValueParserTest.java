package racetrace.tla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlaValueParserTest {

    @Test
    void readsTlcsPrintedForms() {
        Object v = TlaValueParser.parseValue("[a |-> \"q\\\"x\\\\y\", b |-> {-1, 2, 3}, c |-> (2 :> \"x\" @@ 5 :> <<>>),"
                + " d |-> <<TRUE, FALSE>>, e |-> << >>, g |-> \"t\\tn\\n\", j |-> -5, r |-> 1..3, m |-> p1]");
        assertThat(v).isInstanceOf(Map.class);
        Map<?, ?> m = (Map<?, ?>) v;
        assertThat(m.get("a")).isEqualTo("q\"x\\y");
        assertThat(m.get("b")).isEqualTo(Set.of(-1, 2, 3));
        assertThat(m.get("c")).isEqualTo(Map.of(2, "x", 5, List.of()));
        assertThat(m.get("d")).isEqualTo(List.of(true, false));
        assertThat(m.get("e")).isEqualTo(List.of());
        assertThat(m.get("g")).isEqualTo("t\tn\n");
        assertThat(m.get("j")).isEqualTo(-5);
        assertThat(m.get("r")).isEqualTo(Set.of(1, 2, 3));
        assertThat(m.get("m")).isEqualTo(new TlaModelValue("p1"));
    }

    @Test
    void readsStatesInBothLayouts() {
        assertThat(TlaValueParser.parseState("/\\ x = 1\n/\\ y = <<\"a\",\n     \"b\">>\n"))
                .containsExactly(Map.entry("x", 1), Map.entry("y", List.of("a", "b")));
        assertThat(TlaValueParser.parseState("x = {}")).containsExactly(Map.entry("x", Set.of()));
    }

    @Test
    void malformedTextIsReportedWithItsPlace() {
        assertThatThrownBy(() -> TlaValueParser.parseValue("<<1, 2"))
                .isInstanceOf(TlaExportException.class).hasMessageContaining("expected '>>'");
        assertThatThrownBy(() -> TlaValueParser.parseValue("\"open"))
                .isInstanceOf(TlaExportException.class).hasMessageContaining("not closed");
    }

    record Slot(int index, String owner) {
    }

    /** Values TLC reads, then prints, and we read back: one TLC run for all of them. */
    @Test
    void roundTripThroughTlc(@TempDir Path dir) throws Exception {
        TlcTests.assumeTlcRuns();
        Map<Object, Object> fn = new LinkedHashMap<>();
        fn.put(3, "three");
        fn.put(-2, List.of(1));
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("flag", true);
        rec.put("names", Set.of("b", "a"));
        List<Object> values = List.of(0, -7, 2147483647, true, "quote \" back \\ tab \t nl \n end", List.of(),
                List.of(1, List.of(2, 3)), Set.of(), Set.of(5, -5, 0), rec, fn, Map.of(1, "a", 2, "b"), Map.of(),
                new Slot(4, "cpu"), Set.of(List.of(1), List.of()), new TlaFunction(Map.of("a b", 1, "c", 2)),
                List.of(Map.of("x", Set.of(Map.of("y", -1)))));
        TlaValueWriter w = TlaValueWriter.standard();
        List<String> names = new ArrayList<>();
        StringBuilder init = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            names.add("v" + i);
            init.append("    /\\ v").append(i).append(" = ").append(w.write(values.get(i))).append('\n');
        }
        String module = "---- MODULE RoundTrip ----\nEXTENDS Integers, Sequences, TLC\nVARIABLES "
                + String.join(", ", names) + "\nInit ==\n" + init + "Next == UNCHANGED <<" + String.join(", ", names)
                + ">>\nNothing == v0 = 1\n====\n";
        Files.writeString(dir.resolve("RoundTrip.tla"), module);
        Files.writeString(dir.resolve("RoundTrip.cfg"), "INIT Init\nNEXT Next\nINVARIANT Nothing\n");
        TlcResult r = TlcRunner.fromClasspath().run(dir, "RoundTrip", "RoundTrip.cfg", Duration.ofSeconds(60),
                List.of());
        assertThat(r.verdict()).as(r.message()).isEqualTo(TlcVerdict.INVARIANT_VIOLATED);
        assertThat(r.violatedInvariant()).isEqualTo("Nothing");
        assertThat(r.trace()).hasSize(1);
        Map<String, Object> back = r.trace().get(0).variables();
        for (int i = 0; i < values.size(); i++) {
            assertThat(TlaValues.same(values.get(i), back.get("v" + i)))
                    .as("v%d: wrote %s, TLC printed %s", i, w.write(values.get(i)), back.get("v" + i)).isTrue();
        }
    }
}
