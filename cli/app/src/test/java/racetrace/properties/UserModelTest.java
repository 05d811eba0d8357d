package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racetrace.engine.Model;
import racetrace.engine.Models;
import racetrace.property.Bundle;
import racetrace.search.hunt.HuntOptions;
import racetrace.search.hunt.HuntResult;
import racetrace.search.hunt.Hunter;
import racetrace.search.hunt.Work;

/**
 * A model of one's own, as a user gets it: written by {@code new-model} outside racetrace's tree,
 * compiled the way Maven would (classes, services file, spec under tla/), then run with
 * {@code --model-path}. Nothing of racetrace names it.
 */
class UserModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    static Path project;
    static Path classes;
    static Path noSpecClasses;

    @BeforeAll
    static void writeAndCompile() throws IOException {
        project = work.resolve("lost-update");
        CommandLineTest.Run r = CommandLineTest.run("new-model", "lost-update", "--dir", project.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("LostUpdateModel.java", "LostUpdate.tla", "--model-path");
        classes = compile(project, work.resolve("classes"), false);
        noSpecClasses = compile(project, work.resolve("classes-nospec"), true);
    }

    /** javac over src/main/java, then the resources and src/main/tla (as tla/), like the skeleton's pom. */
    static Path compile(Path project, Path out, boolean dropSpec) throws IOException {
        Path src = project.resolve("src/main/java");
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-cp", System.getProperty("java.class.path"),
                "--release", "17", "-proc:none"));
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path file = p;
                if (dropSpec && p.getFileName().toString().endsWith("Model.java")) {
                    file = out.resolveSibling(out.getFileName() + "-src").resolve(p.getFileName());
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, Files.readString(p).replace("return \"LostUpdate\";", "return null;"));
                }
                args.add(file.toString());
            }
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).as("javac " + args).isZero();
        Path services = Path.of("META-INF/services/racetrace.api.Program");
        Files.createDirectories(out.resolve(services).getParent());
        Files.copy(project.resolve("src/main/resources").resolve(services), out.resolve(services));
        if (!dropSpec) {
            Files.createDirectories(out.resolve("tla"));
            Files.copy(project.resolve("src/main/tla/LostUpdate.tla"), out.resolve("tla/LostUpdate.tla"));
        }
        return out;
    }

    @Test
    void theSkeletonIsAProjectWithEverythingInPlace() throws IOException {
        assertThat(project.resolve("pom.xml")).content().contains("<artifactId>racetrace-bom</artifactId>",
                "<scope>import</scope>", "racetrace-jqwik", "src/main/tla");
        assertThat(project.resolve("src/test/java/lostupdate/LostUpdateProperties.java")).content()
                .contains("@RaceSuite", "RaceTable.of(\"lost-update\")", ".holds(\"fixed\")");
        assertThat(project.resolve("src/main/tla/LostUpdate.tla")).content()
                .contains("MODULE LostUpdate", "VARIABLES counter", "NoLostUpdate ==", "Step(t) ==");
        assertThat(project.resolve("src/main/resources/META-INF/services/racetrace.api.Program")).content()
                .isEqualTo("lostupdate.LostUpdateModel\n");
        assertThat(project.resolve("src/test/tla/MC.manifest")).content().contains("MCLostUpdateBuggy", "MCLostUpdateFixed");
        assertThat(project.resolve("src/test/java/lostupdate/LostUpdateSpecTest.java")).content()
                .contains("PlusCal.checkTranslated", "McManifest.of");
    }

    @Test
    void newModelRefusesABadNameAndAFullDirectory() {
        assertOneLine(CommandLineTest.run("new-model", "Lost_Update", "--dir", work.resolve("x").toString()),
                "model name 'Lost_Update' is not valid");
        assertOneLine(CommandLineTest.run("new-model", "other", "--dir", project.toString()), "is not empty");
    }

    @Test
    void listAndHuntFindTheModelOnTheModelPath() throws IOException {
        CommandLineTest.Run list = CommandLineTest.run("--model-path", classes.toString(), "list");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains("lost-update", "buggy", "fixed", "NoLostUpdate", "vfio-pci");

        CommandLineTest.Run buggy = CommandLineTest.run("hunt", "lost-update", "--variant", "buggy", "--model-path",
                classes.toString(), "--tries", "3000", "--json");
        assertThat(buggy.code()).as(buggy.err()).isEqualTo(1);
        JsonSchemas.assertValid("hunt", buggy.out());
        JsonNode o = JSON.readTree(buggy.out());
        assertThat(o.get("verdict").asText()).isEqualTo("violated");
        assertThat(o.get("invariant").asText()).isEqualTo("NoLostUpdate");
        assertThat(o.get("measure").get("threads").asInt()).isEqualTo(2);
        // The skeleton says none of its accesses: the engine finds the counter's loads and stores.
        assertThat(o.get("explanation").asText()).contains("store of counter", "read counter")
                .doesNotContain("no access of one thread conflicts");

        CommandLineTest.Run replay = CommandLineTest.run("replay", o.get("schedule").asText(), "--model-path",
                classes.toString());
        assertThat(replay.code()).as(replay.err()).isEqualTo(1);
        assertThat(replay.out()).contains("NoLostUpdate violated after step");

        CommandLineTest.Run fixed = CommandLineTest.run("--model-path", classes.toString(), "hunt", "lost-update",
                "--variant", "fixed", "--tries", "2000", "--json");
        assertThat(fixed.code()).as(fixed.err()).isZero();
        JsonSchemas.assertValid("hunt", fixed.out());
        assertThat(JSON.readTree(fixed.out()).get("verdict").asText()).isEqualTo("held");
        // The model path is not kept between commands: racetrace's own models again.
        assertOneLine(CommandLineTest.run("hunt", "lost-update"), "unknown model 'lost-update'");
    }

    @Test
    void withoutTheModelPathTheModelIsUnknown() {
        assertOneLine(CommandLineTest.run("hunt", "lost-update"), "unknown model 'lost-update'");
    }

    @Test
    void aBadModelPathIsOneLine() throws IOException {
        assertOneLine(CommandLineTest.run("list", "--model-path", work.resolve("nowhere").toString()),
                "--model-path entry " + work.resolve("nowhere") + " does not exist");
        Path text = Files.writeString(work.resolve("notes.txt"), "not a jar");
        assertOneLine(CommandLineTest.run("list", "--model-path", text.toString()), "is neither a jar nor a directory");
        Path empty = Files.createDirectories(work.resolve("empty"));
        assertOneLine(CommandLineTest.run("hunt", "lost-update", "--model-path", empty.toString()),
                "registers no model family");
    }

    @Test
    void withoutASpecEveryCommandButTlcWorks() throws IOException {
        String path = noSpecClasses.toString();
        CommandLineTest.Run hunt = CommandLineTest.run("hunt", "lost-update", "--variant", "buggy", "--model-path",
                path, "--tries", "3000", "--json");
        assertThat(hunt.code()).as(hunt.err()).isEqualTo(1);
        String schedule = JSON.readTree(hunt.out()).get("schedule").asText();
        assertThat(CommandLineTest.run("replay", schedule, "--model-path", path).code()).isEqualTo(1);
        CommandLineTest.Run list = CommandLineTest.run("list", "--model-path", path);
        assertThat(list.code()).as(list.err()).isZero();
        assertOneLine(CommandLineTest.run("tlc", "--from", schedule, "--model-path", path),
                "tlc needs the model's TLA+ spec, and lost-update/buggy has none");
        assertOneLine(CommandLineTest.run("hunt", "lost-update", "--tlc", "--model-path", path),
                "hunt --tlc needs the model's TLA+ spec");
        assertOneLine(CommandLineTest.run("conform", "lost-update", "--model-path", path),
                "conform needs the model's TLA+ spec");
        assertOneLine(CommandLineTest.run("bench", "lost-update", "--tlc", "--model-path", path),
                "bench --tlc needs the model's TLA+ spec");
        assertOneLine(CommandLineTest.run("tlc", "lost-update", "--variant", "buggy", "--thread", "cpu/inc",
                "--model-path", path), "tlc needs the model's TLA+ spec");
    }

    @Test
    void tlcFindsTheSpecOnTheModelPathAndAgreesWithTheModel(@TempDir Path out) throws IOException {
        assumeFalse(Boolean.getBoolean("racetrace.tlc.skip"), "TLC runs skipped (-Dracetrace.tlc.skip=true)");
        CommandLineTest.Run hunt = CommandLineTest.run("--model-path", classes.toString(), "hunt", "lost-update",
                "--variant", "buggy", "--tries", "3000", "--json", "--tlc", "--out", out.toString());
        assertThat(hunt.code()).as(hunt.err()).isEqualTo(1);
        JsonSchemas.assertValid("hunt", hunt.out());
        JsonNode o = JSON.readTree(hunt.out());
        assertThat(o.get("tlcConfirmed").asBoolean()).as(o.get("tlc").asText()).isTrue();

        CommandLineTest.Run conform = CommandLineTest.run("conform", "lost-update", "--traces", "60", "--model-path",
                classes.toString(), "--out", out.toString());
        assertThat(conform.code()).as(conform.out() + conform.err()).isZero();
        assertThat(conform.out()).contains("lost-update/buggy", "60 of 60 executions conform",
                "lost-update/fixed");
    }

    /**
     * Every replay or tlc command racetrace prints for a model of one's own (hunt, tlc, report.md)
     * carries --model-path and, pasted as printed, replays the counterexample.
     */
    @Test
    void everyPrintedCommandReplaysAsPrinted(@TempDir Path out) throws IOException {
        String path = classes.toString();
        List<String> printed = new ArrayList<>();
        CommandLineTest.Run hunt = CommandLineTest.run("hunt", "lost-update", "--variant", "buggy", "--model-path", path,
                "--tries", "3000");
        assertThat(hunt.code()).as(hunt.err()).isEqualTo(1);
        printed.addAll(commands(hunt.out()));
        if (!Boolean.getBoolean("racetrace.tlc.skip")) {
            CommandLineTest.Run tlc = CommandLineTest.run("tlc", "lost-update", "--variant", "buggy", "--thread",
                    "cpu/inc,cpu/inc", "--model-path", path, "--out", out.resolve("tlc").toString());
            assertThat(tlc.code()).as(tlc.err()).isEqualTo(1);
            printed.addAll(commands(tlc.out()));
            CommandLineTest.Run confirmed = CommandLineTest.run("hunt", "lost-update", "--variant", "buggy",
                    "--model-path", path, "--tries", "3000", "--tlc", "--out", out.resolve("hunt").toString());
            assertThat(confirmed.code()).as(confirmed.err()).isEqualTo(1);
            try (Stream<Path> s = Files.walk(out.resolve("hunt"))) {
                for (Path report : s.filter(p -> p.getFileName().toString().equals("report.md")).toList()) {
                    printed.addAll(commands(Files.readString(report)));
                }
            }
        }
        assertThat(printed).isNotEmpty().allSatisfy(c -> assertThat(c).contains("--model-path " + path));
        for (String c : printed) {
            List<String> words = shellWords(c);
            assertThat(words.get(0)).isEqualTo("racetrace");
            CommandLineTest.Run r = CommandLineTest.run(words.subList(1, words.size()).toArray(String[]::new));
            assertThat(r.code()).as("%s%n%s", c, r.err()).isEqualTo(1);
            assertThat(r.out()).as(c).contains("NoLostUpdate violated");
        }
    }

    /**
     * The property route (a failing property in {@code mvn test} of a project of one's own) writes
     * the hunt's bundle, and its replay and tlc commands carry --model-path and replay as printed.
     */
    @Test
    void thePropertyRoutesBundleAndCommandsReplayAsPrinted(@TempDir Path out) throws IOException {
        String path = classes.toString();
        Bundle b;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                UserModelTest.class.getClassLoader())) {
            ClassLoader before = Models.useClassLoader(loader);
            try {
                Model<?> m = Models.create("lost-update", "buggy", Map.of());
                HuntResult r = Hunter.hunt(m, HuntOptions.defaults().withWork(Work.DEFAULT.withTries(3000)), null);
                assertThat(r.violated()).isTrue();
                b = Bundle.write(r.findings().get(0).shrunk(), "a test", out, "lost.update");
            } finally {
                Models.useClassLoader(before);
            }
        }
        assertThat(b.files()).extracting(f -> f.getFileName().toString())
                .contains("report.md", "trace.svg", "trace.itf.json", "bundle.json", "LostUpdate.tla");
        List<String> printed = new ArrayList<>(List.of(b.replay()));
        printed.addAll(commands(Files.readString(b.report())));
        if (Boolean.getBoolean("racetrace.tlc.skip")) {
            printed.removeIf(c -> c.startsWith("racetrace tlc"));
        }
        assertThat(printed).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(c -> assertThat(c).contains("--model-path " + path));
        for (String c : printed) {
            List<String> words = shellWords(c);
            CommandLineTest.Run r = CommandLineTest.run(words.subList(1, words.size()).toArray(String[]::new));
            assertThat(r.code()).as("%s%n%s", c, r.err()).isEqualTo(1);
            assertThat(r.out()).as(c).contains("NoLostUpdate violated");
        }
        // and the bundle directory replays as a whole
        CommandLineTest.Run whole = CommandLineTest.run("replay", b.directory().toString(), "--model-path", path);
        assertThat(whole.code()).as(whole.err()).isEqualTo(1);
    }

    /** The racetrace replay and racetrace tlc commands in a text, each up to its line's end or closing backtick. */
    static List<String> commands(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.lines().toList()) {
            for (String start : List.of("racetrace replay", "racetrace tlc")) {
                int i = line.indexOf(start);
                if (i < 0) {
                    continue;
                }
                String c = line.substring(i);
                if (i > 0 && line.charAt(i - 1) == '`') {
                    c = c.substring(0, c.indexOf('`'));
                }
                out.add(c.strip());
            }
        }
        return out;
    }

    /** A command line split as a POSIX shell splits it (spaces, single quotes). */
    static List<String> shellWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder w = null;
        boolean quoted = false;
        for (char ch : line.toCharArray()) {
            if (quoted) {
                if (ch == '\'') {
                    quoted = false;
                } else {
                    w.append(ch);
                }
            } else if (ch == '\'') {
                quoted = true;
                w = w == null ? new StringBuilder() : w;
            } else if (ch == ' ') {
                if (w != null) {
                    words.add(w.toString());
                    w = null;
                }
            } else {
                w = w == null ? new StringBuilder() : w;
                w.append(ch);
            }
        }
        if (w != null) {
            words.add(w.toString());
        }
        return words;
    }

    private static void assertOneLine(CommandLineTest.Run r, String contains) {
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).contains(contains).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(r.err().strip().lines()).hasSize(1);
    }
}
