package racetrace.tla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racetrace.engine.Config;
import racetrace.engine.Instance;
import racetrace.engine.Invariant;
import racetrace.engine.Model;
import racetrace.engine.Op;
import racetrace.engine.Scenario;
import racetrace.engine.ScenarioSpace;
import racetrace.engine.ThreadScript;
import racetrace.engine.Transition;

/**
 * Two revisions of XenFifo.tla describe the same system when TLC's breadth-first search finds
 * the same number of distinct states in both, with no invariant checked, on the same scenarios
 * of every version. Run on demand: it needs the two spec directories, e.g. to compare the spec
 * of 704ea82 with its rewrite in 870f723 (see spec/xen-fifo/README.md):
 *
 * <pre>
 * mkdir -p /tmp/old /tmp/new
 * git show 704ea82:spec/models/src/main/tla/XenFifo.tla &gt; /tmp/old/XenFifo.tla
 * git show 870f723:spec/models/src/main/tla/XenFifo.tla &gt; /tmp/new/XenFifo.tla
 * mvn -B -q -pl tla-export -am test -Dtest=XenSpecEquivalenceTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dracetrace.xen.oldSpec=/tmp/old -Dracetrace.xen.newSpec=/tmp/new
 * </pre>
 *
 * The constants are those both revisions declare (Version, NV, NK, NP, Masked, OldTail,
 * UnmaskForm, Actor, Script), written here from the scenario, not by the Java model.
 */
class XenSpecEquivalenceTest {

    private static final List<String> VERSIONS = List.of("a0", "a", "b", "c", "d", "d1", "e1", "e2");

    private static Config config(int vcpus, int prios, int ports, int masked, int oldTail, int unmaskForm, int guest) {
        Map<String, Integer> c = new LinkedHashMap<>();
        c.put("vcpus", vcpus);
        c.put("prios", prios);
        c.put("ports", ports);
        c.put("masked", masked);
        c.put("oldTail", oldTail);
        c.put("guest", guest);
        c.put("unmaskForm", unmaskForm);
        return new Config(c);
    }

    private static ThreadScript xen(Op... ops) {
        return ThreadScript.of("xen-cpu", ops);
    }

    private static ThreadScript guest(int upcalls) {
        Op[] ops = new Op[upcalls];
        java.util.Arrays.fill(ops, Op.of("upcall"));
        return ThreadScript.of("guest", ops);
    }

    static List<Scenario> scenarios() {
        return List.of(
                // the seed's double link: send 2, send 1 against the guest's unmask of 1
                new Scenario(config(1, 1, 2, 1, 0, 0, 0), List.of(xen(Op.of("send", 2), Op.of("send", 1)),
                        ThreadScript.of("guest-unmask", Op.of("unmask", 1)))),
                // the seed's torn last queue
                new Scenario(config(2, 2, 1, 0, 0, 0, 0), List.of(xen(Op.of("bindVcpu", 1, 1), Op.of("send", 1)),
                        xen(Op.of("send", 1)))),
                // two senders and a consumer (e1's stale read)
                new Scenario(config(1, 2, 1, 0, 0, 0, 1), List.of(xen(Op.of("send", 1)), xen(Op.of("send", 1)),
                        guest(1))),
                // an old tail, a priority change, Xen's unmask, two upcalls, clear_masked_cond
                new Scenario(config(1, 2, 2, 0, 1, 1, 1), List.of(xen(Op.of("send", 1), Op.of("send", 2)),
                        xen(Op.of("setPriority", 1, 0), Op.of("unmask", 1)), guest(2))),
                // priority changes against a sender relinking (lock_old_queue's and e2's retries)
                new Scenario(config(1, 2, 1, 0, 0, 0, 0), List.of(
                        xen(Op.of("send", 1), Op.of("setPriority", 1, 0), Op.of("send", 1)),
                        xen(Op.of("setPriority", 1, 1), Op.of("setPriority", 1, 0), Op.of("setPriority", 1, 1)))),
                // masked ports, the original guest unmask and mask
                new Scenario(config(1, 1, 2, 2, 0, 0, 1), List.of(xen(Op.of("send", 1), Op.of("send", 2)), guest(2),
                        ThreadScript.of("guest-unmask", Op.of("unmask", 1), Op.of("mask", 2)))));
    }

