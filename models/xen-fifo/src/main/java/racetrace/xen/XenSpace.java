package racetrace.xen;

import java.util.ArrayList;
import java.util.List;
import racetrace.engine.ActorKind;
import racetrace.engine.BadInputException;
import racetrace.engine.Config;
import racetrace.engine.Op;
import racetrace.engine.Param;
import racetrace.engine.ScenarioSpace;
import racetrace.engine.Shape;

/**
 * What scenarios exist: sizes, start-state choices, actors and their ops, simplest first. A port
 * is bound one way for the whole scenario ({@code source}), so a Xen CPU raises it only through
 * the caller that binding has: an interdomain {@code send}, an {@code ipi}, a {@code virq} or a
 * {@code pirq}. With {@code callers=none} no caller holds a lock, so the four are one: {@code send}.
 */
final class XenSpace implements ScenarioSpace {

    static final String XEN_CPU = "xen-cpu";
    static final String GUEST = "guest";
    static final String GUEST_UNMASK = "guest-unmask";
    static final String GUEST_ROGUE = "guest-rogue";

    /** The raising op of each {@code source}. */
    static final List<String> RAISE = List.of("send", "ipi", "virq", "pirq");

    private static final List<Param> BASE = List.of(
            new Param("vcpus", 1, 2, "guest vCPUs, each with its queues"),
            new Param("prios", 1, 2, "priorities (queues per vCPU); fresh ports get the lowest"),
            new Param("ports", 1, 3, "bound ports 1..ports"),
            new Param("masked", 0, 3, "ports 1..masked start MASKED"),
            new Param("oldTail", 0, 1, "1: port 1 starts as the consumed old tail of its queue"),
            new Param("guest", 0, 1, "1: one guest consumer per vCPU"),
            new Param("unmaskForm", 0, 1, "guest unmask: 0 original (U1-U3), 1 post-XSA-332 (clear_masked_cond)"));
    private final Callers callers;
    private final List<Param> params;

    XenSpace(Callers callers) {
        this.callers = callers;
        List<Param> p = new ArrayList<>(BASE);
        // Only where the bindings' callers hold different locks: four ways in 2013 and 2015; an
        // interdomain send or a local binding in 2020-09/10 (IPI, VIRQ and PIRQ all take the
        // channel's lock there: pirq stands for the three, since a PIRQ port accepts every op an
        // IPI port does and bind_vcpu too, Legality); none in 2020-11 (read locks all) or none.
        int sources = switch (callers) {
            case E2013, E2015 -> 4;
            case E2020_09, E2020_10 -> 2;
            default -> 1;
        };
        if (sources > 1) {
            p.add(new Param("source", 0, sources - 1, sources == 4
                    ? "how the ports are bound and raised: 0 interdomain send, 1 IPI, 2 VIRQ (global), 3 PIRQ"
                    : "how the ports are bound and raised: 0 interdomain send, 1 PIRQ (IPI and VIRQ take the same lock)"));
        }
        this.params = List.copyOf(p);
    }

    @Override
    public List<Param> params() {
        return params;
    }

    @Override
    public List<ActorKind> actors(Config config) {
        List<ActorKind> kinds = new ArrayList<>();
        kinds.add(new ActorKind(XEN_CPU, 1, 3, 1, 3, true));
        if (config.get("guest") == 1) {
            int v = config.get("vcpus");
            kinds.add(new ActorKind(GUEST, v, v, 1, 3));
        }
        kinds.add(new ActorKind(GUEST_UNMASK, 0, 1, 1, 2));
        kinds.add(new ActorKind(GUEST_ROGUE, 0, 1, 1, 1));
        return kinds;
    }

