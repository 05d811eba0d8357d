package racetrace.tla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racetrace.engine.FocusedModel;
import racetrace.engine.Model;
import racetrace.engine.Models;
import racetrace.engine.Scenario;

/**
 * Two revisions of XenFifo.tla describe the same system when TLC's breadth-first search finds
 * the same number of distinct states in both, with no invariant checked, on the same scenarios
 * of every version. Run on demand, to check a rewrite of the spec before the old text goes: give
 * the directory of the old revision; the new one is today's {@code spec/xen-fifo} unless
 * {@code -Dracetrace.xen.newSpec=DIR} names another (see spec/xen-fifo/README.md):
 *
 * <pre>
 * mkdir -p /tmp/old &amp;&amp; git show HEAD:spec/xen-fifo/XenFifo.tla &gt; /tmp/old/XenFifo.tla
 * mvn -B -q -pl models/xen-fifo -am test -Dtest=XenSpecEquivalenceTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dracetrace.xen.oldSpec=/tmp/old
 * </pre>
 *
 * The constants and the scenarios are today's Java model's ({@code tlaConstants} of each variant's
 * {@code coverageScenarios()}), so the test compares any two revisions that declare today's
 * constants with their meaning; an older revision with other constants cannot be compared (TLC
 * reports the constant it lacks).
 */
class XenSpecEquivalenceTest {

    private static final Path TODAY = Path.of("..", "..", "spec", "xen-fifo");

    @Test
    void bothRevisionsReachTheSameNumberOfStates(@TempDir Path dir) {
        TlcTests.assumeTlcRuns();
        String oldSpec = System.getProperty("racetrace.xen.oldSpec");
        assumeTrue(oldSpec != null, "give -Dracetrace.xen.oldSpec=DIR (and -Dracetrace.xen.newSpec=DIR, default "
                + TODAY + ")");
        Path newSpec = Path.of(System.getProperty("racetrace.xen.newSpec", TODAY.toString()));
        assertThat(newSpec.resolve("XenFifo.tla")).exists();
        List<String> diffs = new ArrayList<>();
        int n = 0;
        for (String version : Models.family("xen-fifo").variants()) {
            Model<?> real = Models.create("xen-fifo", version, Map.of());
            List<Scenario> scenarios = real.coverageScenarios();
            assertThat(scenarios).as("coverage scenarios of %s", real.instance()).isNotEmpty();
            for (int i = 0; i < scenarios.size(); i++) {
                // no invariant: TLC counts the states of the whole behaviour
                Model<?> m = FocusedModel.none(real);
                long a = distinct(Path.of(oldSpec), m, scenarios.get(i), dir.resolve("old-" + n));
                long b = distinct(newSpec, m, scenarios.get(i), dir.resolve("new-" + n));
                System.out.printf("%s scenario %d: %d distinct states (old), %d (new)%n", real.instance(), i + 1, a, b);
                if (a != b) {
                    diffs.add(real.instance() + " scenario " + (i + 1) + ": " + a + " vs " + b);
                }
                n++;
            }
        }
        assertThat(n).isPositive();
        assertThat(diffs).isEmpty();
    }

    private static long distinct(Path specDir, Model<?> m, Scenario sc, Path dir) {
        SpecChecker checker = new SpecChecker(SpecLibrary.classpath().withDirectory(specDir), TlaValueWriter.standard(),
                TlcRunner.fromClasspath());
        TlcResult r = checker.check(m, sc, dir, Duration.ofMinutes(10), false);
        assertThat(r.verdict()).as(r.summary()).isEqualTo(TlcVerdict.OK);
        return r.distinctStates();
    }
}
