package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import racetrace.tla.TlcRunner;

/** The TLC side of the command line, on the flags spec (each test starts TLC once or twice). */
@DisabledIfSystemProperty(named = "racetrace.tlc.skip", matches = "true")
class TlcCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void huntWithTlcConfirmsTheCounterexampleAndTlcFindsOneNoLonger(@TempDir Path dir) throws Exception {
        // A stale file of an earlier run in the same --out: gone after the hunt.
        Path instance = dir.resolve("vfio-pci_pre-a_granularity-byte").resolve("NoLostUpdate");
        Files.createDirectories(instance);
        Files.writeString(instance.resolve("StorageFlagsTrace_0000000000.tla"), "stale");
        Files.writeString(instance.resolve("my-notes.txt"), "kept");
        CommandLineTest.Run hunt = CommandLineTest.run("hunt", "vfio-pci", "--variant", "pre-a", "--granularity", "byte",
                "--tries", "3000", "--json", "--tlc", "--out", dir.toString());
        assertThat(hunt.code()).as(hunt.err()).isEqualTo(1);
        JsonSchemas.assertValid("hunt", hunt.out());
        JsonNode o = JSON.readTree(hunt.out());
        assertThat(o.get("verdict").asText()).isEqualTo("violated");
        assertThat(o.get("tlcConfirmed").asBoolean()).as(o.get("tlc").asText()).isTrue();
        assertThat(Path.of(o.get("tlcFiles").get("tla").asText())).exists();
        assertThat(instance.resolve("StorageFlagsTrace_0000000000.tla")).doesNotExist();
        assertThat(instance.resolve("my-notes.txt")).exists();
        try (Stream<Path> files = Files.list(instance)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tla")).toList())
                    .hasSize(2); // the trace module and the spec it extends
        }
        String report = Files.readString(Path.of(o.get("tlcFiles").get("report").asText()));
        assertThat(report).contains("# NoLostUpdate violated in vfio-pci/pre-a[granularity=byte]", "racetrace replay 'rt2:",
                "TLC confirms", TlcRunner.MAVEN_COORDINATES, "java -cp " + TlcRunner.JAR_FILE + " tlc2.TLC")
                .doesNotContain(dir.toString()).doesNotContain(dir.toAbsolutePath().toString()).doesNotContain("cd ")
                .doesNotContain("tla2tools.jar");
        int javaSteps = o.get("measure").get("steps").asInt();

        CommandLineTest.Run tlc = CommandLineTest.run("tlc", "--from", o.get("schedule").asText(), "--json", "--out",
                dir.toString());
        assertThat(tlc.code()).as(tlc.err()).isEqualTo(1);
        assertThat(tlc.err()).contains("one TLC run, breadth-first");
        JsonSchemas.assertValid("tlc", tlc.out());
        JsonNode t = JSON.readTree(tlc.out());
        assertThat(t.get("verdict").asText()).isEqualTo("violated");
        assertThat(t.get("invariant").asText()).isEqualTo("NoLostUpdate");
        // BFS gives the fewest steps; the Java measure ranks preemptions first, so it may take more.
        assertThat(t.get("shortest").asInt()).isPositive().isLessThanOrEqualTo(javaSteps);

        Path traceFile = Path.of(t.get("traceFile").asText());
        CommandLineTest.Run replay = CommandLineTest.run("replay", traceFile.toString());
        assertThat(replay.code()).isEqualTo(1);
        assertThat(replay.out()).contains("NoLostUpdate violated after step " + t.get("shortest").asInt());
        CommandLineTest.Run again = CommandLineTest.run("replay", t.get("schedule").asText());
        assertThat(again.out()).contains("NoLostUpdate violated after step " + t.get("shortest").asInt());

        // The counterexample JSON hunt --tlc wrote replays too, and an edit of it is refused.
        Path json = Path.of(o.get("tlcFiles").get("json").asText());
        assertThat(CommandLineTest.run("replay", json.toString()).code()).isEqualTo(1);
        Path edited = dir.resolve("edited.json");
        Files.writeString(edited, Files.readString(json).replaceFirst("\"usage\" : 1", "\"usage\" : 7"));
        CommandLineTest.Run refused = CommandLineTest.run("replay", edited.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("edited.json: it was edited after racetrace wrote it");

        // A trace file cut short or edited is bad input naming the file, not "TLC failed".
        List<String> lines = Files.readAllLines(traceFile);
        Path cut = dir.resolve("cut.txt");
        Files.write(cut, lines.subList(0, lines.size() / 2));
        CommandLineTest.Run cutRun = CommandLineTest.run("replay", cut.toString());
        assertThat(cutRun.code()).isEqualTo(2);
        assertThat(cutRun.err()).contains("cut.txt is cut short");
        Path changed = dir.resolve("changed.txt");
        Files.writeString(changed, Files.readString(traceFile).replace("opIdx = <<1, 1>>", "opIdx = <<1, 2>>"));
        CommandLineTest.Run changedRun = CommandLineTest.run("replay", changed.toString());
        assertThat(changedRun.code()).isEqualTo(2);
        assertThat(changedRun.err()).contains("changed.txt was edited");
    }

