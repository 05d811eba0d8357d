package racetrace.flags;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import racetrace.engine.BadInputException;

/**
 * Builds the program of one op: a list of labelled steps with jumps by label. The helpers are the
 * same macros the TLA+ spec uses ({@code W}, {@code PmGet}, ...), so both sides give the same
 * label sequence. A store's value kind comes from the writers table, its reach from the unit map.
 */
final class Prog {

    static final String END = "End";

    private record Pending(String label, int kind, int field, int lock, int val, String jumpTo, String next,
            boolean pend, boolean toAfter, int acc, String site) {
    }

    private final FlagsDefinition def;
    private final List<Pending> steps = new ArrayList<>();

    Prog(FlagsDefinition def) {
        this.def = def;
    }

    private int field(String name) {
        int f = def.units.fieldIndex(name);
        if (f < 0) {
            throw new BadInputException("layout " + def.layout.name() + " (" + def.layout.origin() + ") has no member "
                    + name + ", which the " + def.family() + " writers store; add it as a 'field' or 'plain' line");
        }
        return f;
    }

    private int lock(String name) {
        int l = def.locks().indexOf(name);
        if (l < 0) {
            throw new IllegalStateException("no lock " + name);
        }
        return l;
    }

    private Prog add(String label, int kind, int field, int lock, int val, String jumpTo, String next, boolean pend,
            boolean toAfter) {
        return add(label, kind, field, lock, val, jumpTo, next, pend, toAfter, 0, null);
    }

    private Prog add(String label, int kind, int field, int lock, int val, String jumpTo, String next, boolean pend,
            boolean toAfter, int acc, String site) {
        steps.add(new Pending(label, kind, field, lock, val, jumpTo, next, pend, toAfter, acc, site));
        return this;
    }

    /** A step without operands. */
    Prog step(String label, int kind) {
        return add(label, kind, -1, -1, 0, null, null, false, false);
    }

    /** A step that may jump. */
    Prog jump(String label, int kind, int val, String jumpTo) {
        return add(label, kind, -1, -1, val, jumpTo, null, false, false);
    }

    Prog lock(String label, int kind, String lock) {
        return add(label, kind, -1, lock(lock), 0, null, null, false, false);
    }

    Prog tryLock(String label, String lock, String failTo) {
        return add(label, Instr.TRYLOCK, -1, lock(lock), 0, failTo, null, false, false);
    }

    /** Reads {@code field}; goes to {@code jumpTo} when it equals {@code val} (0, 1 or ARG). */
    Prog jumpIf(String label, String field, int val, String jumpTo) {
        return add(label, Instr.JUMP_IF, field(field), -1, val, jumpTo, null, false, false);
    }

    /** Writes {@code field := val} at store site {@code site}: load/modify/store of what the store reaches, or one store if plain. */
    Prog write(String site, String field, int val) {
        return write(site, field, val, false);
    }

    Prog write(String site, String field, int val, boolean pend) {
        int f = field(field);
        if (def.units.isBitfield(f)) {
            int acc = def.units.reach(f, def.kindOf(site));
            add(site + "_load", Instr.LOAD, f, -1, val, null, null, false, false, acc, site);
            add(site + "_modify", Instr.MODIFY, f, -1, val, null, null, false, false, acc, site);
            return add(site + "_store", Instr.STORE, f, -1, val, null, null, pend, false, acc, site);
        }
        def.kindOf(site);
        return add(site + "_store", Instr.STORE_PLAIN, f, -1, val, null, null, pend, false, 1 << def.units.unitOf(f), site);
    }

    /** The first label of a write at {@code site}: a jump target. */
    String writeStart(String site, String field) {
        return site + (def.units.isBitfield(field(field)) ? "_load" : "_store");
    }

    /** One memset-like plain store clearing the given fields. */
    Prog clear(String label, String... fields) {
        int mask = 0;
        for (String f : fields) {
            mask |= 1 << field(f);
        }
        def.kindOf(label);
        return add(label, Instr.CLEAR, mask, -1, 0, null, null, false, false, 0, label);
    }

    /**
     * The runtime-PM resume callback ({@code vfio_pci_core_runtime_resume}, notes §3
     * pm_runtime_engaged row (c)): memory_lock write; if a wake eventfd is armed, low-power exit;
     * then the status becomes active.
     */
    Prog resumeBlock(String p) {
        lock(p + "_resLockMem", Instr.WRITE_LOCK, "memory");
        jump(p + "_resWakeTest", Instr.JUMP_IF_NO_WAKE, 0, p + "_resUnlockMem");
        jumpIf(p + "_resEngTest", "pm_runtime_engaged", 0, p + "_resUnlockMem");
        write(p + "_resEng", "pm_runtime_engaged", 0);
        step(p + "_resGetNoresume", Instr.PM_GET_NORESUME);
        lock(p + "_resUnlockMem", Instr.WRITE_UNLOCK, "memory");
        return step(p + "_resEnd", Instr.RESUME_END);
    }

    /**
     * {@code pm_runtime_resume_and_get} (notes §9): waits out a suspend or resume in flight, takes a
     * usage reference, and runs the resume callback in this context when the device is suspended.
     */
    Prog pmGet(String p) {
        add(p + "_pmGet", Instr.PM_GET, -1, -1, 0, p + "_resEnd", null, false, true);
        return resumeBlock(p);
    }

    /** {@code pm_runtime_resume}: as {@link #pmGet} without taking a reference. */
    Prog pmResume(String p) {
        add(p + "_pmResume", Instr.PM_RESUME, -1, -1, 0, p + "_resEnd", null, false, true);
        return resumeBlock(p);
    }

    /** Sets the successor of the last step added (default: the next step, or the op's end). */
    Prog then(String next) {
        Pending last = steps.remove(steps.size() - 1);
        steps.add(new Pending(last.label, last.kind, last.field, last.lock, last.val, last.jumpTo, next, last.pend,
                last.toAfter, last.acc, last.site));
        return this;
    }

    Instr[] build() {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            if (at.put(steps.get(i).label, i) != null) {
                throw new IllegalStateException("label used twice: " + steps.get(i).label);
            }
        }
        Instr[] out = new Instr[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            Pending p = steps.get(i);
            int next = p.next != null ? resolve(at, p.next) : (i + 1 < steps.size() ? i + 1 : Instr.END);
            int jumpTo = -2;
            if (p.jumpTo != null) {
                jumpTo = resolve(at, p.jumpTo);
                if (p.toAfter) {
                    // "continue after the step named": its successor.
                    Pending target = steps.get(jumpTo);
                    jumpTo = target.next != null ? resolve(at, target.next)
                            : (jumpTo + 1 < steps.size() ? jumpTo + 1 : Instr.END);
                }
            }
            out[i] = new Instr(p.label, p.kind, p.field, p.lock, p.val, jumpTo, next, p.pend, p.acc, p.site);
        }
        return out;
    }

    private static int resolve(Map<String, Integer> at, String label) {
        if (label.equals(END)) {
            return Instr.END;
        }
        Integer i = at.get(label);
        if (i == null) {
            throw new IllegalStateException("no step labelled " + label);
        }
        return i;
    }
}
