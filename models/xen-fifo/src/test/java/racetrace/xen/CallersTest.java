package racetrace.xen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import racetrace.engine.Config;
import racetrace.engine.Op;
import racetrace.engine.Scenario;
import racetrace.engine.Stepper;
import racetrace.engine.ThreadScript;

/**
 * The callers' locks against a second reading of the notes' table (section 1.7): in each era,
 * two Xen ops on one port overlap (both past their caller's lock at once) exactly when the
 * table has them hold different locks, or the same one for reading.
 */
class CallersTest {

    /** The lock a caller holds, as the table of 1.7 names it; null for none. */
    private static String lock(String era, String op) {
        return switch (era) {
            case "2013" -> Map.of("send", "sender's event_lock", "ipi", "event_lock", "virq", "virq_lock",
                    "unmask", "event_lock", "setPriority", "event_lock", "bindVcpu", "event_lock").get(op);
            case "2015" -> Map.of("send", "sender's channel lock", "ipi", "channel lock", "virq", "virq_lock",
                    "setPriority", "event_lock", "bindVcpu", "event_lock").get(op);
            case "2020-09" -> Map.of("send", "sender's channel lock", "ipi", "channel lock", "virq", "channel lock",
                    "pirq", "channel lock", "unmask", "channel lock", "setPriority", "event_lock",
                    "bindVcpu", "event_lock").get(op);
            case "2020-10" -> Map.of("send", "sender's channel lock", "ipi", "channel lock", "virq", "channel lock",
                    "pirq", "channel lock", "unmask", "channel lock", "setPriority", "channel lock",
                    "bindVcpu", "event_lock").get(op);
            default -> op.equals("bindVcpu") ? "event_lock" : "rwlock, read";
        };
    }

    private static boolean mayOverlap(String era, String a, String b) {
        String la = lock(era, a);
        String lb = lock(era, b);
        return la == null || lb == null || !la.equals(lb) || la.equals("rwlock, read");
    }

    private static Scenario scenario(XenFifoModel m, int source, Op a, Op b) {
        Config c = XenTestSupport.config(m, 2, 2, 1, 0, 0, 0, 0);
        if (c.values().containsKey("source")) {
            c = c.with("source", source);
        }
        return new Scenario(c, List.of(ThreadScript.of(XenFifoModel.XEN_CPU, a), ThreadScript.of(XenFifoModel.XEN_CPU, b)));
    }

    /** Whether some reachable state has both threads inside their ops, past their callers' locks. */
    private static boolean overlap(XenFifoModel m, Scenario sc) {
        XenState init = Stepper.of(m, sc).initial();
        Set<XenState> seen = new HashSet<>(List.of(init));
        ArrayDeque<XenState> queue = new ArrayDeque<>(List.of(init));
        while (!queue.isEmpty()) {
            XenState s = queue.poll();
            if (inside(s, 0) && inside(s, 1)) {
                return true;
            }
            for (int t = 0; t < 2; t++) {
                if (m.enabled(s, t)) {
                    XenState n = Stepper.of(m, sc).step(s, t, 0).next();
                    if (seen.add(n)) {
                        queue.add(n);
                    }
                }
            }
        }
        return false;
    }

    private static boolean inside(XenState s, int t) {
        String pc = s.pc(t);
        return !pc.equals("Done") && !pc.equals("XL_lockCaller") && !pc.equals("XL_unlockCaller");
    }

    @Test
    void twoOpsOnOnePortOverlapExactlyWhereTheTableLetsThem() {
        List<String> wrong = new ArrayList<>();
        int pairs = 0;
        for (Callers era : Callers.values()) {
            if (era == Callers.NONE) {
                continue;
            }
            XenFifoModel m = new XenFifoModel(XenVersion.E2, era);
            int sources = m.space().params().stream().filter(p -> p.name().equals("source"))
                    .mapToInt(p -> p.max() + 1).findFirst().orElse(1);
            for (int source = 0; source < sources; source++) {
                String raise = XenSpace.RAISE.get(source);
                List<Op> ops = List.of(Op.of(raise, 1), Op.of("unmask", 1), Op.of("setPriority", 1, 0),
                        Op.of("bindVcpu", 1, 1));
                for (int i = 0; i < ops.size(); i++) {
                    for (int j = i; j < ops.size(); j++) {
                        Op a = ops.get(i);
                        Op b = ops.get(j);
                        if (source > 0 && i > 0) {
                            continue; // the pairs without the raise were done with source 0
                        }
                        boolean expected = mayOverlap(era.id(), a.name(), b.name());
                        boolean found = overlap(m, scenario(m, source, a, b));
                        pairs++;
                        if (expected != found) {
                            wrong.add(era.id() + ": " + a + " and " + b + (expected ? " should" : " should not")
                                    + " overlap");
                        }
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(pairs).isGreaterThan(40);
    }

    @Test
    void withoutCallersEveryTwoOpsOverlap() {
        XenFifoModel m = new XenFifoModel(XenVersion.E2, Callers.NONE);
        assertThat(overlap(m, scenario(m, 0, Op.of("send", 1), Op.of("send", 1)))).isTrue();
        assertThat(m.space().alphabet(XenTestSupport.config(m, 1, 1, 1, 0, 0, 0, 0), XenFifoModel.XEN_CPU))
                .extracting(Op::name).containsOnly("send", "unmask");
    }
}
