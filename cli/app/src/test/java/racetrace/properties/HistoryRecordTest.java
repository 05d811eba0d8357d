package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import racetrace.engine.Model;
import racetrace.engine.Models;
import racetrace.search.scope.Rungs;
import racetrace.search.scope.Scope;

/**
 * The cheap half of {@link HistoryScopeTest}, in every {@code mvn test}: each bundled model's
 * default scope contains the scenario of every minimal counterexample recorded for its versions,
 * and every version has a record. A default scope narrowed below history, or a version added
 * without its record, fails here in seconds; whether the record still says what the hunts find
 * is HistoryScopeTest's question (opt-in: it hunts every version).
 */
class HistoryRecordTest {

    static Stream<String> families() {
        return Stream.of("xen-fifo", "vfio-pci", "mlx5");
    }

    @ParameterizedTest
    @MethodSource("families")
    void theDefaultScopeContainsEveryRecordedCounterexample(String family) {
        List<HistoryRecord.Entry> entries = HistoryRecord.read(family);
        Set<String> recorded = new LinkedHashSet<>();
        List<String> outside = new ArrayList<>();
        int scenarios = 0;
        for (HistoryRecord.Entry e : entries) {
            recorded.add(e.variant());
            if (e.scenario() == null) {
                assertThat(e.verdict()).as("%s %s's verdict", family, e.variant()).isIn("held", "inconclusive");
                continue;
            }
            Model<?> model = Models.create(family, e.variant(), Map.of());
            // A recorded scenario the model no longer accepts is a stale record, not a pass.
            model.space().validate(e.scenario());
            Scope scope = new Rungs(model, 0, 200_000).defaultScope();
            scenarios++;
            if (!scope.contains(e.scenario())) {
                outside.add(e.variant() + " " + e.invariant() + " " + e.measure() + ": " + e.scenario()
                        + " (not in " + scope.describe() + ")");
            }
        }
        assertThat(recorded).as("versions of %s with a history record (re-record: %s)", family,
                HistoryScopeTest.RECORD).containsExactlyElementsOf(Models.family(family).variants());
        assertThat(scenarios).as("recorded counterexamples of %s", family).isPositive();
        assertThat(outside).as("recorded minimal counterexamples outside %s's default scope", family).isEmpty();
    }

    @Test
    void aScenarioBeyondTheDefaultScopeIsOutside() {
        // The check above is not vacuous: xen-fifo's scope leaves out five Xen CPUs, whatever their ops.
        HistoryRecord.Entry any = HistoryRecord.read("xen-fifo").stream().filter(e -> e.scenario() != null)
                .findFirst().orElseThrow();
        Model<?> model = Models.create("xen-fifo", any.variant(), Map.of());
        var cpu = any.scenario().threads().stream().filter(t -> t.actor().equals("xen-cpu")).findFirst().orElseThrow();
        var five = new ArrayList<>(any.scenario().threads());
        while (five.stream().filter(t -> t.actor().equals(cpu.actor())).count() < 5) {
            five.add(cpu);
        }
        var wide = new racetrace.engine.Scenario(any.scenario().config(), five);
        assertThat(new Rungs(model, 0, 200_000).defaultScope().contains(wide)).isFalse();
    }
}
