package racetrace.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import racetrace.engine.Execution;
import racetrace.engine.RandomRuns;
import racetrace.engine.Scenario;

/**
 * The writers table and the programs describe the same stores: every store site of a program
 * has exactly one row, every modelled row a site, and at every store a random run makes, the
 * storing thread holds exactly the locks its row names (at least them, for a row marked +).
 */
class WritersTableTest {

    private static List<FlagsModel> instances() {
        List<FlagsModel> out = new ArrayList<>();
        for (String v : VfioPci.VARIANTS) {
            for (String pm : List.of("unreferenced", "referenced")) {
                out.add(VfioPciFamily.model(v, Map.of("granularity", "location", "close-pm", pm)));
            }
        }
        for (String v : Mlx5.VARIANTS) {
            out.add(Mlx5Family.model(v, Granularity.LOCATION));
        }
        return out;
    }

    private static Writer rowOf(FlagsModel m, String site) {
        String bare = site.contains("#") ? site.substring(0, site.indexOf('#')) : site;
        String field = site.contains("#") ? site.substring(site.indexOf('#') + 1) : null;
        List<Writer> rows = m.writers().stream().filter(w -> w.covers(bare) && (field == null || w.field().equals(field)))
                .toList();
        assertThat(rows).as("rows of store site %s in %s", site, m.instance()).hasSize(1);
        return rows.get(0);
    }

    @Test
    void everyStoreSiteHasOneRowAndEveryModelledRowASite() {
        for (FlagsModel m : instances()) {
            Set<String> sites = new LinkedHashSet<>();
            for (String op : FlagsProbe.opNames(m)) {
                m.storeSites(op).forEach((site, field) -> {
                    assertThat(rowOf(m, site).field()).isEqualTo(field);
                    sites.add(site.contains("#") ? site.substring(0, site.indexOf('#')) : site);
                });
            }
            for (Writer w : m.writers()) {
                if (w.modelled()) {
                    assertThat(sites.stream().anyMatch(w::covers)).as("%s has a store site in %s", w, m.instance())
                            .isTrue();
                }
            }
        }
    }

    @Test
    void theLocksAThreadHoldsAtEachStoreAreTheOnesItsRowNames() {
        Random rnd = new Random(11);
        int stores = 0;
        for (FlagsModel m : instances()) {
            for (int i = 0; i < 300; i++) {
                Scenario sc = RandomRuns.scenario(m, rnd);
                Execution<FlagsState> ex = Execution.run(m, sc, RandomRuns.schedule(rnd, sc.threadCount(), 60));
                for (int k = 0; k < ex.steps().size(); k++) {
                    FlagsState before = ex.stateAt(k);
                    int t = ex.steps().get(k).thread();
                    String site = FlagsProbe.nextStoreSite(before, t);
                    if (site == null) {
                        continue;
                    }
                    Writer w = m.writers().stream().filter(x -> x.covers(site)).findFirst().orElseThrow();
                    List<String> held = FlagsProbe.locksHeld(m, before, t);
                    List<String> named = w.locks().stream().filter(l -> !l.equals("+")).toList();
                    if (w.locks().contains("+")) {
                        assertThat(held).as("%s at %s", m.instance(), site).containsAll(named);
                    } else {
                        assertThat(held).as("%s at %s", m.instance(), site).containsExactlyInAnyOrderElementsOf(named);
                    }
                    stores++;
                }
            }
        }
        assertThat(stores).isGreaterThan(1000);
    }

    @Test
    void onlyTheInitWriterOfDisableIdleD3IsNotRunByAThread() {
        FlagsModel m = VfioPciFamily.model("pre-c", Granularity.BYTE);
        assertThat(m.writers().stream().filter(w -> !w.modelled()).map(Writer::field)).containsExactly("disable_idle_d3");
        assertThat(m.writers().stream().filter(w -> w.context() == Context.OPEN).map(Writer::field))
                .containsExactly("bardirty", "reset_works", "pci_2_3", "nointx", "extended_caps", "has_dyn_msix",
                        "has_vga");
    }
}
