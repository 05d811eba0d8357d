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
        java.util.List<FlagsModel> ms = new java.util.ArrayList<>();
        for (String g : System.getProperty("g", "byte,location").split(",")) {
            for (String v : new String[] {"pre-a", "pre-b", "pre-c", "v2", "merged"}) ms.add(VfioPciFamily.model(v, Granularity.ofOption(g)));
            for (String v : new String[] {"pre", "v2", "merged"}) ms.add(Mlx5Family.model(v, Granularity.ofOption(g)));
        }
        for (FlagsModel m : ms) {
            System.out.println("== " + m.instance() + " pairs " + FieldPairs.sharing(m).size());
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
