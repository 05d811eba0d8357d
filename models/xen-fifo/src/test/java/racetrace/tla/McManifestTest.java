package racetrace.tla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every MC model of spec/xen-fifo/mc gives what its MC.manifest records. */
class McManifestTest {

    @Test
    void everyMcModelGivesItsRecordedVerdictAndStateCount(@TempDir Path dir) throws IOException {
        TlcTests.assumeTlcRuns();
        McManifest manifest = McManifest.of(Path.of("../../spec/xen-fifo"));
        assertThat(manifest.entries()).extracting(McManifest.Entry::model).contains("MCXenFifo");
        assertThat(manifest.check(dir, Duration.ofMinutes(5))).isEmpty();
    }
}
