package racetrace.property;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Tests whose suites write bundles: each test's bundles go to a temporary directory ({@link Bundle#DIR_PROPERTY}). */
abstract class BundlesInTempDir {

    @TempDir
    Path bundles;

    private String before;

    @BeforeEach
    void bundlesGoToATempDir() {
        before = System.setProperty(Bundle.DIR_PROPERTY, bundles.toString());
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(Bundle.DIR_PROPERTY);
        } else {
            System.setProperty(Bundle.DIR_PROPERTY, before);
        }
    }
}
