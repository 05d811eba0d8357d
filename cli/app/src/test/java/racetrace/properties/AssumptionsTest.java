package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racetrace.engine.Models;
import racetrace.report.HuntReport;
import racetrace.search.Assumptions;
import racetrace.search.hunt.Finding;
import racetrace.search.hunt.HuntOptions;
import racetrace.search.hunt.HuntResult;
import racetrace.search.hunt.Hunter;

/**
 * Every counterexample names the assumptions it rests on (issue 15, item 2): v2's only race needs
 * probe-window=open, and the hunt's text, verdict table, JSON, replay and report.md say so; the
 * seed thread's race rests on none and says nothing.
 */
class AssumptionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static HuntResult hunt(String model, String variant) {
        return Hunter.hunt(Models.create(model, variant, Map.of("granularity", "byte")),
                HuntOptions.defaults().withTries(2000), null);
    }

    @Test
    void v2sRaceRestsOnTheProbeWindowAndEveryOutputSaysSo(@TempDir Path dir) throws Exception {
        for (String model : List.of("vfio-pci", "mlx5")) {
            HuntResult r = hunt(model, "v2");
            assertThat(r.findings()).as(model).isNotEmpty().allSatisfy(f -> assertThat(f.assumptions())
                    .extracting(Assumptions.Dependence::condition).containsExactly("probe-window=open"));
            assertThat(HuntReport.verdictText(r)).isEqualTo("violated (if probe-window=open)");
        }
        CommandLineTest.Run text = CommandLineTest.run("hunt", "vfio-pci", "--variant", "v2", "--granularity", "byte",
                "--tries", "2000");
        assertThat(text.code()).isEqualTo(1);
        assertThat(text.out()).contains("violated: NoLostUpdate (if probe-window=open)",
                "-- NoLostUpdate if probe-window=open: ", "assumes: probe-window=open (",
                "with probe-window=closed the scenario cannot occur");
        assertThat(text.out().lines().filter(l -> l.startsWith("vfio-pci/v2[granularity=byte]")))
                .singleElement().asString().contains("violated (if probe-window=open)  NoLostUpdate");

        CommandLineTest.Run json = CommandLineTest.run("hunt", "vfio-pci", "--variant", "v2", "--granularity", "byte",
                "--tries", "2000", "--json");
        JsonSchemas.assertValid("hunt", json.out().strip());
        JsonNode line = JSON.readTree(json.out());
        assertThat(line.get("assumptions").get(0).get("option").asText()).isEqualTo("probe-window");
        assertThat(line.get("assumptions").get(0).get("value").asText()).isEqualTo("open");
        assertThat(line.get("findings").get(0).get("assumptions")).hasSize(1);

        String schedule = line.get("schedule").asText();
        CommandLineTest.Run replay = CommandLineTest.run("replay", schedule);
        assertThat(replay.out()).contains("assumes: probe-window=open (");

        CommandLineTest.Run tlc = CommandLineTest.run("hunt", "vfio-pci", "--variant", "v2", "--granularity", "byte",
                "--tries", "2000", "--tlc", "--out", dir.toString());
        try (var files = Files.walk(dir)) {
            Path report = files.filter(p -> p.getFileName().toString().equals("report.md")).findFirst().orElseThrow(
                    () -> new AssertionError("no report.md under " + dir + ": " + tlc.err()));
            assertThat(report).content().contains("It rests on these assumptions", "* probe-window=open (");
        }
    }

    @Test
    void theSeedThreadsRaceRestsOnNone() {
        HuntResult r = hunt("vfio-pci", "pre-a");
        Finding f = r.findings().stream().filter(x -> x.invariant().equals("NoLostUpdate")).findFirst().orElseThrow();
        assertThat(f.assumptions()).isEmpty();
        assertThat(f.verdict()).isEqualTo("violated");
        assertThat(HuntReport.verdictText(r)).isEqualTo("violated");
    }
}
