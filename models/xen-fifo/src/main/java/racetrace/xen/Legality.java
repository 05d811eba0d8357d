package racetrace.xen;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import racetrace.engine.Model;
import racetrace.engine.Op;
import racetrace.engine.Scenario;
import racetrace.engine.ThreadScript;

/**
 * Which Xen op the real code accepts on a port of each binding, era by era: data read from
 * xen/common/event_channel.c (and event_fifo.c for set_priority) at the commits each row names.
 * Scenario generation, scope enumeration ({@link XenSpace#alphabet}) and the spec's {@code
 * LegalXenOps} offer only the ops a row accepts, so no counterexample shows an execution the
 * hypervisor refuses. The table covers every binding kind, also those the model does not offer as
 * a {@code source} (a per-vCPU VIRQ, an unbound port): docs/models/xen-fifo.md says why.
 */
public final class Legality {

    /** How a port is bound (the channel's state, ECS_*, and for a VIRQ its kind). */
    public enum Binding {
        /** ECS_INTERDOMAIN: raised by the remote domain's evtchn_send (the model's {@code send}). */
        INTERDOMAIN,
        /** ECS_IPI: raised by the guest's own evtchn_send (the model's {@code ipi}). */
        IPI,
        /** ECS_VIRQ of a per-vCPU VIRQ (TIMER, DEBUG, XENOPROF, XENPMU): send_guest_vcpu_virq. */
        VIRQ_VCPU,
        /** ECS_VIRQ of a global (or, from bb1accab, per-domain) VIRQ: send_guest_global_virq through vCPU 0 (the model's {@code virq}). */
        VIRQ_GLOBAL,
        /** ECS_PIRQ: send_guest_pirq (the model's {@code pirq}). */
        PIRQ,
        /** ECS_UNBOUND: allocated, no remote end yet; evtchn_send drops its notification. */
        UNBOUND
    }

    /**
     * One row: an op and the bindings on which the code accepts it, in the eras listed.
     *
     * @param op the model's op name
     * @param accepts the bindings on which the call reaches the FIFO code (no error, not dropped)
     * @param eras the callers' eras the row holds in ({@link Callers}; {@code none} takes every row)
     * @param source where it was read: function, file and commits
     */
    public record Row(String op, Set<Binding> accepts, Set<Callers> eras, String source) {
    }

    private static final Set<Callers> EVERY_ERA = EnumSet.allOf(Callers.class);

    /** The commits at which xen/common/event_channel.c was read for this table. */
    public static final List<String> READ_AT = List.of("88910061", "de6acb78", "e045199c", "b76c3a1b", "5f2df45e",
            "c447b7308b");

