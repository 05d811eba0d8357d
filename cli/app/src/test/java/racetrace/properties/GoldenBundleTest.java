package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import racetrace.report.HuntReport;
import racetrace.search.Case;
import racetrace.search.ScheduleString;

/**
 * Golden files of what a reviewer reads first: the race's sentence and the CPU table of a few
 * counterexamples of each bundled model ({@code golden/bundle/cases.txt}), and the comparison
 * page's Markdown of each {@link BundleFixture} hunt ({@code <model>.index.md.txt}). A change to any of them shows here as a diff.
 *
 * <p>Regenerate every file after a change that is meant (the files are rewritten and the tests
 * pass; review the diff before committing):
 * {@code mvn test -pl cli/app -am -Dtest=GoldenBundleTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dracetrace.golden.update=true}
 */
class GoldenBundleTest {

    static final Path DIR = Path.of("src", "test", "resources", "golden", "bundle");
    static final String UPDATE = "racetrace.golden.update";

    @TestFactory
    Stream<DynamicTest> sentencesAndTables() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve("cases.txt"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.strip().split(" +", 2);
            tests.add(DynamicTest.dynamicTest(f[0], () -> {
                Case c = ScheduleString.decode(f[1]);
                golden(f[0] + ".sentence.txt", HuntReport.explanation(c) + "\n");
                golden(f[0] + ".table.txt", HuntReport.table(c));
            }));
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(9);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> comparisonPages() {
        return BundleFixture.HUNTS.keySet().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            BundleFixture.runs();
            // .txt: the page's links lead into the hunt's --out, not into this repository
            golden(name + ".index.md.txt", Files.readString(BundleFixture.dir(name).resolve("index.md")));
        }));
    }

    /** Compares with the golden file, or rewrites it under -Dracetrace.golden.update=true. */
    static void golden(String file, String actual) throws IOException {
        Path p = DIR.resolve(file);
        if (Boolean.getBoolean(UPDATE)) {
            Files.writeString(p, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(p).as("golden file %s is missing; write it with -D%s=true", p, UPDATE).exists();
        assertThat(actual).as("%s differs from what racetrace prints now; if the change is meant, regenerate with "
                + "mvn test -pl cli/app -am -Dtest=GoldenBundleTest -Dsurefire.failIfNoSpecifiedTests=false -D%s=true",
                p, UPDATE).isEqualTo(Files.readString(p, StandardCharsets.UTF_8));
    }
}
