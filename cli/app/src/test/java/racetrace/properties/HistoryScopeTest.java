package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import racetrace.engine.Model;
import racetrace.engine.Models;
import racetrace.engine.Scenario;
import racetrace.search.hunt.Finding;
import racetrace.search.hunt.HuntOptions;
import racetrace.search.hunt.HuntResult;
import racetrace.search.hunt.Hunter;
import racetrace.search.scope.Rungs;
import racetrace.search.scope.Scope;

/**
 * Default scopes contain history: for each bundled model, the hunt of every version (the default
 * hunt, seed 1) gives minimal counterexamples, and the model's default exhaustive scope contains
 * the scenario of each (its threads and ops per actor kind, its configuration). The shapes are
 * computed here, from what the hunt finds today, never written down: a version added to a model
 * whose races fall outside its default scope fails this test until the default scope grows.
 * Then the exhaustive phase of every hunt covers the shape of every race of every other version,
 * and a held verdict names a scope that would have caught them. The test also compares what the
 * hunts find with the record {@code golden/history/<family>.txt} (rewritten with
 * {@code -Dracetrace.golden.update=true}), which {@link HistoryRecordTest} checks against the
 * default scopes in every {@code mvn test}.
 */
@EnabledIfSystemProperty(named = "racetrace.history", matches = "true",
        disabledReason = "hunts every version with the default work (about 4 minutes on 2 cores; .ci/run runs it): "
                + "mvn test -pl cli/app -am -Dtest=HistoryScopeTest -Dsurefire.failIfNoSpecifiedTests=false -Dracetrace.history=true")
class HistoryScopeTest {

    /** The command that hunts every version and rewrites the records HistoryRecordTest reads. */
    static final String RECORD = "mvn test -pl cli/app -am -Dtest=HistoryScopeTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dracetrace.history=true -D" + Golden.UPDATE + "=true";

    static Stream<String> families() {
        return Stream.of("xen-fifo", "vfio-pci", "mlx5");
    }

    @ParameterizedTest
    @MethodSource("families")
    void theDefaultScopeContainsEveryVersionsMinimalCounterexamples(String family) {
        List<String> outside = new ArrayList<>();
        Map<String, HuntResult> results = new LinkedHashMap<>();
        int found = 0;
        Scope scope = null;
        for (String variant : Models.family(family).variants()) {
            Model<?> model = Models.create(family, variant, Map.of());
            scope = new Rungs(model, 0, 200_000).defaultScope();
            assertThat(scope).as("%s names a default scope", family).isNotNull();
            HuntResult r;
            try {
                r = Hunter.hunt(model, HuntOptions.defaults(), null);
            } catch (RuntimeException e) {
                e.printStackTrace(System.out);
                throw e;
            }
            results.put(variant, r);
            for (Finding f : r.findings()) {
                Scenario s = f.shrunk().scenario();
                found++;
                System.out.println("history " + model.instance() + " " + f.invariant() + " " + f.measure() + ": "
                        + s.config() + " " + s.threads());
                if (!scope.contains(s)) {
                    outside.add(model.instance() + " " + f.invariant() + " " + f.measure() + ": " + s.config() + " "
                            + s.threads());
                }
            }
        }
        assertThat(found).as("counterexamples in the versions of %s", family).isPositive();
        assertThat(outside).as("minimal counterexamples outside %s's default scope %s", family,
                scope == null ? null : scope.describe()).isEmpty();
        // What HistoryRecordTest checks in every mvn test: the record must say what the hunt finds today.
        Golden.check(HistoryRecord.GROUP, HistoryRecord.file(family), HistoryRecord.text(family, results));
    }
}
