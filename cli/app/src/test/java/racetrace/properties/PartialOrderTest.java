package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import racetrace.engine.Config;
import racetrace.engine.Execution;
import racetrace.engine.ForwardingModel;
import racetrace.engine.Machine;
import racetrace.engine.Model;
import racetrace.engine.Models;
import racetrace.engine.OpPlan;
import racetrace.engine.Outcome;
import racetrace.engine.Packed;
import racetrace.engine.Shape;
import racetrace.search.Case;
import racetrace.search.Deadlocks;
import racetrace.search.explore.Exploration;
import racetrace.search.explore.Limits;
import racetrace.search.explore.StateSpace;
import racetrace.search.scope.Scope;
import racetrace.search.scope.ScopePlans;

/**
 * Partial-order reduction by sleep sets is safe: on small scopes of every xen-fifo version (the
 * bundled model with packed states and footprints), the reduced search visits exactly the states
 * of the full search at the same depths: the same count, BFS depth, violated invariants with the
 * same shortest lengths, deadlocks; the very same cases (every state keeps its parent); every
 * case it reports replays; with symmetry too; the same on one, two and three workers. It runs in the checked mode, which executes both orders of every
 * independence the reduction relies on, so a footprint the model declares wrongly fails here. The
 * flags models have no packed states: no footprints, nothing reduced (the same counts).
 */
class PartialOrderTest {

    private static final Shape XEN = Shape.all().with("masked", 0, 0).with("unmaskForm", 0, 0)
            .actor("guest-unmask", 0, 0).actor("guest-rogue", 0, 0);

