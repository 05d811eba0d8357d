package racetrace.tla;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A spec's manifest of MC models, {@code <spec dir>/mc/MC.manifest}, as the TLA+ Examples keep
 * one: each line names an MC model of that directory ({@code MCX.tla}, EXTENDS the spec with the
 * constants of one scenario, and {@code MCX.cfg}) with what TLC says of it, breadth-first with
 * one worker: {@code held} or {@code violated} or {@code deadlock}, the invariant violated
 * ({@code -} when none) and the distinct states. {@link #check} runs TLC on every line; a test of
 * each model module (and of a project of one's own) calls it, so every MC model runs in
 * {@code mvn test}.
 *
 * <pre>
 * # model        verdict    invariant     distinct states
 * MCSeqlock      violated   NoTornRead    1234
 * </pre>
 */
public final class McManifest {

    /** One line of a manifest. */
    public record Entry(String model, String verdict, String invariant, long states) {

        String expected() {
            return verdict + " " + invariant + " " + states;
        }
    }

    private final Path specDir;
    private final Path mcDir;

    private McManifest(Path specDir, Path mcDir) {
        this.specDir = specDir;
        this.mcDir = mcDir;
    }

    /** The manifest of the spec in {@code specDir}, under {@code specDir/mc}. */
    public static McManifest of(Path specDir) {
        return new McManifest(specDir, specDir.resolve("mc"));
    }

    /** The same with the MC models elsewhere (a project of one's own keeps them in {@code src/test/tla}). */
    public static McManifest of(Path specDir, Path mcDir) {
        return new McManifest(specDir, mcDir);
    }

    /** The lines of the manifest. */
    public List<Entry> entries() throws IOException {
        List<Entry> out = new ArrayList<>();
        Path file = mcDir.resolve("MC.manifest");
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split("\\s+");
            if (f.length != 4 || !f[3].matches("\\d+") || !List.of("held", "violated", "deadlock").contains(f[1])) {
                throw new IOException(file + " line " + n + ": '" + l + "' is not <model> held|violated|deadlock"
                        + " <invariant or -> <distinct states>");
            }
            out.add(new Entry(f[0], f[1], f[2], Long.parseLong(f[3])));
        }
        return out;
    }

    /**
     * Runs TLC on every MC model of the manifest and compares what it says with the line.
     *
     * @param work a directory for the copies TLC runs on
     * @return one line per difference (a model TLC judges otherwise, an MC model of the directory
     *     the manifest does not list, a line without its model); empty when all agree
     */
    public List<String> check(Path work, Duration timeout) throws IOException {
        List<String> differ = new ArrayList<>();
        List<Entry> entries = entries();
        TreeSet<String> listed = new TreeSet<>();
        entries.forEach(e -> listed.add(e.model()));
        try (Stream<Path> files = Files.list(mcDir)) {
            files.map(p -> p.getFileName().toString()).filter(f -> f.startsWith("MC") && f.endsWith(".tla"))
                    .map(f -> f.substring(0, f.length() - 4)).sorted().filter(m -> !listed.contains(m))
                    .forEach(m -> differ.add(m + ": an MC model of " + mcDir + " that MC.manifest does not list"));
        }
        SpecLibrary specs = SpecLibrary.classpath().withDirectory(specDir).withDirectory(mcDir);
        TlcRunner tlc = TlcRunner.fromClasspath();
        for (Entry e : entries) {
            if (!Files.isRegularFile(mcDir.resolve(e.model() + ".tla"))
                    || !Files.isRegularFile(mcDir.resolve(e.model() + ".cfg"))) {
                differ.add(e.model() + ": MC.manifest lists it, but " + mcDir + " lacks " + e.model() + ".tla or .cfg");
                continue;
            }
            Path d = work.resolve(e.model());
            Files.createDirectories(d);
            specs.copyInto(e.model(), d);
            Files.copy(mcDir.resolve(e.model() + ".cfg"), d.resolve(e.model() + ".cfg"),
                    StandardCopyOption.REPLACE_EXISTING);
            TlcResult r = tlc.run(d, e.model(), e.model() + ".cfg", timeout, List.of());
            String verdict = switch (r.verdict()) {
                case OK -> "held";
                case INVARIANT_VIOLATED -> "violated";
                case DEADLOCK -> "deadlock";
                default -> r.verdict().name();
            };
            String got = verdict + " " + (r.violatedInvariant() == null ? "-" : r.violatedInvariant()) + " "
                    + r.distinctStates();
            System.out.println(e.model() + ": " + got + " (" + r.wallTime().toMillis() + " ms)");
            if (!got.equals(e.expected())) {
                differ.add(e.model() + ": MC.manifest says " + e.expected() + ", TLC says " + got
                        + (r.verdict().isFailure() ? " (" + r.message() + ")" : ""));
            }
        }
        return differ;
    }
}