    /** The table. */
    public static final List<Row> TABLE = List.of(
            // evtchn_send(ld, lport) on the sender's port: ECS_INTERDOMAIN raises the remote end,
            // ECS_IPI the sender's own port, ECS_UNBOUND drops the notification; any other state
            // (VIRQ, PIRQ) returns -EINVAL. The model's send is the remote end's send to our port.
            new Row("send", EnumSet.of(Binding.INTERDOMAIN), EVERY_ERA,
                    "evtchn_send, event_channel.c, at 88910061, de6acb78, e045199c, 5f2df45e, c447b7308b"),
            new Row("ipi", EnumSet.of(Binding.IPI), EVERY_ERA,
                    "evtchn_send (case ECS_IPI), event_channel.c, at the same commits"),
            // send_guest_global_virq (send_guest_domain_virq from bb1accab) raises a global VIRQ
            // through vCPU 0's virq_to_evtchn; send_guest_vcpu_virq a per-vCPU one on its vCPU.
            new Row("virq", EnumSet.of(Binding.VIRQ_GLOBAL, Binding.VIRQ_VCPU), EVERY_ERA,
                    "send_guest_global_virq / send_guest_vcpu_virq, event_channel.c, at 88910061 and c447b7308b"),
            new Row("pirq", EnumSet.of(Binding.PIRQ), EVERY_ERA,
                    "send_guest_pirq, event_channel.c, at 88910061 and c447b7308b"),
            // evtchn_unmask: any valid port; the FIFO unmask does not look at the binding.
            new Row("unmask", EnumSet.allOf(Binding.class), EVERY_ERA,
                    "evtchn_unmask, event_channel.c, at 88910061 and c447b7308b (port_is_valid only)"),
            // evtchn_set_priority: any valid port; evtchn_fifo_set_priority checks only priority <= 15.
            new Row("setPriority", EnumSet.allOf(Binding.class), EVERY_ERA,
                    "evtchn_set_priority, event_channel.c, and evtchn_fifo_set_priority, event_fifo.c, at 88910061 "
                            + "and c447b7308b"),
            // evtchn_bind_vcpu: ECS_VIRQ only if the VIRQ is not per-vCPU (virq_is_global; from
            // bb1accab get_virq_type != VIRQ_VCPU), ECS_UNBOUND and ECS_INTERDOMAIN, ECS_PIRQ (it moves
            // the IRQ's affinity too); every other state, ECS_IPI included, falls to default: -EINVAL.
            new Row("bindVcpu", EnumSet.of(Binding.INTERDOMAIN, Binding.UNBOUND, Binding.VIRQ_GLOBAL, Binding.PIRQ),
                    EVERY_ERA, "evtchn_bind_vcpu, event_channel.c, at 88910061, de6acb78, e045199c, b76c3a1b, "
                            + "5f2df45e, c447b7308b: no ECS_IPI case, default: rc = -EINVAL; a per-vCPU VIRQ -EINVAL"));

    private Legality() {
    }

    /** The row of an op a Xen CPU runs; null for ops the table does not govern (the guest's own). */
    public static Row row(String op) {
        for (Row r : TABLE) {
            if (r.op().equals(op)) {
                return r;
            }
        }
        return null;
    }

    /** Whether the real code accepts a Xen CPU's op on a port of this binding in this era. */
    public static boolean accepts(String op, Binding binding, Callers era) {
        Row r = row(op);
        if (r == null) {
            throw new IllegalArgumentException("no legality row for Xen op '" + op + "'; rows: "
                    + TABLE.stream().map(Row::op).toList());
        }
        return r.accepts().contains(binding) && r.eras().contains(era);
    }

    /**
     * Whether every op of a scenario's Xen CPUs is one the real code accepts on the scenario's
     * binding in the model's era; the first refused op in words, or null when all are accepted.
     */
    public static String refused(Model<?> model, Scenario scenario) {
        if (!(model instanceof XenFifoModel x)) {
            throw new IllegalArgumentException(model.instance() + " is no xen-fifo instance");
        }
        Binding binding = bindingOf(((XenSpace) x.space()).raise(scenario.config()));
        for (ThreadScript t : scenario.threads()) {
            if (!t.actor().equals(XenSpace.XEN_CPU)) {
                continue;
            }
            for (Op op : t.ops()) {
                if (!accepts(op.name(), binding, x.callers())) {
                    Row r = row(op.name());
                    return op + " on a port bound " + binding + " in era " + x.callers().id() + ": the real code "
                            + "refuses it (" + r.source() + ")";
                }
            }
        }
        return null;
    }

    /** The binding of the ports of a scenario whose Xen CPUs raise events with {@code raise}. */
    public static Binding bindingOf(String raise) {
        return switch (raise) {
            case "send" -> Binding.INTERDOMAIN;
            case "ipi" -> Binding.IPI;
            case "virq" -> Binding.VIRQ_GLOBAL;
            case "pirq" -> Binding.PIRQ;
            default -> throw new IllegalArgumentException("'" + raise + "' raises no event; raising ops: "
                    + Arrays.asList("send", "ipi", "virq", "pirq"));
        };
    }
}