    /** Shapes of the races history knows, small enough for the checked mode. */
    private static final List<Scope> SCOPES = List.of(
            Scope.of(List.of(XEN.with("vcpus", 1, 1).with("prios", 1, 2).with("ports", 1, 1).with("oldTail", 0, 0)
                    .with("guest", 1, 1).actor("xen-cpu", 2, 1).actor("guest", 1, 1))),
            Scope.of(List.of(XEN.with("vcpus", 1, 1).with("prios", 2, 2).with("ports", 1, 1).with("oldTail", 0, 1)
                    .with("guest", 0, 1).actor("xen-cpu", 2, 2).actor("guest", 0, 0))),
            Scope.of(List.of(XEN.with("vcpus", 2, 2).with("prios", 1, 1).with("ports", 1, 2).with("oldTail", 0, 0)
                    .with("guest", 1, 1).actor("xen-cpu", 2, 1).actor("guest", 2, 1))),
            // the guest's unmask (both forms), a misbehaving guest, ports starting masked
            Scope.of(List.of(Shape.all().with("vcpus", 1, 1).with("prios", 1, 1).with("ports", 1, 1)
                    .with("masked", 0, 1).with("oldTail", 0, 0).with("guest", 0, 1).with("unmaskForm", 0, 1)
                    .actor("xen-cpu", 1, 1).actor("guest", 1, 1).actor("guest-unmask", 1, 1)
                    .actor("guest-rogue", 1, 1))));

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String v : Models.family("xen-fifo").variants()) {
            for (int s = 0; s < SCOPES.size(); s++) {
                out.add(Arguments.of("xen-fifo", v, s));
            }
        }
        for (String family : List.of("vfio-pci", "mlx5")) {
            for (String v : Models.family(family).variants()) {
                out.add(Arguments.of(family, v, -1));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}/{1} scope {2}")
    @MethodSource("cases")
    void sleepSetsVisitEveryStateAtItsDepth(String family, String variant, int scopeIndex) {
        Model<?> model = Deadlocks.checked(Models.create(family, variant, Map.of()));
        Scope scope = scopeIndex < 0 ? new Scope(2, 2) : SCOPES.get(scopeIndex);
        List<OpPlan> plans = ScopePlans.of(model.space(), scope);
        assertThat(plans).isNotEmpty();
        long full = 0;
        long fullTransitions = 0;
        long reducedTransitions = 0;
        for (OpPlan plan : plans) {
            Limits limits = Limits.states(3_000_000);
            Exploration all = StateSpace.explore(model, plan, null, limits, false);
            Exploration one = StateSpace.explore(model, plan, null, limits.withOrder(Limits.Order.CHECKED), false);
            assertThat(all.complete()).as("full search of %s", plan).isTrue();
            same(plan, one, all);
            full += all.distinctStates();
            fullTransitions += all.transitions();
            reducedTransitions += one.transitions();
            for (int workers = 2; workers <= 3; workers++) {
                Exploration more = StateSpace.explore(model, plan, null,
                        limits.withWorkers(workers).withOrder(Limits.Order.SLEEP_SETS), false);
                assertThat(more.transitions()).as("transitions on %d workers", workers).isEqualTo(one.transitions());
                assertThat(SymmetryTest.strings(more)).as("cases on %d workers", workers)
                        .isEqualTo(SymmetryTest.strings(one));
                same(plan, more, all);
            }
            // With symmetry of interchangeable threads: the same as symmetry alone.
            Exploration sym = StateSpace.explore(model, plan, null, new Limits(3_000_000, null, 1, true,
                    Limits.Order.OFF), false);
            Exploration both = StateSpace.explore(model, plan, null,
                    limits.reduced().withOrder(Limits.Order.CHECKED), false);
            same(plan, both, sym);
            for (Map.Entry<String, Case> v : both.violations().entrySet()) {
                Execution<?> run = v.getValue().run();
                assertThat(run.outcome()).as("%s replays", v.getValue()).isInstanceOf(Outcome.Violated.class);
                assertThat(run.outcome().invariantOrNull()).isEqualTo(v.getKey());
            }
        }
        if (family.equals("xen-fifo")) {
            assertThat(reducedTransitions).as("transitions pruned").isLessThan(fullTransitions);
        } else {
            assertThat(reducedTransitions).as("no footprints, nothing pruned").isEqualTo(fullTransitions);
        }
        System.out.println("sleep sets " + family + "/" + variant + " " + scope + ": " + full + " states, "
                + fullTransitions + " transitions, reduced " + reducedTransitions);
    }

    private static void same(OpPlan plan, Exploration reduced, Exploration full) {
        assertThat(reduced.complete()).isTrue();
        assertThat(reduced.distinctStates()).as("states of %s", plan).isEqualTo(full.distinctStates());
        assertThat(reduced.depth()).as("depth of %s", plan).isEqualTo(full.depth());
        assertThat(SymmetryTest.lengths(reduced)).as("violations of %s", plan).isEqualTo(SymmetryTest.lengths(full));
        assertThat(reduced.deadlocks()).as("deadlocks of %s", plan).isEqualTo(full.deadlocks());
        if (full.firstDeadlock() != null) {
            assertThat(reduced.firstDeadlock().schedule().length()).isEqualTo(full.firstDeadlock().schedule().length());
        }
        for (Map.Entry<String, Case> v : reduced.violations().entrySet()) {
            assertThat(v.getValue().schedule().length()).isEqualTo(full.violations().get(v.getKey()).schedule().length());
        }
        assertThat(reduced.transitions()).isLessThanOrEqualTo(full.transitions());
        // Every state keeps the parent the full search gives it (see docs/benchmark.md): the same cases.
        assertThat(SymmetryTest.strings(reduced)).as("cases of %s", plan).isEqualTo(SymmetryTest.strings(full));
        assertThat(reduced.notices()).as("give-ups of %s", plan).isEqualTo(full.notices());
        assertThat(String.valueOf(reduced.firstDeadlock())).isEqualTo(String.valueOf(full.firstDeadlock()));
    }

    /**
     * A model whose footprints say every two steps are independent (a wrong declaration): the
     * checked mode refuses it, and the unchecked reduction, trusting it, loses states, so the
     * comparison above would fail too.
     */
    @Test
    void aWrongFootprintIsCaught() {
        Model<?> model = wrongFootprints(Models.create("xen-fifo", "b", Map.of()));
        List<OpPlan> plans = ScopePlans.of(model.space(), SCOPES.get(0));
        long lost = 0;
        for (OpPlan plan : plans) {
            Exploration all = StateSpace.explore(model, plan, null, Limits.states(1_000_000), false);
            Exploration trusted = StateSpace.explore(model, plan, null,
                    Limits.states(1_000_000).withOrder(Limits.Order.SLEEP_SETS), false);
            lost += all.distinctStates() - trusted.distinctStates();
        }
        assertThat(lost).as("states a wrong footprint loses").isPositive();
        assertThatThrownBy(() -> {
            for (OpPlan plan : plans) {
                StateSpace.explore(model, plan, null, Limits.states(1_000_000).withOrder(Limits.Order.CHECKED), false);
            }
        }).hasMessageContaining("independent");
    }

    private static <S> Model<S> wrongFootprints(Model<S> inner) {
        return new ForwardingModel<S>(inner) {
            @Override
            public Packed<S> packed() {
                Packed<S> p = inner.packed();
                return new Packed<>() {
                    @Override
                    public Machine machine(Config config, List<String> actors) {
                        return independent(p.machine(config, actors));
                    }

                    @Override
                    public List<String> invariants() {
                        return p.invariants();
                    }

                    @Override
                    public int[] pack(S state) {
                        return p.pack(state);
                    }

                    @Override
                    public S unpack(Machine machine, int[] packed) {
                        return p.unpack(((Independent) Proxy.getInvocationHandler(machine)).m(), packed);
                    }
                };
            }
        };
    }

    /** Machine {@code m} with one change: it declares that no step touches anything. */
    private static Machine independent(Machine m) {
        return (Machine) Proxy.newProxyInstance(Machine.class.getClassLoader(), new Class<?>[] {Machine.class},
                new Independent(m));
    }

    /** Answers every call of a machine as {@code m} does, but the footprint's: nothing read, nothing written. */
    private record Independent(Machine m) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "declaresFootprints" -> {
                    return true;
                }
                case "footprint" -> {
                    long[] out = (long[]) args[2];
                    out[0] = 0;
                    out[1] = 0;
                    return null;
                }
                default -> {
                    try {
                        return method.invoke(m, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }
            }
        }
    }
}
