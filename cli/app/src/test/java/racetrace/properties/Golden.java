package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Golden files: what racetrace prints, pinned under {@code src/test/resources/golden/<group>/} and
 * compared byte for byte, so that a change of any printed format shows as a diff in review (as
 * Lincheck pins its interleavings). The one switch {@code -Dracetrace.golden.update=true} rewrites
 * every file the tests compare instead of comparing it; review {@code git diff} before committing.
 *
 * <p>Regenerate all of them:
 * {@code mvn test -pl cli/app -am -Dtest='Golden*Test' -Dsurefire.failIfNoSpecifiedTests=false
 * -Dracetrace.golden.update=true}
 */
final class Golden {

    static final Path ROOT = Path.of("src", "test", "resources", "golden");
    static final String UPDATE = "racetrace.golden.update";
    static final String REGENERATE = "mvn test -pl cli/app -am -Dtest='Golden*Test' "
            + "-Dsurefire.failIfNoSpecifiedTests=false -D" + UPDATE + "=true";

    /** A wall time as racetrace prints one ("2.2 s", "735 ms"): never content a golden file can pin. */
    private static final Pattern TIME = Pattern.compile("\\b\\d+(\\.\\d+)? (s|ms)\\b");

    private Golden() {
    }

    /** The golden file {@code group/file}. */
    static Path file(String group, String file) {
        return ROOT.resolve(group).resolve(file);
    }

    /** Compares {@code actual} with the golden file {@code group/file}, or rewrites it under -Dracetrace.golden.update=true. */
    static void check(String group, String file, String actual) {
        Path p = file(group, file);
        try {
            if (Boolean.getBoolean(UPDATE)) {
                Files.createDirectories(p.getParent());
                Files.writeString(p, actual, StandardCharsets.UTF_8);
                return;
            }
            assertThat(p).as("golden file %s is missing; write it with %s", p, REGENERATE).exists();
            assertThat(actual).as("%s differs from what racetrace prints now; if the change is meant, regenerate "
                    + "with %s and review the diff", p, REGENERATE).isEqualTo(Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text} with every wall time replaced by {@code <time>}. */
    static String masked(String text) {
        return TIME.matcher(text).replaceAll("<time>");
    }

    /** The lines of a golden table file, without blank lines and {@code #} comments. */
    static List<String> table(String group, String file) {
        try {
            return Files.readAllLines(file(group, file)).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
