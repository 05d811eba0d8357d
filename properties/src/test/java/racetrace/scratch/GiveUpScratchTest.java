package racetrace.scratch;

import java.util.*;
import org.junit.jupiter.api.Test;
import racetrace.engine.*;
import racetrace.search.explore.*;

class GiveUpScratchTest {
    @Test
    void giveups() {
        for (String v : List.of("d", "d1")) {
            Model<Object> m = (Model<Object>) Models.create("xen-fifo", v, Map.of());
            Map<String,Integer> kinds = new TreeMap<>();
            Model<Object> rec = new CoverageScratchTest.Rec(m, new TreeSet<>()) {
                @Override public Transition<Object> step(Object s, int t) { Transition<Object> tr = super.step(s, t); if (tr.notice() != null) kinds.merge(tr.notice().substring(0, tr.notice().indexOf(" gave")), 1, Integer::sum); return tr; }
            };
            Map<String,Integer> c = new LinkedHashMap<>();
            c.put("vcpus",1); c.put("prios",2); c.put("ports",1); c.put("masked",0); c.put("oldTail",0); c.put("guest",1); c.put("unmaskForm",0); c.put("source", v.equals("d") ? 3 : 1);
            String raise = v.equals("d") ? "pirq" : "ipi";
            Scenario sc = new Scenario(new Config(c), List.of(ThreadScript.of("xen-cpu", Op.of(raise,1)), ThreadScript.of("xen-cpu", Op.of(raise,1), Op.of(raise,1), Op.of(raise,1)), ThreadScript.of("xen-cpu", Op.of("setPriority",1,0), Op.of("setPriority",1,1)), ThreadScript.of("guest", Op.of("upcall"))));
            Exploration e = StateSpace.explore(rec, sc, List.of(), Limits.states(5_000_000), false);
            System.out.printf("%s %s: %d states %d ms complete=%s notices=%d kinds=%s%n", m.instance(), sc.threads(), e.distinctStates(), e.millis(), e.complete(), e.notices(), kinds);
        }
    }
}
