package racetrace.tla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The -tool output parser on outputs as TLC 2.18 prints them (no TLC run). */
class TlcOutputParserTest {

    private static String msg(int code, int severity, String body) {
        return "@!@!@STARTMSG " + code + ":" + severity + " @!@!@\n" + body + "\n@!@!@ENDMSG " + code + " @!@!@\n";
    }

    /** TLC's last message (2186), with how long it took as TLC words it. */
    private static String finished(String took) {
        return msg(2186, 0, "Finished in " + took + " at (2026-11-23 03:51:01)");
    }

    private static TlcResult parse(String out) {
        return TlcOutputParser.parse(out, List.of("tlc"), 0, Duration.ofMillis(10), false, Duration.ofSeconds(1));
    }

    @Test
    void deadlockWithTraceAndStatistics() {
        String out = msg(2262, 0, "TLC2 Version 2.18 of 20 March 2023")
                + msg(2114, 1, "Deadlock reached.")
                + msg(2121, 1, "The behavior up to this point is:")
                + msg(2217, 4, "1: <Initial predicate>\n/\\ x = 0\n/\\ s = {}\n")
                + msg(2217, 4, "2: <Next line 5, col 9 to line 5, col 21 of module M>\n/\\ x = 1\n/\\ s = {\"a\"}\n")
                + msg(2199, 0, "3 states generated, 2 distinct states found, 0 states left on queue.")
                + msg(2194, 0, "The depth of the complete state graph search is 2.")
                + finished("01min 04s");
        TlcResult r = parse(out);
        assertThat(r.verdict()).isEqualTo(TlcVerdict.DEADLOCK);
        assertThat(r.tlcVersion()).contains("2.18");
        assertThat(r.trace()).hasSize(2);
        assertThat(r.trace().get(1).action()).isEqualTo("Next");
        assertThat(r.trace().get(1).variables()).isEqualTo(Map.of("x", 1, "s", Set.of("a")));
        assertThat(r.statesGenerated()).isEqualTo(3);
        assertThat(r.distinctStates()).isEqualTo(2);
        assertThat(r.depth()).isEqualTo(2);
        assertThat(r.tlcMillis()).isEqualTo(64_000);
    }

    @Test
    void violationInTheInitialState() {
        TlcResult r = parse(msg(2107, 1, "Invariant Safe is violated by the initial state:\n/\\ x = -1\n/\\ y = TRUE")
                + finished("529ms"));
        assertThat(r.verdict()).isEqualTo(TlcVerdict.INVARIANT_VIOLATED);
        assertThat(r.violatedInvariant()).isEqualTo("Safe");
        assertThat(r.trace()).singleElement().satisfies(s -> assertThat(s.variables()).containsEntry("x", -1));
        assertThat(r.tlcMillis()).isEqualTo(529);
    }

    @Test
    void continueRunsKeepEachErrorTrace() {
        String trace = msg(2217, 4, "1: <Initial predicate>\n/\\ n = 0") + msg(2217, 4, "2: <Next>\n/\\ n = 1");
        TlcResult r = parse(msg(2110, 1, "Invariant I is violated.") + trace
                + msg(2110, 1, "Invariant I is violated.") + trace.replace("n = 1", "n = 2"));
        assertThat(r.errorTraces()).hasSize(2);
        assertThat(r.errorTraces().get(1).get(1).get("n")).isEqualTo(2);
    }

    @Test
    void outOfMemoryIsReportedAsSuch() {
        TlcResult r = parse(msg(2200, 0, "Progress(395)") + "Terminating due to java.lang.OutOfMemoryError: Java heap space\n");
        assertThat(r.verdict()).isEqualTo(TlcVerdict.OUT_OF_MEMORY);
        assertThat(r.message()).contains("-Xmx");
        assertThat(parse(msg(1001, 1, "Java ran out of memory.")).verdict()).isEqualTo(TlcVerdict.OUT_OF_MEMORY);
    }

    @Test
    void configErrorIsAnError() {
        TlcResult r = parse(msg(2233, 1, "The constant parameter X is not assigned a value by the configuration file.")
                + finished("100ms"));
        assertThat(r.verdict()).isEqualTo(TlcVerdict.ERROR);
        assertThat(r.message()).contains("constant parameter X");
    }

    @Test
    void earlyExitWithoutVerdict() {
        TlcResult r = TlcOutputParser.parse("Error: Could not find or load main class tlc2.TLC\n", List.of("java"), 1,
                Duration.ZERO, false, Duration.ofSeconds(1));
        assertThat(r.verdict()).isEqualTo(TlcVerdict.ERROR);
        assertThat(r.message()).contains("exited (code 1)", "Could not find or load main class");
    }
}
