package racetrace.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The table form end to end: racetrace's engine runs {@link TableSuites} through the JUnit Platform
 * launcher (as Maven's Surefire does), one test per row named after it; a row passes only when the
 * hunt finds what it records, and a row that expects "holds" is refuted by the exhaustive search.
 */
class RaceSuiteEngineTest extends BundlesInTempDir {

    /** A test's name, its container's name, its status and message. */
    record Result(String name, String container, TestExecutionResult.Status status, String message) {
    }

    static List<Result> run(Class<?> suite) {
        List<Result> results = new ArrayList<>();
        TestPlan[] plan = new TestPlan[1];
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(suite)).build(),
                new TestExecutionListener() {
                    @Override
                    public void testPlanExecutionStarted(TestPlan p) {
                        plan[0] = p;
                    }

                    @Override
                    public void executionFinished(TestIdentifier id, TestExecutionResult r) {
                        if (id.isTest()) {
                            String parent = plan[0].getParent(id).map(TestIdentifier::getDisplayName).orElse("");
                            results.add(new Result(id.getLegacyReportingName(), parent, r.getStatus(),
                                    r.getThrowable().map(Throwable::getMessage).orElse(null)));
                        }
                    }
                });
        return results;
    }

    @Test
    void eachRowIsATestNamedAfterItsInstanceAndPassesWhenTheHuntAgrees() {
        List<Result> results = run(TableSuites.FromFile.class);
        assertThat(results).extracting(Result::name).containsExactly("counter/racy", "counter/locked");
        assertThat(results).extracting(Result::container).containsOnly("TableSuites.FromFile");
        assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.message())
                .isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
        assertThat(bundles.resolve("counter_racy/NoLostIncrement/report.md")).content()
                .contains("Found by the racetrace suite `TableSuites.FromFile`, row `counter/racy`");
    }

    @Test
    void aTableWrittenInTheSuiteWorksAlike() {
        List<Result> results = run(TableSuites.Inline.class);
        assertThat(results).extracting(Result::name)
                .containsExactly("counter/racy", "counter/locked", "hand-built racy counter");
        assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.message())
                .isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
    }

    @Test
    void aRowExpectingHoldsFailsWhenTheExhaustiveSearchFindsARace() {
        assertThat(run(TableSuites.WrongHolds.class)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(TestExecutionResult.Status.FAILED);
            assertThat(r.message()).contains("counter/racy is expected to hold", "scope threads<=",
                    "violates NoLostIncrement", "racetrace replay rt2:counter:racy");
        });
    }

    @Test
    void aVersionWithARaceInsideTheScopeRefutesARecordedHolds() {
        // xen-fifo/b: 2 threads, 2 ops, within the default scope (and the ladder's threads<=2,ops<=2).
        assertThat(run(TableSuites.XenBHolds.class)).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("xen-fifo/b[callers=2013]");
            assertThat(r.status()).isEqualTo(TestExecutionResult.Status.FAILED);
            assertThat(r.message()).contains("is expected to hold", "the hunt (scope ");
        });
    }

    @Test
    void aRecordThatNoLongerMatchesFailsAndSaysWhy() {
        List<Result> results = run(TableSuites.Stale.class);
        assertThat(results).hasSize(3).allSatisfy(r -> assertThat(r.status())
                .isEqualTo(TestExecutionResult.Status.FAILED));
        assertThat(results.get(0).message()).contains("the table records [NoSuchInvariant], not NoLostIncrement");
        assertThat(results.get(1).message()).contains("its first case shrinks to 2/2/1/4, smaller than the 3/3/1/9 "
                + "the table records");
        assertThat(results.get(2).message()).contains("counter/locked is expected to violate [NoLostIncrement]",
                "but the hunt found nothing");
    }

    @Test
    void aTablesCheckOfEveryCounterexampleCanRefuseOne() {
        assertThat(run(TableSuites.Checked.class)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(TestExecutionResult.Status.FAILED);
            assertThat(r.message()).contains("its counterexample fails the table's check: the counter's 2 threads are "
                    + "not welcome");
        });
    }

    @Test
    void holdsWithNothingExhaustiveBehindItFails() {
        assertThat(run(TableSuites.Unbacked.class)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(TestExecutionResult.Status.FAILED);
            assertThat(r.message()).contains("no scope was explored to the end", "nothing backs it");
        });
    }

    @Test
    void aMistakeInAVerdictsFileNamesTheFileAndLine() {
        assertThat(run(TableSuites.Broken.class)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(TestExecutionResult.Status.FAILED);
            assertThat(r.message()).contains("racetrace/verdicts-fixtures/broken.txt:1",
                    "is not threads/ops/preemptions/steps");
        });
    }
}
