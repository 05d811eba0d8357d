package racetrace.xen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import racetrace.engine.Config;
import racetrace.engine.Op;
import racetrace.engine.Scenario;
import racetrace.engine.ScenarioSpace;
import racetrace.engine.ThreadScript;

/**
 * What conformance has to cover for an instance: the step labels (the spec's actions) a version
 * can take under an era, written out from the notes' step lists, not found by running the model;
 * and small scenarios that reach the steps random scenarios seldom take (set_link's BUSY path and
 * its give-up, lock_old_queue's and e2's retries, moves to another queue, both guest unmasks).
 */
final class Coverage {

    private Coverage() {
    }

    static Set<String> actions(XenVersion v, Callers callers) {
        Set<Pc> a = EnumSet.of(Pc.X0_readNv, Pc.XU1_clearMasked, Pc.XU2_testPending, Pc.XP_writePrio, Pc.XB_writeNv,
                Pc.G0_xchgReady, Pc.G4_readHead, Pc.G5_clearLinked, Pc.G7_testPending, Pc.G7_testMasked,
                Pc.G7_ackPending, Pc.G9_xchgReady, Pc.U0_setMasked, Pc.U1_clearMasked, Pc.U2_testPending,
                Pc.U1c_clearMaskedCond, Pc.R1_scribble);
        if (callers != Callers.NONE) {
            a.addAll(List.of(Pc.XL_lockCaller, Pc.XL_unlockCaller));
        }
        a.addAll(v == XenVersion.A0 ? List.of(Pc.SL1_readTail, Pc.SL3_cas) : SetLink.LABELS.stream()
                .filter(p -> !p.name().startsWith("SL")).toList());
        List<Pc> b9to15 = List.of(Pc.B9_invalidateTail, Pc.B10a_readNv, Pc.B10a_writeLastv, Pc.B10b_readPrio,
                Pc.B10b_writeLastp, Pc.B10c_unlockOldQ, Pc.B10d_lockQ, Pc.B11_readTail, Pc.B12_writeHead,
                Pc.B13_writeTail, Pc.B14_unlockQ, Pc.B15_tasReady);
        List<Pc> lockOldQueue = List.of(Pc.L1_readLastv, Pc.L2_readLastp, Pc.L3_lockOldQ, Pc.L4_rereadLastv,
                Pc.L5_rereadLastp, Pc.L7_unlockOldQ);
        List<Pc> dCommon = List.of(Pc.D1_tasPending, Pc.D2_testMasked, Pc.D3_testLinked, Pc.D4_readPrio,
                Pc.D6_tasLinked, Pc.D6_unlockOldQ, Pc.D7_invalidateTail, Pc.D8c_unlockOldQ, Pc.D8d_lockQ,
                Pc.D9_readTail, Pc.D10_writeHead, Pc.D11_writeTail, Pc.D12_unlockQ, Pc.D13_tasReady);
        switch (v) {
            case A0, A -> a.addAll(List.of(Pc.A2_readPrio, Pc.A3_tasPending, Pc.A4_testMasked, Pc.A5_tasLinked,
                    Pc.A6_lockQ, Pc.A7_readTail, Pc.A8_writeHead, Pc.A9_writeTail, Pc.A10_unlockQ, Pc.A11_tasReady));
            case B, FIX1 -> {
                a.addAll(List.of(Pc.B1_tasPending, Pc.B2_testMasked, Pc.B3_testLinked, Pc.B4_readPrio,
                        Pc.B5_readLastv, Pc.B6_readLastp, Pc.B7_lockOldQ, Pc.B8_setLinked));
                a.addAll(b9to15);
                if (v == XenVersion.FIX1) {
                    a.addAll(List.of(Pc.F1_lockEvent, Pc.F1_unlockEvent));
                }
            }
            case C -> {
                a.addAll(List.of(Pc.B1_tasPending, Pc.B2_testMasked, Pc.B3_testLinked, Pc.B4_readPrio,
                        Pc.C8_tasLinked, Pc.C8_unlockOldQ));
                a.addAll(lockOldQueue);
                a.addAll(b9to15);
            }
            case D, D1 -> {
                a.addAll(dCommon);
                a.addAll(lockOldQueue);
                a.addAll(List.of(Pc.D8a_writeLastv, Pc.D8b_writeLastp));
                if (v == XenVersion.D) {
                    a.addAll(List.of(Pc.D8a_readNv, Pc.D8b_readPrio));
                }
            }
            case E1 -> {
                a.addAll(dCommon);
                a.addAll(List.of(Pc.L1_readLastq, Pc.L3_lockOldQ, Pc.D8_writeLastq));
            }
            case E2 -> a.addAll(List.of(Pc.E1a_readLastq, Pc.E1b_readPrio,
                    Pc.E1c_lockQ, Pc.E1c_lockFirst, Pc.E1c_lockSecond, Pc.E1d_rereadLastq, Pc.E1d_rereadPrio,
                    Pc.E1f_unlockOldQ, Pc.E1f_unlockQ, Pc.E4_tasPending, Pc.E5_testMasked, Pc.E5_tasLinked,
                    Pc.E5a_invalidateTail, Pc.E5b_writeLastq, Pc.E5b_unlockOldQ, Pc.E5c_readTail, Pc.E5d_writeHead,
                    Pc.E5e_writeTail, Pc.E6_unlockOldQ, Pc.E6_unlockQ, Pc.E7_tasReady));
        }
        Set<String> names = new TreeSet<>();
        a.forEach(p -> names.add(p.name()));
        return Collections.unmodifiableSet(names);
    }

