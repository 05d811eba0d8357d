package racetrace.xen;

import java.util.ArrayList;
import java.util.List;
import racetrace.engine.ActorKind;
import racetrace.engine.BadInputException;
import racetrace.engine.Config;
import racetrace.engine.Op;
import racetrace.engine.Param;
import racetrace.engine.ScenarioSpace;

/** What scenarios exist: sizes, start-state choices, actors and their ops, simplest first. */
final class XenSpace implements ScenarioSpace {

    static final String XEN_CPU = "xen-cpu";
    static final String GUEST = "guest";
    static final String GUEST_UNMASK = "guest-unmask";

    private static final List<Param> PARAMS = List.of(
            new Param("vcpus", 1, 2, "guest vCPUs, each with its queues"),
            new Param("prios", 1, 2, "priorities (queues per vCPU); fresh ports get the lowest"),
            new Param("ports", 1, 3, "bound ports 1..ports"),
            new Param("masked", 0, 3, "ports 1..masked start MASKED"),
            new Param("oldTail", 0, 1, "1: port 1 starts as the consumed old tail of its queue"),
            new Param("guest", 0, 1, "1: one guest consumer per vCPU"),
            new Param("unmaskForm", 0, 1, "guest unmask: 0 original (U1-U3), 1 post-XSA-332 (clear_masked_cond)"));

    @Override
    public List<Param> params() {
        return PARAMS;
    }

    @Override
    public List<ActorKind> actors(Config config) {
        List<ActorKind> kinds = new ArrayList<>();
        kinds.add(new ActorKind(XEN_CPU, 1, 3, 1, 3));
        if (config.get("guest") == 1) {
            int v = config.get("vcpus");
            kinds.add(new ActorKind(GUEST, v, v, 1, 3));
        }
        kinds.add(new ActorKind(GUEST_UNMASK, 0, 1, 1, 2));
        return kinds;
    }

    @Override
    public List<Op> alphabet(Config config, String actor) {
        int n = config.get("ports");
        int k = config.get("prios");
        int v = config.get("vcpus");
        List<Op> ops = new ArrayList<>();
        switch (actor) {
            case XEN_CPU -> {
                for (int p = 1; p <= n; p++) {
                    ops.add(Op.of("send", p));
                }
                for (int p = 1; p <= n; p++) {
                    ops.add(Op.of("unmask", p));
                }
                if (k > 1) {
                    for (int p = 1; p <= n; p++) {
                        for (int q = 0; q < k; q++) {
                            ops.add(Op.of("setPriority", p, q));
                        }
                    }
                }
                if (v > 1) {
                    for (int p = 1; p <= n; p++) {
                        for (int c = 0; c < v; c++) {
                            ops.add(Op.of("bindVcpu", p, c));
                        }
                    }
                }
            }
            case GUEST -> ops.add(Op.of("upcall"));
            case GUEST_UNMASK -> {
                for (int p = 1; p <= n; p++) {
                    ops.add(Op.of("unmask", p));
                }
                for (int p = 1; p <= n; p++) {
                    ops.add(Op.of("mask", p));
                }
            }
            default -> throw new BadInputException("xen-fifo has no actor '" + actor
                    + "'; actors are " + List.of(XEN_CPU, GUEST, GUEST_UNMASK));
        }
        return ops;
    }
}
