package racetrace.xen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import racetrace.engine.Access;
import racetrace.engine.Leaves;

/**
 * What a step touches ({@link XenFifoModel#accesses}): the reads each step of the notes makes
 * (the label says which: {@code D4_readPrio} reads the port's priority, {@code D3_testLinked} its
 * LINKED bit, {@code S1_readTail} the tail's whole word), then the stores the state diff shows;
 * queue locks and the callers' locks are synchronisation, the ghosts {@code owed} and {@code
 * dropped} no memory at all. And how some invariants' failures show in a state ({@link #violation}).
 */
final class XenAccesses {

    /** The spec's variables that are locks: shown, never a race. */
    private static final Set<String> SYNC = Set.of("owner", "locks");
    /** Ghost variables: bookkeeping of the checks, not memory the code touches. */
    private static final Set<String> GHOSTS = Set.of("owed", "dropped");

    private XenAccesses() {
    }

    static List<Access> of(XenState s, XenState next, int t) {
        List<Access> out = new ArrayList<>(reads(s, t));
        Map<String, Object> before = TlaMapping.variables(s);
        Map<String, Object> after = TlaMapping.variables(next);
        Set<String> skip = new HashSet<>(GHOSTS);
        for (Reg r : Reg.values()) {
            skip.add(r.name());
        }
        Set<String> stored = new HashSet<>();
        for (Access a : Access.diff(before, after, skip)) {
            String variable = a.location().split("[.\\[]", 2)[0];
            out.add(SYNC.contains(variable) ? Access.sync(a.location(), a.value()) : a);
            stored.add(a.location());
        }
        // stores that leave memory as it was show in no diff: a test_and_set of a set bit, a plain store
        // of the value already there; the label says them
        Map<String, String> leaves = null;
        for (String location : unconditionalStores(s, t)) {
            if (stored.add(location)) {
                if (leaves == null) {
                    leaves = Leaves.of(after, skip);
                }
                out.add(Access.write(location, leaves.getOrDefault(location, "")));
            }
        }
        return out;
    }

    /** The memory a step stores whatever it finds there (its conditional stores show in the diff). */
    private static List<String> unconditionalStores(XenState s, int t) {
        Layout u = s.u;
        int p = s.reg(t, Reg.port);
        int q = u.queue(s.reg(t, Reg.vc), s.reg(t, Reg.kq));
        String queue = "[" + q / u.prios + "][" + q % u.prios + "]";
        return switch (Pc.of(s.reg(t, Reg.pc))) {
            case A3_tasPending, B1_tasPending, D1_tasPending, E4_tasPending -> List.of("word[" + p + "].P");
            case B8_setLinked -> List.of("word[" + p + "].L");
            case S4_setBusy, S6_clearBusy, S7_clearBusy -> List.of("word[" + s.reg(t, Reg.tl) + "].B");
            case XU1_clearMasked, U1_clearMasked, U0_setMasked -> List.of("word[" + p + "].M");
            case G7_ackPending -> List.of("word[" + s.reg(t, Reg.cur) + "].P");
            case XP_writePrio -> List.of("prio[" + p + "]");
            case XB_writeNv -> List.of("nv[" + p + "]");
            case A8_writeHead, B12_writeHead, D10_writeHead, E5d_writeHead -> List.of("head" + queue);
            case A9_writeTail, B13_writeTail, D11_writeTail, E5e_writeTail -> List.of("tail" + queue);
            case B10a_writeLastv, D8a_writeLastv -> List.of("lastv[" + p + "]");
            case B10b_writeLastp, D8b_writeLastp -> List.of("lastp[" + p + "]");
            case D8_writeLastq, E5b_writeLastq -> List.of("lastv[" + p + "]", "lastp[" + p + "]");
            case A11_tasReady, B15_tasReady, D13_tasReady, E7_tasReady -> List.of("ready[" + s.reg(t, Reg.vc) + "]");
            case G0_xchgReady, G9_xchgReady -> List.of("ready[" + u.guestV[t] + "]");
            default -> List.of();
        };
    }

