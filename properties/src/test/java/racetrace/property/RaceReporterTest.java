package racetrace.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** The entry point end to end: jqwik runs small suites, and the test reads what they wrote and reported. */
class RaceReporterTest extends BundlesInTempDir {

    /** The properties' results: display name and failure message (null when successful). */
    record Result(String property, TestExecutionResult.Status status, String message) {
    }

    static List<Result> run(Class<?> suite) {
        List<Result> results = new ArrayList<>();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(suite)).build(),
                new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier id, TestExecutionResult r) {
                        if (id.isTest()) {
                            results.add(new Result(id.getDisplayName(), r.getStatus(),
                                    r.getThrowable().map(Throwable::getMessage).orElse(null)));
                        }
                    }
                });
        return results;
    }

    @Test
    void anUnexpectedRaceFailsWithTableStringAndBundle() throws Exception {
        List<Result> results = run(RacyCounterSuite.Unexpected.class);
        assertThat(results).hasSize(1);
        Result r = results.get(0);
        assertThat(r.status()).isEqualTo(TestExecutionResult.Status.FAILED);
        assertThat(r.message()).contains("NoLostIncrement violated in counter/racy", "racetrace replay rt2:counter:racy",
                "=> NoLostIncrement violated after step", "bundle: ");
        Path dir = bundles.resolve("counter_racy/NoLostIncrement");
        assertThat(dir.resolve("report.md")).content().contains("# NoLostIncrement violated in counter/racy",
                "Found by the jqwik property `RacyCounterSuite.Unexpected.Racy.everyInvariantHolds` (seed 20261123",
                "racetrace replay 'rt2:counter:racy:", ":only=NoLostIncrement",
                "not checked: the model has no TLA+ spec");
        assertThat(dir.resolve("counterexample.json")).content().contains("\"format\" : \"racetrace-trace/1\"",
                "\"invariant\" : \"NoLostIncrement\"");
        Path test = dir.resolve("CounterRacyNoLostIncrementRegressionTest.java");
        assertThat(test).content().contains("package racetrace.property;", "@Test",
                "new Outcome.Violated(\"NoLostIncrement\", ");
        assertThat(dir.resolve("tla")).doesNotExist();
        // the hunt's bundle writer: the picture, the ITF trace and the manifest that `replay DIR` reads
        assertThat(dir.resolve("trace.svg")).content().contains("<svg", "NoLostIncrement");
        assertThat(dir.resolve("trace.itf.json")).content().contains("\"#meta\"", "\"states\"");
        assertThat(dir.resolve("bundle.json")).content().contains("\"format\" : \"racetrace-bundle/1\"",
                "\"trace.itf.json\"");
        runRegressionTest(test, "racetrace.property.CounterRacyNoLostIncrementRegressionTest");
    }

    @Test
    void aPropertyOfOnesOwnGetsTheSameReport() {
        List<Result> results = run(RacyCounterSuite.OwnProperty.class);
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(TestExecutionResult.Status.FAILED);
            assertThat(r.message()).contains("NoLostIncrement violated", "bundle: ");
        });
        assertThat(bundles.resolve("counter_racy/NoLostIncrement/report.md")).content()
                .contains("`RacyCounterSuite.OwnProperty.everyIncrementCounts`");
    }

    @Test
    void anExpectedRacePassesAndStillWritesItsBundle() {
        assertThat(run(RacyCounterSuite.Expected.class)).singleElement()
                .satisfies(r -> assertThat(r.status()).as(r.message()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
        assertThat(bundles.resolve("counter_racy/NoLostIncrement/report.md")).exists();
    }

    @Test
    void aRecordThatNoLongerMatchesFails() {
        assertThat(run(RacyCounterSuite.WrongInvariant.class)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(TestExecutionResult.Status.FAILED);
            assertThat(r.message()).contains("expected the shrunk case to violate NoSuchInvariant");
        });
        assertThat(run(RacyCounterSuite.NothingFound.class)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(TestExecutionResult.Status.FAILED);
            assertThat(r.message()).contains("expected jqwik to find NoLostIncrement violated", "1500 tries held");
        });
    }

    /** Compiles the written test against this classpath and runs its one test method: it must pass. */
    private static void runRegressionTest(Path source, String className) throws Exception {
        Path out = Files.createTempDirectory("regression");
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", out.toString(), "-cp",
                System.getProperty("java.class.path"), "-proc:none", source.toString());
        assertThat(rc).isZero();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()},
                RaceReporterTest.class.getClassLoader())) {
            Class<?> c = loader.loadClass(className);
            var ctor = c.getDeclaredConstructor();
            ctor.setAccessible(true);
            Object instance = ctor.newInstance();
            List<Method> tests = Stream.of(c.getDeclaredMethods())
                    .filter(m -> m.isAnnotationPresent(Test.class)).toList();
            assertThat(tests).hasSize(1);
            tests.get(0).setAccessible(true);
            tests.get(0).invoke(instance);
        } finally {
            try (Stream<Path> s = Files.walk(out)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temp dir
            }
        }
    }
}
