package seqlock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racetrace.engine.Model;
import racetrace.engine.Models;
import racetrace.tla.McManifest;
import racetrace.tla.PlusCal;

/**
 * The spec is the house style (docs/tla.md): its TLA+ is what pcal.trans writes for its algorithm
 * (-Dracetrace.pcal.update=true rewrites it after an edit), the model's step labels are the
 * algorithm's labels, and every MC model of src/test/tla gives what MC.manifest records.
 */
class SeqlockSpecTest {

    private static final Path SPEC = Path.of("src/main/tla/Seqlock.tla");

    @Test
    void theSpecIsItsAlgorithmTranslated() {
        assertEquals(List.of(), PlusCal.checkTranslated(SPEC, Boolean.getBoolean("racetrace.pcal.update")));
    }

    @Test
    void theModelsLabelsAreTheAlgorithmsLabels() {
        for (String variant : new String[] {"buggy", "fixed"}) {
            Model<?> m = Models.create("seqlock", variant, Map.of());
            assertEquals(List.of(), PlusCal.checkLabels(m, m.coverageScenarios()));
        }
    }

    @Test
    void everyMcModelGivesWhatTheManifestRecords(@TempDir Path work) throws IOException {
        McManifest manifest = McManifest.of(SPEC.getParent(), Path.of("src/test/tla"));
        assertEquals(List.of(), manifest.check(work, Duration.ofMinutes(5)));
    }
}