    /**
     * The default exhaustive scope: nine shapes that together contain the scenario of every
     * minimal counterexample racetrace finds in any version (HistoryScopeTest computes them and
     * checks; docs/models/xen-fifo.md says which and why). Every binding ({@code source}), no rogue
     * guest, no masked port; Xen CPUs run one op each but in shapes 2, 6, 7, 8 and 9. About 17 M
     * states for version a, 53 M for b, with symmetry of the Xen CPUs (docs/benchmark.md).
     */
    @Override
    public List<Shape> defaultScope() {
        return List.of(
                // one vCPU, no consumer: two CPUs race on up to three ports (a, a0, fix1's last queue)
                shape("xen-cpu<=2x1,guest<=0x0,guest-unmask<=0x0", "vcpus=1,prios=1..2,ports=1..3,oldTail=0..1,guest=0"),
                // one vCPU: two CPUs of two ops and the consumer (a0's and b's READY races)
                shape("xen-cpu<=2x2,guest<=1x1,guest-unmask<=0x0", "vcpus=1,prios=1..2,ports=1..2,oldTail=0..1,guest=0..1"),
                // one vCPU: three CPUs and the consumer (b, c, d, fix1's tails)
                shape("xen-cpu<=3x1,guest<=1x1,guest-unmask<=0x0", "vcpus=1,prios=1..2,ports=1..2,oldTail=0..1,guest=0..1"),
                // one vCPU, one port, two priorities: three CPUs, the consumer and the guest's unmask (fix1)
                shape("xen-cpu<=3x1,guest<=1x1,guest-unmask<=1x1", "vcpus=1,prios=2,ports=1,oldTail=0,guest=1"),
                // two vCPUs and their consumers: three CPUs, one a move to the other vCPU (d1, e1, c)
                shape("xen-cpu<=3x1,guest<=2x1,guest-unmask<=0x0", "vcpus=2,prios=1..2,ports=1..2,oldTail=0..1,guest=1"),
                // two vCPUs, one port: two CPUs of two ops each (d1's race as the issue measured it)
                shape("xen-cpu<=2x2,guest<=2x1,guest-unmask<=0x0", "vcpus=2,prios=1..2,ports=1,oldTail=0,guest=1"),
                // two vCPUs, no consumer: one CPU of two ops (a move to the other vCPU, then a raise on
                // the old tail: a0's tails, one thread alone)
                shape("xen-cpu<=1x2,guest<=0x0,guest-unmask<=0x0", "vcpus=2,prios=1..2,ports=1..2,oldTail=0..1,guest=0"),
                // one vCPU: one CPU of three ops and the consumer (a0's foreign dequeue, which needs no
                // preemption at all)
                shape("xen-cpu<=1x3,guest<=1x1,guest-unmask<=0x0", "vcpus=1,prios=1..2,ports=1..2,oldTail=0..1,guest=0..1"),
                // one vCPU, two priorities, two ports, an old tail, the consumer: two CPUs of up to three
                // ops, five ops in all (a's READY race: one raise against a set_priority and two raises)
                shape("xen-cpu<=2x3,guest<=1x1,guest-unmask<=0x0", "vcpus=1,prios=2,ports=2,oldTail=1,guest=1")
                        .totals(3, 5));
    }

    /**
     * A shape of the default scope, in the notation verdicts print: no rogue guest, no masked port,
     * the original unmask form, every binding.
     */
    private static Shape shape(String actors, String config) {
        return Shape.parse(GUEST_ROGUE + "<=0x0," + actors + " with masked=0,unmaskForm=0," + config);
    }

    /** The raising op: send, unless the ports are bound otherwise. */
    String raise(Config config) {
        if (!config.values().containsKey("source")) {
            return "send";
        }
        int source = config.get("source");
        return params.stream().anyMatch(p -> p.name().equals("source") && p.max() == 1) && source == 1 ? "pirq"
                : RAISE.get(source);
    }

    @Override
    public List<Op> alphabet(Config config, String actor) {
        int n = config.get("ports");
        int k = config.get("prios");
        int v = config.get("vcpus");
        List<Op> ops = new ArrayList<>();
        switch (actor) {
            case XEN_CPU -> {
                String raise = raise(config);
                for (int p = 1; p <= n; p++) {
                    ops.add(Op.of(raise, p));
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
                // Only what the real hypercalls accept on ports bound this way (bind_vcpu refuses an IPI).
                Legality.Binding binding = Legality.bindingOf(raise);
                ops.removeIf(o -> !Legality.accepts(o.name(), binding, callers));
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
            case GUEST_ROGUE -> {
                for (int p = 1; p <= n; p++) {
                    ops.add(Op.of("scribble", p));
                }
            }
            default -> throw new BadInputException("xen-fifo has no actor '" + actor
                    + "'; actors are " + List.of(XEN_CPU, GUEST, GUEST_UNMASK, GUEST_ROGUE));
        }
        return ops;
    }
}
