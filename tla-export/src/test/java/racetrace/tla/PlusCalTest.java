package racetrace.tla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PlusCal translator as a test step: translation, labels, a stale file found and rewritten. */
class PlusCalTest {

    private static final String ALGORITHM = """
            ---- MODULE Tiny ----
            EXTENDS Naturals
            (* --algorithm Tiny
            variables x = 0;
            process p \\in {1, 2}
            begin
              inc: x := x + 1;
              twice: x := x + 1;
            end process;
            end algorithm; *)
            \\* BEGIN TRANSLATION
            \\* END TRANSLATION
            ====
            """;

    @Test
    void translatesAndReadsTheLabels(@TempDir Path dir) throws IOException {
        TlcTests.assumeTlcRuns();
        String t = PlusCal.translate("Tiny", ALGORITHM);
        assertThat(PlusCal.holdsAlgorithm(t)).isTrue();
        assertThat(PlusCal.translation(t)).contains("VARIABLES x, pc", "inc(self) ==", "Terminating ==");
        assertThat(PlusCal.labels(t)).containsExactly("inc", "twice");
        assertThat(PlusCal.translate("Tiny", t)).as("a translated module translates to itself").isEqualTo(t);

        Path file = dir.resolve("Tiny.tla");
        Files.writeString(file, ALGORITHM);
        assertThat(PlusCal.checkTranslated(file, false)).singleElement().asString()
                .contains("not the translation of its algorithm", "pcal.trans");
        assertThat(PlusCal.checkTranslated(file, true)).isEmpty();
        assertThat(Files.readString(file)).isEqualTo(t);
        assertThat(PlusCal.checkTranslated(file, false)).isEmpty();
    }

    @Test
    void aBadAlgorithmIsNamedWithWhatTheTranslatorSaid() {
        TlcTests.assumeTlcRuns();
        String bad = ALGORITHM.replace("inc: x := x + 1;", "inc: x := x + 1; x := 2;");
        assertThatThrownBy(() -> PlusCal.translate("Tiny", bad)).isInstanceOf(TlaExportException.class)
                .hasMessageContaining("rejects Tiny.tla").hasMessageContaining("Missing label");
    }
}
