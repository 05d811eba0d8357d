package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TLC side of the command line, on the flags spec (each test starts TLC once or twice). */
class TlcCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void huntWithTlcConfirmsTheCounterexampleAndTlcFindsOneNoLonger(@TempDir Path dir) throws Exception {
        CommandLineTest.Run hunt = CommandLineTest.run("hunt", "vfio-pci", "--variant", "pre-a", "--granularity", "byte",
                "--tries", "3000", "--json", "--tlc", "--out", dir.toString());
        assertThat(hunt.code()).isZero();
        JsonNode o = JSON.readTree(hunt.out());
        assertThat(o.get("verdict").asText()).isEqualTo("violated");
        assertThat(o.get("tlcConfirmed").asBoolean()).as(o.get("tlc").asText()).isTrue();
        assertThat(Path.of(o.get("tlcFiles").get("tla").asText())).exists();
        assertThat(Path.of(o.get("tlcFiles").get("report").asText())).content()
                .contains("# NoLostUpdate violated in vfio-pci/pre-a[granularity=byte]", "racetrace replay rt1:",
                        "TLC confirms");
        int javaSteps = o.get("measure").get("steps").asInt();

        CommandLineTest.Run tlc = CommandLineTest.run("tlc", "--from", o.get("schedule").asText(), "--json", "--out",
                dir.toString());
        assertThat(tlc.code()).as(tlc.err()).isZero();
        JsonNode t = JSON.readTree(tlc.out());
        assertThat(t.get("verdict").asText()).isEqualTo("violated");
        assertThat(t.get("invariant").asText()).isEqualTo("NoLostUpdate");
        // BFS gives the fewest steps; the Java measure ranks preemptions first, so it may take more.
        assertThat(t.get("shortest").asInt()).isPositive().isLessThanOrEqualTo(javaSteps);

        CommandLineTest.Run replay = CommandLineTest.run("replay", t.get("traceFile").asText());
        assertThat(replay.code()).isZero();
        assertThat(replay.out()).contains("NoLostUpdate violated after step " + t.get("shortest").asInt());
        CommandLineTest.Run again = CommandLineTest.run("replay", t.get("schedule").asText());
        assertThat(again.out()).contains("NoLostUpdate violated after step " + t.get("shortest").asInt());
    }

    @Test
    void conformValidatesRandomExecutionsInOneTlcRun(@TempDir Path dir) {
        CommandLineTest.Run r = CommandLineTest.run("conform", "mlx5", "--variant", "pre", "--traces", "15", "--out",
                dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("mlx5/pre[granularity=byte]", "15 of 15 executions conform",
                "mlx5/pre[granularity=location]");
    }

    @Test
    void tlcNeedsAScenario() {
        CommandLineTest.Run r = CommandLineTest.run("tlc", "vfio-pci", "--variant", "pre-a");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("tlc needs the scenario's threads");
    }
}
