package racetrace.flags;

import java.util.ArrayList;
import java.util.List;
import racetrace.engine.Access;
import racetrace.engine.Leaves;
import racetrace.engine.Transition;

/**
 * What a step of a flags program touches ({@link FlagsModel#accesses}): the storage units it
 * loads, tests and stores, named as people name them (a byte of a bitfield run, a plain member),
 * a store with the field it means to set; locks, runtime-PM references and RCU as
 * synchronisation. And how NoLostUpdate's failure shows in a state ({@link #violation}).
 */
final class FlagsAccesses {

    private final FlagsDefinition def;

    FlagsAccesses(FlagsDefinition def) {
        this.def = def;
    }

    List<Access> of(FlagsState s, Transition<FlagsState> tr, int t) {
        FlagsState next = tr.next();
        Instr in = Interpreter.current(s, t);
        List<Access> out = new ArrayList<>();
        switch (in.kind()) {
            case Instr.LOAD -> {
                for (int u = 0; u < s.mem.length; u++) {
                    if ((in.acc() & (1 << u)) != 0) {
                        out.add(Access.read(unit(u), fields(s.mem[u])).named(unitName(u)));
                    }
                }
            }
            case Instr.STORE -> {
                for (int u = 0; u < s.mem.length; u++) {
                    if ((in.acc() & (1 << u)) != 0) {
                        out.add(Access.write(unit(u), fields(next.mem[u])).named(unitName(u))
                                .meaning(def.units.fieldName(in.field())));
                    }
                }
            }
            case Instr.STORE_PLAIN -> {
                int u = def.units.unitOf(in.field());
                out.add(Access.write(unit(u), fields(next.mem[u])).named(unitName(u))
                        .meaning(def.units.fieldName(in.field())));
            }
            case Instr.JUMP_IF -> {
                // if (vdev->field): a load of the unit that holds the field, then a test
                int u = def.units.unitOf(in.field());
                out.add(Access.read(unit(u), fields(s.mem[u])).named(def.units.fieldName(in.field())));
            }
            case Instr.CLEAR -> {
                List<String> cleared = new ArrayList<>(TlaMapping.fieldSet(def, in.field()));
                for (int u = 0; u < s.mem.length; u++) {
                    if ((def.units.fieldMask(u) & in.field()) != 0) {
                        out.add(Access.write(unit(u), fields(next.mem[u])).named(unitName(u))
                                .meaning(String.join(" and ", cleared)));
                    }
                }
            }
            case Instr.LOCK, Instr.UNLOCK, Instr.TRYLOCK, Instr.WRITE_LOCK, Instr.WRITE_UNLOCK -> {
                String lock = def.locks().get(in.lock());
                out.add(Access.sync("owner." + lock, String.valueOf(next.owner[in.lock()])));
            }
            case Instr.READ_LOCK, Instr.READ_UNLOCK -> out.add(Access.sync("readers", String.valueOf(next.readers)));
            case Instr.PM_GET, Instr.PM_RESUME, Instr.PM_PUT, Instr.PM_GET_NORESUME, Instr.PM_PUT_NOIDLE,
                    Instr.SUSPEND_BEGIN, Instr.SUSPEND_END, Instr.RESUME_BEGIN, Instr.RESUME_END -> {
                out.add(Access.sync("usage", String.valueOf(next.usage)));
                out.add(Access.sync("rpm", FlagsState.RPM_NAMES[next.rpm]));
            }
            case Instr.JUMP_IF_NO_WAKE -> out.add(Access.sync("wake", next.wake ? "1" : "0"));
            case Instr.JUMP_IF_OPEN -> out.add(Access.read("open", String.valueOf(s.open)));
            case Instr.CLOSE_FD, Instr.OPEN_FD -> out.add(Access.write("open", String.valueOf(next.open)));
            case Instr.JUMP_IF_VFS -> out.add(Access.read("vfs", s.vfs ? "1" : "0"));
            case Instr.SET_VFS -> out.add(Access.write("vfs", next.vfs ? "1" : "0"));
            case Instr.NB_REGISTER, Instr.NB_UNREGISTER, Instr.NB_ENTER, Instr.NB_EXIT -> {
                out.add(Access.sync("nb", next.nb ? "1" : "0"));
                out.add(Access.sync("rcu", String.valueOf(next.rcu)));
            }
            case Instr.CLEANUP -> out.add(Access.write("resetPending", next.resetPending ? "1" : "0")
                    .named("the pending reset cleanup"));
            default -> {
                // MODIFY (a register), AWAIT_USERS, JUMP_IF_ARG: no shared memory
            }
        }
        if (in.pend() && (in.kind() == Instr.STORE || in.kind() == Instr.STORE_PLAIN)) {
            out.add(Access.write("resetPending", "1").named("the pending reset cleanup"));
        }
        return out;
    }

    /** NoLostUpdate: each field whose bit differs from its last write; NoLostUpdateBetween: the stale write-back. */
    String violation(String invariant, FlagsState s) {
        List<String> parts = new ArrayList<>();
        if (invariant.equals(FlagsModel.NO_LOST_UPDATE)) {
            for (int f = 0; f < def.units.fieldCount(); f++) {
                int bit = 1 << f;
                boolean inMemory = (s.mem[def.units.unitOf(f)] & bit) != 0;
                boolean written = (s.ghost & bit) != 0;
                if (inMemory != written) {
                    parts.add(def.units.fieldName(f) + " reads " + (inMemory ? 1 : 0) + ", last written "
                            + (written ? 1 : 0));
                }
            }
        } else if (invariant.equals(FlagsModel.NO_LOST_UPDATE_BETWEEN)) {
            for (int victim = 0; victim < s.lost.length; victim++) {
                for (int by = 0; by < s.lost.length; by++) {
                    if ((s.lost[victim] & (1 << by)) != 0) {
                        parts.add("a store of " + def.units.fieldName(by) + " wrote back a stale copy of "
                                + def.units.fieldName(victim));
                    }
                }
            }
        } else if (invariant.equals(FlagsModel.RESET_CLEANUP_RUNS) && s.resetPending) {
            parts.add("every thread has finished, and the cleanup a reset left pending never ran");
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static String unit(int u) {
        return "mem[" + (u + 1) + "]";
    }

    /** A byte of a bitfield run by the run's name and byte, a plain member by its name. */
    private String unitName(int u) {
        boolean bits = false;
        for (String f : def.units.fieldsOf(u)) {
            bits |= def.units.isBitfield(def.units.fieldIndex(f));
        }
        return bits ? "byte " + def.units.unitName(u) : def.units.unitName(u);
    }

    private String fields(int mask) {
        return Leaves.text(TlaMapping.fieldSet(def, mask));
    }
}
