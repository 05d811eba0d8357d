package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher builds only when a module's src/main or a pom changed, never because of output files. */
class LauncherTest {

    private static String check(Path root) throws Exception {
        Process p = new ProcessBuilder("bash", root.resolve("racetrace").toString(), "--launcher-stale")
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes()).strip();
    }

    private static void touch(Path file, Instant when) throws Exception {
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.writeString(file, "x");
        }
        Files.setLastModifiedTime(file, FileTime.from(when));
    }

    @Test
    void outputFilesDoNotMakeTheBuildStaleSourcesDo(@TempDir Path root) throws Exception {
        Files.copy(Path.of("..", "..", "racetrace"), root.resolve("racetrace"));
        Instant old = Instant.parse("2026-01-01T00:00:00Z");
        Instant built = Instant.parse("2026-01-02T00:00:00Z");
        Instant later = Instant.parse("2026-01-03T00:00:00Z");
        Files.writeString(root.resolve("pom.xml"), "<modules><module>spec</module><module>properties</module></modules>");
        Files.writeString(Files.createDirectories(root.resolve("spec")).resolve("pom.xml"),
                "<modules><module>engine</module></modules>");
        touch(root.resolve("spec/engine/pom.xml"), old);
        touch(root.resolve("spec/engine/src/main/java/A.java"), old);
        touch(root.resolve("spec/engine/src/test/java/ATest.java"), old);
        touch(root.resolve("properties/pom.xml"), old);
        touch(root.resolve("properties/src/main/resources/t.ftl"), old);
        for (Path pom : new Path[] {root.resolve("pom.xml"), root.resolve("spec/pom.xml")}) {
            Files.setLastModifiedTime(pom, FileTime.from(old));
        }
        assertThat(check(root)).as("no jar yet").isEqualTo("stale");
        touch(root.resolve("cli/app/target/lib/racetrace-cli.jar"), built);
        touch(root.resolve("cli/app/target/.racetrace-built"), built);
        assertThat(check(root)).isEqualTo("fresh");

        touch(root.resolve("racetrace-out/vfio-pci_pre-a/NoLostUpdate/StorageFlagsTrace_1.tla"), later);
        touch(root.resolve("out/x/Y.java"), later);
        touch(root.resolve("spec/engine/target/classes/A.class"), later);
        touch(root.resolve("spec/engine/src/test/java/ATest.java"), later);
        assertThat(check(root)).as("output, build products and tests are no sources of the jar").isEqualTo("fresh");

        touch(root.resolve("mine.layout"), later);
        touch(root.resolve("racetrace-out/vfio-pci_x@0123abcd_granularity-byte/NoLostUpdate/x.layout"), later);
        assertThat(check(root)).as("a layout given with --layout, or copied next to a report").isEqualTo("fresh");

        touch(root.resolve("spec/engine/src/main/java/A.java"), later);
        assertThat(check(root)).isEqualTo("stale");
        touch(root.resolve("spec/engine/src/main/java/A.java"), old);
        touch(root.resolve("spec/engine/src/main/resources/racetrace/flags/layouts/m/v.layout"), later);
        assertThat(check(root)).as("a bundled layout").isEqualTo("stale");
        touch(root.resolve("spec/engine/src/main/resources/racetrace/flags/layouts/m/v.layout"), old);
        assertThat(check(root)).isEqualTo("fresh");
        touch(root.resolve("spec/engine/src/main/java/A.java"), old);
        touch(root.resolve("spec/m/M.tla"), later);
        assertThat(check(root)).as("a bundled TLA+ spec").isEqualTo("stale");
        touch(root.resolve("spec/m/M.tla"), old);
        touch(root.resolve("spec/engine/pom.xml"), later);
        assertThat(check(root)).isEqualTo("stale");
    }
}
