package racetrace.flags;

/**
 * One atomic step of an op's program. The TLA+ spec has the same programs with the same labels
 * and kinds ({@link #KIND_NAMES} gives the spec's name of each kind).
 *
 * @param field field index, or for CLEAR a bitmask of fields
 * @param val 0, 1, or {@link #ARG}
 * @param jumpTo jump target index or {@link #END}
 * @param next successor index or {@link #END}
 * @param pend a store that also records a pending reset (mlx5 reset_done)
 * @param acc LOAD/STORE of a bitfield: the units the store reaches, a bitmask over units
 * @param site the store site (label prefix) of a LOAD/MODIFY/STORE/STORE_PLAIN, else null
 */
record Instr(String label, int kind, int field, int lock, int val, int jumpTo, int next, boolean pend, int acc,
        String site) {

    /** Jump target / successor meaning "the op ends here". */
    static final int END = -1;
    /** {@link #val()} meaning "the op's argument". */
    static final int ARG = -1;

    // Memory.
    static final int LOAD = 0;          // reg := the units the store reaches (acc)
    static final int MODIFY = 1;        // reg := reg with f set to val
    static final int STORE = 2;         // each unit in acc := reg's part of it; ghost[f] := val
    static final int STORE_PLAIN = 3;   // mem[unit(f)] := {f} or {}; ghost[f] := val
    static final int JUMP_IF = 4;       // read f; if f = val goto jumpTo
    static final int CLEAR = 5;         // plain stores of 0 to every field in mask (memset)
    // Locks.
    static final int LOCK = 6;          // blocks while owned
    static final int UNLOCK = 7;
    static final int TRYLOCK = 8;       // never blocks; goto jumpTo when owned
    static final int READ_LOCK = 9;     // rwsem: blocks while write-held
    static final int READ_UNLOCK = 10;
    static final int WRITE_LOCK = 11;   // rwsem: blocks while write-held or read-held
    static final int WRITE_UNLOCK = 12;
    // Runtime PM.
    static final int PM_GET = 13;       // blocks while suspending/resuming; usage+1; resume if suspended
    static final int PM_RESUME = 14;    // the same without usage+1 (pm_runtime_resume)
    static final int PM_PUT = 15;
    static final int PM_GET_NORESUME = 16; // usage+1, wake := FALSE (low-power exit)
    static final int PM_PUT_NOIDLE = 17;   // usage-1, wake := arg (low-power entry)
    static final int JUMP_IF_NO_WAKE = 18;
    static final int SUSPEND_BEGIN = 19;   // usage = 0 and active: -> suspending, else the op ends
    static final int SUSPEND_END = 20;
    static final int RESUME_BEGIN = 21;    // suspended: -> resuming, else the op ends
    static final int RESUME_END = 22;
    // Device life cycle and other context.
    static final int AWAIT_USERS = 23;  // fd release: every user thread is done
    static final int JUMP_IF_OPEN = 24;
    static final int CLOSE_FD = 25;     // open := 0
    static final int JUMP_IF_VFS = 26;
    static final int SET_VFS = 27;
    static final int NB_REGISTER = 28;
    static final int NB_UNREGISTER = 29; // waits for notifier callbacks in flight (RCU)
    static final int NB_ENTER = 30;      // notifier not registered: the event is not delivered
    static final int NB_EXIT = 31;
    static final int CLEANUP = 32;       // the deferred-reset cleanup: resetPending := FALSE
    static final int JUMP_IF_ARG = 33;
    static final int OPEN_FD = 34;       // open := 1 (the open's usage reference stays taken)

    static final String[] KIND_NAMES = {
        "Load", "Modify", "Store", "StorePlain", "JumpIf", "Clear",
        "Lock", "Unlock", "TryLock", "ReadLock", "ReadUnlock", "WriteLock", "WriteUnlock",
        "PmGet", "PmResume", "PmPut", "PmGetNoresume", "PmPutNoidle", "JumpIfNoWake",
        "SuspendBegin", "SuspendEnd", "ResumeBegin", "ResumeEnd",
        "AwaitUsers", "JumpIfOpen", "CloseFd", "JumpIfVfs", "SetVfs",
        "NbRegister", "NbUnregister", "NbEnter", "NbExit", "Cleanup", "JumpIfArg", "OpenFd",
    };

    String kindName() {
        return KIND_NAMES[kind];
    }
}
