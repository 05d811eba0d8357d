package racetrace.flags;

/**
 * A state of the flags model. Immutable: a step copies the arrays it changes and shares the rest.
 * Each thread's current op (program and argument) and its op count are part of the state: the
 * engine chooses the ops ({@link racetrace.engine.OpChoice}).
 * Field sets (units, registers, ghost) are bitmasks over field indices; threads are 0-based here
 * and 1-based in {@link FlagsModel#variables}.
 */
public final class FlagsState {

    /** Values of {@link #rpm}: the device's runtime-PM status. */
    static final int ACTIVE = 0;
    static final int SUSPENDING = 1;
    static final int SUSPENDED = 2;
    static final int RESUMING = 3;
    static final String[] RPM_NAMES = {"active", "suspending", "suspended", "resuming"};

    /** What the state graph's threads fix: their actors (no scripts: each thread's op is in cur and arg). */
    final FlagsOps.Run run;
    final int[] mem;
    final int ghost;
    /** Per field (the victim): the fields whose store wrote back a stale copy of it, bitmask. */
    final int[] lost;
    final int[] reg;
    /** Index of the next step in the current op's program. */
    final int[] ip;
    /** How many ops the thread has begun (kept when it is done). */
    final int[] op;
    /** The current op's program ({@link FlagsOps.Run#progs}), -1 when the thread is done. */
    final int[] cur;
    /** The current op's argument (0 when it has none, or when done). */
    final int[] arg;
    /** Per lock: owner thread + 1, 0 when free (for the rwsem: the writer). */
    final int[] owner;
    /** Readers of the rwsem, bitmask over threads. */
    final int readers;
    final int usage;
    final int rpm;
    final boolean wake;
    final int open;
    final boolean vfs;
    final boolean nb;
    final int rcu;
    final boolean resetPending;

    FlagsState(FlagsOps.Run run, int[] mem, int ghost, int[] lost, int[] reg, int[] ip, int[] op, int[] cur, int[] arg,
            int[] owner, int readers, int usage, int rpm, boolean wake, int open, boolean vfs, boolean nb, int rcu,
            boolean resetPending) {
        this.run = run;
        this.mem = mem;
        this.ghost = ghost;
        this.lost = lost;
        this.reg = reg;
        this.ip = ip;
        this.op = op;
        this.cur = cur;
        this.arg = arg;
        this.owner = owner;
        this.readers = readers;
        this.usage = usage;
        this.rpm = rpm;
        this.wake = wake;
        this.open = open;
        this.vfs = vfs;
        this.nb = nb;
        this.rcu = rcu;
        this.resetPending = resetPending;
    }
}
