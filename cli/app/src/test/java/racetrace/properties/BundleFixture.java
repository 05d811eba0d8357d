package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The hunts the bundle tests look at, made once per test run: {@code hunt <model> --out DIR} for
 * each bundled model, on two versions each (one violated, one that holds, for xen-fifo two
 * violated, by random runs alone) with a small work bound, so that their counterexamples are the same on any machine.
 * The output stays under {@code target/bundle-fixture/} for a person to open.
 */
final class BundleFixture {

    /** The hunts: a directory name and the command's arguments after {@code hunt}. */
    static final Map<String, List<String>> HUNTS = new LinkedHashMap<>();

    static {
        List<String> bound = List.of("--tries", "2000", "--states", "50000", "--swarm", "200");
        HUNTS.put("vfio-pci", concat(List.of("vfio-pci", "--variant", "pre-a", "--variant", "merged",
                "--granularity", "byte"), bound));
        HUNTS.put("mlx5", concat(List.of("mlx5", "--variant", "pre", "--variant", "merged", "--granularity", "byte"),
                bound));
        // Random runs only: xen-fifo's default scope is minutes of work (SeedThreadRacesTest hunts it).
        HUNTS.put("xen-fifo", List.of("xen-fifo", "--variant", "a", "--variant", "b", "--strategy", "random",
                "--tries", "2000"));
    }

    static final Path ROOT = Path.of("target", "bundle-fixture");

    private static Map<String, CommandLineTest.Run> runs;

    private BundleFixture() {
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Runs the hunts (once), each with --json and --out ROOT/<name>; the runs by name. */
    static synchronized Map<String, CommandLineTest.Run> runs() {
        if (runs == null) {
            deleteTree(ROOT);
            Map<String, CommandLineTest.Run> made = new LinkedHashMap<>();
            HUNTS.forEach((name, args) -> made.put(name, hunt(args, dir(name))));
            runs = made;
        }
        return runs;
    }

    /** One hunt with --json --out {@code out}; it must find something. */
    static CommandLineTest.Run hunt(List<String> args, Path out) {
        List<String> all = new ArrayList<>(List.of("hunt"));
        all.addAll(args);
        all.addAll(List.of("--json", "--out", out.toString()));
        CommandLineTest.Run r = CommandLineTest.run(all.toArray(new String[0]));
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        return r;
    }

    static Path dir(String name) {
        return ROOT.resolve(name);
    }

    /** Every bundle directory (one with a bundle.json) under {@code root}, sorted. */
    static List<Path> bundles(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().equals("bundle.json")).map(Path::getParent).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
