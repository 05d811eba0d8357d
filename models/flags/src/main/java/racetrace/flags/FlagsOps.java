package racetrace.flags;

import java.util.Arrays;
import java.util.List;
import racetrace.engine.Config;
import racetrace.engine.Instance;
import racetrace.engine.Op;
import racetrace.engine.OpChoice;

/**
 * Threads take their ops from the engine (a scenario's scripts, or a scope's choices): the start
 * state of a run and the beginning of an op. The op a thread runs, its argument and its op count
 * are kept in the state.
 */
final class FlagsOps implements OpChoice<FlagsState> {

    /**
     * What a state graph's threads fix, shared by all its states: the programs (by op code, the
     * order of {@link FlagsModel#opNames}) and which threads are users. No scripts: ops are chosen by
     * the engine and kept in the state.
     */
    static final class Run {
        final Instr[][] progs;
        /** Threads of actor {@code user} (syscalls on the device fd), bitmask. */
        final int userMask;

        Run(Instr[][] progs, int userMask) {
            this.progs = progs;
            this.userMask = userMask;
        }
    }

    private final FlagsDefinition def;
    private final Instance instance;
    /** Op names in code order, and their programs. */
    private final List<String> codes;
    private final Instr[][] progs;

    FlagsOps(FlagsDefinition def, Instance instance, List<String> codes, Instr[][] progs) {
        this.def = def;
        this.instance = instance;
        this.codes = codes;
        this.progs = progs;
    }

    @Override
    public FlagsState start(Config config, List<String> actors) {
        int n = actors.size();
        int userMask = 0;
        for (int t = 0; t < n; t++) {
            if (actors.get(t).equals("user")) {
                userMask |= 1 << t;
            }
        }
        Run run = new Run(progs, userMask);
        FlagsDefinition.Start st = def.start(config);
        int[] mem = new int[def.units.unitCount()];
        int ghost = 0;
        for (String f : st.trueFields()) {
            int i = def.units.fieldIndex(f);
            if (i < 0) {
                continue;
            }
            mem[def.units.unitOf(i)] |= 1 << i;
            ghost |= 1 << i;
        }
        int[] cur = new int[n];
        Arrays.fill(cur, -1);
        return new FlagsState(run, mem, ghost, new int[def.units.fieldCount()], new int[n], new int[n], new int[n],
                cur, new int[n], new int[def.locks().size()], 0, st.usage(), FlagsState.ACTIVE, st.wake(), st.open(),
                false, st.nb(), 0, false);
    }

    @Override
    public FlagsState begin(FlagsState s, int t, Op op) {
        int code = codes.indexOf(op.name());
        if (code < 0) {
            throw new IllegalArgumentException("no program for op " + op.name() + " in " + instance);
        }
        int[] count = s.op.clone();
        count[t]++;
        int[] cur = s.cur.clone();
        cur[t] = code;
        int[] arg = s.arg;
        int a = op.args().isEmpty() ? 0 : op.arg(0);
        if (a != arg[t]) {
            arg = arg.clone();
            arg[t] = a;
        }
        return new FlagsState(s.run, s.mem, s.ghost, s.lost, s.reg, s.ip, count, cur, arg, s.owner, s.readers,
                s.usage, s.rpm, s.wake, s.open, s.vfs, s.nb, s.rcu, s.resetPending);
    }

    @Override
    public int opCount(FlagsState s, int t) {
        return s.op[t];
    }

    @Override
    public boolean done(FlagsState s, int t) {
        return s.cur[t] < 0;
    }
}
