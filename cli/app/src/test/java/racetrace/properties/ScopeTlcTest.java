package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import racetrace.engine.FocusedModel;
import racetrace.engine.Model;
import racetrace.engine.Models;
import racetrace.engine.OpPlan;
import racetrace.engine.Shape;
import racetrace.engine.Stepper;
import racetrace.search.explore.Exploration;
import racetrace.search.explore.Limits;
import racetrace.search.explore.StateSpace;
import racetrace.search.scope.Scope;
import racetrace.search.scope.ScopePlans;
import racetrace.tla.SpecChecker;
import racetrace.tla.TlcResult;
import racetrace.tla.TlcVerdict;

/**
 * One scope, one TLC model: the spec's threads choose their ops from the same plans (Init begins
 * each thread's first op, the step that ends an op begins the next or leaves the thread Done), and
 * TLC's distinct-state count over the scope's configurations equals the Java explorer's over the
 * same state graphs, both without invariants and without reductions.
 */
class ScopeTlcTest {

    @BeforeEach
    void tlcEnabled() {
        assumeFalse(Boolean.getBoolean("racetrace.tlc.skip"), "TLC runs skipped (-Dracetrace.tlc.skip=true)");
    }

    static Stream<Arguments> scopes() {
        Shape xenSmall = Shape.all().with("vcpus", 1, 1).with("prios", 1, 2).with("ports", 1, 2).with("masked", 0, 1)
                .with("oldTail", 0, 1).with("guest", 0, 1).with("unmaskForm", 0, 0).with("source", 0, 0)
                .actor("xen-cpu", 2, 1).actor("guest", 1, 1).actor("guest-unmask", 1, 1).actor("guest-rogue", 0, 0);
        Shape xenOps = Shape.all().with("vcpus", 2, 2).with("prios", 1, 1).with("ports", 1, 1).with("masked", 0, 0)
                .with("oldTail", 0, 0).with("guest", 1, 1).with("unmaskForm", 0, 0).with("source", 0, 0)
                .actor("xen-cpu", 1, 2).actor("guest", 2, 1).actor("guest-unmask", 0, 0).actor("guest-rogue", 0, 0);
        return Stream.of(
                Arguments.of("xen-fifo", "e2", new Scope(3, 3, List.of(xenSmall.with("masked", 0, 0).with("prios", 1, 1)))),
                Arguments.of("xen-fifo", "d1", Scope.of(List.of(xenOps))),
                Arguments.of("xen-fifo", "b", new Scope(2, 2, List.of(xenSmall))),
                Arguments.of("vfio-pci", "pre-a", new Scope(2, 2)),
                Arguments.of("mlx5", "pre", new Scope(2, 3)));
    }

    @ParameterizedTest
    @MethodSource("scopes")
    void tlcCountsTheStatesJavaCountsOverTheWholeScope(String family, String variant, Scope scope, @TempDir Path dir) {
        Model<?> model = FocusedModel.none(Models.create(family, variant, Map.of()));
        List<OpPlan> plans = ScopePlans.of(model.space(), scope);
        assertThat(plans).isNotEmpty();
        long java = 0;
        for (OpPlan p : plans) {
            Exploration x = StateSpace.explore(model, p, List.of(), Limits.states(2_000_000), false);
            assertThat(x.complete()).isTrue();
            java += x.distinctStates();
        }
        TlcResult r = SpecChecker.standard().checkPlans(Collections.nCopies(plans.size(), model), plans,
                variables(model, plans.get(0)), scope.toString(), dir, Duration.ofMinutes(10), List.of());
        assertThat(r.verdict()).as(r.summary()).isEqualTo(TlcVerdict.OK);
        System.out.println("scope " + family + "/" + variant + " " + scope + ": " + plans.size() + " graphs, Java "
                + java + " states, TLC " + r.distinctStates());
        assertThat(r.distinctStates()).as("TLC's count of %s", scope).isEqualTo(java);
        assertThat(java).isGreaterThan(plans.size());
    }

    private static <S> List<String> variables(Model<S> model, OpPlan plan) {
        return new ArrayList<>(model.variables(Stepper.of(model, plan).starts().get(0).state()).keySet());
    }
}
