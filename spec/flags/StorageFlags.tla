---------------------------- MODULE StorageFlags ----------------------------
(***************************************************************************)
(* Flags of a C struct written by concurrent contexts (racetrace model     *)
(* families vfio-pci and mlx5, Java package racetrace.flags). "notes"      *)
(* below are the research notes docs/research/vfio-pci-bitfields.md.       *)
(*                                                                         *)
(* Each thread runs a script of ops; each op is a program: a sequence of   *)
(* instruction records, one per atomic step, with a label that is the      *)
(* thread's pc before the step. Jumps name labels; "End" ends the op. The  *)
(* programs below mirror the Java builders (VfioPci.programs,              *)
(* Mlx5.programs) step for step, with the same labels.                     *)
(*                                                                         *)
(* A storage unit is the set of its fields that are set (no Bitwise): a    *)
(* byte of a bitfield run, or a plain member. A bitfield write loads the   *)
(* units its store reaches (Reach: the byte, the run, or what a compiler   *)
(* profile gives) into reg, modifies reg, and stores reg back to them; a   *)
(* plain field is its own unit and written by one store.                   *)
(***************************************************************************)
EXTENDS Naturals, Integers, Sequences, FiniteSets

CONSTANTS
    Family,       \* "vfio-pci" or "mlx5"
    Variant,      \* e.g. "pre-a"; informative, the layout comes in Fields/UnitOf/IsBit
    Granularity,  \* "byte", "location" or a compiler profile; informative, already applied in Reach
    Phase,        \* start state, the Java config parameter "phase"
    Fields,       \* field names in struct order
    UnitOf,       \* field -> the unit holding its bit, 1..NUnits (a byte of a run, or a plain member)
    IsBit,        \* field -> TRUE for a bitfield, FALSE for a plain bool/u8
    NUnits,
    Reach,        \* store site (label prefix) -> the units its store loads and writes back
    Pair,         \* {} or the two fields NoLostUpdateBetween is about
    Assume,       \* the assumptions: [close_pm |-> ..., probe_window |-> ...] (vfio-pci), [probe_window |-> ...] (mlx5)
    Actors,       \* thread -> actor name
    Plan,         \* thread -> [script |-> <<op, ...>>] a fixed script, or [ops |-> a set of ops,
                  \* min |-> m, max |-> n, optional |-> b]: m..n ops chosen from ops at each op's
                  \* end (b: the thread may also be absent); an op is [op |-> name, arg |-> 0 or 1]
    Caps,         \* [threads |-> most threads present, ops |-> most ops in all]
    Extra         \* writers added from a file: op -> [f, v, locks, pm, frame] (<<>> for none)

VARIABLES
    mem,          \* unit -> set of set fields
    ghost,        \* field -> value of the last write that targeted it
    lost,         \* [victim, by] records: a store of field by wrote back a stale copy of field victim
    reg,          \* thread -> register (a loaded unit)
    pc,           \* thread -> label of its next step, or "Done"
    opIdx,        \* thread -> how many ops it has begun (kept when done)
    cur,          \* thread -> its current op, [op |-> "none", arg |-> 0] when done
    owner,        \* lock -> owning thread, 0 when free (memory: the rwsem's writer)
    readers,      \* threads holding the memory rwsem for read
    usage,        \* runtime-PM usage count
    rpm,          \* runtime-PM status
    wake,         \* a low-power wake eventfd is armed
    open,         \* the device's open count
    vfs,          \* SR-IOV VFs are enabled
    nb,           \* the tracker's event notifier is registered
    rcu,          \* notifier callbacks in flight
    resetPending  \* a reset_done has not yet been followed by its cleanup

vars == <<mem, ghost, lost, reg, pc, opIdx, cur, owner, readers, usage, rpm, wake, open, vfs, nb, rcu, resetPending>>

Threads == 1..Len(Actors)
FieldSet == {Fields[i] : i \in 1..Len(Fields)}
LockNames == IF Family = "vfio-pci" THEN {"devSet", "device", "memory"} ELSE {"state", "reset"}
ARG == -1      \* an instruction value meaning "the op's argument"

SriovFlag == IF "sriov_pwr_active" \in FieldSet THEN "sriov_pwr_active" ELSE "sriov_active"

(***************************************************************************)
(* Instruction constructors: the same macros as racetrace.flags.Prog.      *)
(***************************************************************************)
S(l, k) == [lbl |-> l, k |-> k]
J(l, k, v, to) == [lbl |-> l, k |-> k, v |-> v, to |-> to]
L(l, k, m) == [lbl |-> l, k |-> k, m |-> m]
JF(l, f, v, to) == [lbl |-> l, k |-> "JumpIf", f |-> f, v |-> v, to |-> to]

\* field := v at store site p; pend marks the mlx5 reset_done store
WP(p, f, v, pend) ==
    IF IsBit[f]
    THEN << [lbl |-> p \o "_load", k |-> "Load", f |-> f, acc |-> Reach[p]],
            [lbl |-> p \o "_modify", k |-> "Modify", f |-> f, v |-> v],
            [lbl |-> p \o "_store", k |-> "Store", f |-> f, v |-> v, pend |-> pend, acc |-> Reach[p]] >>
    ELSE << [lbl |-> p \o "_store", k |-> "StorePlain", f |-> f, v |-> v, pend |-> pend] >>
W(p, f, v) == WP(p, f, v, FALSE)
\* the first label of a write at site p: a jump target
WL(p, f) == IF IsBit[f] THEN p \o "_load" ELSE p \o "_store"
\* an instruction with its successor set to label l
SetNx(r, l) == [x \in DOMAIN r \cup {"nx"} |-> IF x = "nx" THEN l ELSE r[x]]
\* a write at site p that continues at label l
WThen(p, f, v, l) == LET w == W(p, f, v) IN SubSeq(w, 1, Len(w) - 1) \o << SetNx(w[Len(w)], l) >>

\* vfio_pci_core_runtime_resume: memory_lock; low-power exit if a wake eventfd is armed
ResBlock(p) ==
    << L(p \o "_resLockMem", "WriteLock", "memory"),
       J(p \o "_resWakeTest", "JumpIfNoWake", 0, p \o "_resUnlockMem"),
       JF(p \o "_resEngTest", "pm_runtime_engaged", 0, p \o "_resUnlockMem") >>
    \o W(p \o "_resEng", "pm_runtime_engaged", 0)
    \o << S(p \o "_resGetNoresume", "PmGetNoresume"),
          L(p \o "_resUnlockMem", "WriteUnlock", "memory"),
          S(p \o "_resEnd", "ResumeEnd") >>

\* pm_runtime_resume_and_get / pm_runtime_resume; when active, continue after p_resEnd
PmGet(p) == << [lbl |-> p \o "_pmGet", k |-> "PmGet", to |-> p \o "_resEnd"] >> \o ResBlock(p)
PmResume(p) == << [lbl |-> p \o "_pmResume", k |-> "PmResume", to |-> p \o "_resEnd"] >> \o ResBlock(p)

\* mlx5vf_state_mutex_unlock, with its loop
UL(x) ==
    << L(x \o "_ulLockReset", "Lock", "reset"),
       JF(x \o "_ulTest", "deferred_reset", 0, x \o "_ulUnlockState") >>
    \o W(x \o "_ulDr", "deferred_reset", 0)
    \o << L(x \o "_ulUnlockReset", "Unlock", "reset"),
          [lbl |-> x \o "_ulCleanup", k |-> "Cleanup", nx |-> x \o "_ulLockReset"],
          L(x \o "_ulUnlockState", "Unlock", "state"),
          L(x \o "_ulUnlockReset2", "Unlock", "reset") >>
ULEnd(x) ==
    SubSeq(UL(x), 1, Len(UL(x)) - 1)
    \o << [lbl |-> x \o "_ulUnlockReset2", k |-> "Unlock", m |-> "reset", nx |-> "End"] >>

\* mlx5vf_cmd_close_migratable
CloseMig(x, skipTo) ==
    << JF(x \o "_capTest", "migrate_cap", 0, skipTo) >>
    \o W(x \o "_isErr", "is_err", 1)
    \o << L(x \o "_lockState", "Lock", "state"),
          JF(x \o "_logTest", "log_active", 0, x \o "_ulLockReset"),
          S(x \o "_nbUnreg", "NbUnregister") >>
    \o W(x \o "_log", "log_active", 0)
    \o UL(x)

(***************************************************************************)
(* vfio-pci programs (notes section 3).                                    *)
(***************************************************************************)
VProg(o) ==
    CASE o = "cfgBar" ->
            PmGet("cfgBar") \o W("cfgBar_bardirty", "bardirty", 1) \o << S("cfgBar_pmPut", "PmPut") >>
      [] o = "cfgReadBar" ->
            PmGet("cfgReadBar")
            \o << JF("cfgReadBar_dirtyTest", "bardirty", 0, "cfgReadBar_pmPut") >>
            \o W("cfgReadBar_bardirty", "bardirty", 0)
            \o << S("cfgReadBar_pmPut", "PmPut") >>
      [] o = "cfgCmd" ->
            PmGet("cfgCmd")
            \o << L("cfgCmd_lockMem", "WriteLock", "memory"),
                  L("cfgCmd_unlockMem", "WriteUnlock", "memory"),
                  JF("cfgCmd_virqTest", "virq_disabled", ARG, "cfgCmd_pmPut") >>
            \o W("cfgCmd_virq", "virq_disabled", ARG)
            \o << S("cfgCmd_pmPut", "PmPut") >>
      [] o = "mmapFault" ->
            << L("mmapFault_lockMemRead", "ReadLock", "memory"),
               JF("mmapFault_engTest", "pm_runtime_engaged", 1, "mmapFault_unlockMemRead"),
               L("mmapFault_unlockMemRead", "ReadUnlock", "memory") >>
      [] o = "lowPowerEntry" ->
            PmGet("lowPowerEntry")
            \o << L("lowPowerEntry_lockMem", "WriteLock", "memory"),
                  JF("lowPowerEntry_engTest", "pm_runtime_engaged", 1, "lowPowerEntry_unlockMem") >>
            \o W("lowPowerEntry_eng", "pm_runtime_engaged", 1)
            \o << J("lowPowerEntry_putNoidle", "PmPutNoidle", ARG, ""),
                  L("lowPowerEntry_unlockMem", "WriteUnlock", "memory"),
                  S("lowPowerEntry_pmPut", "PmPut") >>
      [] o = "lowPowerExit" ->
            PmGet("lowPowerExit")
            \o << L("lowPowerExit_lockMem", "WriteLock", "memory"),
                  JF("lowPowerExit_engTest", "pm_runtime_engaged", 0, "lowPowerExit_unlockMem") >>
            \o W("lowPowerExit_eng", "pm_runtime_engaged", 0)
            \o << S("lowPowerExit_getNoresume", "PmGetNoresume"),
                  L("lowPowerExit_unlockMem", "WriteUnlock", "memory"),
                  S("lowPowerExit_pmPut", "PmPut") >>
      [] o = "close" ->
            << S("close_release", "AwaitUsers") >>
            \o (IF Assume.close_pm = "referenced" THEN PmGet("close_ref") ELSE << >>)
            \o << L("close_lockDevSet", "Lock", "devSet"),
                  L("close_lockMem", "WriteLock", "memory"),
                  JF("close_engTest", "pm_runtime_engaged", 0, "close_unlockMem") >>
            \o W("close_eng", "pm_runtime_engaged", 0)
            \o << S("close_getNoresume", "PmGetNoresume"),
                  L("close_unlockMem", "WriteUnlock", "memory") >>
            \o PmResume("close")
            \o W("close_virq", "virq_disabled", 0)
            \o W("close_nrSet", "needs_reset", 1)
            \o << J("close_resetFn", "JumpIfArg", 0, "close_trTest") >>
            \o W("close_nrClr", "needs_reset", 0)
            \o << JF("close_trTest", "needs_reset", 0, "close_pmPut") >>
            \o PmGet("close_tr")
            \o W("close_trClr", "needs_reset", 0)
            \o << S("close_trPut", "PmPut"),
                  S("close_pmPut", "PmPut") >>
            \o (IF Assume.close_pm = "referenced" THEN << S("close_refPut", "PmPut") >> ELSE << >>)
            \o << S("close_closeFd", "CloseFd"),
                  L("close_unlockDevSet", "Unlock", "devSet") >>
      [] o = "peerClose" ->
            << L("peerClose_lockDevSet", "Lock", "devSet"),
               J("peerClose_openTest", "JumpIfOpen", 0, "peerClose_unlockDevSet") >>
            \o PmGet("peerClose")
            \o W("peerClose_nr", "needs_reset", 0)
            \o << S("peerClose_pmPut", "PmPut"),
                  L("peerClose_unlockDevSet", "Unlock", "devSet") >>
      [] o = "suspend" ->
            << S("suspend_begin", "SuspendBegin"),
               L("suspend_lockMem", "WriteLock", "memory"),
               L("suspend_unlockMem", "WriteUnlock", "memory") >>
            \o W("suspend_intx", "pm_intx_masked", ARG)
            \o << S("suspend_end", "SuspendEnd") >>
      [] o = "resume" ->
            << S("resume_begin", "ResumeBegin") >> \o ResBlock("resume")
      [] o = "sriovEnable" ->
            << L("sriovEnable_lockDevice", "Lock", "device"),
               J("sriovEnable_vfsTest", "JumpIfVfs", 1, "sriovEnable_unlockDevice") >>
            \o PmGet("sriovEnable")
            \o << L("sriovEnable_lockMem", "WriteLock", "memory") >>
            \o W("sriovEnable_sriov", SriovFlag, 1)
            \o << L("sriovEnable_unlockMem", "WriteUnlock", "memory"),
                  J("sriovEnable_enableVfs", "SetVfs", 1, ""),
                  L("sriovEnable_unlockDevice", "Unlock", "device") >>
      [] o = "sriovDisable" ->
            << L("sriovDisable_lockDevice", "Lock", "device"),
               J("sriovDisable_vfsTest", "JumpIfVfs", 0, "sriovDisable_unlockDevice"),
               J("sriovDisable_disableVfs", "SetVfs", 0, ""),
               S("sriovDisable_pmPut", "PmPut") >>
            \o W("sriovDisable_sriov", SriovFlag, 0)
            \o << L("sriovDisable_unlockDevice", "Unlock", "device") >>
      [] o = "probe" ->
            << L("probe_lockDevice", "Lock", "device") >>
            \o PmGet("probe")
            \o W("probe_npr", "needs_pm_restore", ARG)
            \o << S("probe_pmPut", "PmPut"),
                  L("probe_unlockDevice", "Unlock", "device") >>
      [] o = "open" ->
            << L("open_lockDevSet", "Lock", "devSet") >>
            \o PmGet("open")
            \o W("open_rw", "reset_works", 1)
            \o << J("open_intxTest", "JumpIfArg", 1, WL("open_nointx", "nointx")) >>
            \o WThen("open_pci23", "pci_2_3", 1, WL("open_cfgBar", "bardirty"))
            \o W("open_nointx", "nointx", 1)
            \o W("open_cfgBar", "bardirty", 1)
            \o W("open_ecap", "extended_caps", 1)
            \o W("open_dynMsix", "has_dyn_msix", 1)
            \o << J("open_vgaTest", "JumpIfArg", 0, "open_openFd") >>
            \o W("open_vga", "has_vga", 1)
            \o << S("open_openFd", "OpenFd"),
                  L("open_unlockDevSet", "Unlock", "devSet") >>

(***************************************************************************)
(* mlx5 programs (notes section 4).                                        *)
(***************************************************************************)
MProg(o) ==
    CASE o = "startTracker" ->
            << L("startTracker_lockState", "Lock", "state"),
               JF("startTracker_logTest", "log_active", 1, "startTracker_ulLockReset"),
               JF("startTracker_detachTest", "mdev_detach", 1, "startTracker_ulLockReset"),
               [lbl |-> "startTracker_memset", k |-> "Clear", fs |-> {"is_err", "object_changed"}],
               S("startTracker_nbReg", "NbRegister") >>
            \o W("startTracker_log", "log_active", 1)
            \o UL("startTracker")
      [] o = "stopTracker" ->
            << L("stopTracker_lockState", "Lock", "state"),
               JF("stopTracker_logTest", "log_active", 0, "stopTracker_ulLockReset"),
               S("stopTracker_nbUnreg", "NbUnregister") >>
            \o W("stopTracker_log", "log_active", 0)
            \o UL("stopTracker")
      [] o = "readAndClear" ->
            << L("readAndClear_lockState", "Lock", "state"),
               JF("readAndClear_logTest", "log_active", 0, "readAndClear_ulLockReset"),
               JF("readAndClear_errTest", "is_err", 1, "readAndClear_ulLockReset"),
               JF("readAndClear_ocTest", "object_changed", 0, "readAndClear_argTest") >>
            \o W("readAndClear_oc", "object_changed", 0)
            \o << J("readAndClear_argTest", "JumpIfArg", 0, "readAndClear_ulLockReset") >>
            \o W("readAndClear_isErr", "is_err", 1)
            \o UL("readAndClear")
      [] o = "vfEvent" ->
            << J("vfEvent_argTest", "JumpIfArg", 0, "vfEvent_lockState") >>
            \o CloseMig("vfEvent_cm", "vfEvent_lockState")
            \o << L("vfEvent_lockState", "Lock", "state") >>
            \o W("vfEvent_detach", "mdev_detach", ARG)
            \o UL("vfEvent")
      [] o = "close" ->
            << S("close_release", "AwaitUsers") >> \o CloseMig("close", "End")
      [] o = "resetDone" ->
            << JF("resetDone_capTest", "migrate_cap", 0, "End"),
               L("resetDone_lockReset", "Lock", "reset") >>
            \o WP("resetDone_dr", "deferred_reset", 1, TRUE)
            \o << [lbl |-> "resetDone_trylockState", k |-> "TryLock", m |-> "state",
                   to |-> "resetDone_failUnlockReset"],
                  L("resetDone_unlockReset", "Unlock", "reset") >>
            \o ULEnd("resetDone")
            \o << L("resetDone_failUnlockReset", "Unlock", "reset") >>
      [] o = "eqError" ->
            << S("eqError_enter", "NbEnter") >> \o W("eqError_isErr", "is_err", 1)
            \o << S("eqError_exit", "NbExit") >>
      [] o = "objChange" ->
            << S("objChange_enter", "NbEnter") >> \o W("objChange_oc", "object_changed", 1)
            \o << S("objChange_exit", "NbExit") >>
      [] o = "probe" ->
            W("probe_mc", "migrate_cap", 1) \o W("probe_chunk", "chunk_mode", 1)
            \o W("probe_msc", "mig_state_cap", 1)

(***************************************************************************)
(* Writers added from a file (racetrace.flags.WritersFile): op o stores    *)
(* Extra[o].f under the row's locks, framed as a syscall (a runtime-PM     *)
(* reference when pm) or an event (the notifier's entry and exit). Mirrors *)
(* FlagsDefinition.extraProgram.                                           *)
(***************************************************************************)
XLock(o, l) == L(o \o "_lock_" \o l, IF l = "memory" THEN "WriteLock" ELSE "Lock", l)
XUnlock(o, l) ==
    IF Family = "mlx5" /\ l = "state" THEN UL(o)
    ELSE << L(o \o "_unlock_" \o l, IF l = "memory" THEN "WriteUnlock" ELSE "Unlock", l) >>
RECURSIVE XLocks(_, _)
XLocks(o, ls) == IF ls = <<>> THEN <<>> ELSE << XLock(o, Head(ls)) >> \o XLocks(o, Tail(ls))
RECURSIVE XUnlocks(_, _)
XUnlocks(o, ls) ==
    IF ls = <<>> THEN <<>> ELSE XUnlock(o, ls[Len(ls)]) \o XUnlocks(o, SubSeq(ls, 1, Len(ls) - 1))
XProg(o) ==
    LET x == Extra[o] IN
    (IF x.pm THEN PmGet(o) ELSE <<>>)
    \o (IF x.frame = "event" THEN << S(o \o "_enter", "NbEnter") >> ELSE <<>>)
    \o XLocks(o, x.locks) \o W(o, x.f, x.v) \o XUnlocks(o, x.locks)
    \o (IF x.frame = "event" THEN << S(o \o "_exit", "NbExit") >> ELSE <<>>)
    \o (IF x.pm THEN << S(o \o "_pmPut", "PmPut") >> ELSE <<>>)

Prog(o) == IF o \in DOMAIN Extra THEN XProg(o) ELSE IF Family = "vfio-pci" THEN VProg(o) ELSE MProg(o)

(***************************************************************************)
(* The interpreter.                                                        *)
(***************************************************************************)
Pos(p, l) == CHOOSE i \in 1..Len(p) : p[i].lbl = l
NxAt(p, i) == IF "nx" \in DOMAIN p[i] THEN p[i].nx ELSE IF i < Len(p) THEN p[i + 1].lbl ELSE "End"
\* the label after the step labelled l
After(p, l) == NxAt(p, Pos(p, l))

(***************************************************************************)
(* Which ops a thread runs (the Plan): its script, or at each op's end a   *)
(* choice of its next op or Done. The step that ends an op clears the      *)
(* thread's register and begins its next op in the same step.              *)
(***************************************************************************)
None == [op |-> "none", arg |-> 0]
Range(s) == {s[i] : i \in 1..Len(s)}
Scripted(t) == "script" \in DOMAIN Plan[t]
MinOps(t) == IF Scripted(t) THEN Len(Plan[t].script) ELSE Plan[t].min
\* The ops thread t may begin after n ops, and whether it may be Done after n (0: absent).
Choices(t, n) ==
    IF Scripted(t) THEN (IF n < Len(Plan[t].script) THEN {Plan[t].script[n + 1]} ELSE {})
    ELSE IF n < Plan[t].max THEN Plan[t].ops ELSE {}
MayStop(t, n) == n >= MinOps(t) \/ (n = 0 /\ ~Scripted(t) /\ Plan[t].optional)
Max(x, y) == IF x > y THEN x ELSE y
\* The ops each present thread has begun or still must run: what Caps.ops bounds.
RECURSIVE SumTo(_, _)
SumTo(f(_), k) == IF k = 0 THEN 0 ELSE f(k) + SumTo(f, k - 1)
Reserved == LET r(u) == IF opIdx[u] > 0 THEN Max(opIdx[u], MinOps(u)) ELSE 0 IN SumTo(r, Len(Actors))
NextChoices(t) == IF opIdx[t] < MinOps(t) \/ Reserved < Caps.ops THEN Choices(t, opIdx[t]) ELSE {}
\* After a step that ends t's op: each next op it may begin, or Done.
Ends(t) == {[pc |-> Prog(o.op)[1].lbl, opIdx |-> opIdx[t] + 1, cur |-> o] : o \in NextChoices(t)}
           \cup (IF MayStop(t, opIdx[t]) \/ NextChoices(t) = {} THEN {[pc |-> "Done", opIdx |-> opIdx[t], cur |-> None]}
                 ELSE {})

\* Continue at label l of the current op with register r; "End" ends the op (register cleared).
Goto(t, l, r) ==
    IF l = "End"
    THEN \E e \in Ends(t) :
            /\ opIdx' = [opIdx EXCEPT ![t] = e.opIdx]
            /\ pc' = [pc EXCEPT ![t] = e.pc]
            /\ cur' = [cur EXCEPT ![t] = e.cur]
            /\ reg' = [r EXCEPT ![t] = {}]
    ELSE /\ pc' = [pc EXCEPT ![t] = l]
         /\ reg' = r
         /\ UNCHANGED <<opIdx, cur>>

Val(ins, a) == IF ins.v = ARG THEN a ELSE ins.v
With(s, f, b) == IF b THEN s \cup {f} ELSE s \ {f}

\* The variable groups a step may leave unchanged.
lockVars == <<owner, readers>>
pmVars == <<usage, rpm, wake>>
devVars == <<open, vfs, nb, rcu, resetPending>>

Exec(t, ins, nx, a, p) ==
    CASE ins.k = "Load" ->
            /\ Goto(t, nx, [reg EXCEPT ![t] = UNION {mem[u] : u \in ins.acc}])
            /\ UNCHANGED <<mem, ghost, lost, lockVars, pmVars, devVars>>
      [] ins.k = "Modify" ->
            /\ Goto(t, nx, [reg EXCEPT ![t] = With(reg[t], ins.f, Val(ins, a) = 1)])
            /\ UNCHANGED <<mem, ghost, lost, lockVars, pmVars, devVars>>
      [] ins.k = "Store" ->
            \* every unit reached gets reg's copy of its fields; another field is lost to this
            \* store when the store changes its bit to a value that is not its last write
            /\ mem' = [u \in 1..NUnits |-> IF u \in ins.acc THEN {h \in reg[t] : UnitOf[h] = u} ELSE mem[u]]
            /\ ghost' = [ghost EXCEPT ![ins.f] = (Val(ins, a) = 1)]
            /\ lost' = lost \cup {[victim |-> h, by |-> ins.f] :
                                     h \in {x \in FieldSet : UnitOf[x] \in ins.acc /\ x # ins.f
                                                            /\ (x \in reg[t]) # ghost[x]
                                                            /\ (x \in reg[t]) # (x \in mem[UnitOf[x]])}}
            /\ resetPending' = (resetPending \/ ins.pend)
            /\ Goto(t, nx, reg) /\ UNCHANGED <<lockVars, pmVars, open, vfs, nb, rcu>>
      [] ins.k = "StorePlain" ->
            /\ mem' = [mem EXCEPT ![UnitOf[ins.f]] = IF Val(ins, a) = 1 THEN {ins.f} ELSE {}]
            /\ ghost' = [ghost EXCEPT ![ins.f] = (Val(ins, a) = 1)]
            /\ resetPending' = (resetPending \/ ins.pend)
            /\ Goto(t, nx, reg) /\ UNCHANGED <<lost, lockVars, pmVars, open, vfs, nb, rcu>>
      [] ins.k = "JumpIf" ->
            /\ Goto(t, IF (ins.f \in mem[UnitOf[ins.f]]) = (Val(ins, a) = 1) THEN ins.to ELSE nx, reg)
            /\ UNCHANGED <<mem, ghost, lost, lockVars, pmVars, devVars>>
      [] ins.k = "Clear" ->
            /\ mem' = [u \in 1..NUnits |-> mem[u] \ ins.fs]
            /\ ghost' = [f \in FieldSet |-> IF f \in ins.fs THEN FALSE ELSE ghost[f]]
            /\ Goto(t, nx, reg) /\ UNCHANGED <<lost, lockVars, pmVars, devVars>>
      [] ins.k = "Lock" ->
            /\ owner[ins.m] = 0
            /\ owner' = [owner EXCEPT ![ins.m] = t]
            /\ Goto(t, nx, reg) /\ UNCHANGED <<mem, ghost, lost, readers, pmVars, devVars>>
      [] ins.k \in {"Unlock", "WriteUnlock"} ->
            /\ owner' = [owner EXCEPT ![ins.m] = 0]
            /\ Goto(t, nx, reg) /\ UNCHANGED <<mem, ghost, lost, readers, pmVars, devVars>>
      [] ins.k = "TryLock" ->
            /\ IF owner[ins.m] = 0
               THEN owner' = [owner EXCEPT ![ins.m] = t] /\ Goto(t, nx, reg)
               ELSE UNCHANGED owner /\ Goto(t, ins.to, reg)
            /\ UNCHANGED <<mem, ghost, lost, readers, pmVars, devVars>>
      [] ins.k = "ReadLock" ->
            /\ owner[ins.m] = 0
            /\ readers' = readers \cup {t}
            /\ Goto(t, nx, reg) /\ UNCHANGED <<mem, ghost, lost, owner, pmVars, devVars>>
      [] ins.k = "ReadUnlock" ->
            /\ readers' = readers \ {t}
            /\ Goto(t, nx, reg) /\ UNCHANGED <<mem, ghost, lost, owner, pmVars, devVars>>
      [] ins.k = "WriteLock" ->
            /\ owner[ins.m] = 0 /\ readers = {}
            /\ owner' = [owner EXCEPT ![ins.m] = t]
            /\ Goto(t, nx, reg) /\ UNCHANGED <<mem, ghost, lost, readers, pmVars, devVars>>
      [] ins.k \in {"PmGet", "PmResume"} ->
            /\ rpm \notin {"suspending", "resuming"}
            /\ usage' = IF ins.k = "PmGet" THEN usage + 1 ELSE usage
            /\ IF rpm = "suspended"
               THEN rpm' = "resuming" /\ Goto(t, nx, reg)
               ELSE UNCHANGED rpm /\ Goto(t, After(p, ins.to), reg)
            /\ UNCHANGED <<mem, ghost, lost, lockVars, wake, devVars>>
      [] ins.k = "PmPut" ->
            /\ usage' = usage - 1
            /\ Goto(t, nx, reg) /\ UNCHANGED <<mem, ghost, lost, lockVars, rpm, wake, devVars>>
      [] ins.k = "PmGetNoresume" ->
            /\ usage' = usage + 1 /\ wake' = FALSE
            /\ Goto(t, nx, reg) /\ UNCHANGED <<mem, ghost, lost, lockVars, rpm, devVars>>
      [] ins.k = "PmPutNoidle" ->
            /\ usage' = usage - 1 /\ wake' = (Val(ins, a) = 1)
            /\ Goto(t, nx, reg) /\ UNCHANGED <<mem, ghost, lost, lockVars, rpm, devVars>>
      [] ins.k = "JumpIfNoWake" ->
            /\ Goto(t, IF ~wake THEN ins.to ELSE nx, reg)
            /\ UNCHANGED <<mem, ghost, lost, lockVars, pmVars, devVars>>
      [] ins.k = "SuspendBegin" ->
            /\ IF usage = 0 /\ rpm = "active"
               THEN rpm' = "suspending" /\ Goto(t, nx, reg)
               ELSE UNCHANGED rpm /\ Goto(t, "End", reg)
            /\ UNCHANGED <<mem, ghost, lost, lockVars, usage, wake, devVars>>
      [] ins.k = "SuspendEnd" ->
            /\ rpm' = "suspended"
            /\ Goto(t, nx, reg) /\ UNCHANGED <<mem, ghost, lost, lockVars, usage, wake, devVars>>
      [] ins.k = "ResumeBegin" ->
            /\ IF rpm = "suspended"
               THEN rpm' = "resuming" /\ Goto(t, nx, reg)
               ELSE UNCHANGED rpm /\ Goto(t, "End", reg)
            /\ UNCHANGED <<mem, ghost, lost, lockVars, usage, wake, devVars>>
      [] ins.k = "ResumeEnd" ->
            /\ rpm' = "active"
            /\ Goto(t, nx, reg) /\ UNCHANGED <<mem, ghost, lost, lockVars, usage, wake, devVars>>
      [] ins.k = "AwaitUsers" ->
            /\ \A u \in Threads : Actors[u] = "user" => pc[u] = "Done"
            /\ Goto(t, nx, reg) /\ UNCHANGED <<mem, ghost, lost, lockVars, pmVars, devVars>>
      [] ins.k = "JumpIfOpen" ->
            /\ Goto(t, IF open > 0 THEN ins.to ELSE nx, reg)
            /\ UNCHANGED <<mem, ghost, lost, lockVars, pmVars, devVars>>
      [] ins.k = "CloseFd" ->
            /\ open' = 0
            /\ Goto(t, nx, reg) /\ UNCHANGED <<mem, ghost, lost, lockVars, pmVars, vfs, nb, rcu, resetPending>>
      [] ins.k = "OpenFd" ->
            /\ open' = 1
            /\ Goto(t, nx, reg) /\ UNCHANGED <<mem, ghost, lost, lockVars, pmVars, vfs, nb, rcu, resetPending>>
      [] ins.k = "JumpIfVfs" ->
            /\ Goto(t, IF vfs = (Val(ins, a) = 1) THEN ins.to ELSE nx, reg)
            /\ UNCHANGED <<mem, ghost, lost, lockVars, pmVars, devVars>>
      [] ins.k = "SetVfs" ->
            /\ vfs' = (Val(ins, a) = 1)
            /\ Goto(t, nx, reg) /\ UNCHANGED <<mem, ghost, lost, lockVars, pmVars, open, nb, rcu, resetPending>>
      [] ins.k = "NbRegister" ->
            /\ nb' = TRUE
            /\ Goto(t, nx, reg) /\ UNCHANGED <<mem, ghost, lost, lockVars, pmVars, open, vfs, rcu, resetPending>>
      [] ins.k = "NbUnregister" ->
            /\ rcu = 0
            /\ nb' = FALSE
            /\ Goto(t, nx, reg) /\ UNCHANGED <<mem, ghost, lost, lockVars, pmVars, open, vfs, rcu, resetPending>>
      [] ins.k = "NbEnter" ->
            /\ IF nb
               THEN rcu' = rcu + 1 /\ Goto(t, nx, reg)
               ELSE UNCHANGED rcu /\ Goto(t, "End", reg)
            /\ UNCHANGED <<mem, ghost, lost, lockVars, pmVars, open, vfs, nb, resetPending>>
      [] ins.k = "NbExit" ->
            /\ rcu' = rcu - 1
            /\ Goto(t, nx, reg) /\ UNCHANGED <<mem, ghost, lost, lockVars, pmVars, open, vfs, nb, resetPending>>
      [] ins.k = "Cleanup" ->
            /\ resetPending' = FALSE
            /\ Goto(t, nx, reg) /\ UNCHANGED <<mem, ghost, lost, lockVars, pmVars, open, vfs, nb, rcu>>
      [] ins.k = "JumpIfArg" ->
            /\ Goto(t, IF a = ins.v THEN ins.to ELSE nx, reg)
            /\ UNCHANGED <<mem, ghost, lost, lockVars, pmVars, devVars>>

\* Thread t takes its next step (the action a trace checker constrains Next to).
Step(t) ==
    /\ pc[t] # "Done"
    /\ LET o == cur[t]
           p == Prog(o.op)
           i == Pos(p, pc[t])
       IN Exec(t, p[i], NxAt(p, i), o.arg, p)

(***************************************************************************)
(* Start state: the Java FlagsDefinition.start for each phase.             *)
(***************************************************************************)
InitTrue ==
    IF Family = "vfio-pci"
    THEN CASE Phase = 0 -> {"bardirty"}
           [] Phase = 1 -> {"bardirty", "pm_runtime_engaged"}
           [] OTHER -> {}
    ELSE CASE Phase = 0 -> {"migrate_cap", "chunk_mode", "mig_state_cap"}
           [] Phase = 1 -> {"migrate_cap", "chunk_mode", "mig_state_cap", "log_active"}
           [] OTHER -> {}

\* The first op of each thread, or None (absent): the functions f on 1..k with f[t] a choice of t.
FirstChoices(t) == Choices(t, 0) \cup (IF MayStop(t, 0) THEN {None} ELSE {})
RECURSIVE Firsts(_)
Firsts(k) == IF k = 0 THEN {<<>>} ELSE {Append(f, c) : f \in Firsts(k - 1), c \in FirstChoices(k)}

Init ==
    /\ mem = [u \in 1..NUnits |-> {f \in InitTrue \cap FieldSet : UnitOf[f] = u}]
    /\ ghost = [f \in FieldSet |-> f \in InitTrue]
    /\ lost = {}
    /\ reg = [t \in Threads |-> {}]
    \* each thread begins its first op, or starts Done (absent) where its plan allows
    /\ \E f \in Firsts(Len(Actors)) :
        LET present == {t \in Threads : f[t] /= None}
            reserve(t) == IF f[t] = None THEN 0 ELSE Max(1, MinOps(t))
        IN \* a scenario's plan has one start state; a scope's leaves out the empty one and those past the caps
           /\ \/ \A t \in Threads : Scripted(t)
              \/ present /= {} /\ Cardinality(present) <= Caps.threads /\ SumTo(reserve, Len(Actors)) <= Caps.ops
           /\ pc = [t \in Threads |-> IF f[t] = None THEN "Done" ELSE Prog(f[t].op)[1].lbl]
           /\ opIdx = [t \in Threads |-> IF f[t] = None THEN 0 ELSE 1]
           /\ cur = f
    /\ owner = [l \in LockNames |-> 0]
    /\ readers = {}
    /\ usage = IF Family = "vfio-pci" /\ Phase = 0 THEN 1 ELSE 0
    /\ rpm = "active"
    /\ wake = (Family = "vfio-pci" /\ Phase = 1)
    /\ open = IF Phase \in {0, 1} THEN 1 ELSE 0
    /\ vfs = FALSE
    /\ nb = (Family = "mlx5" /\ Phase = 1)
    /\ rcu = 0
    /\ resetPending = FALSE

AllDone == \A t \in Threads : pc[t] = "Done"

\* Stutter once every thread is done, so that only a real deadlock is one.
Terminated == AllDone /\ UNCHANGED vars

Next == (\E t \in Threads : Step(t)) \/ Terminated

Spec == Init /\ [][Next]_vars

(***************************************************************************)
(* Invariants (same names as the Java model's).                            *)
(***************************************************************************)
NoLostUpdate == \A f \in FieldSet : (f \in mem[UnitOf[f]]) = ghost[f]

ResetCleanupRuns == AllDone => ~resetPending

\* No store of one field of Pair wrote back a stale copy of the other (true when Pair = {}).
NoLostUpdateBetween == \A l \in lost : {l.victim, l.by} # Pair

=============================================================================
