package racetrace.flags;

import static racetrace.flags.FlagsState.ACTIVE;
import static racetrace.flags.FlagsState.RESUMING;
import static racetrace.flags.FlagsState.SUSPENDED;
import static racetrace.flags.FlagsState.SUSPENDING;

import racetrace.engine.IdentifiedModel;
import racetrace.engine.Instance;
import racetrace.engine.Transition;

/**
 * The steps of the flags model ({@link FlagsModel}, which adds its op choice, invariants and TLA+
 * mapping): one step runs one instruction of a thread's current program, with the semantics of
 * {@link Instr}, the same as {@code Exec} in StorageFlags.tla.
 */
abstract class Interpreter extends IdentifiedModel<FlagsState> {

    final FlagsDefinition def;

    Interpreter(Instance instance, int version, FlagsDefinition def) {
        super(instance, version, new FlagsSpace(def));
        this.def = def;
    }

    static Instr current(FlagsState s, int t) {
        return s.run.progs[s.cur[t]][s.ip[t]];
    }

    /** A thread is done when it has no current op. */
    static boolean done(FlagsState s, int t) {
        return s.cur[t] < 0;
    }

    /** A thread is finished when it is done. */
    @Override
    public boolean finished(FlagsState s, int t) {
        return done(s, t);
    }

    @Override
    public boolean enabled(FlagsState s, int t) {
        if (done(s, t)) {
            return false;
        }
        Instr in = current(s, t);
        switch (in.kind()) {
            case Instr.LOCK:
                return s.owner[in.lock()] == 0;
            case Instr.READ_LOCK:
                return s.owner[in.lock()] == 0;
            case Instr.WRITE_LOCK:
                return s.owner[in.lock()] == 0 && s.readers == 0;
            case Instr.PM_GET:
            case Instr.PM_RESUME:
                return s.rpm != SUSPENDING && s.rpm != RESUMING;
            case Instr.AWAIT_USERS:
                for (int u = 0; u < s.cur.length; u++) {
                    if ((s.run.userMask & (1 << u)) != 0 && !done(s, u)) {
                        return false;
                    }
                }
                return true;
            case Instr.NB_UNREGISTER:
                return s.rcu == 0;
            default:
                return true;
        }
    }