    private static List<Access> reads(XenState s, int t) {
        Layout u = s.u;
        int p = s.reg(t, Reg.port);
        Pc pc = Pc.of(s.reg(t, Reg.pc));
        List<Access> out = new ArrayList<>();
        switch (pc) {
            case X0_readNv, B10a_readNv, D8a_readNv -> out.add(Access.read("nv[" + p + "]", "" + s.m[u.nv + p]));
            case A2_readPrio, B4_readPrio, D4_readPrio, E1b_readPrio, E1d_rereadPrio, B10b_readPrio, D8b_readPrio ->
                out.add(Access.read("prio[" + p + "]", "" + s.m[u.prio + p]));
            case XU2_testPending, A3_tasPending, B1_tasPending, D1_tasPending, E4_tasPending, U2_testPending ->
                out.add(bit(s, p, "P", Word.P));
            case A4_testMasked, B2_testMasked, D2_testMasked, E5_testMasked -> out.add(bit(s, p, "M", Word.M));
            case B3_testLinked, D3_testLinked, A5_tasLinked, C8_tasLinked, D6_tasLinked, E5_tasLinked ->
                out.add(bit(s, p, "L", Word.L));
            case B5_readLastv, L1_readLastv, L4_rereadLastv -> out.add(lastv(s, p));
            case B6_readLastp, L2_readLastp, L5_rereadLastp -> out.add(lastp(s, p));
            case L1_readLastq, E1a_readLastq, E1d_rereadLastq -> {
                out.add(lastv(s, p));
                out.add(lastp(s, p));
            }
            case B9_invalidateTail, D7_invalidateTail, E5a_invalidateTail ->
                out.add(queueSlot(s, "tail", u.tail, u.queue(s.reg(t, Reg.lv), s.reg(t, Reg.lp))));
            case A7_readTail, B11_readTail, D9_readTail, E5c_readTail ->
                out.add(queueSlot(s, "tail", u.tail, u.queue(s.reg(t, Reg.vc), s.reg(t, Reg.kq))));
            case SL1_readTail, S1_readTail, S5_readTail, SL3_cas, S3_cas, S6_cas -> out.add(word(s, s.reg(t, Reg.tl)));
            case G0_xchgReady, G9_xchgReady -> {
                int v = u.guestV[t];
                out.add(Access.read("ready[" + v + "]", Leaves.text(bits(s.m[u.ready + v]))));
            }
            case G4_readHead -> out.add(queueSlot(s, "head", u.head, u.queue(u.guestV[t], s.reg(t, Reg.kq))));
            case G5_clearLinked -> out.add(word(s, s.reg(t, Reg.cur)));
            case G7_testPending -> out.add(bit(s, s.reg(t, Reg.cur), "P", Word.P));
            case G7_testMasked -> out.add(bit(s, s.reg(t, Reg.cur), "M", Word.M));
            case U1c_clearMaskedCond, R1_scribble -> out.add(word(s, p));
            default -> {
                // stores, locks, and the set-bit steps whose old value the code does not use
            }
        }
        return out;
    }

    private static Access bit(XenState s, int port, String name, int bit) {
        return Access.read("word[" + port + "]." + name, Word.has(s.word(port), bit) ? "1" : "0");
    }

    private static Access word(XenState s, int port) {
        return Access.read("word[" + port + "]", Leaves.text(TlaMapping.word(s.word(port))));
    }

    private static Access lastv(XenState s, int port) {
        return Access.read("lastv[" + port + "]", "" + s.m[s.u.lastv + port]);
    }

    private static Access lastp(XenState s, int port) {
        return Access.read("lastp[" + port + "]", "" + s.m[s.u.lastp + port]);
    }

    private static Access queueSlot(XenState s, String name, int offset, int q) {
        return Access.read(name + "[" + q / s.u.prios + "][" + q % s.u.prios + "]", "" + s.m[offset + q]);
    }

    private static Set<Integer> bits(int set) {
        Set<Integer> out = new TreeSet<>();
        for (int i = 0; i < 32; i++) {
            if ((set & (1 << i)) != 0) {
                out.add(i);
            }
        }
        return out;
    }

    /** For the invariants whose failure a state shows plainly, which port fails and how; else null. */
    static String violation(String invariant, XenState s) {
        Layout u = s.u;
        List<String> parts = new ArrayList<>();
        switch (invariant) {
            case "NoSelfLink" -> {
                for (int p = 1; p <= u.ports; p++) {
                    if (s.linked(p) && s.link(p) == p) {
                        parts.add("port " + p + " is LINKED and its LINK is " + p);
                    }
                }
            }
            case "NoLostEvent" -> {
                for (int p = 1; p <= u.ports; p++) {
                    if ((s.m[u.owed] & (1 << p)) != 0 && (s.m[u.dropped] & (1 << p)) == 0 && !s.pending(p)) {
                        parts.add("port " + p + " had an event raised and not delivered, and its PENDING is clear");
                    }
                }
            }
            case "LastQueueCorrect" -> {
                for (int q = 0; q < u.queues; q++) {
                    int tail = s.m[u.tail + q];
                    if (tail != 0 && !inCriticalSection(s, tail)
                            && u.queue(s.m[u.lastv + tail], s.m[u.lastp + tail]) != q) {
                        parts.add("port " + tail + " is the tail of queue (" + q / u.prios + "," + q % u.prios
                                + "), but its lastv, lastp name (" + s.m[u.lastv + tail] + "," + s.m[u.lastp + tail]
                                + ")");
                    }
                }
            }
            default -> {
                // the others need the queues' chains: their descriptions say it
            }
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    /** As LastQueueCorrect's exemption: a thread inside a set_pending critical section for the port. */
    private static boolean inCriticalSection(XenState s, int port) {
        Layout u = s.u;
        for (int t = 0; t < u.threads; t++) {
            int pc = s.reg(t, Reg.pc);
            if (u.kind[t] != Layout.GUEST && s.reg(t, Reg.port) == port
                    && (pc == Pc.B10d_lockQ.ordinal() || pc == Pc.D8d_lockQ.ordinal())) {
                return true;
            }
        }
        for (int q = 0; q < u.queues; q++) {
            int o = s.m[u.owner + q];
            if (o != 0 && s.reg(o - 1, Reg.port) == port) {
                return true;
            }
        }
        return false;
    }
}
