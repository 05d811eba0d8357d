package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import racetrace.cli.Racetrace;
import racetrace.engine.Models;
import racetrace.hunt.HuntOptions;
import racetrace.hunt.HuntResult;
import racetrace.hunt.Hunter;
import racetrace.search.ScheduleString;

class CommandLineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        return runWithInput("", args);
    }

    static Run runWithInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Racetrace.run(args, new java.io.ByteArrayInputStream(stdin.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static void assertOneLineError(Run r, int code, String contains) {
        assertThat(r.code()).as(r.err()).isEqualTo(code);
        assertThat(r.err()).contains(contains).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
    }

    /** A counterexample of vfio-pci/pre-a at location granularity, found once per test run. */
    private static String preASchedule() {
        HuntResult r = Hunter.hunt(Models.create("vfio-pci", "pre-a", Map.of("granularity", "location")),
                new HuntOptions(1, 3000, 60, racetrace.search.RandomCases.DEFAULT_SCHEDULE_LENGTH), null);
        assertThat(r.violated()).isTrue();
        return r.findings().get(0).shrunk().toString();
    }

    // ---- the table of bad inputs: every one exit 2, one line on stderr, nothing on stdout

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of(List.of("hunt", "nosuch"), "unknown model 'nosuch'; known models: [mlx5, vfio-pci, xen-fifo]"),
                Arguments.of(List.of("hunt", "vfio-pci", "--variant", "v9"), "unknown variant 'v9' of model vfio-pci"),
                Arguments.of(List.of("hunt", "vfio-pci", "--frob"), "Unknown option: '--frob' (see racetrace hunt --help)"),
                Arguments.of(List.of("hunt", "vfio-pci", "--granularity", "word"), "option granularity=word is not valid"),
                Arguments.of(List.of("hunt", "vfio-pci", "--option", "granularity=word"), "option granularity=word is not valid"),
                Arguments.of(List.of("hunt", "vfio-pci", "--option", "nosuch=1"), "model vfio-pci has no option nosuch"),
                Arguments.of(List.of("hunt", "vfio-pci", "--option", "granularity"), "should be NAME=VALUE"),
                Arguments.of(List.of("hunt", "vfio-pci", "--granularity", "byte", "--option", "granularity=location"),
                        "option granularity is given twice"),
                Arguments.of(List.of("hunt", "xen-fifo", "--granularity", "byte"), "model xen-fifo has no option granularity"),
                Arguments.of(List.of("hunt", "--all", "--option", "nosuch=1"), "no model has option nosuch"),
                Arguments.of(List.of("hunt"), "name a model or give --all"),
                Arguments.of(List.of("hunt", "--all", "vfio-pci"), "either a model or --all, not both"),
                Arguments.of(List.of("hunt", "--all", "--variant", "nosuch"), "no model has variant(s) [nosuch]"),
                Arguments.of(List.of("hunt", "vfio-pci", "--seconds", "1e10"), "--seconds 10000000000 is out of range"),
                Arguments.of(List.of("hunt", "vfio-pci", "--seconds", "NaN"), "--seconds NaN is not a number of seconds"),
                Arguments.of(List.of("hunt", "vfio-pci", "--seconds", "Infinity"), "--seconds Infinity is not a number"),
                Arguments.of(List.of("hunt", "vfio-pci", "--seconds", "0.000001"), "--seconds 0.000001 is out of range"),
                Arguments.of(List.of("hunt", "vfio-pci", "--seconds", "-1"), "--seconds -1 is out of range"),
                Arguments.of(List.of("hunt", "vfio-pci", "--seconds", "abc"), "'abc' is not a double"),
                Arguments.of(List.of("hunt", "vfio-pci", "--tries", "0"), "--tries 0 is out of range"),
                Arguments.of(List.of("hunt", "vfio-pci", "--tries", "99999999999"), "is not an int"),
                Arguments.of(List.of("hunt", "vfio-pci", "--seed", "x"), "'x' is not a long"),
                Arguments.of(List.of("hunt", "vfio-pci", "--tlc-timeout", "-5", "--tlc"), "--tlc-timeout -5 is out of range"),
                Arguments.of(List.of("hunt", "vfio-pci", "--out", "x"), "--out is used by --tlc only"),
                Arguments.of(List.of("hunt", "vfio-pci", "--tlc-timeout", "5"), "--tlc-timeout is used by --tlc only"),
                Arguments.of(List.of("hunt", "vfio-pci", "--tlc", "--out", "/dev/null"), "--out /dev/null is a file, not a directory"),
                Arguments.of(List.of("hunt", "vfio-pci", "--tlc", "--out", "/dev/null/x"), "cannot be created: /dev/null is a file"),
                Arguments.of(List.of("hunt", "vfio-pci", "--tlc", "--out="), "--out is empty"),
                Arguments.of(List.of("hunt", "vfio-pci", "--variant", "pre-a,zz"), "unknown variant 'zz'"),
                Arguments.of(List.of("tlc", "vfio-pci", "--variant", "pre-a", "--thread", "user/cfgBar,user/zz"),
                        "op zz is not in the user alphabet"),
                Arguments.of(List.of("replay"), "Missing required parameter"),
                Arguments.of(List.of("replay", "a", "b"), "Unmatched argument at index 2: 'b'"),
                Arguments.of(List.of("replay", "hello"), "there is no file hello, and it is not a schedule string"),
                Arguments.of(List.of("replay", ""), "the argument is empty"),
                Arguments.of(List.of("replay", "rt2:vfio-pci:pre-a"), "schedule string is cut short: it has 3 of 10"),
                Arguments.of(List.of("replay", "rt9:x"), "format 'rt9'"),
                Arguments.of(List.of("replay", "rt1:vfio-pci:pre-a:granularity=location:1.6b7ebaa4:phase=0:"
                        + "user/cfgCmd.1,user/cfgBar:11000000001"),
                        "racetrace hunt vfio-pci --variant pre-a --option granularity=location"),
                Arguments.of(List.of("replay", "rt1:vfio-pci:pre-a:granularity=location:1.6b7ebaa4:phase=0:"
                        + "user/cfgCmd.1,user/cfgBar:1:only=NoLostUpdate"), "is a format-1 schedule string"),
                Arguments.of(List.of("tlc"), "tlc needs a scenario"),
                Arguments.of(List.of("tlc", "vfio-pci"), "give exactly one --variant"),
                Arguments.of(List.of("tlc", "vfio-pci", "--variant", "pre-a", "--variant", "pre-b"), "give exactly one --variant"),
                Arguments.of(List.of("tlc", "--all"), "tlc works on one instance"),
                Arguments.of(List.of("tlc", "vfio-pci", "--variant", "pre-a"), "the scenario needs threads"),
                Arguments.of(List.of("tlc", "vfio-pci", "--variant", "pre-a", "--thread", "user/cfgBar", "--tlc-timeout", "-5"),
                        "--tlc-timeout -5 is out of range"),
                Arguments.of(List.of("tlc", "vfio-pci", "--variant", "pre-a", "--thread", "user/cfgBar", "--tlc-timeout", "0"),
                        "--tlc-timeout 0 is out of range"),
                Arguments.of(List.of("tlc", "vfio-pci", "--variant", "pre-a", "--thread", "nobody/x"), "unknown actor 'nobody'"),
                Arguments.of(List.of("tlc", "vfio-pci", "--variant", "pre-a", "--thread", "user"), "malformed thread 'user'"),
                Arguments.of(List.of("tlc", "vfio-pci", "--variant", "pre-a", "--thread", "user/cfgCmd.x"),
                        "has a non-integer argument 'x'"),
                Arguments.of(List.of("tlc", "vfio-pci", "--variant", "pre-a", "--thread", "user/cfgBar", "--config", "phase"),
                        "--config phase should be NAME=VALUE"),
                Arguments.of(List.of("tlc", "vfio-pci", "--variant", "pre-a", "--thread", "user/cfgBar", "--config", "phase=x"),
                        "the value should be an integer"),
                Arguments.of(List.of("tlc", "vfio-pci", "--variant", "pre-a", "--thread", "user/cfgBar", "--config", "phase=99"),
                        "phase=99 is outside 0..3"),
                Arguments.of(List.of("tlc", "vfio-pci", "--variant", "pre-a", "--thread", "user/cfgBar", "--config", "no=1"),
                        "unknown configuration parameter 'no'"),
                Arguments.of(List.of("tlc", "vfio-pci", "--variant", "pre-a", "--thread", "user/cfgBar", "--invariant", "Nope"),
                        "has no invariant 'Nope'"),
                Arguments.of(List.of("tlc", "vfio-pci", "--variant", "pre-a", "--thread", "user/cfgBar", "--out", "/dev/null"),
                        "--out /dev/null is a file"),
                Arguments.of(List.of("tlc", "--from", "garbage"), "not a racetrace schedule string"),
                Arguments.of(List.of("conform", "--traces", "0"), "--traces 0 is out of range"),
                Arguments.of(List.of("conform", "--batch", "0"), "--batch 0 is out of range"),
                Arguments.of(List.of("conform", "--tlc-timeout", "-5"), "--tlc-timeout -5 is out of range"),
                Arguments.of(List.of("conform", "nosuch"), "unknown model 'nosuch'"),
                Arguments.of(List.of("conform", "vfio-pci", "--out", "/dev/null"), "--out /dev/null is a file"),
                Arguments.of(List.of("bench", "--seeds", "0"), "--seeds 0 is out of range"),
                Arguments.of(List.of("bench", "--seconds", "NaN"), "--seconds NaN is not a number"),
                Arguments.of(List.of("bench", "--out", "/dev/null"), "--out /dev/null is a file"),
                Arguments.of(List.of("bench", "--strategy", "nosuch"), "unknown strategy 'nosuch'"),
                Arguments.of(List.of("bench", "vfio-pci", "--variant", "zz"), "unknown variant 'zz'"),
                Arguments.of(List.of("list", "extra"), "Unmatched argument at index 1: 'extra' (see racetrace list --help)"),
                Arguments.of(List.of("nosuch"), "unknown command 'nosuch'; commands: list, hunt, replay, tlc, conform, bench"),
                Arguments.of(List.of("help", "nosuch"), "nosuch"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsOneLineAndExitCodeTwo(List<String> args, String message) {
        Run r = run(args.toArray(String[]::new));
        assertOneLineError(r, 2, message);
        assertThat(r.out()).as("nothing on stdout for %s", args).isEmpty();
    }

    // ---- one test per defect of the issue

    @Test
    void aTimeBudgetThatRunsNothingIsRefusedNotHeld() {
        for (String s : List.of("1e10", "NaN", "Infinity", "0.000001", "-0")) {
            Run r = run("hunt", "vfio-pci", "--variant", "pre-a", "--seconds", s);
            assertThat(r.code()).as(s).isEqualTo(2);
            assertThat(r.out()).doesNotContain("held");
        }
    }

    @Test
    void aHuntRunsAtLeastOnceWhateverItsClock() {
        HuntResult r = Hunter.hunt(Models.create("vfio-pci", "merged", Map.of()), new HuntOptions(1, 10, 1e-9, 50), null);
        assertThat(r.tries()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void huntExitsOneWhenAnInstanceIsViolatedAndZeroWhenAllHeld() {
        Run violated = run("hunt", "vfio-pci", "--variant", "pre-a", "--granularity", "location", "--tries", "3000");
        assertThat(violated.code()).isEqualTo(1);
        assertThat(violated.out()).contains("VIOLATED", "NoLostUpdate");
        Run held = run("hunt", "vfio-pci", "--variant", "merged", "--strategy", "random", "--tries", "200");
        assertThat(held.code()).isZero();
        assertThat(held.out()).contains("held (random: 200 runs");
    }

    @Test
    void replayExitsOneWhenTheRunViolatesAndZeroWhenNot() {
        String s = preASchedule();
        Run r = run("replay", s);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("NoLostUpdate violated after step");
        String[] f = s.split(":");
        f[7] = "0";
        Run serial = run("replay", ScheduleString.reseal(String.join(":", java.util.Arrays.copyOf(f, 9))));
        assertThat(serial.code()).as(serial.err()).isZero();
    }

    @Test
    void aScheduleStringCutShortOrEditedIsRefusedNamingTheField() {
        String s = preASchedule();
        String cut = s.substring(0, s.length() - 3);
        assertOneLineError(run("replay", cut), 2, "schedule string's check field");
        String edited = s.replace(":only=", ":only=X");
        assertOneLineError(run("replay", edited), 2, "only field");
        String choices = s.split(":")[7];
        String fewer = s.replace(":" + choices + ":", ":" + choices.substring(0, 3) + ":");
        assertOneLineError(run("replay", fewer), 2, "choices field");
    }

    @Test
    void aScheduleStringWrappedByAMailClientStillReplays() {
        String s = preASchedule();
        String wrapped = "  " + s.substring(0, 30) + "\n    " + s.substring(30, 61) + "\r\n" + s.substring(61) + "\n";
        Run r = run("replay", wrapped);
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("schedule: " + s);
    }

    @Test
    void aChoiceOfAThreadThatDoesNotExistIsRefused() {
        String s = preASchedule();
        String[] f = s.split(":");
        f[7] = f[7].substring(0, 2) + "7" + f[7].substring(3);
        assertOneLineError(run("replay", ScheduleString.reseal(String.join(":", java.util.Arrays.copyOf(f, 9)))), 2,
                "names thread 8, but the scenario has 2 threads");
    }

    @Test
    void replayTellsAFileFromAString(@TempDir Path dir) throws Exception {
        String s = preASchedule();
        assertOneLineError(run("replay", dir.resolve("missing.txt").toString()), 2, "there is no file");
        assertOneLineError(run("replay", dir.toString()), 2, "is a directory, not a file");
        Path binary = dir.resolve("bin");
        Files.write(binary, new byte[] {0x7f, 'E', 'L', 'F', 0, 1, 2});
        assertOneLineError(run("replay", binary.toString()), 2, "bin is a binary file");
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, new byte[] {'r', 't', (byte) 0xe9});
        assertOneLineError(run("replay", latin1.toString()), 2, "is not UTF-8 text");
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "\n");
        assertOneLineError(run("replay", empty.toString()), 2, "empty.txt is empty");
        Path other = dir.resolve("notes.txt");
        Files.writeString(other, "hello\n");
        assertOneLineError(run("replay", other.toString()), 2, "notes.txt is not a schedule string, TLC trace file");
        // A path that starts with "rt" is a file, not a string.
        Path rt = Files.createDirectories(dir.resolve("rtdir")).resolve("rt1.txt");
        Files.writeString(rt, s + "\n");
        Run fromFile = run("replay", rt.toString());
        assertThat(fromFile.code()).as(fromFile.err()).isEqualTo(1);
        Files.writeString(rt, s + "\n" + s + "\n");
        assertOneLineError(run("replay", rt.toString()), 2, "holds 2 schedule strings (lines 1, 2)");
        Path lines = dir.resolve("verdicts.jsonl");
        Files.writeString(lines, "{\"schedule\":\"" + s + "\"}\n{\"schedule\":\"" + s + "\"}\n");
        assertOneLineError(run("replay", lines.toString()), 2, "verdicts.jsonl holds 2 JSON lines");
        Files.writeString(lines, "{\"schedule\":\"" + s + "\"}\n");
        assertThat(run("replay", lines.toString()).code()).isEqualTo(1);
        Files.writeString(rt, s.substring(0, 50) + "\n");
        assertOneLineError(run("replay", rt.toString()), 2, "rt1.txt: schedule string is cut short");
    }

    @Test
    void replayReadsStandardInputForADash() {
        String s = preASchedule();
        Run r = runWithInput("  " + s + "\n", "replay", "-");
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("NoLostUpdate violated after step");
        assertOneLineError(runWithInput("", "replay", "-"), 2, "standard input is empty");
    }

    @Test
    void everyCommandHasHelpWithEveryOptionAndTheExitCodes() {
        for (String cmd : List.of("list", "hunt", "replay", "tlc", "conform", "bench")) {
            Run r = run(cmd, "--help");
            assertThat(r.code()).as(cmd).isZero();
            assertThat(r.out()).as(cmd).contains("Usage: racetrace " + cmd, "Exit codes:", "0 ", "1 ", "2 ", "3 ", "70 ");
            Run viaHelp = run("help", cmd);
            assertThat(viaHelp.out()).isEqualTo(r.out());
        }
        String hunt = run("hunt", "--help").out().replaceAll("\\s+", " ");
        assertThat(hunt).contains("--variant", "--option", "--granularity", "--all", "--seed", "--tries", "--seconds",
                "--tlc", "--tlc-timeout", "--out", "--json", "default 20000", "default 60.0", "default 1",
                "default 900", "default racetrace-out");
        assertThat(run("bench", "--help").out()).contains("--seed", "--seeds", "--option", "--granularity", "--strategy",
                "--out");
        assertThat(run("conform", "--help").out()).contains("--seed", "--traces", "--batch", "--option", "--tlc-timeout");
        assertThat(run("tlc", "--help").out()).contains("--config", "--thread", "--from", "--invariant", "--option",
                "--tlc-timeout");
        // Every error message's pointer works.
        Run bad = run("hunt", "vfio-pci", "--frob");
        assertThat(bad.err()).contains("see racetrace hunt --help");
        assertThat(run("--help").code()).isZero();
        assertThat(run().code()).isEqualTo(2);
    }

    @Test
    void granularityIsAShorthandForTheGeneralOption() {
        Run a = run("hunt", "vfio-pci", "--variant", "pre-a", "--granularity", "location", "--tries", "300", "--json");
        Run b = run("hunt", "vfio-pci", "--variant", "pre-a", "--option", "granularity=location", "--tries", "300",
                "--json");
        String strip = "\"(millis|millisToFirst|millisToShrink)\":[\\d.]+";
        assertThat(a.out().replaceAll(strip, "")).isEqualTo(b.out().replaceAll(strip, ""));
        assertThat(a.out().lines()).hasSize(1);
    }

    @Test
    void listsOfVariantsAndOptionsMayBeCommaSeparated() {
        Run a = run("hunt", "vfio-pci", "--variant", "pre-a,merged", "--option", "granularity=byte", "--strategy",
                "random", "--tries", "20", "--json");
        assertThat(a.out().lines()).hasSize(2);
        assertThat(a.out()).contains("\"variant\":\"pre-a\"", "\"variant\":\"merged\"");
    }

    @Test
    void benchTakesASeedAndTheInstanceOptions(@TempDir Path dir) {
        Run r = run("bench", "vfio-pci", "--variant", "pre-a", "--granularity", "location", "--seeds", "1", "--seed",
                "5", "--strategy", "random", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("vfio-pci/pre-a[granularity=location]").doesNotContain("granularity=byte");
        assertThat(r.err()).contains("bench over 1 instances x 1 strategies x 1 seeds");
        assertThat(dir.resolve("bench").resolve("bench.md")).exists();
    }

    @Test
    void heldAndViolatedJsonLinesHaveTheSameKeysAndMatchTheSchema() throws Exception {
        Run r = run("hunt", "vfio-pci", "--variant", "pre-a", "--variant", "merged", "--granularity", "location",
                "--strategy", "random", "--tries", "3000", "--json");
        assertThat(r.code()).isEqualTo(1);
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode violated = JSON.readTree(lines.get(0));
        JsonNode held = JSON.readTree(lines.get(1));
        assertThat(violated.get("verdict").asText()).isEqualTo("violated");
        assertThat(held.get("verdict").asText()).isEqualTo("held");
        assertThat(iterable(held.fieldNames())).containsExactlyElementsOf(iterable(violated.fieldNames()));
        assertThat(held.get("schedule").isNull()).isTrue();
        for (String line : lines) {
            JsonSchemas.assertValid("hunt", line);
        }
    }

    @Test
    void sameSeedSameCounterexample() {
        Run a = run("hunt", "vfio-pci", "--variant", "pre-a", "--granularity", "location", "--tries", "2000", "--json");
        Run b = run("hunt", "vfio-pci", "--variant", "pre-a", "--granularity", "location", "--tries", "2000", "--json");
        String strip = "\"(millis|millisToFirst|millisToShrink)\":[\\d.]+";
        assertThat(a.out().replaceAll(strip, "")).isEqualTo(b.out().replaceAll(strip, ""));
    }

    @Test
    void listNamesEveryModelVariantAndInvariant() {
        Run r = run("list");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("vfio-pci", "pre-a", "pre-b", "pre-c", "v2", "merged", "mlx5", "xen-fifo",
                "a0", "e2", "NoLostUpdate", "NoSelfLink", "granularity in byte|location");
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
