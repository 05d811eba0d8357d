package ${package};

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
 * The spec in racetrace's house style (its docs/tla.md): its TLA+ is what pcal.trans writes for
 * its algorithm (after an edit of the algorithm, -Dracetrace.pcal.update=true rewrites it), the
 * model's step labels are the algorithm's labels, and every MC model of src/test/tla gives what
 * its MC.manifest records.
 */
class ${prefix}SpecTest {

    private static final Path SPEC = Path.of("src/main/tla/${module}.tla");

    @Test
    void theSpecIsItsAlgorithmTranslated() {
        assertEquals(List.of(), PlusCal.checkTranslated(SPEC, Boolean.getBoolean("racetrace.pcal.update")));
    }

    @Test
    void theModelsLabelsAreTheAlgorithmsLabels() {
        for (String variant : new String[] {"buggy", "fixed"}) {
            Model<?> m = Models.create("${name}", variant, Map.of());
            assertEquals(List.of(), PlusCal.checkLabels(m, m.coverageScenarios()));
        }
    }

    @Test
    void everyMcModelGivesWhatTheManifestRecords(@TempDir Path work) throws IOException {
        McManifest manifest = McManifest.of(SPEC.getParent(), Path.of("src/test/tla"));
        assertEquals(List.of(), manifest.check(work, Duration.ofMinutes(5)));
    }
}
