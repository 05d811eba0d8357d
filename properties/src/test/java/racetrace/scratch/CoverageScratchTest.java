package racetrace.scratch;

import java.util.*;
import org.junit.jupiter.api.Test;
import racetrace.engine.*;
import racetrace.search.explore.*;

class CoverageScratchTest {
    @Test
    void coverage() {
        ModelFamily f = Models.family("xen-fifo");
        for (String era : List.of("", "none", "2013", "2015", "2020-09", "2020-10", "2020-11")) {
          for (String v : f.variants()) {
            Model<?> m = Models.create("xen-fifo", v, era.isEmpty() ? Map.of() : Map.of("callers", era));
            Set<String> seen = new TreeSet<>();
            Set<String> exh = new TreeSet<>();
            Random r = new Random(1);
            for (Scenario sc : m.coverageScenarios()) {
                for (int i = 0; i < 200; i++) {
                    Execution<?> ex = Execution.run((Model) m, sc, sched(r, sc.threadCount(), 150));
                    ex.steps().forEach(s -> seen.add(((Step<?>) s).label()));
                }
                Model<Object> rec = new Rec((Model<Object>) m, exh);
                Exploration e = StateSpace.explore(rec, sc, List.of(), Limits.states(2_000_000), false);
                System.out.printf("  %s %s states=%d%n", m.instance(), sc.config(), e.distinctStates());
            }
            Set<String> miss = new TreeSet<>(m.actions()); miss.removeAll(seen);
            Set<String> missEx = new TreeSet<>(m.actions()); missEx.removeAll(exh);
            Set<String> extra = new TreeSet<>(exh); extra.removeAll(m.actions());
            System.out.printf("%s random %d/%d missing %s; exhaustive missing %s extra %s%n", m.instance(), m.actions().size() - miss.size(), m.actions().size(), miss, missEx, extra);
          }
        }
    }
    static Schedule sched(Random r, int n, int len) { int[] c = new int[len]; for (int i = 0; i < len; i++) c[i] = r.nextInt(n); return Schedule.of(c); }
    static class Rec implements Model<Object> {
        final Model<Object> m; final Set<String> labels;
        Rec(Model<Object> m, Set<String> l) { this.m = m; labels = l; }
        public Instance instance() { return m.instance(); }
        public int version() { return m.version(); }
        public ScenarioSpace space() { return m.space(); }
        public Object initial(Scenario s) { return m.initial(s); }
        public boolean enabled(Object s, int t) { return m.enabled(s, t); }
        public boolean finished(Object s, int t) { return m.finished(s, t); }
        public Transition<Object> step(Object s, int t) { Transition<Object> tr = m.step(s, t); labels.add(tr.label()); return tr; }
        public List<Invariant<Object>> invariants() { return m.invariants(); }
        public Map<String, Object> variables(Object s) { return m.variables(s); }
        public long fingerprint(Object s) { return m.fingerprint(s); }
    }
}
