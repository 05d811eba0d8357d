package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import racetrace.bench.Benchmark;
import racetrace.cli.OutputDirectory;
import racetrace.engine.Config;
import racetrace.engine.Model;
import racetrace.engine.Models;
import racetrace.engine.Op;
import racetrace.engine.Scenario;
import racetrace.engine.Schedule;
import racetrace.engine.ThreadScript;
import racetrace.flags.dwarf.Toolchain;
import racetrace.search.Case;
import racetrace.search.RandomCases;
import racetrace.search.Resealed;
import racetrace.search.ScheduleString;
import racetrace.search.Shrinker;
import racetrace.tla.CounterexampleJson;
import racetrace.tlc.TlcTraceFile;

/**
 * Issue 16's classes of answers that look valid and are not, one row per input: what a command
 * is given, the exit code it must give, and a text its output must hold. Caps that cut the work
 * (4, inconclusive), selections naming something unknown (2), edited inputs (2) told from real
 * disagreements (1), names new-model cannot scaffold (2), a model of one's own that throws (5),
 * an --out another run holds (2), child processes that wait forever or inputs they cannot read
 * (2), and the library route's printed commands and generic words.
 */
class HonestyTableTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One row.
     *
     * @param name what the row is about
     * @param args the command line; {@code {KEY}} stands for a fixture's path or text
     * @param code the exit code
     * @param stream where the text must appear: "err" or "out"
     * @param text what it must contain
     * @param needs "tlc" (skipped with -Dracetrace.tlc.skip=true), "gcc", "arm64" or "" for nothing
     * @param extra a further check of the whole output, or null
     */
    record Row(String name, List<String> args, int code, String stream, String text, String needs,
            Predicate<CommandLineTest.Run> extra) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static Row row(String name, int code, String stream, String text, String... args) {
        return new Row(name, List.of(args), code, stream, text, "", null);
    }

    private static Row needs(String what, Row r) {
        return new Row(r.name(), r.args(), r.code(), r.stream(), r.text(), what, r.extra());
    }

    private static Row also(Row r, Predicate<CommandLineTest.Run> extra) {
        return new Row(r.name(), r.args(), r.code(), r.stream(), r.text(), r.needs(), extra);
    }

    private static final String[] PRE_A = {"vfio-pci", "--variant", "pre-a", "--granularity", "location"};
    private static final String TWO_THREADS = "user/cfgBar,user/cfgCmd.1";
    /** A Xen scenario TLC needs minutes for: a TLC timeout of 1 s always cuts it. */
    private static final String[] XEN_BIG = {"xen-fifo", "--variant", "e2", "--config", "vcpus=2,prios=2,ports=3,guest=1",
        "--thread", "xen-cpu/send.1+send.2+send.3,xen-cpu/send.2+send.3+send.1,xen-cpu/send.3+send.1+send.2,"
                + "guest/upcall+upcall+upcall,guest/upcall+upcall+upcall"};

    private static String[] cat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static Stream<Row> rows() {
        List<Row> rows = new ArrayList<>();
        // ---- 1. a cap that cut the work: inconclusive (4), never "safe", "equal" or "different"
        rows.add(row("fields --max-states 1: pairs undecided, not safe", 4, "out", "undecided (a search stopped at "
                + "--max-states 1)", cat(cat(new String[] {"fields"}, PRE_A), "--max-states", "1")));
        rows.add(also(row("fields --max-states 30: the known race not listed as safe", 4, "out",
                "-- undecided (inconclusive): no lost update found", cat(cat(new String[] {"fields"}, PRE_A),
                        "--max-states", "30")), r -> !r.out().contains("-- safe")
                                || !r.out().substring(r.out().indexOf("-- safe")).contains("virq_disabled + bardirty")));
        rows.add(row("fields --max-states 100: a race, not called minimal (no NullPointerException)", 1, "out",
                "a race, but not shown minimal: a search stopped at --max-states 100",
                cat(cat(new String[] {"fields"}, PRE_A), "--max-states", "100")));
        rows.add(row("fields --max-states 100 --json: the undecided pairs say inconclusive", 1, "out",
                "\"verdict\":\"inconclusive\"", cat(cat(new String[] {"fields"}, PRE_A), "--max-states", "100",
                        "--json")));
        rows.add(row("fields mlx5 --max-states 1", 4, "out", "undecided", "fields", "mlx5", "--variant", "pre",
                "--max-states", "1"));
        rows.add(row("fields --compare --max-states 1: cells cut, not safe", 4, "out", "cut: no loss found", "fields",
                "vfio-pci", "--compare", "--granularity", "location", "--max-states", "1"));
        rows.add(needs("tlc", row("tlc --states --max-states 5: inconclusive, not DIFFERENT", 4, "out",
                "the Java explorer stopped at --max-states 5", cat(new String[] {"tlc", "vfio-pci", "--variant", "pre-a",
                        "--thread", TWO_THREADS, "--states", "--max-states", "5", "--out", "{OUT}"}))));
        rows.add(needs("tlc", row("tlc --states --max-states 5 --json", 4, "out", "\"verdict\":\"inconclusive\"",
                "tlc", "vfio-pci", "--variant", "pre-a", "--thread", TWO_THREADS, "--states", "--max-states", "5",
                "--json", "--out", "{OUT}")));
        rows.add(needs("tlc", row("tlc --tlc-timeout 1 on a scenario of minutes: inconclusive, not a TLC failure", 4,
                "out", "inconclusive: --tlc-timeout stopped TLC", cat(cat(new String[] {"tlc"}, XEN_BIG),
                        "--tlc-timeout", "1", "--out", "{OUT}"))));
        rows.add(needs("tlc", row("conform --states --states-max 1: not compared, inconclusive", 4, "out",
                "not compared (inconclusive): the Java search stopped at --states-max", "conform", "xen-fifo",
                "--variant", "e2", "--traces", "2", "--states", "--states-max", "1", "--out", "{OUT}")));
        rows.add(needs("tlc", row("conform of a model declaring an action no run takes: inconclusive", 4, "out",
                "missing [recover] (no run TLC checked took them", "conform", "ghost-action", "--variant", "buggy",
                "--model-path", "{GHOST}", "--traces", "3", "--out", "{OUT}")));
        rows.add(needs("tlc", row("conform --states of a model without coverage scenarios", 4, "out",
                "declares no coverageScenarios()", "conform", "bare-update", "--model-path", "{NOCOVER}", "--traces",
                "3", "--states", "--out", "{OUT}")));
        rows.add(needs("tlc", row("conform --tlc-timeout 1 on big batches: inconclusive", 4, "out", "not checked",
                "conform", "xen-fifo", "--variant", "e2", "--traces", "300", "--batch", "300", "--tlc-timeout", "1",
                "--out", "{OUT}")));
        rows.add(row("replay of a run that reaches the step limit: inconclusive", 4, "err",
                "inconclusive: the run reached the step limit (5000 steps)", "replay", "--model-path", "{SPIN}",
                "{SPIN_STRING}"));
        rows.add(row("the step limit: the table says where it was cut", 4, "out", "cut off at the step limit",
                "replay", "--model-path", "{SPIN}", "{SPIN_STRING}"));

        // ---- 2. one selection rule: anything named that does not exist is refused (2)
        rows.add(row("hunt --all --variant pre-a,zzz refuses zzz", 2, "err", "no model has variant 'zzz'", "hunt",
                "--all", "--variant", "pre-a,zzz"));
        rows.add(row("conform over every model --variant zzz", 2, "err", "no model has variant 'zzz'", "conform",
                "--variant", "zzz"));
        rows.add(row("bench over every model --variant pre-a,zz", 2, "err", "no model has variant 'zz'", "bench",
                "--variant", "pre-a,zz"));
        rows.add(row("hunt --all --variant a0,zz", 2, "err", "no model has variant 'zz'", "hunt", "--all",
                "--variant", "a0,zz"));
        rows.add(row("an empty --model-path", 2, "err", "--model-path is empty", "hunt", "vfio-pci", "--model-path",
                ""));
        rows.add(row("an empty --model-path before the command", 2, "err", "--model-path is empty", "--model-path", "",
                "list"));
        rows.add(row("a model path whose services file is empty", 2, "err", "names no class (it is empty)", "list",
                "--model-path", "{EMPTY_SERVICES}"));
        rows.add(row("hunt through a model path whose services file is empty", 2, "err", "registers no model family",
                "hunt", "honest-update", "--model-path", "{EMPTY_SERVICES}"));
        rows.add(row("list <model> of an unknown model names --model-path", 2, "err",
                "(a model of your own: add --model-path", "list", "nosuch"));
        rows.add(row("hunt of an unknown model names --model-path", 2, "err", "a model of your own: add --model-path",
                "hunt", "honest-update"));
        rows.add(also(row("list <model> lists that one", 0, "out", "vfio-pci: ", "list", "vfio-pci"),
                r -> !r.out().contains("xen-fifo:") && !r.out().contains("mlx5:")));
        rows.add(also(row("list <model> of a model of one's own", 0, "out", "honest-update: ", "list",
                "honest-update", "--model-path", "{USER}"), r -> !r.out().contains("vfio-pci:")));
        rows.add(row("conform --all --option nosuch=1", 2, "err", "no model has option nosuch", "conform", "--all",
                "--option", "nosuch=1"));
        rows.add(row("fields --variant pre-a,zz", 2, "err", "unknown variant 'zz' of model vfio-pci", "fields",
                "vfio-pci", "--variant", "pre-a,zz"));
        rows.add(row("tlc --invariant of another model", 2, "err", "has no invariant 'NoSelfLink'", "tlc", "vfio-pci",
                "--variant", "pre-a", "--thread", "user/cfgBar", "--invariant", "NoSelfLink"));

        // ---- 3. edited inputs (2) told from disagreements of intact ones (1)
        rows.add(row("a trace file whose header string was swapped for another of the same instance", 2, "err",
                "was edited after racetrace tlc wrote it (line 1 or TLC's output)", "replay", "{TRACE_SWAPPED}"));
        rows.add(row("a trace file whose TLC output was edited", 2, "err", "was edited after racetrace tlc wrote it",
                "replay", "{TRACE_EDITED}"));
        rows.add(row("a trace file cut short", 2, "err", "is cut short", "replay", "{TRACE_CUT}"));
        rows.add(row("an intact trace file the Java model does not take: a disagreement", 1, "err",
                "TLC's counterexample does not replay in Java", "replay", "{TRACE_DISAGREES}"));
        rows.add(row("an intact trace file that agrees", 1, "out", "NoLostUpdate violated after step", "replay",
                "{TRACE_GOOD}"));
        rows.add(row("a trace file of the older format, whose check left line 1 out", 2, "err",
                "this is a format-2 TLC trace file", "replay", "{TRACE_FORMAT2}"));
        rows.add(row("an intact counterexample JSON", 1, "out", "NoLostUpdate violated after step", "replay",
                "{JSON_GOOD}"));
        rows.add(row("a counterexample JSON with a state edited", 2, "err", "it was edited after racetrace wrote it",
                "replay", "{JSON_EDITED}"));
        rows.add(row("a counterexample JSON whose check was recomputed after the edit: the model changed", 1, "err",
                "the model runs otherwise than when the file was written", "replay", "{JSON_RESEALED}"));
        rows.add(row("a counterexample JSON without a check, edited", 2, "err", "to tell which", "replay",
                "{JSON_NO_CHECK}"));
        rows.add(row("a counterexample JSON whose check alone was changed", 2, "err", "was edited", "replay",
                "{JSON_CHECK_CHANGED}"));
        rows.add(row("a schedule string with its choices edited", 2, "err", "choices field", "replay",
                "{STRING_CHOICES_EDITED}"));
        rows.add(row("a schedule string with its model edited", 2, "err", "model field", "replay",
                "{STRING_MODEL_EDITED}"));
        rows.add(row("an intact string whose only= the run no longer violates", 1, "err",
                "is intact, but its run now ends without violating it", "replay", "{STRING_NOT_VIOLATING}"));
        rows.add(row("the same run without only=: a plain schedule, nothing claimed", 0, "out",
                "every invariant held", "replay", "{STRING_PLAIN}"));

        // ---- 4. new-model refuses names it cannot scaffold
        rows.add(row("new-model model: no clash, the skeleton has no family class (ModelModel, ModelProperties)", 0,
                "out", "wrote the model model project", "new-model", "model", "--dir", "{NEW}/model"));
        rows.add(row("new-model naturals: a standard module", 2, "err", "the TLA+ module Naturals, the name of a TLA+ "
                + "standard module", "new-model", "naturals", "--dir", "{NEW}/naturals"));
        rows.add(row("new-model sequences", 2, "err", "standard module", "new-model", "sequences", "--dir",
                "{NEW}/sequences"));
        rows.add(row("new-model finite-sets", 2, "err", "TLA+ module FiniteSets", "new-model", "finite-sets", "--dir",
                "{NEW}/fs"));
        rows.add(row("new-model t-l-c", 2, "err", "TLA+ module TLC", "new-model", "t-l-c", "--dir", "{NEW}/tlc"));
        rows.add(row("new-model a-s-s-u-m-e: a TLA+ reserved word", 2, "err", "a TLA+ reserved word", "new-model",
                "a-s-s-u-m-e", "--dir", "{NEW}/assume"));
        rows.add(row("new-model storage-flags: racetrace's own spec", 2, "err", "racetrace's own spec", "new-model",
                "storage-flags", "--dir", "{NEW}/sf"));
        rows.add(row("new-model int: the package is a keyword", 2, "err", "'int' is a Java keyword (give another name, "
                + "or --package)", "new-model", "int", "--dir", "{NEW}/int"));
        rows.add(row("new-model foo --package com.int.foo", 2, "err", "--package com.int.foo is not a Java package "
                + "name: 'int' is a Java keyword", "new-model", "foo", "--package", "com.int.foo", "--dir", "{NEW}/foo"));
        rows.add(row("--package with a literal", 2, "err", "'true' is a Java literal", "new-model", "foo", "--package",
                "com.true.foo", "--dir", "{NEW}/foo"));
        rows.add(row("--package _", 2, "err", "'_' is a Java keyword", "new-model", "foo", "--package", "_", "--dir",
                "{NEW}/foo"));
        rows.add(row("--package in racetrace's namespace", 2, "err", "racetrace's own namespace", "new-model", "foo",
                "--package", "racetrace.foo", "--dir", "{NEW}/foo"));
        rows.add(row("--package in Java's namespace", 2, "err", "Java's own namespace", "new-model", "foo",
                "--package", "java.foo", "--dir", "{NEW}/foo"));
        rows.add(row("new-model vfio-pci: a name racetrace has", 2, "err", "is taken", "new-model", "vfio-pci", "--dir",
                "{NEW}/vfio"));
        rows.add(row("new-model x--y", 2, "err", "single '-' between them", "new-model", "x--y", "--dir", "{NEW}/xy"));
        rows.add(row("new-model with a 61-character name", 2, "err", "has 61 characters", "new-model",
                "a" + "-b".repeat(30), "--dir", "{NEW}/long"));

        // ---- 5. a model of one's own that throws: exit 5, class, step, string, frames
        rows.add(row("hunt of a model that throws in a step", 5, "err",
                "(boomstep.BoomStepModel) threw java.lang.IllegalStateException: the counter went past one in step of "
                        + "thread", "hunt", "boom-step", "--variant", "buggy", "--model-path", "{BOOM}", "--tries", "500"));
        rows.add(row("the step's label", 5, "err", "at step label 'store'", "hunt", "boom-step", "--variant", "buggy",
                "--model-path", "{BOOM}", "--tries", "500"));
        rows.add(row("the string that reproduces it, with --model-path", 5, "err",
                "racetrace: reproduce it with: racetrace replay --model-path ", "hunt", "boom-step", "--variant",
                "buggy", "--model-path", "{BOOM}", "--tries", "500"));
        rows.add(also(row("the model's own frames, not racetrace's", 5, "err", "    at boomstep.BoomStepModel.step(",
                "hunt", "boom-step", "--variant", "buggy", "--model-path", "{BOOM}", "--tries", "500"),
                r -> !r.err().contains("at racetrace.") && !r.err().contains("internal error")));
        rows.add(row("conform of a model that throws", 5, "err", "threw java.lang.IllegalStateException", "conform",
                "boom-step", "--variant", "buggy", "--model-path", "{BOOM}", "--traces", "50", "--out", "{OUT}"));
        rows.add(row("a model that throws in its start state", 5, "err",
                "threw java.lang.UnsupportedOperationException: no registers in initial", "hunt", "boom-start",
                "--variant", "buggy", "--model-path", "{BOOM_START}", "--tries", "500"));
        rows.add(row("a model whose invariant throws", 5, "err", "in invariant NoLostUpdate", "hunt", "boom-check",
                "--variant", "buggy", "--model-path", "{BOOM_CHECK}", "--tries", "500"));
        rows.add(row("the printed string replays to the same exception", 5, "err", "the counter went past one",
                "replay", "--model-path", "{BOOM}", "{BOOM_STRING}"));
        rows.add(also(row("a program of one's own whose family() throws", 5, "err",
                "a model of your own threw java.lang.IllegalArgumentException: no such CPU in boomfamily.BoomFamilyModel",
                "hunt", "boom-family", "--variant", "fixed", "--model-path", "{BOOM_FAMILY}"),
                r -> r.err().contains("    at boomfamily.BoomFamilyModel.family(") && !r.err().contains("internal error")));

        // ---- 6. --out is locked while a run writes it
        rows.add(row("tlc into an --out another run holds", 2, "err", "is being written by another racetrace run",
                "tlc", "vfio-pci", "--variant", "pre-a", "--thread", "user/cfgBar", "--out", "{LOCKED}"));
        rows.add(row("conform into an --out another run holds", 2, "err", "is being written by another racetrace run",
                "conform", "vfio-pci", "--out", "{LOCKED}"));
        rows.add(row("bench into an --out another run holds", 2, "err", "is being written by another racetrace run",
                "bench", "vfio-pci", "--out", "{LOCKED}"));
        rows.add(row("fields --tlc into an --out another run holds", 2, "err", "wait for it to finish, or give another "
                + "--out", "fields", "vfio-pci", "--tlc", "--out", "{LOCKED}"));
        rows.add(row("hunt --tlc into an --out another run holds", 2, "err", "is being written by another racetrace run",
                "hunt", "vfio-pci", "--tlc", "--out", "{LOCKED}"));

        // ---- 7. child processes bounded, their inputs' problems named
        rows.add(needs("gcc", row("a header that includes a FIFO: GCC stopped, the FIFO named", 2, "err",
                "does the file #include a FIFO", "layout", "vfio-pci", "{FIFO_INCLUDE}")));
        rows.add(needs("arm64", row("a struct with a huge member: the member named", 2, "err",
                "the member pad before it spans 8589934592 bytes", "layout", "vfio-pci", "{HUGE}", "--arch", "arm64")));
        rows.add(needs("gcc", row("the same struct on x86-64 is read", 0, "out", "field  has_dyn_msix", "layout",
                "vfio-pci", "{HUGE}")));
        rows.add(row("a binary layout file", 2, "err", "is a binary file (a NUL byte at offset", "hunt", "vfio-pci",
                "--layout", "{BIN_LAYOUT}"));
        rows.add(row("a layout file in Latin-1", 2, "err", "is not UTF-8 text", "hunt", "vfio-pci", "--layout",
                "{LATIN1_LAYOUT}"));
        rows.add(row("a binary C file", 2, "err", "C file", "layout", "vfio-pci", "{BIN_H}"));
        rows.add(row("a layout file that is a FIFO", 2, "err", "is not a file", "hunt", "vfio-pci", "--layout",
                "{FIFO_LAYOUT}"));

        // ---- 8. signals and exit codes documented
        rows.add(row("--help lists inconclusive", 0, "out", "inconclusive: a cap or the clock cut the work short",
                "--help"));
        rows.add(row("--help lists a model's own exception", 0, "out", "a model of your own threw", "--help"));
        rows.add(row("--help lists Ctrl-C", 0, "out", "interrupted (Ctrl-C)", "--help"));
        rows.add(row("replay --help lists the step limit's code", 0, "out", "the step limit", "replay", "--help"));

        // ---- 9. the library route: printed commands carry --model-path; generic words; no colour codes
        rows.add(row("hunt of a model of one's own prints replay with --model-path", 1, "out",
                "racetrace replay --model-path {USER}", "hunt", "honest-update", "--variant", "buggy", "--model-path",
                "{USER}", "--tries", "3000"));
        rows.add(needs("tlc", row("tlc of a model of one's own prints replay with --model-path", 1, "out",
                "replay:  racetrace replay --model-path {USER}", "tlc", "honest-update", "--variant", "buggy",
                "--thread", "cpu/inc,cpu/inc", "--model-path", "{USER}", "--out", "{OUT}")));
        rows.add(needs("tlc", also(row("tlc names no model family in its progress line", 1, "err",
                "the time grows quickly with threads and ops", "tlc", "honest-update", "--variant", "buggy",
                "--thread", "cpu/inc,cpu/inc", "--model-path", "{USER}", "--out", "{OUT}"),
                r -> !r.err().contains("Xen") && !r.err().contains("flags"))));
        rows.add(also(row("no colour codes in the usage on stderr", 2, "err", "Usage: racetrace"),
                r -> !r.err().contains("\u001b[")));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachRowGivesItsCodeAndSaysWhy(Row row) {
        if (row.needs().equals("tlc")) {
            assumeTrue(!Boolean.getBoolean("racetrace.tlc.skip"), "TLC runs skipped (-Dracetrace.tlc.skip=true)");
        }
        if (row.needs().equals("gcc")) {
            assumeTrue(Fixtures.GCC, "no gcc here");
        }
        if (row.needs().equals("arm64")) {
            assumeTrue(Fixtures.ARM64, "no aarch64-linux-gnu-gcc here");
        }
        String[] args = row.args().stream().map(Fixtures::fill).toArray(String[]::new);
        String before = System.getProperty("racetrace.gcc.timeout");
        System.setProperty("racetrace.gcc.timeout", "3");
        CommandLineTest.Run r;
        try {
            r = CommandLineTest.run(args);
        } finally {
            if (before == null) {
                System.clearProperty("racetrace.gcc.timeout");
            } else {
                System.setProperty("racetrace.gcc.timeout", before);
            }
        }
        assertThat(r.code()).as("%s%nout: %s%nerr: %s", List.of(args), r.out(), r.err()).isEqualTo(row.code());
        String where = row.stream().equals("out") ? r.out() : r.err();
        assertThat(where).as("%s%nout: %s%nerr: %s", List.of(args), r.out(), r.err()).contains(Fixtures.fill(row.text()));
        assertThat(r.err()).as("no stack trace").doesNotContain("\tat ").doesNotContain("racetrace: internal error");
        if (row.code() == 2 && !row.args().contains("--help") && !row.args().isEmpty()) {
            assertThat(r.err().strip().lines()).as("one line: %s", r.err()).hasSize(1);
        }
        if (row.extra() != null) {
            assertThat(row.extra().test(r)).as("%s%nout: %s%nerr: %s", List.of(args), r.out(), r.err()).isTrue();
        }
    }

    /** bench's rows: a comparison a cap cut is inconclusive, never equal or different. */
    @Test
    void aBenchRowCutByACapIsInconclusive() {
        Function<String, Integer> code = v -> Benchmark.code(
                new Benchmark.ExhaustiveRow("m/v", "scenario", 1, 5, 1.0, 66, 10, 5, v));
        assertThat(code.apply("equal")).isZero();
        assertThat(code.apply("inconclusive: the Java search stopped at its cap of 50000000 states")).isEqualTo(4);
        assertThat(code.apply("inconclusive: TLC stopped at --tlc-timeout")).isEqualTo(4);
        assertThat(code.apply("TLC: parse error")).isEqualTo(3);
        assertThat(code.apply("DIFFERENT: Java 5, TLC 66")).isEqualTo(1);
    }

    /** Takes the lock of an --out as another run would, and keeps it. */
    record LockHolder(Path dir) implements Runnable {
        @Override
        public void run() {
            OutputDirectory.lock("--out", dir);
        }
    }

    /** The fixtures the rows name, made once: models of one's own, files edited or intact, a locked --out. */
    static final class Fixtures {
        static final Path WORK = Scratch.directory("racetrace-honesty");
        static final boolean GCC = Toolchain.of("x86-64").available();
        static final boolean ARM64 = Toolchain.of("arm64").available();
        static final Map<String, String> VALUES = values();

        static String fill(String s) {
            for (Map.Entry<String, String> e : VALUES.entrySet()) {
                s = s.replace("{" + e.getKey() + "}", e.getValue());
            }
            return s;
        }

        private static Map<String, String> values() {
            Map<String, String> v = new LinkedHashMap<>();
            try {
                v.put("OUT", WORK.resolve("out").toString());
                v.put("NEW", WORK.resolve("new").toString());
                v.put("USER", UserModels.make(WORK, "honest-update", Map.of()).toString());
                v.put("GHOST", UserModels.make(WORK, "ghost-action", Map.of(
                        "return Set.of(\"load\", \"store\");",
                        "return Set.of(\"load\", \"store\", \"recover\");")).toString());
                v.put("NOCOVER", UserModels.make(WORK, "bare-update", Map.of(
                        "return List.of(new Scenario(Config.empty(), List.of(one, one)), "
                                + "new Scenario(Config.empty(), List.of(two, one)));", "return List.of();")).toString());
                Path boom = UserModels.make(WORK, "boom-step", Map.of("                    m.counter = r.reg + 1;",
                        "                    if (r.reg == 1 && t.variant().equals(\"buggy\")) {\n"
                                + "                        throw new IllegalStateException(\"the counter went past one\");\n"
                                + "                    }\n"
                                + "                    m.counter = r.reg + 1;"));
                v.put("BOOM", boom.toString());
                v.put("BOOM_START", UserModels.make(WORK, "boom-start", Map.of("return new Registers();",
                        "if (actor.equals(\"cpu\")) {\n"
                                + "            throw new UnsupportedOperationException(\"no registers\");\n        }\n"
                                + "        return new Registers();"))
                        .toString());
                v.put("BOOM_CHECK", UserModels.make(WORK, "boom-check", Map.of(
                        "v -> IntStream.rangeClosed(1, v.threadCount()).anyMatch(t -> !v.done(t))",
                        "v -> v.memory().counter == 2 ? 1 / (v.memory().counter - 2) == 0 : "
                                + "IntStream.rangeClosed(1, v.threadCount()).anyMatch(t -> !v.done(t))")).toString());
                v.put("BOOM_FAMILY", UserModels.make(WORK, "boom-family", Map.of(
                        "        return Family.of(\"boom-family\"",
                        "        if (!Boolean.getBoolean(\"boom.never\")) {\n"
                                + "            throw new IllegalArgumentException(\"no such CPU\");\n        }\n"
                                + "        return Family.of(\"boom-family\"")).toString());
                Path spin = UserModels.make(WORK, "spin-update", Map.of(
                        "                    t.end();",
                        "                    t.go(\"load\"); // never done: loops until the step limit"));
                v.put("SPIN", spin.toString());
                v.put("SPIN_STRING", userString(spin, "spin-update", Schedule.empty(), 1));
                v.put("BOOM_STRING", userString(boom, "boom-step", Schedule.of(0, 0, 1, 1), 2));
                Path empty = WORK.resolve("empty-services/META-INF/services/racetrace.engine.ModelFamily");
                Files.createDirectories(empty.getParent());
                Files.writeString(empty, "# no family yet\n\n");
                v.put("EMPTY_SERVICES", WORK.resolve("empty-services").toString());
                traceAndJsonFiles(v);
                gccFiles(v);
                Path locked = Files.createDirectories(WORK.resolve("locked"));
                // Another run: a thread of this process that took the lock and keeps it.
                // (Not a lambda of this class: the thread would wait for this class's initialisation.)
                Thread other = new Thread(new LockHolder(locked), "another-run");
                other.start();
                other.join();
                v.put("LOCKED", locked.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return v;
        }

        /** A schedule string of a compiled model of one's own (buggy variant), made as racetrace makes them. */
        private static String userString(Path classes, String model, Schedule schedule, int threads) {
            try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                    HonestyTableTest.class.getClassLoader())) {
                ClassLoader before = Models.useClassLoader(loader);
                try {
                    Model<?> m = Models.create(model, "buggy", Map.of());
                    List<ThreadScript> ts = new ArrayList<>();
                    for (int i = 0; i < threads; i++) {
                        ts.add(ThreadScript.of("cpu", Op.of("inc")));
                    }
                    return ScheduleString.encode(new Case(m, new Scenario(Config.empty(), ts), schedule));
                } finally {
                    Models.useClassLoader(before);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A violating run of vfio-pci/pre-a at location granularity, shrunk, and another scenario of it. */
        private static Case[] violating() {
            Model<?> m = Models.create("vfio-pci", "pre-a", Map.of("granularity", "location"));
            Random r = new Random(11);
            Case found = null;
            Case other = null;
            for (int i = 0; i < 20_000 && (found == null || other == null); i++) {
                Case c = RandomCases.draw(m, RandomCases.DEFAULT_SCHEDULE_LENGTH, r);
                String broken = c.run().outcome().invariantOrNull();
                if (broken != null && found == null) {
                    found = Shrinker.shrink(c, broken, 5_000).shrunk();
                } else if (found != null && !c.scenario().equals(found.scenario())) {
                    other = c;
                }
            }
            return new Case[] {found, other};
        }

        private static void traceAndJsonFiles(Map<String, String> v) throws IOException {
            Case[] cs = violating();
            Case c = cs[0];
            String good = TlcTraceFile.text(c, Fuzz.tlcOutput(c));
            v.put("TRACE_GOOD", write("good-trace.txt", good));
            String[] lines = good.split("\n", -1);
            String[] header = lines[0].split(" ");
            String swappedHeader = lines[0].replace(header[3], ScheduleString.encode(
                    new Case(cs[1].model(), cs[1].scenario(), Schedule.empty())));
            v.put("TRACE_SWAPPED", write("swapped-trace.txt", swappedHeader + good.substring(lines[0].length())));
            v.put("TRACE_EDITED", write("edited-trace.txt", good.replaceFirst("usage = 1", "usage = 7")));
            v.put("TRACE_CUT", write("cut-trace.txt", String.join("\n", Arrays.copyOf(lines,
                    lines.length / 2))));
            // Intact (its check made over what it holds) and still not the Java model's run: the header
            // names another scenario than the states TLC printed.
            v.put("TRACE_DISAGREES", write("disagreeing-trace.txt", TlcTraceFile.text(
                    new Case(cs[1].model(), cs[1].scenario(), Schedule.empty()), Fuzz.tlcOutput(c))));
            v.put("TRACE_FORMAT2", write("old-trace.txt", good.replaceFirst("racetrace-tlc-trace 3 ",
                    "racetrace-tlc-trace 2 ")));

            String json = CounterexampleJson.toJson(c.run());
            v.put("JSON_GOOD", write("good.json", json));
            String edited = json.replaceFirst("\"usage\" : 1", "\"usage\" : 7");
            assertThat(edited).isNotEqualTo(json);
            v.put("JSON_EDITED", write("edited.json", edited));
            ObjectNode doc = (ObjectNode) JSON.readTree(edited);
            doc.remove(CounterexampleJson.DIGEST);
            doc.put(CounterexampleJson.DIGEST, CounterexampleJson.digest(JSON.writeValueAsString(doc)));
            v.put("JSON_RESEALED", write("resealed.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc)));
            ObjectNode unchecked = (ObjectNode) JSON.readTree(edited);
            unchecked.remove(CounterexampleJson.DIGEST);
            v.put("JSON_NO_CHECK", write("unchecked.json", JSON.writeValueAsString(unchecked)));
            ObjectNode tampered = (ObjectNode) JSON.readTree(json);
            tampered.put(CounterexampleJson.DIGEST, "0000000000000000");
            v.put("JSON_CHECK_CHANGED", write("tampered.json", JSON.writeValueAsString(tampered)));

            String s = ScheduleString.encode(c);
            String[] f = s.split(":");
            String choices = f[7];
            char swapped = choices.charAt(0) == '0' ? '1' : '0';
            v.put("STRING_CHOICES_EDITED", s.replace(":" + choices + ":", ":" + swapped + choices.substring(1) + ":"));
            v.put("STRING_MODEL_EDITED", s.replace("rt2:vfio-pci:", "rt2:mlx5:"));
            String[] serial = Arrays.copyOf(f, 9);
            serial[7] = "0";
            v.put("STRING_NOT_VIOLATING", Resealed.of(serial));
            serial[8] = "-";
            v.put("STRING_PLAIN", Resealed.of(serial));
        }

        private static void gccFiles(Map<String, String> v) throws IOException {
            Path dir = Files.createDirectories(WORK.resolve("c"));
            Path fifo = dir.resolve("pipe.h");
            mkfifo(fifo);
            v.put("FIFO_INCLUDE", write("c/fifo.h", "#include \"pipe.h\"\nstruct s { unsigned a:1, b:1; };\n"));
            v.put("HUGE", write("c/huge.h", "struct vfio_pci_core_device {\n  char pad[1UL << 33];\n"
                    + "  unsigned int has_dyn_msix:1, pci_2_3:1, reset_works:1, extended_caps:1, has_vga:1, "
                    + "needs_reset:1,\n    nointx:1, needs_pm_restore:1, pm_intx_masked:1, pm_runtime_engaged:1, "
                    + "virq_disabled:1, bardirty:1;\n};\n"));
            Path bin = dir.resolve("bin.layout");
            Files.write(bin, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0});
            v.put("BIN_LAYOUT", bin.toString());
            Path latin1 = dir.resolve("latin1.layout");
            Files.write(latin1, "model vfio-pci\nlayout caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
            v.put("LATIN1_LAYOUT", latin1.toString());
            Path binH = dir.resolve("bin.h");
            Files.write(binH, new byte[] {0x7f, 'E', 'L', 'F', 0, 0});
            v.put("BIN_H", binH.toString());
            Path fifoLayout = dir.resolve("fifo.layout");
            mkfifo(fifoLayout);
            v.put("FIFO_LAYOUT", fifoLayout.toString());
        }

        private static void mkfifo(Path p) {
            try {
                Process pr = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
                assertThat(pr.waitFor()).isZero();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("mkfifo " + p, e);
            }
        }

        private static String write(String name, String text) throws IOException {
            Path p = WORK.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
            return p.toString();
        }
    }
}
