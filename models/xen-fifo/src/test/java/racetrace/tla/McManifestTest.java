package racetrace.tla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MC* models next to the specs (spec/xen-fifo/mc) still give TLC's recorded verdict
 * and distinct-state count, as listed in MC.manifest there.
 */
class McManifestTest {

    record Entry(String model, String verdict, String invariant, long states) {
    }

    @BeforeEach
    void tlcEnabled() {
        TlcTests.assumeTlcRuns();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = McManifestTest.class.getClassLoader().getResourceAsStream("tla/" + name)) {
            assertThat(in).as("tla/" + name + " on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<Entry> manifest() throws IOException {
        List<Entry> out = new ArrayList<>();
        for (String line : resource("MC.manifest").split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split("\\s+");
            assertThat(f).as("MC.manifest line '%s': model verdict invariant states", l).hasSize(4);
            out.add(new Entry(f[0], f[1], f[2], Long.parseLong(f[3])));
        }
        return out;
    }

    @Test
    void everyMcModelGivesItsRecordedVerdictAndStateCount(@TempDir Path dir) throws IOException {
        List<Entry> entries = manifest();
        assertThat(entries).extracting(Entry::model).contains("MCXenFifo");
        List<String> differ = new ArrayList<>();
        for (Entry e : entries) {
            Path d = dir.resolve(e.model());
            Files.createDirectories(d);
            SpecLibrary.classpath().copyInto(e.model(), d);
            Files.writeString(d.resolve(e.model() + ".cfg"), resource(e.model() + ".cfg"));
            TlcResult r = TlcRunner.fromClasspath().run(d, e.model(), e.model() + ".cfg", Duration.ofMinutes(5), List.of());
            String verdict = r.verdict() == TlcVerdict.OK ? "held"
                    : r.verdict() == TlcVerdict.INVARIANT_VIOLATED ? "violated" : r.verdict().name();
            String invariant = r.violatedInvariant() == null ? "-" : r.violatedInvariant();
            String got = verdict + " " + invariant + " " + r.distinctStates();
            System.out.println(e.model() + ": " + got + " (" + r.wallTime().toMillis() + " ms)");
            if (!got.equals(e.verdict() + " " + e.invariant() + " " + e.states())) {
                differ.add(e.model() + ": manifest says " + e.verdict() + " " + e.invariant() + " " + e.states()
                        + ", TLC says " + got + (r.verdict().isFailure() ? " (" + r.message() + ")" : ""));
            }
        }
        assertThat(differ).isEmpty();
    }
}
