package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import racetrace.cli.Racetrace;
import racetrace.engine.ModelFamily;
import racetrace.engine.Models;
import racetrace.flags.Layout;
import racetrace.flags.Layouts;
import racetrace.search.Resealed;
import racetrace.search.hunt.Cap;
import racetrace.search.hunt.HuntOptions;
import racetrace.search.hunt.HuntResult;
import racetrace.search.hunt.Hunter;
import racetrace.search.hunt.Strategy;
import racetrace.search.hunt.Work;

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
        int code = Racetrace.run(args, new ByteArrayInputStream(stdin.getBytes(
                StandardCharsets.UTF_8)), new PrintWriter(out), new PrintWriter(err));
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
                HuntOptions.defaults().withWork(Work.DEFAULT.withTries(3000)), null);
        assertThat(r.violated()).isTrue();
        return r.findings().get(0).shrunk().toString();
    }

    // ---- the table of bad inputs: every one exit 2, one line on stderr, nothing on stdout

    /** {@code tlc vfio-pci --variant pre-a --thread user/cfgBar} and {@code more}: the base of the tlc rows. */
    private static List<String> tlcOfCfgBar(String... more) {
        List<String> out = new ArrayList<>(List.of("tlc", "vfio-pci", "--variant", "pre-a", "--thread", "user/cfgBar"));
        out.addAll(List.of(more));
        return out;
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                // The registered models, whatever they are: adding a model changes no file here.
                Arguments.of(List.of("hunt", "nosuch"), "unknown model 'nosuch'; known models: "
                        + Models.families().stream().map(ModelFamily::name).toList()),
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
                Arguments.of(List.of("fields", "mlx5", "--writers", "w.txt"),
                        "--writers adds writers to a layout of your own: give it with --layout FILE"),
                Arguments.of(List.of("layout", "mlx5", "x.h", "--writers"),
                        "layout --writers prints a bundled variant's writers table: give --variant V"),
                Arguments.of(List.of("hunt", "--all", "vfio-pci"), "either a model or --all, not both"),
                Arguments.of(List.of("hunt", "--all", "--variant", "nosuch"), "no model has variant 'nosuch'"),
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
                Arguments.of(List.of("hunt", "vfio-pci", "--out", "/dev/null"), "--out /dev/null is a file, not a directory"),
                Arguments.of(List.of("hunt", "vfio-pci", "--strategy", "swarm", "--swarm", "0"),
                        "--swarm 0 leaves --strategy swarm nothing to do"),
                // Work the strategy does not spend is refused, not ignored (a scope asked for and not explored
                // would otherwise end in held).
                Arguments.of(List.of("hunt", "vfio-pci", "--strategy", "random", "--scope", "3"),
                        "--scope 3 is work of the scope ladder (portfolio, scope), which --strategy random does not do"),
                Arguments.of(List.of("hunt", "vfio-pci", "--strategy", "random", "--swarm", "5"),
                        "--swarm 5 is work of the swarm (portfolio, swarm), which --strategy random does not do"),
                Arguments.of(List.of("hunt", "vfio-pci", "--strategy", "swarm", "--tries", "10"),
                        "--tries 10 is work of random runs (portfolio, random, uniform, pct), which --strategy swarm"),
                Arguments.of(List.of("hunt", "vfio-pci", "--strategy", "pct", "--states", "10"),
                        "--states 10 is work of the scope ladder"),
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
                Arguments.of(tlcOfCfgBar("--tlc-timeout", "-5"),
                        "--tlc-timeout -5 is out of range"),
                Arguments.of(tlcOfCfgBar("--tlc-timeout", "0"),
                        "--tlc-timeout 0 is out of range"),
                Arguments.of(List.of("tlc", "vfio-pci", "--variant", "pre-a", "--thread", "nobody/x"),
                        "--thread nobody/x: unknown actor 'nobody' of vfio-pci/pre-a"),
                Arguments.of(List.of("tlc", "xen-fifo", "--variant", "b", "--thread", "xen/send.1"),
                        "its actors are [xen-cpu"),
                Arguments.of(List.of("bench", "vfio-pci", "--variant", "pre-a", "--states-thread", "nobody/x"),
                        "--states-thread nobody/x: unknown actor 'nobody'"),
                Arguments.of(List.of("bench", "vfio-pci", "--variant", "pre-a", "--states-thread", "user"),
                        "--states-thread user: malformed thread 'user'"),
                Arguments.of(List.of("bench", "vfio-pci", "--variant", "pre-a", "--states-thread", "user/cfgBar",
                        "--states-config", "phase=99"), "--states-config phase=99: phase=99 is outside 0..3"),
                Arguments.of(List.of("tlc", "vfio-pci", "--variant", "pre-a", "--thread", "user"), "malformed thread 'user'"),
                Arguments.of(List.of("tlc", "vfio-pci", "--variant", "pre-a", "--thread", "user/cfgCmd.x"),
                        "has a non-integer argument 'x'"),
                Arguments.of(tlcOfCfgBar("--config", "phase"),
                        "--config phase should be NAME=VALUE"),
                Arguments.of(tlcOfCfgBar("--config", "phase=x"),
                        "the value should be an integer"),
                Arguments.of(tlcOfCfgBar("--config", "phase=99"),
                        "phase=99 is outside 0..3"),
                Arguments.of(tlcOfCfgBar("--config", "no=1"),
                        "unknown configuration parameter 'no'"),
                Arguments.of(tlcOfCfgBar("--invariant", "Nope"),
                        "has no invariant 'Nope'"),
                Arguments.of(tlcOfCfgBar("--out", "/dev/null"),
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
                Arguments.of(List.of("bench", "--states-config", "vcpus=2"), "--states-config needs --states-thread"),
                Arguments.of(List.of("bench", "--java-only"), "--java-only times the scenario of --states-thread"),
                Arguments.of(List.of("bench", "xen-fifo", "--java-only", "--tlc", "--states-thread", "xen-cpu/send.1"),
                        "--java-only times the Java explorer without TLC, and --tlc runs TLC: give one of them"),
                Arguments.of(List.of("bench", "xen-fifo", "--variant", "e2", "--states-config", "nosuch=1",
                        "--states-thread", "guest/upcall"), "unknown configuration parameter 'nosuch'"),
                Arguments.of(List.of("list", "extra"), "unknown model 'extra'; known models: "),
                Arguments.of(List.of("list", "a", "b"), "Unmatched argument at index 2: 'b' (see racetrace list --help)"),
                Arguments.of(List.of("nosuch"), "unknown command 'nosuch'; commands: list, hunt, replay, tlc, conform, bench, "
                        + "fields, layout, new-model, help"),
                // --layout (every command that takes a model, and replay), --struct, --arch
                Arguments.of(List.of("hunt", "--all", "--layout", "x.layout"),
                        "--layout FILE needs the model it makes a variant of"),
                Arguments.of(List.of("hunt", "vfio-pci", "--layout", "x.layout", "--variant", "pre-a"),
                        "give --variant or --layout FILE, not both"),
                Arguments.of(List.of("hunt", "vfio-pci", "--layout", "/nonexistent/x.layout"),
                        "layout file /nonexistent/x.layout does not exist"),
                Arguments.of(List.of("hunt", "xen-fifo", "--layout", LAYOUT_FILE.toString()),
                        "model xen-fifo takes no layout"),
                Arguments.of(List.of("hunt", "mlx5", "--layout", LAYOUT_FILE.toString()),
                        "the layout is for model vfio-pci (its 'model' line), not mlx5"),
                Arguments.of(List.of("hunt", "vfio-pci", "--struct", "s"), "--struct applies to a C declaration"),
                Arguments.of(List.of("hunt", "vfio-pci", "--layout", LAYOUT_FILE.toString(), "--arch", "arm64"),
                        "--arch applies to a C declaration (.h, .c) given as --layout"),
                Arguments.of(List.of("hunt", "vfio-pci", "--layout", "x.h", "--arch", "sparc"),
                        "--arch sparc is not a target; use one of [x86-64, arm64]"),
                Arguments.of(List.of("tlc", "vfio-pci", "--layout", LAYOUT_FILE.toString(), "--variant", "pre-a",
                        "--thread", "user/cfgBar"), "give --variant or --layout FILE, not both"),
                Arguments.of(List.of("conform", "--layout", LAYOUT_FILE.toString()), "--layout FILE needs the model"),
                Arguments.of(List.of("replay", "--layout", LAYOUT_FILE.toString(), "rt2:vfio-pci:pre-a"),
                        "was made with variant pre-a, but --layout " + LAYOUT_FILE + " is variant moved@"),
                Arguments.of(List.of("replay", "--layout", LAYOUT_FILE.toString(), "rt2:vfio"),
                        "schedule string is cut short"),
                Arguments.of(List.of("replay", LAYOUT_VARIANT_STRING), "a layout read from a file (<layout>@<digest>): "
                        + "give that file again with --layout FILE"),
                Arguments.of(List.of("tlc", "--from", LAYOUT_VARIANT_STRING), "give that file again with --layout FILE"),
                Arguments.of(List.of("tlc", "--from", LAYOUT_VARIANT_STRING, "--layout", OTHER_LAYOUT_FILE.toString()),
                        "but --layout " + OTHER_LAYOUT_FILE + " is variant moved@"),
                Arguments.of(List.of("replay", "--arch", "arm64", "x"), "--arch applies to a C declaration"),
                // --model-path
                Arguments.of(List.of("list", "--model-path", "/nonexistent/classes"),
                        "--model-path entry /nonexistent/classes does not exist"),
                Arguments.of(List.of("--model-path", "/nonexistent/classes", "list"),
                        "--model-path entry /nonexistent/classes does not exist"),
                Arguments.of(List.of("hunt", "vfio-pci", "--model-path", "/dev/null"), "is neither a jar nor a directory"),
                Arguments.of(List.of("replay", "x", "--model-path", LAYOUT_FILE.getParent().toString()),
                        "registers no model family"),
                // fields
                Arguments.of(List.of("fields"), "fields works on one flags model"),
                Arguments.of(List.of("fields", "--all"), "fields works on one flags model"),
                Arguments.of(List.of("fields", "xen-fifo"), "fields works on the flags models (vfio-pci, mlx5), not xen-fifo"),
                Arguments.of(List.of("fields", "nosuch"), "unknown model 'nosuch'"),
                Arguments.of(List.of("fields", "vfio-pci", "--ops", "0"), "--ops 0 is out of range; give a number of ops "
                        + "from 1 to 3"),
                Arguments.of(List.of("fields", "vfio-pci", "--ops", "4"), "--ops 4 is out of range"),
                Arguments.of(List.of("fields", "vfio-pci", "--max-states", "0"), "--max-states 0 is out of range"),
                Arguments.of(List.of("fields", "vfio-pci", "--variant", "zz"), "unknown variant 'zz' of model vfio-pci"),
                Arguments.of(List.of("fields", "vfio-pci", "--option", "close-pm=maybe"),
                        "option close-pm=maybe is not valid for vfio-pci; use one of [unreferenced, referenced]"),
                Arguments.of(List.of("fields", "vfio-pci", "--option", "nosuch=1"), "model vfio-pci has no option nosuch"),
                Arguments.of(List.of("fields", "vfio-pci", "--granularity", "word"), "option granularity=word is not valid"),
                Arguments.of(List.of("fields", "vfio-pci", "--compare", "--variant", "pre-a"),
                        "--compare runs every bundled layout"),
                Arguments.of(List.of("fields", "vfio-pci", "--compare", "--tlc"), "--compare tabulates verdicts and runs "
                        + "no TLC"),
                Arguments.of(List.of("fields", "vfio-pci", "--out", "x"), "--out is used by --tlc only"),
                Arguments.of(List.of("fields", "vfio-pci", "--tlc", "--out", "/dev/null"), "--out /dev/null is a file"),
                Arguments.of(List.of("fields", "vfio-pci", "--tlc", "--tlc-timeout", "0"), "--tlc-timeout 0 is out of range"),
                Arguments.of(List.of("fields", "vfio-pci", "--layout", "/nonexistent/x.layout"), "does not exist"),
                // layout
                Arguments.of(List.of("layout"), "Missing required parameter: '<model>'"),
                Arguments.of(List.of("layout", "vfio-pci"), "layout needs a C file or --variant V (one of them, not neither)"),
                Arguments.of(List.of("layout", "vfio-pci", "x.h", "--variant", "pre-a"), "not both"),
                Arguments.of(List.of("layout", "xen-fifo", "--variant", "a0"), "model xen-fifo takes no layout"),
                Arguments.of(List.of("layout", "vfio-pci", "--variant", "zz"), "unknown variant 'zz' of model vfio-pci"),
                Arguments.of(List.of("layout", "vfio-pci", "--variant", "pre-a", "--struct", "s"),
                        "--struct applies to a C declaration (.h, .c) given as FILE"),
                Arguments.of(List.of("layout", "vfio-pci", "/nonexistent/x.h"), "C file /nonexistent/x.h does not exist"),
                Arguments.of(List.of("layout", "vfio-pci", LAYOUT_FILE.toString()), "layout reads a C declaration"),
                Arguments.of(List.of("layout", "vfio-pci", "x.h", "--arch", "mips"), "--arch mips is not a target"),
                // new-model
                Arguments.of(List.of("new-model"), "Missing required parameter: 'NAME'"),
                Arguments.of(List.of("new-model", "Lost_Update"), "model name 'Lost_Update' is not valid"),
                Arguments.of(List.of("new-model", "x-"), "model name 'x-' is not valid"),
                Arguments.of(List.of("new-model", "ok", "--package", "Com.Example"), "--package Com.Example is not a Java "
                        + "package name"),
                Arguments.of(List.of("new-model", "ok", "--package", "class"), "--package class is not a Java package"),
                Arguments.of(List.of("new-model", "ok", "--dir", "/dev/null"), "--dir /dev/null is a file"),
                Arguments.of(List.of("new-model", "ok", "--dir", "/dev/null/x"), "cannot be created: /dev/null is a file"),
                Arguments.of(List.of("new-model", "ok", "--dir", LAYOUT_FILE.getParent().toString()), "is not empty"),
                Arguments.of(List.of("help", "nosuch"), "nosuch"));
    }

    /** A layout file of vfio-pci with virq_disabled and bardirty moved out of the bitfield run. */
    static final Path LAYOUT_FILE = layoutFile("moved", "virq_disabled", "bardirty");
    /** The same layout with has_vga moved out too: a different variant. */
    static final Path OTHER_LAYOUT_FILE = layoutFile("moved", "virq_disabled", "bardirty", "has_vga");
    /** A schedule string of the variant LAYOUT_FILE makes, sealed by hand (what hunt --layout prints). */
    static final String LAYOUT_VARIANT_STRING = layoutVariantString();

    static Path layoutFile(String name, String... plain) {
        List<String> run = List.of("has_dyn_msix", "pci_2_3", "reset_works", "extended_caps", "has_vga", "needs_reset",
                "nointx", "needs_pm_restore", "pm_intx_masked", "pm_runtime_engaged", "virq_disabled", "bardirty");
        StringBuilder b = new StringBuilder("model  vfio-pci\nlayout " + name + "\n");
        for (String p : plain) {
            b.append("plain  ").append(p).append(" 1\n");
        }
        b.append("run    rbar+28 2\n");
        int i = 0;
        for (String f : run) {
            if (!List.of(plain).contains(f)) {
                b.append("field  ").append(f).append(" 1 at ").append(i / 8).append('.').append(i % 8).append('\n');
                i++;
            }
        }
        try {
            Path dir = Files.createTempDirectory("racetrace-layout-" + plain.length);
            dir.toFile().deleteOnExit();
            Path f = dir.resolve(name + ".layout");
            Files.writeString(f, b.toString());
            f.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String layoutVariantString() {
        Layout l = Layouts.read(LAYOUT_FILE);
        return "rt2:vfio-pci:" + l.name() + "@" + l.digest() + ":granularity=byte:1.00000000:phase=0:user/cfgBar:0:-:"
                + "000000000.0000000";
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
        HuntResult r = Hunter.hunt(Models.create("vfio-pci", "merged", Map.of()), HuntOptions.defaults()
                .withStrategy(Strategy.RANDOM).withWork(Work.DEFAULT.withTries(10)).withCap(Cap.seconds(1e-9)), null);
        assertThat(r.tries()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aHuntItsClockCutsBeforeTheDefaultScopeIsDoneIsInconclusive() {
        // The default scope comes first; a clock that stops its explorations leaves nothing to back a held.
        HuntResult r = Hunter.hunt(Models.create("vfio-pci", "merged", Map.of()),
                HuntOptions.defaults().withWork(Work.DEFAULT.withTries(10)).withCap(Cap.seconds(1e-9)), null);
        assertThat(r.verdict()).isEqualTo(HuntResult.Verdict.INCONCLUSIVE);
        assertThat(r.evidence().exhaustive()).isFalse();
    }

    @Test
    void huntExitsOneWhenAnInstanceIsViolatedAndZeroWhenAllHeld() {
        Run violated = run("hunt", "vfio-pci", "--variant", "pre-a", "--granularity", "location", "--tries", "3000");
        assertThat(violated.code()).isEqualTo(1);
        assertThat(violated.out()).contains("violated: NoLostUpdate");
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
        f[8] = "-"; // a plain schedule: with only= it would claim a violation it no longer gives
        Run serial = run("replay", Resealed.of(f));
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
        assertOneLineError(run("replay", Resealed.of(f)), 2,
                "names thread 8, but the scenario has 2 threads");
    }

    @Test
    void replayTellsAFileFromAString(@TempDir Path dir) throws Exception {
        String s = preASchedule();
        assertOneLineError(run("replay", dir.resolve("missing.txt").toString()), 2, "there is no file");
        assertOneLineError(run("replay", dir.toString()), 2, "is a directory but no racetrace bundle");
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
        for (String cmd : List.of("list", "hunt", "replay", "tlc", "conform", "bench", "fields", "layout", "new-model")) {
            Run r = run(cmd, "--help");
            assertThat(r.code()).as(cmd).isZero();
            assertThat(r.out()).as(cmd).contains("Usage: racetrace " + cmd, "Exit codes:", "0 ", "2 ", "70 ");
            if (!List.of("list", "layout", "new-model").contains(cmd)) {
                assertThat(r.out()).as(cmd).contains("1 ", "4 ", "130 ");
            }
            if (!List.of("list", "layout", "new-model", "replay").contains(cmd)) {
                assertThat(r.out()).as(cmd).contains("3 ");
            }
            Run viaHelp = run("help", cmd);
            assertThat(viaHelp.out()).isEqualTo(r.out());
            // Every option's help says its default (or that it is a switch that is off by default).
            for (String line : r.out().replaceAll("\\n {20,}", " ").lines().filter(l -> l.startsWith("      --"))
                    .toList()) {
                assertThat(line).as(cmd).containsPattern("default|Show this help|Print version");
            }
        }
        String fields = run("fields", "--help").out().replaceAll("\\s+", " ");
        assertThat(fields).contains("--variant", "--layout", "--struct", "--arch", "--granularity", "--option", "--ops",
                "--max-states", "--compare", "--json", "--tlc", "--out", "--tlc-timeout", "--model-path",
                "0 no pair of fields races", "1 some pair races", "3 TLC could not run", "default 2",
                "default 5000000");
        assertThat(run("layout", "--help").out()).contains("--variant", "--struct", "--arch", "0    the layout was printed");
        assertThat(run("new-model", "--help").out()).contains("--dir", "--package", "default: ./NAME",
                "0    the project was written");
        for (String cmd : List.of("hunt", "tlc", "conform", "bench", "fields")) {
            assertThat(run(cmd, "--help").out()).as(cmd).contains("--layout", "--struct", "--arch", "--model-path");
        }
        assertThat(run("replay", "--help").out()).contains("--layout", "--model-path");
        assertThat(run("list", "--help").out()).contains("--model-path");
        assertThat(run("--help").out()).contains("--model-path", "fields", "layout", "new-model");
        String hunt = run("hunt", "--help").out().replaceAll("\\s+", " ");
        assertThat(hunt).contains("--variant", "--option", "--granularity", "--all", "--seed", "--tries", "--seconds",
                "--tlc", "--tlc-timeout", "--out", "--json", "default 20000", "default: none", "default 1",
                "default 900", "default racetrace-out", "4 inconclusive");
        assertThat(run("bench", "--help").out()).contains("--seed", "--seeds", "--option", "--granularity", "--strategy",
                "--out", "--states-thread", "--states-config", "--no-first", "--java-only");
        assertThat(run("conform", "--help").out()).contains("--seed", "--traces", "--batch", "--option", "--tlc-timeout");
        assertThat(run("tlc", "--help").out()).contains("--config", "--thread", "--from", "--invariant", "--option",
                "--tlc-timeout");
        // Every error message's pointer works.
        Run bad = run("hunt", "vfio-pci", "--frob");
        assertThat(bad.err()).contains("see racetrace hunt --help");
        assertThat(run("--help").code()).isZero();
        assertThat(run().code()).isEqualTo(2);
    }

    /** bench --java-only: the Java row of a scenario without TLC, its count checked, exit 0. */
    @Test
    void benchJavaOnlyTimesTheExplorerWithoutTlc(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Run r = run("bench", "xen-fifo", "--variant", "b", "--no-first", "--java-only", "--states-config",
                "vcpus=1,prios=2,ports=2,guest=1", "--states-thread", "xen-cpu/send.1,xen-cpu/setPriority.1.1,guest/upcall",
                "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Java only (--java-only): the timed and the unreduced search count the same states");
        assertThat(r.err()).doesNotContain("then TLC");
        String csv = java.nio.file.Files.readString(dir.resolve("bench").resolve("exhaustive.csv"));
        assertThat(csv.lines().toList()).hasSize(2);
        assertThat(csv.lines().toList().get(0)).endsWith(",java_cpu_ms,java_states_per_cpu_s");
        assertThat(csv.lines().toList().get(1)).contains("xen-fifo/b", ",-1,");
    }

    @Test
    void aSweepCoversGranularityByteAndLocationAndEveryOtherOptionAtItsDefault() throws Exception {
        Run r = run("hunt", "vfio-pci", "--variant", "merged", "--strategy", "random", "--tries", "5", "--json");
        List<JsonNode> lines = jsonLines(r.out());
        assertThat(lines).extracting(l -> l.get("config").get("granularity").asText()).containsExactly("byte", "location");
        Map<String, List<String>> options = Models.family("vfio-pci").options();
        for (JsonNode l : lines) {
            options.forEach((name, values) -> {
                // An option at its default may be left out of the instance's name.
                if (!name.equals("granularity") && l.get("config").has(name)) {
                    assertThat(l.get("config").get(name).asText()).as(name).isEqualTo(values.get(0));
                }
            });
        }
        Run chosen = run("hunt", "vfio-pci", "--variant", "merged", "--option", "close-pm=referenced", "--granularity",
                "gcc-x86-64", "--strategy", "random", "--tries", "5", "--json");
        assertThat(jsonLines(chosen.out())).singleElement().satisfies(l -> {
            assertThat(l.get("config").get("close-pm").asText()).isEqualTo("referenced");
            assertThat(l.get("config").get("granularity").asText()).isEqualTo("gcc-x86-64");
        });
        // Every model swept: one instance per variant and granularity value, not per assumption.
        Run all = run("hunt", "--all", "--strategy", "random", "--tries", "1", "--json");
        long expected = Models.families().stream().mapToLong(f -> InstanceCount.of(f)).sum();
        assertThat(jsonLines(all.out())).hasSize((int) expected);
    }

    /** The instances a sweep over a family runs: variants times two granularities (or one without the option). */
    private static final class InstanceCount {
        static long of(ModelFamily f) {
            long variants = f.variants().stream().filter(v -> !v.contains("@")).count();
            return variants * (f.options().containsKey("granularity") ? 2 : 1);
        }
    }

    @Test
    void aLayoutVariantsStringReplaysWithTheSameLayoutOnly(@TempDir Path dir) throws Exception {
        Run hunt = run("hunt", "vfio-pci", "--layout", LAYOUT_FILE.toString(), "--granularity", "byte", "--tries",
                "2000");
        assertThat(hunt.code()).as(hunt.err()).isEqualTo(1);
        assertThat(hunt.out()).contains("vfio-pci/moved@", "replay: racetrace replay --layout " + LAYOUT_FILE + " rt2:");
        Run json = run("hunt", "vfio-pci", "--layout", LAYOUT_FILE.toString(), "--granularity", "byte", "--tries",
                "2000", "--json");
        JsonNode line = JSON.readTree(json.out());
        JsonSchemas.assertValid("hunt", json.out());
        String s = line.get("schedule").asText();
        assertThat(line.get("variant").asText()).startsWith("moved@").isEqualTo(s.split(":")[2]);
        Run replay = run("replay", "--layout", LAYOUT_FILE.toString(), s);
        assertThat(replay.code()).as(replay.err()).isEqualTo(1);
        assertThat(replay.out()).contains("violated after step");
        assertOneLineError(run("replay", s), 2, "give that file again with --layout FILE");
        assertOneLineError(run("replay", "--layout", OTHER_LAYOUT_FILE.toString(), s), 2,
                "the layout differs from the one the string was made with");
        // A copy of the same file elsewhere is the same layout: the string names the content, not the path.
        Path copy = Files.copy(LAYOUT_FILE, dir.resolve("copy.layout"));
        assertThat(run("replay", "--layout", copy.toString(), s).code()).isEqualTo(1);
        // The file a hunt --json line is in works as well.
        Path lines = Files.writeString(dir.resolve("hunt.jsonl"), json.out());
        assertThat(run("replay", "--layout", LAYOUT_FILE.toString(), lines.toString()).code()).isEqualTo(1);
    }

    private static List<JsonNode> jsonLines(String out) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String l : out.strip().lines().toList()) {
            nodes.add(JSON.readTree(l));
            JsonSchemas.assertValid("hunt", l);
        }
        return nodes;
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

    private static List<String> iterable(Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