    /** A configuration as {@code space} has it: {@code source=0} where the era has that parameter. */
    static Config config(ScenarioSpace space, int vcpus, int prios, int ports, int masked, int oldTail, int guest,
            int unmaskForm) {
        return config(space.params().stream().anyMatch(p -> p.name().equals("source")), vcpus, prios, ports, masked,
                oldTail, guest, unmaskForm);
    }

    /** A configuration, with {@code source=0} when {@code source}. */
    static Config config(boolean source, int vcpus, int prios, int ports, int masked, int oldTail, int guest,
            int unmaskForm) {
        Map<String, Integer> c = new LinkedHashMap<>();
        c.put("vcpus", vcpus);
        c.put("prios", prios);
        c.put("ports", ports);
        c.put("masked", masked);
        c.put("oldTail", oldTail);
        c.put("guest", guest);
        c.put("unmaskForm", unmaskForm);
        if (source) {
            c.put("source", 0);
        }
        return new Config(c);
    }

    /** A Xen CPU's script (tests write scenarios with it too). */
    static ThreadScript xen(Op... ops) {
        return ThreadScript.of(XenSpace.XEN_CPU, ops);
    }

    /** A guest's script of {@code upcalls} upcalls. */
    static ThreadScript guest(int upcalls) {
        Op[] ops = new Op[upcalls];
        Arrays.fill(ops, Op.of("upcall"));
        return ThreadScript.of(XenSpace.GUEST, ops);
    }

    /** The scenarios, each valid in the instance's space (ports raised by interdomain sends). */
    static List<Scenario> scenarios(XenSpace space) {
        List<Scenario> out = new ArrayList<>();
        // a rogue guest scribbles on the tail word while set_link works on it (S3..S7)
        Config c = config(space, 1, 1, 2, 0, 0, 0, 0);
        String send = space.raise(c);
        out.add(new Scenario(c, List.of(xen(Op.of(send, 1), Op.of(send, 2)),
                ThreadScript.of(XenSpace.GUEST_ROGUE, Op.of("scribble", 1)))));
        // ... and the guest consumes the tail meanwhile (S6_clearBusy)
        c = config(space, 1, 1, 2, 0, 0, 1, 0);
        out.add(new Scenario(c, List.of(xen(Op.of(send, 1), Op.of(send, 2)), guest(2),
                ThreadScript.of(XenSpace.GUEST_ROGUE, Op.of("scribble", 1)))));
        // the port moves queue (fresh ports' last queue is (0,0)) while the unmask hypercall relinks it
        c = config(space, 1, 2, 1, 0, 0, 1, 0);
        out.add(new Scenario(c, List.of(xen(Op.of(send, 1)), xen(Op.of("unmask", 1)), guest(2))));
        // its priority and vCPU change under a sender (lock_old_queue's and e2's retries)
        c = config(space, 2, 2, 1, 0, 0, 0, 0);
        out.add(new Scenario(c, List.of(xen(Op.of(send, 1)),
                xen(Op.of("setPriority", 1, 0), Op.of("bindVcpu", 1, 1), Op.of("setPriority", 1, 1)))));
        // a masked port, the guest's original unmask (U1..U3) and mask
        c = config(space, 1, 2, 2, 1, 0, 1, 0);
        out.add(new Scenario(c, List.of(xen(Op.of(send, 1)), guest(1),
                ThreadScript.of(XenSpace.GUEST_UNMASK, Op.of("unmask", 1), Op.of("mask", 2)))));
        // the same with clear_masked_cond (XSA-332)
        c = config(space, 1, 2, 2, 1, 0, 1, 1);
        out.add(new Scenario(c, List.of(xen(Op.of(send, 1)), guest(1),
                ThreadScript.of(XenSpace.GUEST_UNMASK, Op.of("unmask", 1), Op.of("mask", 2)))));
        return List.copyOf(out);
    }
}
