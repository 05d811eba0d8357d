package racetrace.tla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * XenFifo.tla's frame helper Do(t, g, r) refuses a name that is no variable: a step naming a
 * misspelt shared variable or register stops TLC with an error that names it, where it used to
 * leave that variable unconstrained. The same step with the right name runs.
 */
class XenFrameTest {

    private static TlcResult run(Path dir, String next) throws IOException {
        Files.createDirectories(dir);
        Path mc = Path.of("../../spec/xen-fifo/mc");
        SpecLibrary.classpath().withDirectory(Path.of("../../spec/xen-fifo")).withDirectory(mc).copyInto("MCXenFifo", dir);
        Files.writeString(dir.resolve("Frame.tla"), "---- MODULE Frame ----\nEXTENDS MCXenFifo\nFrameNext == " + next
                + "\n====\n");
        String cfg = Files.readString(mc.resolve("MCXenFifo.cfg")).replaceAll("(?s)INVARIANTS.*", "")
                .replace("SPECIFICATION Spec", "INIT Init\nNEXT FrameNext\nCHECK_DEADLOCK FALSE");
        Files.writeString(dir.resolve("Frame.cfg"), cfg);
        return TlcRunner.fromClasspath().run(dir, "Frame", "Frame.cfg", Duration.ofMinutes(2), List.of());
    }

    @Test
    void aNameThatIsNoVariableStopsTlc(@TempDir Path dir) throws IOException {
        TlcTests.assumeTlcRuns();
        assertThat(run(dir.resolve("good"), "Do(1, [word |-> word], [tmp |-> 1])").verdict()).isEqualTo(TlcVerdict.OK);
        TlcResult shared = run(dir.resolve("shared"), "Do(1, [wrod |-> word], [tmp |-> 1])");
        assertThat(shared.verdict()).isEqualTo(TlcVerdict.ERROR);
        assertThat(shared.message()).contains("Do names no shared variable", "wrod");
        TlcResult register = run(dir.resolve("register"), "Do(1, [word |-> word], [tpm |-> 1])");
        assertThat(register.verdict()).isEqualTo(TlcVerdict.ERROR);
        assertThat(register.message()).contains("Do names no register", "tpm");
    }
}
