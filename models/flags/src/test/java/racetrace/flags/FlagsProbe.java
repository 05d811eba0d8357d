package racetrace.flags;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What tests read of a flags instance and its states, by name (the model itself offers none of it). */
final class FlagsProbe {

    private FlagsProbe() {
    }

    /** The op names the instance has programs for. */
    static Set<String> opNames(FlagsModel m) {
        return m.programs().keySet();
    }

    /** The step labels of an op's program, in program order. */
    static List<String> labels(FlagsModel m, String op) {
        List<String> out = new ArrayList<>();
        for (Instr i : m.programs().get(op)) {
            out.add(i.label());
        }
        return out;
    }

    /** The locks a thread holds now (the rwsem's write side only), by name. */
    static List<String> locksHeld(FlagsModel m, FlagsState s, int t) {
        List<String> out = new ArrayList<>();
        for (int l = 0; l < s.owner.length; l++) {
            if (s.owner[l] == t + 1) {
                out.add(m.definition().locks().get(l));
            }
        }
        return out;
    }

    /** The store site the thread's next step belongs to, or null when it is no store. */
    static String nextStoreSite(FlagsState s, int t) {
        if (Interpreter.done(s, t)) {
            return null;
        }
        Instr in = Interpreter.current(s, t);
        return in.kind() == Instr.STORE || in.kind() == Instr.STORE_PLAIN || in.kind() == Instr.CLEAR ? in.site() : null;
    }

    /** The label of the thread's next step, or "Done": the TLA+ {@code pc}. */
    static String pc(FlagsState s, int t) {
        return TlaMapping.pc(s, t);
    }

    /** Whether a field is set in memory now. */
    static boolean bit(FlagsModel m, FlagsState s, String field) {
        UnitMap units = m.units();
        int f = units.fieldIndex(field);
        return (s.mem[units.unitOf(f)] & (1 << f)) != 0;
    }

    /** The lock's owner: a thread index, or -1 when it is free. */
    static int owner(FlagsModel m, FlagsState s, String lock) {
        return s.owner[m.definition().locks().indexOf(lock)] - 1;
    }

    static int usage(FlagsState s) {
        return s.usage;
    }

    static String rpmStatus(FlagsState s) {
        return FlagsState.RPM_NAMES[s.rpm];
    }

    static boolean resetPending(FlagsState s) {
        return s.resetPending;
    }
}
