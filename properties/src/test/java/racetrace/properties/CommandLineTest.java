package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import racetrace.cli.Racetrace;
import racetrace.engine.ModelFamily;
import racetrace.engine.Models;

class CommandLineTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Racetrace.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static void assertOneLineError(Run r, String contains) {
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(contains).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void unknownModelIsOneClearLine() {
        // The registered models, whatever they are: adding a model changes no file here.
        assertOneLineError(run("hunt", "nosuch"), "unknown model 'nosuch'; known models: "
                + Models.families().stream().map(ModelFamily::name).toList());
    }

    @Test
    void unknownVariantNamesTheVariants() {
        assertOneLineError(run("hunt", "vfio-pci", "--variant", "v9"), "unknown variant 'v9' of model vfio-pci");
    }

    @Test
    void unknownFlagIsOneClearLine() {
        assertOneLineError(run("hunt", "vfio-pci", "--frob"), "Unknown option: '--frob'");
    }

    @Test
    void badGranularityIsRefused() {
        assertOneLineError(run("hunt", "vfio-pci", "--granularity", "word"), "--granularity word is not valid");
    }

    @Test
    void malformedScheduleStringIsRefused() {
        assertOneLineError(run("replay", "rt1:vfio-pci:pre-a"), "malformed schedule string");
        assertOneLineError(run("replay", "hello"), "not a racetrace schedule string");
    }

    @Test
    void huntNeedsAModelOrAll() {
        assertOneLineError(run("hunt"), "hunt needs either a model name or --all");
    }

    @Test
    void listNamesEveryModelVariantAndInvariant() {
        Run r = run("list");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("vfio-pci", "pre-a", "pre-b", "pre-c", "v2", "merged", "mlx5", "xen-fifo",
                "a0", "e2", "NoLostUpdate", "NoSelfLink", "granularity in byte|location");
    }

    @Test
    void huntPrintsFindingsThatReplay() {
        Run r = run("hunt", "vfio-pci", "--variant", "pre-a", "--granularity", "byte", "--tries", "3000", "--json");
        assertThat(r.code()).isZero();
        String line = r.out().strip();
        assertThat(line.lines()).hasSize(1);
        assertThat(line).contains("\"model\":\"vfio-pci\"", "\"variant\":\"pre-a\"", "\"granularity\":\"byte\"",
                "\"verdict\":", "\"tries\":", "\"seed\":1");
        if (line.contains("\"verdict\":\"violated\"")) {
            String schedule = line.replaceAll(".*?\"schedule\":\"([^\"]+)\".*", "$1");
            Run replay = run("replay", schedule);
            assertThat(replay.code()).isZero();
            assertThat(replay.out()).contains("violated after step");
        }
    }

    @Test
    void sameSeedSameCounterexample() {
        Run a = run("hunt", "vfio-pci", "--variant", "pre-a", "--granularity", "location", "--tries", "2000", "--json");
        Run b = run("hunt", "vfio-pci", "--variant", "pre-a", "--granularity", "location", "--tries", "2000", "--json");
        String strip = "\"(millis|millisToFirst|millisToShrink)\":[\\d.]+";
        assertThat(a.out().replaceAll(strip, "")).isEqualTo(b.out().replaceAll(strip, ""));
    }
}
