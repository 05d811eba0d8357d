package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Golden files ({@link Golden}) of what a reviewer reads first: the race's sentence and the CPU
 * table of a few counterexamples of each bundled model ({@code golden/bundle/cases.txt}), the
 * comparison page's Markdown of each {@link BundleFixture} hunt ({@code <model>.index.md.txt}),
 * and what its {@code --out} holds for a person ({@code golden/out/}: {@code hunt.txt},
 * {@code report.md}). A change to any of them shows here as a diff; {@link Golden#REGENERATE}
 * rewrites them.
 */
class GoldenBundleTest {

    private static final String GROUP = "bundle";

    @TestFactory
    Stream<DynamicTest> sentencesAndTables() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : Golden.table(GROUP, "cases.txt")) {
            String[] f = line.split(" +", 2);
            tests.add(DynamicTest.dynamicTest(f[0], () -> {
                Case c = ScheduleString.decode(f[1]);
                Golden.check(GROUP, f[0] + ".sentence.txt", HuntReport.explanation(c) + "\n");
                Golden.check(GROUP, f[0] + ".table.txt", HuntReport.table(c));
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
            Golden.check(GROUP, name + ".index.md.txt", Files.readString(BundleFixture.dir(name).resolve("index.md")));
        }));
    }

    /**
     * What {@code --out} holds for a person to read, of each {@link BundleFixture} hunt: each
     * instance's details ({@code hunt.txt}) and each bundle's {@code report.md}, under the path
     * they have below {@code --out} (slashes as {@code __}).
     */
    @TestFactory
    Stream<DynamicTest> reportsAndDetails() {
        return BundleFixture.HUNTS.keySet().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            BundleFixture.runs();
            Path out = BundleFixture.dir(name);
            List<Path> files;
            try (Stream<Path> walk = Files.walk(out)) {
                files = walk.filter(p -> p.getFileName().toString().equals("report.md")
                        || p.getFileName().toString().equals("hunt.txt")).sorted().toList();
            }
            assertThat(files).as("hunt.txt and report.md under %s", out).isNotEmpty()
                    .anyMatch(p -> p.endsWith("report.md"));
            for (Path p : files) {
                StringBuilder flat = new StringBuilder(name);
                out.relativize(p).forEach(part -> flat.append("__").append(part));
                // .md.txt: a report's links lead into the hunt's --out, not into this repository
                Golden.check("out", flat + (flat.toString().endsWith(".txt") ? "" : ".txt"), Files.readString(p));
            }
        }));
    }
}
