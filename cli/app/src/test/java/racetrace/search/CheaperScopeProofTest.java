package racetrace.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import racetrace.engine.Config;
import racetrace.engine.Invariant;
import racetrace.engine.Model;
import racetrace.engine.Models;
import racetrace.engine.Scenario;
import racetrace.search.scope.ScenarioEnumeration;
import racetrace.search.scope.Scope;

/**
 * The minimiser's scope proof explores each scenario once for the invariants a hunt minimises,
 * with symmetry and sleep sets, stopping once each of them is violated, a (threads, ops) class at
 * a time. It must say what the plain proof says: every scenario explored whole, without
 * reductions, with every invariant of the model. Both are run here on small scopes of bundled
 * models and compared scenario by scenario and case by case.
 */
class CheaperScopeProofTest {

    private static final Minimizer.Options OPTIONS = new Minimizer.Options(100_000, 3_000, 2);

    @Test
    void everyScenarioGetsThePlainExplorationsVerdictOnEveryInvariant() {
        Model<?> flags = Models.create("vfio-pci", "pre-a", Map.of("granularity", "location"));
        compareVerdicts(flags, ScenarioEnumeration.of(flags.space(), new Scope(2, 2), 5_000));
        Model<?> xen = Models.create("xen-fifo", "a", Map.of());
        // Two configurations in which xen-fifo a's hunt finds scenarios of 1 and 2 threads that
        // violate (and many that do not).
        List<Scenario> some = new ArrayList<>();
        for (Config c : List.of(config(1, 1, 2, 3), config(1, 2, 1, 1))) {
            some.addAll(ScenarioEnumeration.of(xen.space(), new Scope(2, 2), 10_000, c));
        }
        compareVerdicts(xen, some);
    }

    private static Config config(int vcpus, int prios, int ports, int source) {
        return Config.empty().with("vcpus", vcpus).with("prios", prios).with("ports", ports).with("masked", 0)
                .with("oldTail", 1).with("guest", 0).with("unmaskForm", 0).with("source", source);
    }

    private static void compareVerdicts(Model<?> model, List<Scenario> scenarios) {
        assertThat(scenarios).hasSizeGreaterThan(50);
        Minimizer.Shared plain = new Minimizer.Shared(null, false);
        List<String> names = model.invariants().stream().map(Invariant::name).toList();
        List<Minimizer.Shared.Verdict> expected = plain.verdicts(model, scenarios, names.get(0), OPTIONS);
        Set<String> violatedSomewhere = new LinkedHashSet<>();
        for (String inv : names) {
            // A hunt that minimises this invariant alone, and one that minimises it with two others.
            List<Minimizer.Shared.Verdict> alone = new Minimizer.Shared(List.of(inv))
                    .verdicts(model, scenarios, inv, OPTIONS);
            List<String> three = List.of(inv, names.get((names.indexOf(inv) + 1) % names.size()),
                    names.get((names.indexOf(inv) + 2) % names.size()));
            List<Minimizer.Shared.Verdict> withOthers = new Minimizer.Shared(three)
                    .verdicts(model, scenarios, inv, OPTIONS);
            for (int k = 0; k < scenarios.size(); k++) {
                assertThat(expected.get(k).complete()).as(scenarios.get(k).toString()).isTrue();
                assertThat(alone.get(k).complete()).isTrue();
                assertThat(withOthers.get(k).complete()).isTrue();
                boolean violated = expected.get(k).violated().contains(inv);
                assertThat(alone.get(k).violated().contains(inv)).as(inv + " in " + scenarios.get(k))
                        .isEqualTo(violated);
                for (String other : three) {
                    assertThat(withOthers.get(k).violated().contains(other)).as(other + " in " + scenarios.get(k))
                            .isEqualTo(expected.get(k).violated().contains(other));
                }
                if (violated) {
                    violatedSomewhere.add(inv);
                }
            }
        }
        // Not a comparison of two empty answers.
        assertThat(violatedSomewhere).as("invariants violated in " + model.instance()).isNotEmpty();
    }

    @Test
    void minimisingGivesThePlainProofsCaseMeasureAndClaim() {
        int compared = 0;
        for (Model<?> model : List.of(Models.create("vfio-pci", "pre-a", Map.of("granularity", "location")),
                Models.create("xen-fifo", "a", Map.of()))) {
            Random random = new Random(20261207);
            Set<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < 20_000 && seen.size() < 2; i++) {
                Case c = RandomCases.draw(model, RandomCases.DEFAULT_SCHEDULE_LENGTH, random);
                String inv = c.run().outcome().invariantOrNull();
                if (inv == null || !seen.add(inv)) {
                    continue;
                }
                Minimizer.Result cheap = Minimizer.minimize(c, inv, OPTIONS,
                        new Minimizer.Shared(List.of(inv, "Quiescent", "NoLostUpdate")));
                Minimizer.Result full = Minimizer.minimize(c, inv, OPTIONS, new Minimizer.Shared(null, false));
                assertThat(cheap.minimal()).as(inv + " from " + c).isEqualTo(full.minimal());
                assertThat(cheap.measure()).isEqualTo(full.measure());
                assertThat(cheap.minimality()).isEqualTo(full.minimality());
                assertThat(cheap.stepShortest()).isEqualTo(full.stepShortest());
                compared++;
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(3);
    }
}
