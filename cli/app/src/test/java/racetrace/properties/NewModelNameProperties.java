package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import racetrace.tla.TlcRunner;

/**
 * new-model over generated names, made of the words that break a scaffold (Java keywords and
 * literals, racetrace's type names, TLA+ standard modules and reserved words, the spec's own
 * identifiers, racetrace's model names) and plain ones: every name is refused in one line, or
 * gives a project whose sources compile (main and test, against racetrace's artifacts) and whose
 * spec SANY parses; the first few accepted are hunted as the skeleton promises (fixed holds,
 * buggy does not).
 */
class NewModelNameProperties {

    private static final List<String> WORDS = List.of(
            // Java keywords, literals and restricted identifiers
            "int", "class", "new", "for", "if", "try", "this", "enum", "void", "goto", "const", "record", "var",
            "yield", "true", "null", "assert", "package", "import", "sealed", "permits", "module", "default",
            // racetrace's types and the types the sources import
            "model", "family", "race", "properties", "scenario", "invariant", "config", "op", "param", "transition",
            "instance", "actor-kind", "models", "found", "race-property", "scenario-space", "thread-script", "state",
            "list", "map", "set", "arrays", "group", "array-list", "linked-hash-map",
            // TLA+ standard modules and reserved words, spelt as names
            "naturals", "integers", "sequences", "finite-sets", "bags", "tlc", "t-l-c", "reals", "real-time",
            "randomization", "toolbox", "a-s-s-u-m-e", "i-f", "l-e-t", "i-n", "c-a-s-e",
            // the skeleton spec's own identifiers
            "sum", "init", "next", "step", "lock", "load", "store", "unlock", "threads", "first", "vars", "counter",
            "owner", "ops", "locked", "done", "pc", "reg", "opi", "n", "cpu", "self", "proc-set", "terminating",
            "termination", "variant", "actor", "script", "sum-to", "type-o-k",
            // the new API's types and what the skeleton's sources import
            "program", "memory", "registers", "covered", "thread-step", "view", "int-stream", "spec", "spec-test",
            "plus-cal", "mc-manifest", "m-c", "duration",
            // racetrace's models and specs
            "xen-fifo", "vfio-pci", "mlx5", "storage-flags", "xen", "fifo", "seqlock",
            // plain
            "lost", "wakeup", "ring", "buffer", "a", "b", "x1", "q9");

    private static final List<String> PACKAGES = List.of("", "", "", "com.example.demo", "org.int.demo", "a.b", "tla",
            "com.true.z", "x_y", "racetrace.q", "java.util.x", "_", "a.class", "demo.model", "com.example.Upper");

    private static final AtomicInteger TRY = new AtomicInteger();
    /** The projects written, each with its model's name. */
    private record Accepted(Path dir, String name) {
    }

    private static final List<Accepted> ACCEPTED = Collections.synchronizedList(new ArrayList<>());
    private static final Path WORK = Scratch.directory("racetrace-new-model-names");

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of(WORDS).list().ofMinSize(1).ofMaxSize(3).map(parts -> String.join("-", parts));
    }

    @Provide
    Arbitrary<String> packages() {
        return Arbitraries.of(PACKAGES);
    }

    @Property(tries = 40)
    void aNameIsRefusedOrItsProjectCompiles(@ForAll("names") String name, @ForAll("packages") String pkg)
            throws IOException {
        Path dir = WORK.resolve("p" + TRY.incrementAndGet());
        List<String> args = new ArrayList<>(List.of("new-model", name, "--dir", dir.toString()));
        if (!pkg.isEmpty()) {
            args.addAll(List.of("--package", pkg));
        }
        CommandLineTest.Run r = CommandLineTest.run(args.toArray(String[]::new));
        if (r.code() != 0) {
            assertThat(r.code()).as("%s: %s", args, r.err()).isEqualTo(2);
            assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
            assertThat(r.err()).doesNotContain("Exception");
            assertThat(dir).as("a refused name writes nothing").doesNotExist();
            return;
        }
        Path classes = dir.resolve("target/classes");
        compile(dir.resolve("src/main/java"), classes, System.getProperty("java.class.path"));
        compile(dir.resolve("src/test/java"), dir.resolve("target/test-classes"),
                classes + File.pathSeparator + System.getProperty("java.class.path"));
        ACCEPTED.add(new Accepted(dir, name));
    }

    private static void compile(Path src, Path out, String classpath) throws IOException {
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-cp", classpath, "--release", "17",
                "-proc:none", "-Xlint:none"));
        try (Stream<Path> s = Files.walk(src)) {
            s.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int code = javac.run(null, null, errors, args.toArray(String[]::new));
        assertThat(code).as("javac of %s:%n%s", src, errors).isZero();
    }

    /** Every accepted spec parses; the first accepted projects hunt as the skeleton says. */
    @AfterContainer
    static void acceptedSpecsParseAndModelsHunt() throws Exception {
        assertThat(ACCEPTED).as("some generated names are accepted").isNotEmpty();
        if (!Boolean.getBoolean("racetrace.tlc.skip")) {
            Path jar = TlcRunner.fromClasspath().jar().orElseThrow();
            for (Accepted a : ACCEPTED) {
                Path dir = a.dir();
                Path tla;
                try (Stream<Path> s = Files.list(dir.resolve("src/main/tla"))) {
                    tla = s.findFirst().orElseThrow();
                }
                Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                        jar.toString(), "tla2sany.SANY", tla.getFileName().toString()).directory(tla.getParent().toFile())
                        .redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes());
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).as("SANY on %s:%n%s", tla, out).isZero();
                assertThat(out).as(tla.toString()).doesNotContain("*** Errors").doesNotContain("Fatal errors");
            }
        }
        for (Accepted a : ACCEPTED.subList(0, Math.min(3, ACCEPTED.size()))) {
            Path classes = a.dir().resolve("target/classes");
            Files.createDirectories(classes.resolve("META-INF/services"));
            Files.copy(a.dir().resolve("src/main/resources/META-INF/services/racetrace.api.Program"),
                    classes.resolve("META-INF/services/racetrace.api.Program"));
            CommandLineTest.Run fixed = CommandLineTest.run("hunt", a.name(), "--variant", "fixed", "--model-path",
                    classes.toString(), "--tries", "2000");
            assertThat(fixed.code()).as("%s fixed: %s%s", a.name(), fixed.out(), fixed.err()).isZero();
            CommandLineTest.Run buggy = CommandLineTest.run("hunt", a.name(), "--variant", "buggy", "--model-path",
                    classes.toString(), "--tries", "2000");
            assertThat(buggy.code()).as("%s buggy: %s%s", a.name(), buggy.out(), buggy.err()).isEqualTo(1);
        }
    }
}
