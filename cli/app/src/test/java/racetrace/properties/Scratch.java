package racetrace.properties;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A scratch directory for a test class's static fixtures, where JUnit's {@code @TempDir} does not
 * reach (jqwik properties, fixtures made once per class).
 */
final class Scratch {

    private Scratch() {
    }

    static Path directory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
