package racetrace.flags;

/**
 * A state of the flags model. Immutable: a step copies the arrays it changes and shares the rest.
 * Field sets (units, registers, ghost) are bitmasks over field indices; threads are 0-based here
 * and 1-based in {@link FlagsModel#variables}.
 */
public final class FlagsState {

    final FlagsModel.Run run;
    final int[] mem;
    final int ghost;
    /** Per field (the victim): the fields whose store wrote back a stale copy of it, bitmask. */
    final int[] lost;
    final int[] reg;
    /** Index of the next step in the current op's program. */
    final int[] ip;
    /** Index of the current op; the script's length when the thread is done. */
    final int[] op;
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

    FlagsState(FlagsModel.Run run, int[] mem, int ghost, int[] lost, int[] reg, int[] ip, int[] op, int[] owner, int readers,
            int usage, int rpm, boolean wake, int open, boolean vfs, boolean nb, int rcu, boolean resetPending) {
        this.run = run;
        this.mem = mem;
        this.ghost = ghost;
        this.lost = lost;
        this.reg = reg;
        this.ip = ip;
        this.op = op;
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
