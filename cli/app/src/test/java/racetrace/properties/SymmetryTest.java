package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import racetrace.engine.Execution;
import racetrace.engine.Model;
import racetrace.engine.Models;
import racetrace.engine.OpPlan;
import racetrace.engine.Outcome;
import racetrace.engine.Shape;
import racetrace.search.Case;
import racetrace.search.Deadlocks;
import racetrace.search.explore.Exploration;
import racetrace.search.explore.Limits;
import racetrace.search.explore.StateSpace;
import racetrace.search.scope.Scope;
import racetrace.search.scope.ScopePlans;

/**
 * Symmetry of interchangeable threads is safe: on small scopes of every bundled model's versions,
 * a search of canonical states (threads of one interchangeable kind with the same ops reordered
 * into one form) violates exactly the invariants the unreduced search violates, with the same
 * shortest counterexample lengths and deadlocks; every case it reports replays (on the real,
 * unpermuted threads, on the model with the hunt's deadlock check) into the violation it names; it never visits more states; and its counts
 * and cases are the same on one worker and on two.
 */
class SymmetryTest {

    private static final Shape XEN = Shape.all().with("masked", 0, 0).with("unmaskForm", 0, 0)
            .actor("guest-unmask", 0, 0).actor("guest-rogue", 0, 0);

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        // Three CPUs of one op (the most interchangeable threads), two of two ops with the
        // consumer, two vCPUs with their consumers: shapes of the races history knows.
        List<Scope> xen = List.of(
                Scope.of(List.of(XEN.with("vcpus", 1, 1).with("prios", 1, 2).with("ports", 1, 1).with("oldTail", 0, 0)
                        .with("guest", 1, 1).actor("xen-cpu", 3, 1).actor("guest", 1, 1))),
                Scope.of(List.of(XEN.with("vcpus", 1, 1).with("prios", 2, 2).with("ports", 1, 1).with("oldTail", 0, 1)
                        .with("guest", 0, 1).actor("xen-cpu", 2, 2).actor("guest", 1, 1))),
                Scope.of(List.of(XEN.with("vcpus", 2, 2).with("prios", 1, 1).with("ports", 1, 1).with("oldTail", 0, 0)
                        .with("guest", 1, 1).actor("xen-cpu", 2, 2).actor("guest", 2, 1))));
        for (String v : Models.family("xen-fifo").variants()) {
            for (Scope s : xen) {
                out.add(Arguments.of("xen-fifo", v, s));
            }
        }
        for (String family : List.of("vfio-pci", "mlx5")) {
            for (String v : Models.family(family).variants()) {
                out.add(Arguments.of(family, v, new Scope(3, 3)));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}/{1} {2}")
    @MethodSource("cases")
    void theReducedSearchFindsWhatTheFullSearchFinds(String family, String variant, Scope scope) {
        // The model as the hunt explores it, with its deadlock check: cases replay on what the hunt runs.
        Model<?> model = Deadlocks.checked(Models.create(family, variant, Map.of()));
        List<OpPlan> plans = ScopePlans.of(model.space(), scope);
        assertThat(plans).isNotEmpty();
        long fullStates = 0;
        long reducedStates = 0;
        for (OpPlan plan : plans) {
            Exploration full = StateSpace.explore(model, plan, null, Limits.states(3_000_000), false);
            Exploration one = StateSpace.explore(model, plan, null, Limits.states(3_000_000).reduced(), false);
            Exploration two = StateSpace.explore(model, plan, null,
                    Limits.states(3_000_000).withWorkers(2).reduced(), false);
            assertThat(full.complete()).as("full search of %s", plan).isTrue();
            assertThat(one.complete()).isTrue();
            fullStates += full.distinctStates();
            reducedStates += one.distinctStates();
            assertThat(one.distinctStates()).as("states of %s", plan).isLessThanOrEqualTo(full.distinctStates());
            assertThat(lengths(one)).as("violations of %s", plan).isEqualTo(lengths(full));
            assertThat(one.deadlocks() > 0).as("deadlocks of %s", plan).isEqualTo(full.deadlocks() > 0);
            if (full.firstDeadlock() != null) {
                assertThat(one.firstDeadlock().schedule().length()).isEqualTo(full.firstDeadlock().schedule().length());
            }
            assertThat(two.distinctStates()).as("workers 1 and 2").isEqualTo(one.distinctStates());
            assertThat(strings(two)).isEqualTo(strings(one));
            for (Map.Entry<String, Case> v : one.violations().entrySet()) {
                Execution<?> run = v.getValue().run();
                assertThat(run.outcome()).as("%s replays", v.getValue()).isInstanceOf(Outcome.Violated.class);
                assertThat(run.outcome().invariantOrNull()).isEqualTo(v.getKey());
            }
        }
        System.out.println("symmetry " + family + "/" + variant + " " + scope + ": " + fullStates + " states, reduced "
                + reducedStates);
    }

    /** Each violated invariant with the length of its case, by name (PartialOrderTest compares the same). */
    static Map<String, Integer> lengths(Exploration x) {
        Map<String, Integer> out = new LinkedHashMap<>();
        x.violations().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.put(e.getKey(), e.getValue().schedule().length()));
        return out;
    }

    /** Each violated invariant with its case's scenario and schedule. */
    static Map<String, String> strings(Exploration x) {
        Map<String, String> out = new LinkedHashMap<>();
        x.violations().forEach((k, c) -> out.put(k, c.scenario() + " " + c.schedule()));
        return out;
    }
}
