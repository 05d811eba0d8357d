package racetrace.flags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import racetrace.engine.Op;
import racetrace.engine.OpPlan;

/** A state and a scenario as StorageFlags.tla's variables and constants. */
final class TlaMapping {

    private TlaMapping() {
    }

    static Set<String> fieldSet(FlagsDefinition def, int mask) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < def.units.fieldCount(); i++) {
            if ((mask & (1 << i)) != 0) {
                out.add(def.units.fieldName(i));
            }
        }
        return out;
    }

    static String pc(FlagsState s, int t) {
        return Interpreter.done(s, t) ? "Done" : Interpreter.current(s, t).label();
    }

    static Map<String, Object> variables(FlagsDefinition def, List<String> codes, FlagsState s) {
        int n = s.op.length;
        Map<String, Object> v = new LinkedHashMap<>();
        List<Object> mem = new ArrayList<>();
        for (int u : s.mem) {
            mem.add(fieldSet(def, u));
        }
        v.put("mem", mem);
        Map<String, Object> ghost = new LinkedHashMap<>();
        for (int i = 0; i < def.units.fieldCount(); i++) {
            ghost.put(def.units.fieldName(i), (s.ghost & (1 << i)) != 0);
        }
        v.put("ghost", ghost);
        Set<Object> lost = new LinkedHashSet<>();
        for (int h = 0; h < s.lost.length; h++) {
            for (int g = 0; g < s.lost.length; g++) {
                if ((s.lost[h] & (1 << g)) != 0) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("victim", def.units.fieldName(h));
                    r.put("by", def.units.fieldName(g));
                    lost.add(r);
                }
            }
        }
        v.put("lost", lost);
        List<Object> reg = new ArrayList<>();
        List<Object> pc = new ArrayList<>();
        List<Object> opIdx = new ArrayList<>();
        List<Object> cur = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            reg.add(fieldSet(def, s.reg[t]));
            pc.add(pc(s, t));
            opIdx.add(s.op[t]);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("op", s.cur[t] < 0 ? "none" : codes.get(s.cur[t]));
            r.put("arg", s.arg[t]);
            cur.add(r);
        }
        v.put("reg", reg);
        v.put("pc", pc);
        v.put("opIdx", opIdx);
        v.put("cur", cur);
        Map<String, Object> owner = new LinkedHashMap<>();
        List<String> locks = def.locks();
        for (int l = 0; l < locks.size(); l++) {
            owner.put(locks.get(l), s.owner[l]);
        }
        v.put("owner", owner);
        Set<Object> readers = new LinkedHashSet<>();
        for (int t = 0; t < n; t++) {
            if ((s.readers & (1 << t)) != 0) {
                readers.add(t + 1);
            }
        }
        v.put("readers", readers);
        v.put("usage", s.usage);
        v.put("rpm", FlagsState.RPM_NAMES[s.rpm]);
        v.put("wake", s.wake);
        v.put("open", s.open);
        v.put("vfs", s.vfs);
        v.put("nb", s.nb);
        v.put("rcu", s.rcu);
        v.put("resetPending", s.resetPending);
        return v;
    }

    static Map<String, Object> constants(FlagsDefinition def, Map<String, Instr[]> programs, List<String> pairFields,
            OpPlan plan) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("Family", def.family());
        c.put("Variant", def.variant);
        c.put("Granularity", def.granularity.option());
        c.put("Phase", plan.config().get("phase"));
        List<Object> fields = new ArrayList<>();
        Map<String, Object> unitOf = new LinkedHashMap<>();
        Map<String, Object> isBit = new LinkedHashMap<>();
        for (int i = 0; i < def.units.fieldCount(); i++) {
            String f = def.units.fieldName(i);
            fields.add(f);
            unitOf.put(f, def.units.unitOf(i) + 1);
            isBit.put(f, def.units.isBitfield(i));
        }
        c.put("Fields", fields);
        c.put("UnitOf", unitOf);
        c.put("IsBit", isBit);
        c.put("NUnits", def.units.unitCount());
        // What each store site of the programs loads and writes back (1-based units).
        Map<String, Object> reach = new TreeMap<>();
        for (Instr[] p : programs.values()) {
            for (Instr in : p) {
                if (in.kind() == Instr.STORE || in.kind() == Instr.STORE_PLAIN) {
                    Set<Object> units = new TreeSet<>();
                    for (int u = 0; u < def.units.unitCount(); u++) {
                        if ((in.acc() & (1 << u)) != 0) {
                            units.add(u + 1);
                        }
                    }
                    reach.put(in.site(), units);
                }
            }
        }
        c.put("Reach", reach);
        Set<Object> pair = new TreeSet<>(pairFields);
        c.put("Pair", pair);
        Map<String, Object> assume = new LinkedHashMap<>();
        for (Assumption a : def.assumptions()) {
            assume.put(a.tlaKey(), def.assumed(a.option()));
        }
        c.put("Assume", assume);
        c.putAll(plan.tlaConstants("Actors", TlaMapping::record));
        // Writers added from a file: the steps of FlagsDefinition.extraProgram, as StorageFlags.tla's XProg builds them.
        Map<String, Object> extra = new LinkedHashMap<>();
        for (Writer w : def.extraWriters()) {
            FlagsDefinition.Frame f = def.frame(w.context());
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("f", w.field());
            r.put("v", w.kind().equals(UnitMap.COMPUTED) ? Instr.ARG
                    : w.value().equals("false") || w.value().equals("0") ? 0 : 1);
            r.put("locks", List.copyOf(w.locks()));
            r.put("pm", f.kind().equals("syscall-pm") && WritersFile.holdsReference(w.pm()));
            r.put("frame", f.kind().equals("event") ? "event" : "syscall");
            extra.put(w.site(), r);
        }
        c.put("Extra", extra);
        return c;
    }

    /** An op as the spec's record. */
    static Map<String, Object> record(Op o) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("op", o.name());
        r.put("arg", o.args().isEmpty() ? 0 : o.arg(0));
        return r;
    }

}