    @Test
    void huntTlcExitsThreeWhenTlcCannotCheckAndStillPrintsTheHunt(@TempDir Path dir) {
        String before = System.getProperty(TlcRunner.JAR_PROPERTY);
        System.setProperty(TlcRunner.JAR_PROPERTY, dir.resolve("no-such-tlc.jar").toString());
        try {
            CommandLineTest.Run hunt = CommandLineTest.run("hunt", "vfio-pci", "--variant", "pre-a", "--granularity",
                    "location", "--tries", "3000", "--tlc", "--out", dir.resolve("out").toString());
            assertThat(hunt.code()).isEqualTo(3);
            assertThat(hunt.out()).contains("violated: NoLostUpdate", "racetrace replay rt2:",
                    "TLC could not check the trace", "no-such-tlc.jar does not exist", "== summary");
            CommandLineTest.Run json = CommandLineTest.run("hunt", "vfio-pci", "--variant", "pre-a", "--granularity",
                    "location", "--tries", "3000", "--tlc", "--json", "--out", dir.resolve("out").toString());
            assertThat(json.code()).isEqualTo(3);
            JsonSchemas.assertValid("hunt", json.out());
            assertThat(json.out()).contains("\"tlcConfirmed\":false");
        } finally {
            if (before == null) {
                System.clearProperty(TlcRunner.JAR_PROPERTY);
            } else {
                System.setProperty(TlcRunner.JAR_PROPERTY, before);
            }
        }
    }

    @Test
    void tlcExitsZeroWhenEveryInvariantHolds(@TempDir Path dir) throws Exception {
        CommandLineTest.Run r = CommandLineTest.run("tlc", "vfio-pci", "--variant", "merged", "--thread", "user/cfgBar",
                "--json", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonSchemas.assertValid("tlc", r.out());
        assertThat(JSON.readTree(r.out()).get("verdict").asText()).isEqualTo("held");
    }

    @Test
    void conformValidatesRandomExecutionsInOneTlcRun(@TempDir Path dir) {
        CommandLineTest.Run r = CommandLineTest.run("conform", "mlx5", "--variant", "pre", "--traces", "15", "--out",
                dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("conform: 2 instances x 15 executions = 30 executions in 1 TLC runs");
        // 15 random executions and a run for each declared action they missed, every action covered
        assertThat(r.out()).contains("mlx5/pre[granularity=byte]", "mlx5/pre[granularity=location]")
                .containsPattern("mlx5/pre\\[granularity=byte\\] +(\\d+) of \\1 executions conform; actions (\\d+) of \\2\n");
        CommandLineTest.Run json = CommandLineTest.run("conform", "mlx5", "--variant", "pre", "--granularity", "byte",
                "--traces", "5", "--json", "--out", dir.toString());
        assertThat(json.code()).as(json.err()).isZero();
        assertThat(json.out().lines()).hasSize(1);
        json.out().lines().forEach(line -> JsonSchemas.assertValid("conform", line));
    }

    @Test
    void aLayoutVariantsReportReplaysInItsOwnDirectory(@TempDir Path dir) throws Exception {
        Path layout = CommandLineTest.LAYOUT_FILE;
        CommandLineTest.Run hunt = CommandLineTest.run("hunt", "vfio-pci", "--layout", layout.toString(), "--granularity",
                "byte", "--tries", "2000", "--json", "--tlc", "--out", dir.toString());
        assertThat(hunt.code()).as(hunt.err()).isEqualTo(1);
        JsonSchemas.assertValid("hunt", hunt.out());
        JsonNode o = JSON.readTree(hunt.out());
        assertThat(o.get("tlcConfirmed").asBoolean()).as(o.get("tlc").asText()).isTrue();
        Path report = Path.of(o.get("tlcFiles").get("report").asText());
        String schedule = o.get("schedule").asText();
        assertThat(report).content().contains("racetrace replay --layout " + layout.getFileName() + " '" + schedule + "'",
                "racetrace tlc --from '" + schedule + "' --layout " + layout.getFileName())
                .doesNotContain(dir.toString()).doesNotContain(layout.getParent().toString());
        Path copy = report.resolveSibling(layout.getFileName());
        assertThat(copy).hasSameTextualContentAs(layout);
        // As the recipient runs it, in the report's directory: the copy is the layout the string was made with.
        assertThat(CommandLineTest.run("replay", "--layout", copy.toString(), schedule).code()).isEqualTo(1);
    }
}
