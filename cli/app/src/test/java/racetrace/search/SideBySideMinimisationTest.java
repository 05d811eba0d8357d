package racetrace.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import racetrace.engine.Model;
import racetrace.engine.Models;

/**
 * A hunt minimises its violated invariants side by side, sharing one {@link Minimizer.Shared}:
 * scenario verdicts and scope graphs are found once, by whichever minimisation asks first, and a
 * graph is explored once for all the invariants. Each result must be what minimising that
 * invariant alone gives, one after another on one worker, with graphs explored for it alone.
 */
class SideBySideMinimisationTest {

    private static final Minimizer.Options ONE = new Minimizer.Options(50_000, 2_000, 1);
    private static final Minimizer.Options TWO = new Minimizer.Options(50_000, 2_000, 2);

    @Test
    void sideBySideWithSharedVerdictsGivesWhatEachAloneGives() {
        int compared = 0;
        for (Model<?> model : List.of(Models.create("vfio-pci", "pre-a", Map.of("granularity", "location")),
                Models.create("mlx5", "pre", Map.of()), Models.create("xen-fifo", "a", Map.of()))) {
            Map<String, Case> cases = failingCases(model, model.instance().toString().startsWith("xen") ? 2 : 3);
            List<String> invariants = List.copyOf(cases.keySet());
            List<Minimizer.Result> alone = new ArrayList<>();
            for (String inv : invariants) {
                alone.add(Minimizer.minimize(cases.get(inv), inv, ONE, new Minimizer.Shared(List.of(inv))));
            }
            // Twice with one shared cache: the second round reads what the first found.
            Minimizer.Shared shared = new Minimizer.Shared(invariants);
            for (int round = 0; round < 2; round++) {
                List<Minimizer.Result> together = Parallel.map(invariants,
                        inv -> Minimizer.minimize(cases.get(inv), inv, TWO, shared), 2);
                for (int k = 0; k < invariants.size(); k++) {
                    Minimizer.Result a = alone.get(k);
                    Minimizer.Result t = together.get(k);
                    String what = invariants.get(k) + " of " + model.instance() + " from " + cases.get(invariants.get(k));
                    assertThat(t.minimal()).as(what).isEqualTo(a.minimal());
                    assertThat(t.measure()).as(what).isEqualTo(a.measure());
                    assertThat(t.minimality()).as(what).isEqualTo(a.minimality());
                    assertThat(t.stepShortest()).as(what).isEqualTo(a.stepShortest());
                    assertThat(t.shrinkRuns()).as(what).isEqualTo(a.shrinkRuns());
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(6);
    }

    /** The first random failing case of each of up to {@code n} invariants, in the order found. */
    private static Map<String, Case> failingCases(Model<?> model, int n) {
        Random random = new Random(20261208);
        Map<String, Case> out = new LinkedHashMap<>();
        for (int i = 0; i < 20_000 && out.size() < n; i++) {
            Case c = RandomCases.draw(model, RandomCases.DEFAULT_SCHEDULE_LENGTH, random);
            String inv = c.run().outcome().invariantOrNull();
            if (inv != null && !out.containsKey(inv)) {
                out.put(inv, c.focusedOn(inv));
            }
        }
        assertThat(out).as("failing cases of " + model.instance()).isNotEmpty();
        return out;
    }
}
