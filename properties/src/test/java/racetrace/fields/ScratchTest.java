package racetrace.fields;

import org.junit.jupiter.api.Test;
import racetrace.flags.FlagsModel;
import racetrace.flags.Granularity;
import racetrace.flags.VfioPciFamily;
import racetrace.flags.Mlx5Family;
import racetrace.search.explore.Limits;

class ScratchTest {
    @Test
    void timing() {
        for (FlagsModel m : new FlagsModel[] {VfioPciFamily.model(System.getProperty("v", "pre-c"), Granularity.ofOption(System.getProperty("g", "location")))}) {
            long t0 = System.currentTimeMillis();
            PairCheck pc = new PairCheck(PairScope.DEFAULT, Limits.states(2_000_000));
            for (FieldPairs.Pair p : FieldPairs.sharing(m)) {
                PairVerdict v = pc.check(m, p);
                System.out.println(p + " " + (v.races() ? "RACES " + v.measure() + " " + v.counterexample().scenario().threads() + " cfg=" + v.counterexample().scenario().config() + " culprit=" + (v.culprit() == null ? null : v.culprit().site()) + " victim=" + (v.victim() == null ? null : v.victim().site()) + " deps=" + v.dependsOn().stream().map(PairVerdict.Dependence::option).toList() : "safe") + " scen=" + v.scenarios() + " states=" + v.states() + " " + v.millis() + "ms");
            }
            System.out.println("total " + (System.currentTimeMillis() - t0) + " ms");
        }
    }
}