    @Override
    public Transition<FlagsState> step(FlagsState s, int t) {
        Instr in = current(s, t);
        int v = in.val() == Instr.ARG ? s.arg[t] : in.val();
        int[] mem = s.mem;
        int ghost = s.ghost;
        int[] lost = s.lost;
        int[] reg = s.reg;
        int[] owner = s.owner;
        int readers = s.readers;
        int usage = s.usage;
        int rpm = s.rpm;
        boolean wake = s.wake;
        int open = s.open;
        boolean vfs = s.vfs;
        boolean nb = s.nb;
        int rcu = s.rcu;
        boolean resetPending = s.resetPending;
        int next = in.next();
        int bit = in.field() >= 0 ? 1 << in.field() : 0;
        switch (in.kind()) {
            case Instr.LOAD -> {
                int r = 0;
                for (int u = 0; u < mem.length; u++) {
                    if ((in.acc() & (1 << u)) != 0) {
                        r |= mem[u];
                    }
                }
                reg = reg.clone();
                reg[t] = r;
            }
            case Instr.MODIFY -> {
                reg = reg.clone();
                reg[t] = v != 0 ? reg[t] | bit : reg[t] & ~bit;
            }
            case Instr.STORE -> {
                // Every unit the store reaches gets the register's copy of its fields: a field other
                // than the one stored whose copy differs from its last write is lost to this store.
                // A field counts as lost when the store changes its bit to a value that is not its
                // last write; writing back a copy that memory already holds changes nothing.
                int before = 0;
                int reached = 0;
                for (int u = 0; u < mem.length; u++) {
                    if ((in.acc() & (1 << u)) != 0) {
                        before |= mem[u];
                        reached |= def.units.fieldMask(u);
                    }
                }
                mem = mem.clone();
                for (int u = 0; u < mem.length; u++) {
                    if ((in.acc() & (1 << u)) != 0) {
                        mem[u] = reg[t] & def.units.fieldMask(u);
                    }
                }
                int stale = reached & ~bit & (reg[t] ^ ghost) & (reg[t] ^ before);
                if (stale != 0) {
                    lost = lost.clone();
                    for (int h = 0; h < lost.length; h++) {
                        if ((stale & (1 << h)) != 0) {
                            lost[h] |= bit;
                        }
                    }
                }
                ghost = v != 0 ? ghost | bit : ghost & ~bit;
                resetPending |= in.pend();
            }
            case Instr.STORE_PLAIN -> {
                mem = mem.clone();
                mem[def.units.unitOf(in.field())] = v != 0 ? bit : 0;
                ghost = v != 0 ? ghost | bit : ghost & ~bit;
                resetPending |= in.pend();
            }
            case Instr.JUMP_IF -> {
                boolean set = (mem[def.units.unitOf(in.field())] & bit) != 0;
                if (set == (v != 0)) {
                    next = in.jumpTo();
                }
            }
            case Instr.CLEAR -> {
                mem = mem.clone();
                for (int u = 0; u < mem.length; u++) {
                    mem[u] &= ~in.field();
                }
                ghost &= ~in.field();
            }
            case Instr.LOCK, Instr.WRITE_LOCK -> {
                owner = owner.clone();
                owner[in.lock()] = t + 1;
            }
            case Instr.UNLOCK, Instr.WRITE_UNLOCK -> {
                owner = owner.clone();
                owner[in.lock()] = 0;
            }
            case Instr.TRYLOCK -> {
                if (owner[in.lock()] == 0) {
                    owner = owner.clone();
                    owner[in.lock()] = t + 1;
                } else {
                    next = in.jumpTo();
                }
            }
            case Instr.READ_LOCK -> readers |= 1 << t;
            case Instr.READ_UNLOCK -> readers &= ~(1 << t);
            case Instr.PM_GET, Instr.PM_RESUME -> {
                if (in.kind() == Instr.PM_GET) {
                    usage++;
                }
                if (rpm == SUSPENDED) {
                    rpm = RESUMING;
                } else {
                    next = in.jumpTo();
                }
            }
            case Instr.PM_PUT -> usage--;
            case Instr.PM_GET_NORESUME -> {
                usage++;
                wake = false;
            }
            case Instr.PM_PUT_NOIDLE -> {
                usage--;
                wake = v != 0;
            }
            case Instr.JUMP_IF_NO_WAKE -> {
                if (!wake) {
                    next = in.jumpTo();
                }
            }
            case Instr.SUSPEND_BEGIN -> {
                if (usage == 0 && rpm == ACTIVE) {
                    rpm = SUSPENDING;
                } else {
                    next = Instr.END;
                }
            }
            case Instr.SUSPEND_END -> rpm = SUSPENDED;
            case Instr.RESUME_BEGIN -> {
                if (rpm == SUSPENDED) {
                    rpm = RESUMING;
                } else {
                    next = Instr.END;
                }
            }
            case Instr.RESUME_END -> rpm = ACTIVE;
            case Instr.AWAIT_USERS -> {
            }
            case Instr.JUMP_IF_OPEN -> {
                if (open > 0) {
                    next = in.jumpTo();
                }
            }
            case Instr.CLOSE_FD -> open = 0;
            case Instr.OPEN_FD -> open = 1;
            case Instr.JUMP_IF_VFS -> {
                if (vfs == (v != 0)) {
                    next = in.jumpTo();
                }
            }
            case Instr.SET_VFS -> vfs = v != 0;
            case Instr.NB_REGISTER -> nb = true;
            case Instr.NB_UNREGISTER -> nb = false;
            case Instr.NB_ENTER -> {
                if (nb) {
                    rcu++;
                } else {
                    next = Instr.END;
                }
            }
            case Instr.NB_EXIT -> rcu--;
            case Instr.CLEANUP -> resetPending = false;
            case Instr.JUMP_IF_ARG -> {
                if (s.arg[t] == v) {
                    next = in.jumpTo();
                }
            }
            default -> throw new IllegalStateException("unknown step kind " + in.kind());
        }
        int[] ip = s.ip.clone();
        int[] cur = s.cur;
        int[] arg = s.arg;
        if (next == Instr.END) {
            // The op ends: the thread is done, its register cleared; the engine begins its next op.
            ip[t] = 0;
            cur = cur.clone();
            cur[t] = -1;
            if (arg[t] != 0) {
                arg = arg.clone();
                arg[t] = 0;
            }
            if (reg[t] != 0) {
                reg = reg == s.reg ? reg.clone() : reg;
                reg[t] = 0;
            }
        } else {
            ip[t] = next;
        }
        return Transition.of(new FlagsState(s.run, mem, ghost, lost, reg, ip, s.op, cur, arg, owner, readers, usage, rpm,
                wake, open, vfs, nb, rcu, resetPending), in.label());
    }

}