    @Test
    void bothRevisionsReachTheSameNumberOfStates(@TempDir Path dir) {
        TlcTests.assumeTlcRuns();
        String oldSpec = System.getProperty("racetrace.xen.oldSpec");
        String newSpec = System.getProperty("racetrace.xen.newSpec");
        assumeTrue(oldSpec != null && newSpec != null, "give -Dracetrace.xen.oldSpec=DIR -Dracetrace.xen.newSpec=DIR");
        List<String> diffs = new ArrayList<>();
        int n = 0;
        for (String version : VERSIONS) {
            for (Scenario sc : scenarios()) {
                Model<Object> m = new ConstantsOnly(version);
                long a = distinct(Path.of(oldSpec), m, sc, dir.resolve("old-" + n));
                long b = distinct(Path.of(newSpec), m, sc, dir.resolve("new-" + n));
                System.out.printf("xen-fifo/%s scenario %d: %d distinct states (old), %d (new)%n", version,
                        n % scenarios().size() + 1, a, b);
                if (a != b) {
                    diffs.add(version + " scenario " + (n % scenarios().size() + 1) + ": " + a + " vs " + b);
                }
                n++;
            }
        }
        assertThat(diffs).isEmpty();
    }

    private static long distinct(Path specDir, Model<Object> m, Scenario sc, Path dir) {
        SpecChecker checker = new SpecChecker(SpecLibrary.classpath().withDirectory(specDir), TlaValueWriter.standard(),
                TlcRunner.fromClasspath());
        TlcResult r = checker.check(m, sc, dir, Duration.ofMinutes(10), false);
        assertThat(r.verdict()).as(r.summary()).isEqualTo(TlcVerdict.OK);
        return r.distinctStates();
    }

    /** Only what the checker asks: the spec's name and its constants; no invariants. */
    private static final class ConstantsOnly implements Model<Object> {
        private final String version;

        ConstantsOnly(String version) {
            this.version = version;
        }

        @Override
        public Instance instance() {
            return Instance.of("xen-fifo", version);
        }

        @Override
        public String tlaModule() {
            return "XenFifo";
        }

        @Override
        public Map<String, Object> tlaConstants(Scenario sc) {
            Config c = sc.config();
            Map<String, Object> k = new LinkedHashMap<>();
            k.put("Version", version);
            k.put("NV", c.get("vcpus"));
            k.put("NK", c.get("prios"));
            k.put("NP", c.get("ports"));
            k.put("Masked", c.get("masked"));
            k.put("OldTail", c.get("oldTail"));
            k.put("UnmaskForm", c.get("unmaskForm"));
            List<Object> actors = new ArrayList<>();
            List<Object> scripts = new ArrayList<>();
            for (ThreadScript t : sc.threads()) {
                actors.add(t.actor());
                List<Object> ops = new ArrayList<>();
                for (Op op : t.ops()) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("op", op.name());
                    r.put("a", op.args().isEmpty() ? 0 : op.arg(0));
                    r.put("b", op.args().size() < 2 ? 0 : op.arg(1));
                    ops.add(r);
                }
                scripts.add(ops);
            }
            k.put("Actor", actors);
            k.put("Script", scripts);
            return k;
        }

        @Override
        public List<Invariant<Object>> invariants() {
            return List.of();
        }

        @Override
        public int version() {
            throw new UnsupportedOperationException();
        }

        @Override
        public ScenarioSpace space() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object initial(Scenario scenario) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean enabled(Object state, int thread) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean finished(Object state, int thread) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Transition<Object> step(Object state, int thread) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, Object> variables(Object state) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<String> hiddenInTable() {
            return Set.of();
        }
    }
}
