package racetrace.xen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import racetrace.engine.Config;
import racetrace.engine.Op;
import racetrace.engine.OpPlan;

/** A state as the spec's variables, and a scenario as the spec's constants. */
final class TlaMapping {

    /** The spec's variables, in its order: the shared ones, then the registers ({@link Reg}). */
    static final List<String> VARIABLES;

    static {
        List<String> names = new ArrayList<>(List.of("word", "prio", "nv", "lastv", "lastp", "tail", "owner", "head",
                "ready", "lhead", "lready", "locks", "dropped", "owed"));
        for (Reg r : Reg.values()) {
            names.add(r.name());
        }
        VARIABLES = List.copyOf(names);
    }

    private TlaMapping() {
    }

    static Map<String, Object> word(int w) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("P", Word.has(w, Word.P));
        r.put("M", Word.has(w, Word.M));
        r.put("L", Word.has(w, Word.L));
        r.put("B", Word.has(w, Word.B));
        r.put("R", Word.has(w, Word.R));
        r.put("LINK", Word.link(w));
        return r;
    }

    private static List<Object> perPort(XenState s, int off, boolean word) {
        List<Object> out = new ArrayList<>(s.u.ports);
        for (int p = 1; p <= s.u.ports; p++) {
            out.add(word ? word(s.m[off + p]) : (Object) s.m[off + p]);
        }
        return out;
    }

    private static Map<Integer, Object> perQueue(XenState s, int off) {
        Map<Integer, Object> out = new LinkedHashMap<>();
        for (int v = 0; v < s.u.vcpus; v++) {
            Map<Integer, Object> row = new LinkedHashMap<>();
            for (int k = 0; k < s.u.prios; k++) {
                row.put(k, s.m[off + s.u.queue(v, k)]);
            }
            out.put(v, row);
        }
        return out;
    }

    private static Set<Integer> bits(int set, int offset) {
        Set<Integer> out = new TreeSet<>();
        for (int i = 0; i < 32; i++) {
            if ((set & (1 << i)) != 0) {
                out.add(i + offset);
            }
        }
        return out;
    }

    private static Set<Integer> bits(int set) {
        return bits(set, 0);
    }

    /** The holders of every lock, as the spec's record of sets of threads (1-based). */
    private static Map<String, Object> locks(XenState s) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int kind = 0; kind < Callers.KIND_NAMES.size(); kind++) {
            if (kind == Callers.DOM || kind == Callers.VIRQ) {
                out.put(Callers.KIND_NAMES.get(kind), bits(s.m[s.u.lock(kind, 0)], 1));
            } else {
                List<Object> perPort = new ArrayList<>();
                for (int p = 1; p <= s.u.ports; p++) {
                    perPort.add(bits(s.m[s.u.lock(kind, p)], 1));
                }
                out.put(Callers.KIND_NAMES.get(kind), perPort);
            }
        }
        return out;
    }

    private static Map<Integer, Object> perVcpuSet(XenState s, int off) {
        Map<Integer, Object> out = new LinkedHashMap<>();
        for (int v = 0; v < s.u.vcpus; v++) {
            out.put(v, bits(s.m[off + v]));
        }
        return out;
    }

    static Map<String, Object> variables(XenState s) {
        Layout u = s.u;
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("word", perPort(s, u.word, true));
        v.put("prio", perPort(s, u.prio, false));
        v.put("nv", perPort(s, u.nv, false));
        v.put("lastv", perPort(s, u.lastv, false));
        v.put("lastp", perPort(s, u.lastp, false));
        v.put("tail", perQueue(s, u.tail));
        v.put("owner", perQueue(s, u.owner));
        v.put("head", perQueue(s, u.head));
        v.put("ready", perVcpuSet(s, u.ready));
        v.put("lhead", perQueue(s, u.lhead));
        v.put("lready", perVcpuSet(s, u.lready));
        v.put("locks", locks(s));
        v.put("dropped", bits(s.m[u.dropped]));
        v.put("owed", bits(s.m[u.owed]));
        for (Reg r : Reg.values()) {
            List<Object> col = new ArrayList<>(u.threads);
            for (int t = 0; t < u.threads; t++) {
                int x = s.reg(t, r);
                col.add(switch (r) {
                    case pc -> Pc.of(x).name();
                    case op -> Layout.OP_NAMES.get(x);
                    case wasP, linked -> x != 0;
                    case ws -> word(x);
                    default -> x;
                });
            }
            v.put(r.name(), col);
        }
        return v;
    }

    static Map<String, Object> constants(XenVersion version, Callers callers, XenSpace space, OpPlan plan) {
        Config c = plan.config();
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("Version", version.id());
        k.put("Callers", callers.id());
        k.put("NV", c.get("vcpus"));
        k.put("NK", c.get("prios"));
        k.put("NP", c.get("ports"));
        k.put("Masked", c.get("masked"));
        k.put("OldTail", c.get("oldTail"));
        k.put("UnmaskForm", c.get("unmaskForm"));
        k.put("Raise", space.raise(c));
        k.putAll(plan.tlaConstants("Actor", TlaMapping::record));
        return k;
    }

    /** An op as the spec's record: its name and two arguments (0 when it has fewer). */
    static Map<String, Object> record(Op op) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("op", op.name());
        r.put("a", op.args().isEmpty() ? 0 : op.arg(0));
        r.put("b", op.args().size() < 2 ? 0 : op.arg(1));
        return r;
    }
}
