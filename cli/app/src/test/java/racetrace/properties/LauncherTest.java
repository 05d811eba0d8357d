package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher builds only when a module's src/main or a pom changed, never because of output files. */
class LauncherTest {

    /** What the launcher in {@code dir} (the checkout, or a directory with a link to it) says of its jar. */
    private static String check(Path dir) throws Exception {
        Process p = new ProcessBuilder("bash", dir.resolve("racetrace").toString(), "--launcher-stale")
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
        // Called through a symlink elsewhere (~/bin/racetrace), it still looks at its own checkout.
        Path bin = Files.createDirectories(root.resolve("elsewhere/bin"));
        Files.createSymbolicLink(bin.resolve("racetrace"), Path.of("../..", "racetrace"));
        assertThat(check(bin)).as("through a symlink").isEqualTo("fresh");

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

    /**
     * The build the launcher runs: Maven options pass through (RACETRACE_MAVEN_ARGS), colour codes
     * never reach stderr, a failed build exits 70 and an interrupted one 130, each saying which.
     */
    @Test
    void theBuildTakesMavenArgumentsAndSaysHowItEnded(@TempDir Path root) throws Exception {
        Files.copy(Path.of("..", "..", "racetrace"), root.resolve("racetrace"));
        Files.writeString(root.resolve("pom.xml"), "<modules></modules>");
        Path bin = Files.createDirectories(root.resolve("bin"));
        Path mvn = bin.resolve("mvn");
        // A stand-in for Maven: prints its arguments after a colour code, then fails or is interrupted.
        // Where SIGINT is ignored (a job started in the background inherits that), the kill does
        // nothing, and it exits as Maven does when interrupted: 130.
        Files.writeString(mvn, "#!/usr/bin/env bash\nprintf '\\033[0margs: %s\\n' \"$*\"\n"
                + "if [ \"${FAKE_MVN:-}\" = int ]; then kill -INT $$; sleep 1; exit 130; fi\nexit 1\n");
        mvn.toFile().setExecutable(true);

        Ended failed = build(root, bin, "RACETRACE_MAVEN_ARGS", "-o -Dmaven.repo.local=/tmp/private-m2");
        assertThat(failed.code()).as(failed.err()).isEqualTo(70);
        assertThat(failed.err()).contains("args: -q -B -Dstyle.color=never -DskipTests -o "
                + "-Dmaven.repo.local=/tmp/private-m2 package", "racetrace: the build failed (mvn exit 1)")
                .doesNotContain("\u001b[");

        Ended interrupted = build(root, bin, "FAKE_MVN", "int");
        assertThat(interrupted.code()).as(interrupted.err()).isEqualTo(130);
        assertThat(interrupted.err()).contains("racetrace: the build was interrupted (Ctrl-C)")
                .doesNotContain("the build failed");
    }

    private record Ended(int code, String err) {
    }

    /** {@code racetrace list} with the stand-in Maven in {@code bin} first on the PATH and one more variable set. */
    private static Ended build(Path root, Path bin, String variable, String value) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("racetrace").toString(), "list");
        pb.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        pb.environment().remove("RACETRACE_MAVEN_ARGS");
        pb.environment().put(variable, value);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Ended(p.exitValue(), err);
    }
}
