------------------------------- MODULE XenFifo -------------------------------
(***************************************************************************)
(* Xen FIFO event channels, as described in the research notes            *)
(* (docs/research/xen-evtchn-fifo.md): evtchn_fifo_set_pending in each     *)
(* version of section 2 (the constant Version), Xen's unmask, set_priority *)
(* and bind_vcpu (1.8) under the locks their callers hold in an era (1.7,  *)
(* the constant Callers), the Linux upcall loop (1.5) and guest unmask     *)
(* (1.6), and a guest that scribbles on event words.                       *)
(*                                                                         *)
(* Threads run ops. pc[t] is the label of t's next step; a step is one    *)
(* atomic memory access or lock operation, labelled as in the notes        *)
(* (D6_tasLinked is step D6) and as in the Java model racetrace.xen, whose *)
(* states are this module's states. Step(t) looks the label up; steps that *)
(* differ only in their label are one action with parameters, and a step   *)
(* that always goes on to the same label finds it in the table Succ.       *)
(*                                                                         *)
(* Which ops a thread runs is the constant Plan: a fixed script (one       *)
(* scenario), or a choice from the thread's Alphabet at each op boundary   *)
(* (a scope: one model for all its scenarios). The step that ends an op    *)
(* clears the thread's registers and begins its next op, or leaves it      *)
(* Done; Init begins each thread's first op the same way.                  *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets, TLC

CONSTANTS
    Version,     \* "a0", "a", "b", "c", "fix1", "d", "d1", "e1" or "e2" (notes section 2; fix1: the seed mail's)
    Callers,     \* "2013", "2015", "2020-09", "2020-10", "2020-11" or "none": whose locks callers hold
    NV, NK, NP,  \* vCPUs 0..NV-1, priorities 0..NK-1 (0 is the highest), ports 1..NP
    Masked,      \* ports 1..Masked start MASKED
    OldTail,     \* 1: port 1 starts as the consumed old tail of queue <<0, NK-1>>
    UnmaskForm,  \* guest unmask: 0 the original (U1..U3), 1 clear_masked_cond (XSA-332)
    Raise,       \* how a Xen CPU raises an event on the ports: "send", "ipi", "virq" or "pirq"
    Actor,       \* Actor[t] \in {"xen-cpu", "guest", "guest-unmask", "guest-rogue"}
    Plan,        \* Plan[t]: [script |-> <<op, ...>>] a fixed script, or [ops |-> a subset of
                 \* Alphabet(Actor[t]), min |-> m, max |-> n, optional |-> b]: m..n ops chosen
                 \* from ops (b: the thread may also be absent); an op is [op |-> name,
                 \* a |-> first argument, b |-> second argument]
    Caps         \* [threads |-> most threads present, ops |-> most ops in all]

\* Shared: word[p] the event word of port p (guest memory); prio, nv, lastv, lastp Xen's
\* struct evtchn of p; per queue q = <<v, k>>: tail[v][k] and owner[v][k] (Xen's tail and the
\* lock holder, 0 if free), head[v][k] (HEAD in the control block); ready[v] the READY bits (a
\* set of priorities); lhead and lready the guest's private copies; locks, the holders of the
\* callers' locks and of fix 1's per-event locks; two ghosts: dropped, the ports a designed
\* give-up dropped, and owed, the ports with an event raised and not delivered since. Per thread
\* t, its registers: pc, the ops begun opi, the op's port, the op's name op and second argument opb,
\* the queue <<vc, kq>>, the old queue <<lv, lp>> and its re-read <<lv2, lp2>>, tmp, wasP, set
\* _link's result linked, tries, set_link's tail tl, snapshot ws and failures nfail, and the
\* guest's current port cur and the LINK nxt it dequeued.
VARIABLES
    word, prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, locks, dropped, owed,
    pc, opi, port, op, opb, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt

vars == <<word, prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, locks, dropped, owed,
          pc, opi, port, op, opb, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

Threads == 1..Len(Actor)
Ports == 1..NP
Vcpus == 0..(NV - 1)
Prios == 0..(NK - 1)
Queues == Vcpus \X Prios

\* R stands for the unused bits 27..17, which only a misbehaving guest writes
Word == [P : BOOLEAN, M : BOOLEAN, L : BOOLEAN, B : BOOLEAN, R : BOOLEAN, LINK : 0..NP]
Zero == [P |-> FALSE, M |-> FALSE, L |-> FALSE, B |-> FALSE, R |-> FALSE, LINK |-> 0]
\* Port 0 is never bound and never LINKED: reading word 0 (set_link on tail 0 in a0) gives Zero.
W(x) == IF x = 0 THEN Zero ELSE word[x]
LinkTo(w, x) == [w EXCEPT !.B = FALSE, !.LINK = x]
Min(S) == CHOOSE x \in S : \A y \in S : x <= y
Range(s) == {s[i] : i \in 1..Len(s)}

(***************************************************************************)
(* The step labels (the actions), and the straight-line successors        *)
(***************************************************************************)
Labels == {
    "XL_lockCaller", "XL_unlockCaller", "F1_lockEvent", "F1_unlockEvent", "X0_readNv", "XU1_clearMasked", "XU2_testPending", "XP_writePrio", "XB_writeNv",
    "A2_readPrio", "A3_tasPending", "A4_testMasked", "A5_tasLinked", "A6_lockQ", "A7_readTail",
    "A8_writeHead", "A9_writeTail", "A10_unlockQ", "A11_tasReady",
    "SL1_readTail", "SL3_cas", "S1_readTail", "S3_cas", "S4_setBusy", "S5_readTail", "S6_cas",
    "S6_clearBusy", "S7_clearBusy",
    "B1_tasPending", "B2_testMasked", "B3_testLinked", "B4_readPrio", "B5_readLastv", "B6_readLastp",
    "B7_lockOldQ", "B8_setLinked", "B9_invalidateTail", "B10a_readNv", "B10a_writeLastv", "B10b_readPrio",
    "B10b_writeLastp", "B10c_unlockOldQ", "B10d_lockQ", "B11_readTail", "B12_writeHead", "B13_writeTail",
    "B14_unlockQ", "B15_tasReady",
    "L1_readLastv", "L2_readLastp", "L1_readLastq", "L3_lockOldQ", "L4_rereadLastv", "L5_rereadLastp",
    "L7_unlockOldQ", "C8_tasLinked", "C8_unlockOldQ",
    "D1_tasPending", "D2_testMasked", "D3_testLinked", "D4_readPrio", "D6_tasLinked", "D6_unlockOldQ",
    "D7_invalidateTail", "D8a_readNv", "D8a_writeLastv", "D8b_readPrio", "D8b_writeLastp", "D8_writeLastq",
    "D8c_unlockOldQ", "D8d_lockQ", "D9_readTail", "D10_writeHead", "D11_writeTail", "D12_unlockQ",
    "D13_tasReady",
    "E1a_readLastq", "E1b_readPrio", "E1c_lockQ", "E1c_lockFirst", "E1c_lockSecond", "E1d_rereadLastq",
    "E1d_rereadPrio", "E1f_unlockOldQ", "E1f_unlockQ", "E4_tasPending", "E5_testMasked", "E5_tasLinked",
    "E5a_invalidateTail", "E5b_writeLastq", "E5b_unlockOldQ", "E5c_readTail", "E5d_writeHead",
    "E5e_writeTail", "E6_unlockOldQ", "E6_unlockQ", "E7_tasReady",
    "G0_xchgReady", "G4_readHead", "G5_clearLinked", "G7_testPending", "G7_testMasked", "G7_ackPending",
    "G9_xchgReady", "U0_setMasked", "U1_clearMasked", "U2_testPending", "U1c_clearMaskedCond",
    "R1_scribble"}

Succ == [
    F1_lockEvent |-> "B1_tasPending", XU1_clearMasked |-> "XU2_testPending", A2_readPrio |-> "A3_tasPending", A3_tasPending |-> "A4_testMasked",
    A6_lockQ |-> "A7_readTail", A8_writeHead |-> "A9_writeTail", A9_writeTail |-> "A10_unlockQ",
    S4_setBusy |-> "S5_readTail",
    B1_tasPending |-> "B2_testMasked", B5_readLastv |-> "B6_readLastp", B6_readLastp |-> "B7_lockOldQ",
    B7_lockOldQ |-> "B9_invalidateTail", B10a_readNv |-> "B10a_writeLastv",
    B10a_writeLastv |-> "B10b_readPrio", B10b_readPrio |-> "B10b_writeLastp",
    B10b_writeLastp |-> "B10c_unlockOldQ", B10c_unlockOldQ |-> "B10d_lockQ", B10d_lockQ |-> "B11_readTail",
    B12_writeHead |-> "B13_writeTail", B13_writeTail |-> "B14_unlockQ",
    L1_readLastv |-> "L2_readLastp", L2_readLastp |-> "L3_lockOldQ", L1_readLastq |-> "L3_lockOldQ",
    L4_rereadLastv |-> "L5_rereadLastp",
    D1_tasPending |-> "D2_testMasked", D8a_readNv |-> "D8a_writeLastv", D8b_readPrio |-> "D8b_writeLastp",
    D8b_writeLastp |-> "D8c_unlockOldQ", D8_writeLastq |-> "D8c_unlockOldQ", D8c_unlockOldQ |-> "D8d_lockQ",
    D8d_lockQ |-> "D9_readTail", D10_writeHead |-> "D11_writeTail", D11_writeTail |-> "D12_unlockQ",
    E1a_readLastq |-> "E1b_readPrio", E1c_lockQ |-> "E1d_rereadLastq", E1c_lockFirst |-> "E1c_lockSecond",
    E1c_lockSecond |-> "E1d_rereadLastq", E1d_rereadLastq |-> "E1d_rereadPrio",
    E1f_unlockOldQ |-> "E1f_unlockQ", E4_tasPending |-> "E5_testMasked", E5b_writeLastq |-> "E5b_unlockOldQ",
    E5b_unlockOldQ |-> "E5c_readTail", E5d_writeHead |-> "E5e_writeTail", E6_unlockOldQ |-> "E6_unlockQ",
    G4_readHead |-> "G5_clearLinked", G5_clearLinked |-> "G7_testPending", U1_clearMasked |-> "U2_testPending"]

(***************************************************************************)
(* The callers' locks (notes 1.7): <<kind, port>>. dom: the guest domain's *)
(* event_lock; virq: vCPU 0's virq_lock (a global VIRQ); remote[p]: what   *)
(* the sender of interdomain port p holds (its own domain's event_lock in  *)
(* 2013, its own channel's lock later; every port's peer in a domain of    *)
(* its own); chn[p]: port p's channel lock. In 2020-11 remote and chn are  *)
(* rwlocks taken for reading, and nothing here takes them for writing.     *)
(***************************************************************************)
XenOps == {"send", "ipi", "virq", "pirq", "unmask", "setPriority", "bindVcpu"}
Raises == {"send", "ipi", "virq", "pirq"}
\* The Xen ops the real code accepts on ports bound as Raise binds them (racetrace.xen.Legality,
\* read in event_channel.c at 88910061, de6acb78, e045199c, b76c3a1b, 5f2df45e): evtchn_bind_vcpu
\* has no case for an IPI port (default: -EINVAL), in every era.
LegalXenOps == IF Raise = "ipi" THEN XenOps \ {"bindVcpu"} ELSE XenOps
CallerLock(o, p) ==
    LET dom == <<"dom", 0>>  virq == <<"virq", 0>>  remote == <<"remote", p>>  chn == <<"chn", p>> IN
    CASE o \notin XenOps \/ Callers = "none" -> <<>>
      [] o = "send" -> remote
      [] Callers = "2013" -> CASE o = "virq" -> virq [] o = "pirq" -> <<>> [] OTHER -> dom
      [] Callers = "2015" -> CASE o = "ipi" -> chn [] o = "virq" -> virq [] o \in {"pirq", "unmask"} -> <<>>
                                [] OTHER -> dom
      [] OTHER -> IF o = "bindVcpu" \/ (o = "setPriority" /\ Callers = "2020-09") THEN dom ELSE chn
ReadLock(l) == Callers = "2020-11" /\ l[1] \in {"remote", "chn"}
Holders(l) == IF l[1] \in {"dom", "virq"} THEN locks[l[1]] ELSE locks[l[1]][l[2]]
WithHolders(l, h) == IF l[1] \in {"dom", "virq"} THEN [locks EXCEPT ![l[1]] = h] ELSE [locks EXCEPT ![l[1]][l[2]] = h]

(***************************************************************************)
(* The ops (notes 1.5 to 1.8) and how a thread gets them (the Plan)       *)
(***************************************************************************)
\* What each actor may do, simplest first in the Java XenSpace: a Xen CPU raises a port (through
\* its binding's caller, Raise), makes the unmask hypercall, sets a priority, binds a vCPU (the
\* last two only where there is a choice); a guest consumes its queues; the guest unmasks or
\* masks; a rogue guest scribbles on a word.
Op(o, a, b) == [op |-> o, a |-> a, b |-> b]
Alphabet(x) ==
    CASE x = "xen-cpu" ->
            {Op(Raise, p, 0) : p \in Ports} \cup {Op("unmask", p, 0) : p \in Ports}
            \cup (IF NK > 1 THEN {Op("setPriority", p, k) : p \in Ports, k \in Prios} ELSE {})
            \cup (IF NV > 1 /\ "bindVcpu" \in LegalXenOps THEN {Op("bindVcpu", p, v) : p \in Ports, v \in Vcpus}
                  ELSE {})
      [] x = "guest" -> {Op("upcall", 0, 0)}
      [] x = "guest-unmask" -> {Op("unmask", p, 0) : p \in Ports} \cup {Op("mask", p, 0) : p \in Ports}
      [] x = "guest-rogue" -> {Op("scribble", p, 0) : p \in Ports}
\* The ops a thread's Plan may give it.
PlanOps(t) == IF "script" \in DOMAIN Plan[t] THEN Range(Plan[t].script) ELSE Plan[t].ops
ASSUME \A t \in 1..Len(Actor) : PlanOps(t) \subseteq Alphabet(Actor[t])
ASSUME \A t \in 1..Len(Actor) : Actor[t] = "xen-cpu" => \A o \in PlanOps(t) : o.op \in LegalXenOps

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
Reserved == LET r(u) == IF opi[u] > 0 THEN Max(opi[u], MinOps(u)) ELSE 0 IN SumTo(r, Len(Actor))
NextChoices(t) == IF opi[t] < MinOps(t) \/ Reserved < Caps.ops THEN Choices(t, opi[t]) ELSE {}

OpName(t) == op[t]
OpB(t) == opb[t]
GuestV(t) == Cardinality({s \in 1..(t - 1) : Actor[s] = "guest"})
GuestOf(v) == IF \E t \in Threads : Actor[t] = "guest" /\ GuestV(t) = v
              THEN CHOOSE t \in Threads : Actor[t] = "guest" /\ GuestV(t) = v ELSE 0
\* The first step of op o, after its caller's lock.
FirstStep(t, o) ==
    CASE o \in Raises \cup {"unmask"} /\ Actor[t] = "xen-cpu" -> "X0_readNv"
      [] o = "setPriority" -> "XP_writePrio"
      [] o = "bindVcpu" -> "XB_writeNv"
      [] o = "upcall" -> "G0_xchgReady"
      [] o = "mask" -> "U0_setMasked"
      [] o = "scribble" -> "R1_scribble"
      [] OTHER -> IF UnmaskForm = 0 THEN "U1_clearMasked" ELSE "U1c_clearMaskedCond"
StartPc(t, o) ==
    IF Actor[t] = "xen-cpu" /\ CallerLock(o.op, o.a) /= <<>> THEN "XL_lockCaller" ELSE FirstStep(t, o.op)
\* A done thread's registers: all cleared but opi. Begin(t, o): its next op o is current.
Fresh == [pc |-> "Done", port |-> 0, op |-> "none", opb |-> 0, vc |-> 0, kq |-> 0, lv |-> 0, lp |-> 0, lv2 |-> 0,
          lp2 |-> 0, tmp |-> 0, wasP |-> FALSE, linked |-> FALSE, tries |-> 0, tl |-> 0, ws |-> Zero, nfail |-> 0,
          cur |-> 0, nxt |-> 0]
Begin(t, o) == [Fresh EXCEPT !.pc = StartPc(t, o), !.port = o.a, !.op = o.op, !.opb = o.b] @@ [opi |-> opi[t] + 1]
\* The registers after a step that ends t's op: each next op it may begin, or Done.
Ends(t) == {Begin(t, o) : o \in NextChoices(t)}
           \cup (IF MayStop(t, opi[t]) \/ NextChoices(t) = {} THEN {Fresh} ELSE {})
\* A guest idle at G0 with READY empty has nothing to do: finished, not deadlocked.
Finished(t) == pc[t] = "Done" \/ (pc[t] = "G0_xchgReady" /\ ready[GuestV(t)] = {})

Q(t) == <<vc[t], kq[t]>>
OQ(t) == <<lv[t], lp[t]>>
Own(q) == owner[q[1]][q[2]]
TailOf(q) == tail[q[1]][q[2]]
Ix(q) == q[1] * NK + q[2]   \* e2 takes the lower queue's lock first
Lower(t) == IF Ix(Q(t)) < Ix(OQ(t)) THEN Q(t) ELSE OQ(t)
Upper(t) == IF Ix(Q(t)) < Ix(OQ(t)) THEN OQ(t) ELSE Q(t)

SPStart == CASE Version \in {"a0", "a"} -> "A2_readPrio"
             [] Version \in {"b", "c"} -> "B1_tasPending"
             [] Version = "fix1" -> "F1_lockEvent"
             [] Version \in {"d", "d1", "e1"} -> "D1_tasPending"
             [] OTHER -> "E1a_readLastq"
SLStart == IF Version = "a0" THEN "SL1_readTail" ELSE "S1_readTail"
AfterSetLink(lk) ==
    CASE Version \in {"a0", "a"} -> IF lk THEN "A9_writeTail" ELSE "A8_writeHead"
      [] Version \in {"b", "c", "fix1"} -> IF lk THEN "B13_writeTail" ELSE "B12_writeHead"
      [] Version \in {"d", "d1", "e1"} -> IF lk THEN "D11_writeTail" ELSE "D10_writeHead"
      [] OTHER -> IF lk THEN "E5e_writeTail" ELSE "E5d_writeHead"
AfterReadPrio == CASE Version \in {"b", "fix1"} -> "B5_readLastv"
                   [] Version \in {"c", "d", "d1"} -> "L1_readLastv"
                   [] OTHER -> "L1_readLastq"
\* d, d1, e1: where the new last queue is written when the port moved to another queue
D8Start == CASE Version = "d" -> "D8a_readNv" [] Version = "d1" -> "D8a_writeLastv" [] OTHER -> "D8_writeLastq"
E6Pc(t) == IF OQ(t) /= Q(t) THEN "E6_unlockOldQ" ELSE "E6_unlockQ"

(***************************************************************************)
(* The frame of a step. r holds thread t's new registers and g the new    *)
(* values of shared variables, by name; every variable not named keeps    *)
(* its value, and a name that is no variable stops TLC with an error (a    *)
(* misspelt name must not leave a variable unconstrained). A step whose r  *)
(* has pc "End" ends the op: one successor per register record of Ends(t). *)
(***************************************************************************)
SharedNames == {"word", "prio", "nv", "lastv", "lastp", "tail", "owner", "head", "ready", "lhead", "lready",
                "locks", "dropped", "owed"}
RegNames == {"pc", "opi", "port", "op", "opb", "vc", "kq", "lv", "lp", "lv2", "lp2", "tmp", "wasP", "linked",
             "tries", "tl", "ws", "nfail", "cur", "nxt"}
Regs(t, r) == IF "pc" \in DOMAIN r /\ r.pc = "End" THEN Ends(t) ELSE {r}
Do(t, g, r0) ==
    /\ Assert(DOMAIN g \subseteq SharedNames, <<"Do names no shared variable", DOMAIN g \ SharedNames>>)
    /\ Assert(DOMAIN r0 \subseteq RegNames, <<"Do names no register", DOMAIN r0 \ RegNames>>)
    /\ \E r \in Regs(t, r0) :
           LET S(n, x) == IF n \in DOMAIN g THEN g[n] ELSE x
               R(n, x) == IF n \in DOMAIN r THEN [x EXCEPT ![t] = r[n]] ELSE x
           IN /\ word' = S("word", word)  /\ prio' = S("prio", prio)     /\ nv' = S("nv", nv)
              /\ lastv' = S("lastv", lastv)  /\ lastp' = S("lastp", lastp)  /\ tail' = S("tail", tail)
              /\ owner' = S("owner", owner)  /\ head' = S("head", head)     /\ ready' = S("ready", ready)
              /\ lhead' = S("lhead", lhead)  /\ lready' = S("lready", lready)  /\ locks' = S("locks", locks)
              /\ dropped' = S("dropped", dropped)  /\ owed' = S("owed", owed)
              /\ pc' = R("pc", pc)  /\ opi' = R("opi", opi)  /\ port' = R("port", port)  /\ op' = R("op", op)
              /\ opb' = R("opb", opb)  /\ vc' = R("vc", vc)
              /\ kq' = R("kq", kq)  /\ lv' = R("lv", lv)  /\ lp' = R("lp", lp)  /\ lv2' = R("lv2", lv2)
              /\ lp2' = R("lp2", lp2)  /\ tmp' = R("tmp", tmp)  /\ wasP' = R("wasP", wasP)
              /\ linked' = R("linked", linked)  /\ tries' = R("tries", tries)  /\ tl' = R("tl", tl)
              /\ ws' = R("ws", ws)  /\ nfail' = R("nfail", nfail)  /\ cur' = R("cur", cur)  /\ nxt' = R("nxt", nxt)
Go(t, r) == Do(t, <<>>, r)

Then(t) == [pc |-> Succ[pc[t]]]
NextOp(t) == [pc |-> "End"]
\* The op ends: the locks taken for it are released, each by a step of its own (fix 1's per-event
\* lock, then the caller's); then on to the first step of the next op, or Done (Ends).
AfterEvent(t) ==
    LET l == CallerLock(OpName(t), port[t]) IN
    IF l /= <<>> /\ t \in Holders(l) THEN [pc |-> "XL_unlockCaller"] ELSE NextOp(t)
Finish(t) == IF Version = "fix1" /\ port[t] /= 0 /\ t \in locks.evt[port[t]] THEN [pc |-> "F1_unlockEvent"]
             ELSE AfterEvent(t)
\* set_pending is called, with the caller's vCPU in vc; e2's linked starts TRUE (71ac5229).
Call(t) == [pc |-> SPStart, tries |-> 0, linked |-> (Version = "e2" \/ linked[t])]
Returned(lk) == [pc |-> AfterSetLink(lk), linked |-> lk]
\* READY only for a new HEAD (a onwards)
ReadyIfHead(t, l) == IF linked[t] THEN Finish(t) ELSE [pc |-> l]
SetW(p, f, x) == [word EXCEPT ![p][f] = x]
Lock(t, q, r) == Own(q) = 0 /\ Do(t, [owner |-> [owner EXCEPT ![q[1]][q[2]] = t]], r)
Unlock(t, q, r) == Do(t, [owner |-> [owner EXCEPT ![q[1]][q[2]] = 0]], r)
Drop(p) == dropped \cup {p}

(***************************************************************************)
(* Xen's port operations (notes 1.7, 1.8) and fix 1's per-event lock      *)
(***************************************************************************)
LockCaller(t) ==
    LET l == CallerLock(OpName(t), port[t]) IN
    /\ ReadLock(l) \/ Holders(l) = {}
    /\ Do(t, [locks |-> WithHolders(l, Holders(l) \cup {t})],
          [pc |-> IF Actor[t] = "xen-cpu" THEN FirstStep(t, OpName(t)) ELSE "X0_readNv"])
UnlockCaller(t) ==
    LET l == CallerLock(OpName(t), port[t]) IN Do(t, [locks |-> WithHolders(l, Holders(l) \ {t})], NextOp(t))
LockEvent(t) == locks.evt[port[t]] = {} /\ Do(t, [locks |-> [locks EXCEPT !.evt[port[t]] = {t}]], Then(t))
UnlockEvent(t) == Do(t, [locks |-> [locks EXCEPT !.evt[port[t]] = {}]], AfterEvent(t))
\* The caller picks d->vcpu[notify_vcpu_id]; a raised event is owed to the guest from here on.
ReadNv(t) == LET r == [vc |-> nv[port[t]]] IN
             IF OpName(t) \in Raises THEN Do(t, [owed |-> owed \cup {port[t]}], r @@ Call(t))
             ELSE Go(t, r @@ [pc |-> "XU1_clearMasked"])
XenTestPending(t) == Go(t, IF word[port[t]].P THEN Call(t) ELSE Finish(t))
WritePrio(t) == Do(t, [prio |-> [prio EXCEPT ![port[t]] = OpB(t)]], Finish(t))
WriteNv(t) == Do(t, [nv |-> [nv EXCEPT ![port[t]] = OpB(t)]], Finish(t))

(***************************************************************************)
(* set_pending: the steps every generation has under its own labels        *)
(***************************************************************************)
TasPending(t) == LET p == port[t] IN Do(t, [word |-> SetW(p, "P", TRUE)], [wasP |-> word[p].P] @@ Then(t))
\* a masked event (or in e2 a LINKED one) ends the op, or e2's critical section: `out`
TestBit(t, f, out, l) == Go(t, IF word[port[t]][f] THEN out ELSE [pc |-> l])
ReadPrio(t, l) == Go(t, [kq |-> prio[port[t]], pc |-> l])
\* test_and_set LINKED: the claim "I link it"; a won claim takes the port out of dropped
TasLinked(t, lost, l) ==
    LET p == port[t] IN
    IF word[p].L THEN Go(t, lost)
    ELSE Do(t, [word |-> SetW(p, "L", TRUE), dropped |-> dropped \ {p}], [pc |-> l])
\* an old tail: the old queue is empty, so its next link must write HEAD
InvalidateTail(t, moved, stay) ==
    Do(t, [tail |-> IF TailOf(OQ(t)) = port[t] THEN [tail EXCEPT ![lv[t]][lp[t]] = 0] ELSE tail],
       [pc |-> IF OQ(t) /= Q(t) THEN moved ELSE stay])
\* read q's tail; the value `none` (0, or in a0/a the port itself) skips set_link
ReadTail(t, none) ==
    LET x == TailOf(Q(t)) IN Go(t, [tl |-> x] @@ (IF x /= none THEN [pc |-> SLStart] ELSE Returned(FALSE)))
WriteHead(t) == Do(t, [head |-> [head EXCEPT ![vc[t]][kq[t]] = port[t]]], Then(t))
WriteTail(t, l) == Do(t, [tail |-> [tail EXCEPT ![vc[t]][kq[t]] = port[t]]], [pc |-> l])
\* a0 sets READY after every link, later versions only for a new HEAD
UnlockQ(t, l) == Unlock(t, Q(t), IF Version = "a0" THEN [pc |-> l] ELSE ReadyIfHead(t, l))
TasReady(t) == Do(t, [ready |-> [ready EXCEPT ![vc[t]] = @ \cup {kq[t]}]], Finish(t))

(***************************************************************************)
(* set_link (notes 2.1): original (a0) and with BUSY (a onwards)           *)
(***************************************************************************)
ReadTailWord(t, l) ==
    LET w == W(tl[t]) IN Go(t, [ws |-> w] @@ (IF w.L THEN [pc |-> l] ELSE Returned(FALSE)))
CasOrig(t) ==
    LET w == W(tl[t]) IN
    IF w = ws[t] THEN Do(t, [word |-> SetW(tl[t], "LINK", port[t])], Returned(TRUE))
    ELSE Go(t, [ws |-> w] @@ (IF w.L THEN <<>> ELSE Returned(FALSE)))
\* the cmpxchg of S3 and S6: success writes LINK and clears BUSY
Cas(t, failed) ==
    LET w == W(tl[t]) IN
    IF w = ws[t] THEN Do(t, [word |-> [word EXCEPT ![tl[t]] = LinkTo(w, port[t])]], Returned(TRUE))
    ELSE Go(t, [ws |-> w] @@ failed)
BusyRetry(t) ==
    LET n == nfail[t] + 1 IN
    [nfail |-> n, pc |-> IF n = 4 THEN "S7_clearBusy" ELSE IF W(tl[t]).L THEN "S6_cas" ELSE "S6_clearBusy"]
ReadBusyTail(t) ==
    LET w == W(tl[t]) IN Go(t, [ws |-> w, nfail |-> 0, pc |-> IF w.L THEN "S6_cas" ELSE "S6_clearBusy"])
\* S7 gives up after 4 failures and reports "linked" without writing LINK: a designed loss
ClearBusy(t, lk) ==
    Do(t, [word |-> SetW(tl[t], "B", FALSE), dropped |-> IF lk THEN Drop(port[t]) ELSE dropped], Returned(lk))

(***************************************************************************)
(* The last queue (b .. e1) and lock_old_queue (c, d, d1, e1)              *)
(***************************************************************************)
\* v and k name the registers the read goes to: <<lv, lp>> or the re-read <<lv2, lp2>>
ReadLastq(t, v, k) == LET p == port[t] IN Go(t, (v :> lastv[p]) @@ (k :> lastp[p]) @@ Then(t))
ReadLastv(t, v) == Go(t, (v :> lastv[port[t]]) @@ Then(t))
ReadLastp(t, k) == Go(t, (k :> lastp[port[t]]) @@ Then(t))
\* L6: still the queue that was locked?
Recheck(t) ==
    LET p == port[t] IN
    Go(t, [lp2 |-> lastp[p], pc |-> IF lv2[t] = lv[t] /\ lastp[p] = lp[t]
                                      THEN IF Version = "c" THEN "C8_tasLinked" ELSE "D6_tasLinked"
                                      ELSE "L7_unlockOldQ"])
\* lock_old_queue gives up after 3 tries (not in c): "lost event (too many queue changes)"
RetryOldQ(t) ==
    IF Version /= "c" /\ tries[t] + 1 = 3
    THEN Do(t, [owner |-> [owner EXCEPT ![lv[t]][lp[t]] = 0], dropped |-> Drop(port[t])],
            [tries |-> 3] @@ Finish(t))
    ELSE Unlock(t, OQ(t), [tries |-> tries[t] + 1, pc |-> "L1_readLastv"])
\* b's set_bit (B8), after the old tail's invalidation as in the seed diff; then the last queue if it moved
SetLinked(t) == Do(t, [word |-> SetW(port[t], "L", TRUE), dropped |-> dropped \ {port[t]}],
                   [pc |-> IF OQ(t) /= Q(t) THEN "B10a_readNv" ELSE "B11_readTail"])
ReadTmp(t, f) == Go(t, [tmp |-> f[port[t]]] @@ Then(t))
\* d stores what it re-read (race D), d1 the values it used to pick q
WriteLastv(t, l) == Do(t, [lastv |-> [lastv EXCEPT ![port[t]] = IF Version = "d1" THEN vc[t] ELSE tmp[t]]], [pc |-> l])
WriteLastp(t) == Do(t, [lastp |-> [lastp EXCEPT ![port[t]] = IF Version = "d1" THEN kq[t] ELSE tmp[t]]], Then(t))
WriteLastq(t) ==
    Do(t, [lastv |-> [lastv EXCEPT ![port[t]] = vc[t]], lastp |-> [lastp EXCEPT ![port[t]] = kq[t]]], Then(t))

(***************************************************************************)
(* e2: both queues locked, re-checked under the locks, 3 tries             *)
(***************************************************************************)
E2ReadPrio(t) ==
    LET k == prio[port[t]] IN Go(t, [kq |-> k, pc |-> IF <<vc[t], k>> = OQ(t) THEN "E1c_lockQ" ELSE "E1c_lockFirst"])
E2Recheck(t) ==
    LET p == port[t]
        ok == prio[p] = kq[t] /\ lv2[t] = lv[t] /\ lp2[t] = lp[t]
    IN Go(t, [tmp |-> prio[p], pc |-> IF ok THEN "E4_tasPending"
                                      ELSE IF Q(t) /= OQ(t) THEN "E1f_unlockOldQ" ELSE "E1f_unlockQ"])
\* E2: after 3 tries set_pending gives up; since 8aa0e9d2 PENDING is not even set
E2Retry(t) ==
    IF tries[t] + 1 = 3
    THEN Do(t, [owner |-> [owner EXCEPT ![vc[t]][kq[t]] = 0], dropped |-> Drop(port[t])], [tries |-> 3] @@ Finish(t))
    ELSE Unlock(t, Q(t), [tries |-> tries[t] + 1, pc |-> "E1a_readLastq"])

(***************************************************************************)
(* The guest (notes 1.5, 1.6)                                              *)
(***************************************************************************)
\* G1..G3: the lowest ready priority and the head to consume, or the end of the upcall.
Select(t, lr) ==
    LET v == GuestV(t)  k == Min(lr)  h == lhead[v][k] IN
    IF lr = {} THEN Finish(t)
    ELSE IF h /= 0 THEN [kq |-> k, cur |-> h, pc |-> "G5_clearLinked"] ELSE [kq |-> k, pc |-> "G4_readHead"]
XchgReady(t, lr) ==
    LET v == GuestV(t) IN
    Do(t, [ready |-> [ready EXCEPT ![v] = {}], lready |-> [lready EXCEPT ![v] = lr]], Select(t, lr))
ClearLinked(t) ==
    LET v == GuestV(t)  h == cur[t]  nx == W(h).LINK IN
    Do(t, [word |-> IF h /= 0 THEN [word EXCEPT ![h].L = FALSE, ![h].LINK = 0] ELSE word,
           lready |-> IF nx = 0 THEN [lready EXCEPT ![v] = @ \ {kq[t]}] ELSE lready],
       [nxt |-> nx] @@ Then(t))
\* G8: the private head becomes the LINK dequeued; then G9. `ack` delivers the event.
StoreHead(t, ack) ==
    Do(t, [lhead |-> [lhead EXCEPT ![GuestV(t)][kq[t]] = nxt[t]],
           word |-> IF ack THEN SetW(cur[t], "P", FALSE) ELSE word,
           owed |-> IF ack THEN owed \ {cur[t]} ELSE owed], [pc |-> "G9_xchgReady"])
\* U3: the EVTCHNOP_unmask hypercall, under its caller's lock
Hypercall(t) == [pc |-> IF CallerLock("unmask", port[t]) /= <<>> THEN "XL_lockCaller" ELSE "X0_readNv"]
GuestTestPending(t) == Go(t, IF word[port[t]].P THEN Hypercall(t) ELSE Finish(t))
ClearMaskedCond(t) ==
    LET w == word[port[t]] IN
    /\ ~(w.M /\ ~w.P /\ w.B)
    /\ IF w.M /\ w.P THEN Go(t, Hypercall(t))
       ELSE Do(t, [word |-> IF w.M THEN SetW(port[t], "M", FALSE) ELSE word], Finish(t))

(***************************************************************************)
(* Step(t): thread t takes its next step                                   *)
(***************************************************************************)
Step(t) ==
  LET l == pc[t]  p == port[t] IN
  CASE l = "XL_lockCaller" -> LockCaller(t)
    [] l = "XL_unlockCaller" -> UnlockCaller(t)
    [] l = "F1_lockEvent" -> LockEvent(t)
    [] l = "F1_unlockEvent" -> UnlockEvent(t)
    [] l = "X0_readNv" -> ReadNv(t)
    [] l = "XU1_clearMasked" -> Do(t, [word |-> SetW(p, "M", FALSE)], Then(t))
    [] l = "XU2_testPending" -> XenTestPending(t)
    [] l = "XP_writePrio" -> WritePrio(t)
    [] l = "XB_writeNv" -> WriteNv(t)
    [] l \in {"A3_tasPending", "B1_tasPending", "D1_tasPending", "E4_tasPending"} -> TasPending(t)
    [] l = "A4_testMasked" -> TestBit(t, "M", Finish(t), "A5_tasLinked")
    [] l = "B2_testMasked" -> TestBit(t, "M", Finish(t), "B3_testLinked")
    [] l = "D2_testMasked" -> TestBit(t, "M", Finish(t), "D3_testLinked")
    [] l = "E5_testMasked" -> TestBit(t, "M", [pc |-> E6Pc(t)], "E5_tasLinked")
    [] l = "B3_testLinked" -> TestBit(t, "L", Finish(t), "B4_readPrio")
    [] l = "D3_testLinked" -> TestBit(t, "L", Finish(t), "D4_readPrio")
    [] l = "A2_readPrio" -> ReadPrio(t, "A3_tasPending")
    [] l \in {"B4_readPrio", "D4_readPrio"} -> ReadPrio(t, AfterReadPrio)
    [] l = "A5_tasLinked" -> TasLinked(t, Finish(t), "A6_lockQ")
    [] l = "C8_tasLinked" -> TasLinked(t, [pc |-> "C8_unlockOldQ"], "B9_invalidateTail")
    [] l = "D6_tasLinked" -> TasLinked(t, [pc |-> "D6_unlockOldQ"], "D7_invalidateTail")
    [] l = "E5_tasLinked" -> TasLinked(t, [pc |-> E6Pc(t)], "E5a_invalidateTail")
    [] l \in {"A6_lockQ", "B10d_lockQ", "D8d_lockQ", "E1c_lockQ"} -> Lock(t, Q(t), Then(t))
    [] l = "B9_invalidateTail" -> IF Version = "c" THEN InvalidateTail(t, "B10a_readNv", "B11_readTail")
                                  ELSE InvalidateTail(t, "B8_setLinked", "B8_setLinked")
    [] l = "D7_invalidateTail" -> InvalidateTail(t, D8Start, "D9_readTail")
    [] l = "E5a_invalidateTail" -> InvalidateTail(t, "E5b_writeLastq", "E5c_readTail")
    [] l = "A7_readTail" -> ReadTail(t, p)
    [] l \in {"B11_readTail", "D9_readTail", "E5c_readTail"} -> ReadTail(t, 0)
    [] l \in {"A8_writeHead", "B12_writeHead", "D10_writeHead", "E5d_writeHead"} -> WriteHead(t)
    [] l \in {"A9_writeTail", "B13_writeTail", "D11_writeTail"} -> WriteTail(t, Succ[l])
    [] l = "E5e_writeTail" -> WriteTail(t, E6Pc(t))
    [] l = "A10_unlockQ" -> UnlockQ(t, "A11_tasReady")
    [] l = "B14_unlockQ" -> UnlockQ(t, "B15_tasReady")
    [] l = "D12_unlockQ" -> UnlockQ(t, "D13_tasReady")
    [] l = "E6_unlockQ" -> UnlockQ(t, "E7_tasReady")
    [] l \in {"A11_tasReady", "B15_tasReady", "D13_tasReady", "E7_tasReady"} -> TasReady(t)
    [] l = "SL1_readTail" -> ReadTailWord(t, "SL3_cas")
    [] l = "SL3_cas" -> CasOrig(t)
    [] l = "S1_readTail" -> ReadTailWord(t, "S3_cas")
    [] l = "S3_cas" -> Cas(t, [pc |-> "S4_setBusy"])
    [] l = "S4_setBusy" -> Do(t, [word |-> SetW(tl[t], "B", TRUE)], Then(t))
    [] l = "S5_readTail" -> ReadBusyTail(t)
    [] l = "S6_cas" -> Cas(t, BusyRetry(t))
    [] l = "S6_clearBusy" -> ClearBusy(t, FALSE)
    [] l = "S7_clearBusy" -> ClearBusy(t, TRUE)
    [] l \in {"B5_readLastv", "L1_readLastv"} -> ReadLastv(t, "lv")
    [] l \in {"B6_readLastp", "L2_readLastp"} -> ReadLastp(t, "lp")
    [] l \in {"L1_readLastq", "E1a_readLastq"} -> ReadLastq(t, "lv", "lp")
    [] l = "E1d_rereadLastq" -> ReadLastq(t, "lv2", "lp2")
    [] l = "L4_rereadLastv" -> ReadLastv(t, "lv2")
    [] l = "L5_rereadLastp" -> Recheck(t)
    [] l = "B7_lockOldQ" -> Lock(t, OQ(t), Then(t))
    [] l = "L3_lockOldQ" -> Lock(t, OQ(t), [pc |-> IF Version = "e1" THEN "D6_tasLinked" ELSE "L4_rereadLastv"])
    [] l = "L7_unlockOldQ" -> RetryOldQ(t)
    [] l = "B8_setLinked" -> SetLinked(t)
    [] l \in {"B10c_unlockOldQ", "D8c_unlockOldQ", "E1f_unlockOldQ", "E6_unlockOldQ"} -> Unlock(t, OQ(t), Then(t))
    [] l \in {"C8_unlockOldQ", "D6_unlockOldQ"} -> Unlock(t, OQ(t), Finish(t))
    [] l = "E5b_unlockOldQ" -> Unlock(t, OQ(t), [lv |-> vc[t], lp |-> kq[t]] @@ Then(t))
    [] l \in {"B10a_readNv", "D8a_readNv"} -> ReadTmp(t, nv)
    [] l \in {"B10b_readPrio", "D8b_readPrio"} -> ReadTmp(t, prio)
    [] l = "B10a_writeLastv" -> WriteLastv(t, "B10b_readPrio")
    [] l = "D8a_writeLastv" -> WriteLastv(t, IF Version = "d" THEN "D8b_readPrio" ELSE "D8b_writeLastp")
    [] l \in {"B10b_writeLastp", "D8b_writeLastp"} -> WriteLastp(t)
    [] l \in {"D8_writeLastq", "E5b_writeLastq"} -> WriteLastq(t)
    [] l = "E1b_readPrio" -> E2ReadPrio(t)
    [] l = "E1c_lockFirst" -> Lock(t, Lower(t), Then(t))
    [] l = "E1c_lockSecond" -> Lock(t, Upper(t), Then(t))
    [] l = "E1d_rereadPrio" -> E2Recheck(t)
    [] l = "E1f_unlockQ" -> E2Retry(t)
    [] l = "G0_xchgReady" -> ready[GuestV(t)] /= {} /\ XchgReady(t, ready[GuestV(t)])
    [] l = "G9_xchgReady" -> XchgReady(t, lready[GuestV(t)] \cup ready[GuestV(t)])
    [] l = "G4_readHead" -> Go(t, [cur |-> head[GuestV(t)][kq[t]]] @@ Then(t))
    [] l = "G5_clearLinked" -> ClearLinked(t)
    [] l = "G7_testPending" -> IF W(cur[t]).P THEN Go(t, [pc |-> "G7_testMasked"]) ELSE StoreHead(t, FALSE)
    [] l = "G7_testMasked" -> IF W(cur[t]).M THEN StoreHead(t, FALSE) ELSE Go(t, [pc |-> "G7_ackPending"])
    [] l = "G7_ackPending" -> StoreHead(t, TRUE)
    [] l = "U0_setMasked" -> Do(t, [word |-> SetW(p, "M", TRUE)], Finish(t))
    [] l = "U1_clearMasked" -> ~word[p].B /\ Do(t, [word |-> SetW(p, "M", FALSE)], Then(t))
    [] l = "U2_testPending" -> GuestTestPending(t)
    [] l = "U1c_clearMaskedCond" -> ClearMaskedCond(t)
    [] l = "R1_scribble" -> Do(t, [word |-> SetW(p, "R", ~word[p].R)],   \* 5 writes: all of one set_link's cmpxchgs fail
                               IF tries[t] + 1 = 5 THEN [tries |-> 5] @@ Finish(t) ELSE [tries |-> tries[t] + 1])
    [] OTHER -> FALSE   \* "Done"

\* An execution that has ended stutters, so TLC reports only real deadlocks.
Terminated == (\A t \in Threads : Finished(t)) /\ UNCHANGED vars

\* The first op of each thread, or None (absent): the functions f on 1..k with f[t] a choice of t.
None == Op("none", 0, 0)
FirstChoices(t) == Choices(t, 0) \cup (IF MayStop(t, 0) THEN {None} ELSE {})
RECURSIVE Firsts(_)
Firsts(k) == IF k = 0 THEN {<<>>} ELSE {Append(f, c) : f \in Firsts(k - 1), c \in FirstChoices(k)}

Next == (\E t \in Threads : Step(t)) \/ Terminated

Init ==
    LET oldTail(v, k) == IF OldTail = 1 /\ v = 0 /\ k = NK - 1 THEN 1 ELSE 0 IN
    /\ word = [p \in Ports |-> [Zero EXCEPT !.M = (p <= Masked)]]
    /\ prio = [p \in Ports |-> NK - 1]
    /\ nv = [p \in Ports |-> 0]
    /\ lastv = [p \in Ports |-> 0]
    /\ lastp = [p \in Ports |-> IF OldTail = 1 /\ p = 1 THEN NK - 1 ELSE 0]
    /\ tail = [v \in Vcpus |-> [k \in Prios |-> oldTail(v, k)]]
    /\ owner = [v \in Vcpus |-> [k \in Prios |-> 0]]
    /\ head = [v \in Vcpus |-> [k \in Prios |-> oldTail(v, k)]]
    /\ ready = [v \in Vcpus |-> {}]
    /\ lhead = [v \in Vcpus |-> [k \in Prios |-> 0]]
    /\ lready = [v \in Vcpus |-> {}]
    /\ locks = [dom |-> {}, virq |-> {}, remote |-> [p \in Ports |-> {}], chn |-> [p \in Ports |-> {}],
                evt |-> [p \in Ports |-> {}]]
    /\ dropped = {}
    /\ owed = {}
    \* each thread begins its first op, or starts Done (absent) where its plan allows
    /\ \E f \in Firsts(Len(Actor)) :
        LET present == {t \in Threads : f[t] /= None}
            r(t) == IF f[t] = None THEN [Fresh EXCEPT !.pc = "Done"] @@ [opi |-> 0]
                    ELSE [Fresh EXCEPT !.pc = StartPc(t, f[t]), !.port = f[t].a, !.op = f[t].op, !.opb = f[t].b]
                         @@ [opi |-> 1]
            reserve(t) == IF f[t] = None THEN 0 ELSE Max(1, MinOps(t))
        IN \* a scenario's plan has one start state; a scope's leaves out the empty one and those past the caps
           /\ \/ \A t \in Threads : Scripted(t)
              \/ present /= {} /\ Cardinality(present) <= Caps.threads /\ SumTo(reserve, Len(Actor)) <= Caps.ops
           /\ pc = [t \in Threads |-> r(t).pc]  /\ opi = [t \in Threads |-> r(t).opi]
           /\ port = [t \in Threads |-> r(t).port]  /\ op = [t \in Threads |-> r(t).op]
           /\ opb = [t \in Threads |-> r(t).opb]
           /\ vc = [t \in Threads |-> 0]  /\ kq = [t \in Threads |-> 0]
           /\ lv = [t \in Threads |-> 0]  /\ lp = [t \in Threads |-> 0]
           /\ lv2 = [t \in Threads |-> 0]  /\ lp2 = [t \in Threads |-> 0]
           /\ tmp = [t \in Threads |-> 0]
           /\ wasP = [t \in Threads |-> FALSE]  /\ linked = [t \in Threads |-> FALSE]
           /\ tries = [t \in Threads |-> 0]
           /\ tl = [t \in Threads |-> 0]  /\ ws = [t \in Threads |-> Zero]  /\ nfail = [t \in Threads |-> 0]
           /\ cur = [t \in Threads |-> 0]  /\ nxt = [t \in Threads |-> 0]

Spec == Init /\ [][Next]_vars

TypeOK ==
    /\ word \in [Ports -> Word]
    /\ prio \in [Ports -> Prios] /\ nv \in [Ports -> Vcpus]
    /\ lastv \in [Ports -> Vcpus] /\ lastp \in [Ports -> Prios]
    /\ tail \in [Vcpus -> [Prios -> 0..NP]] /\ head \in [Vcpus -> [Prios -> 0..NP]]
    /\ owner \in [Vcpus -> [Prios -> {0} \cup Threads]]
    /\ ready \in [Vcpus -> SUBSET Prios] /\ lready \in [Vcpus -> SUBSET Prios]
    /\ lhead \in [Vcpus -> [Prios -> 0..NP]]
    /\ locks \in [dom : SUBSET Threads, virq : SUBSET Threads, remote : [Ports -> SUBSET Threads],
                  chn : [Ports -> SUBSET Threads], evt : [Ports -> SUBSET Threads]]
    /\ dropped \subseteq Ports /\ owed \subseteq Ports
    /\ pc \in [Threads -> Labels \cup {"Done"}]
    /\ \A t \in Threads : opi[t] \in 0..(IF Scripted(t) THEN Len(Plan[t].script) ELSE Plan[t].max)
    /\ port \in [Threads -> 0..NP]
    /\ op \in [Threads -> XenOps \cup {"upcall", "mask", "scribble", "none"}]
    /\ opb \in [Threads -> Vcpus \cup Prios]
    /\ vc \in [Threads -> Vcpus] /\ lv \in [Threads -> Vcpus] /\ lv2 \in [Threads -> Vcpus]
    /\ kq \in [Threads -> Prios] /\ lp \in [Threads -> Prios] /\ lp2 \in [Threads -> Prios]
    /\ tmp \in [Threads -> Vcpus \cup Prios]
    /\ wasP \in [Threads -> BOOLEAN] /\ linked \in [Threads -> BOOLEAN]
    /\ tries \in [Threads -> 0..5] /\ nfail \in [Threads -> 0..4]
    /\ tl \in [Threads -> 0..NP] /\ ws \in [Threads -> Word]
    /\ cur \in [Threads -> 0..NP] /\ nxt \in [Threads -> 0..NP]

(***************************************************************************)
(* Derived definitions (research notes 3.2)                                *)
(***************************************************************************)
\* Between winning the LINKED claim and completing the link (set_link success or HEAD write).
InFlightPcs ==
    {"SL1_readTail", "SL3_cas", "S1_readTail", "S3_cas", "S4_setBusy", "S5_readTail", "S6_cas",
     "S6_clearBusy", "S7_clearBusy"} \cup
    CASE Version \in {"a0", "a"} -> {"A6_lockQ", "A7_readTail", "A8_writeHead"}
      [] Version \in {"b", "c", "fix1"} -> (IF Version = "c" THEN {"B9_invalidateTail"} ELSE {}) \cup
                                  {"B10a_readNv", "B10a_writeLastv", "B10b_readPrio", "B10b_writeLastp",
                                   "B10c_unlockOldQ", "B10d_lockQ", "B11_readTail", "B12_writeHead"}
      [] Version \in {"d", "d1", "e1"} -> {"D7_invalidateTail", "D8a_readNv", "D8a_writeLastv", "D8b_readPrio",
                                   "D8b_writeLastp", "D8_writeLastq", "D8c_unlockOldQ", "D8d_lockQ",
                                   "D9_readTail", "D10_writeHead"}
      [] OTHER -> {"E5a_invalidateTail", "E5b_writeLastq", "E5b_unlockOldQ", "E5c_readTail", "E5d_writeHead"}
\* Between the HEAD write and the READY set (only for a CPU that wrote HEAD: ~linked).
HeadToReadyPcs ==
    CASE Version \in {"a0", "a"} -> {"A9_writeTail", "A10_unlockQ", "A11_tasReady"}
      [] Version \in {"b", "c", "fix1"} -> {"B13_writeTail", "B14_unlockQ", "B15_tasReady"}
      [] Version \in {"d", "d1", "e1"} -> {"D11_writeTail", "D12_unlockQ", "D13_tasReady"}
      [] OTHER -> {"E5e_writeTail", "E6_unlockOldQ", "E6_unlockQ", "E7_tasReady"}

InFlight(x) == \E t \in Threads : pc[t] \in InFlightPcs /\ port[t] = x
Consuming(x) == \E t \in Threads : pc[t] = "G5_clearLinked" /\ cur[t] = x
HeadToReady(v, k) == \E t \in Threads : pc[t] \in HeadToReadyPcs /\ ~linked[t] /\ vc[t] = v /\ kq[t] = k

\* Start(v,k): notes 3.2, except that a guest which just emptied its chain (nxt = 0) falls
\* through to rule 3, so a HEAD published meanwhile counts.
Start(v, k) ==
    LET g == GuestOf(v)
        mid == g /= 0 /\ pc[g] \in {"G7_testPending", "G7_testMasked", "G7_ackPending"} /\ kq[g] = k
    IN IF mid /\ nxt[g] /= 0 THEN nxt[g]
    ELSE IF ~mid /\ g /= 0 /\ lhead[v][k] /= 0 THEN lhead[v][k]
    ELSE IF k \in ready[v] \cup lready[v] \/ HeadToReady(v, k) THEN head[v][k]
    ELSE 0

\* The LINK chain from x, cut at 0 or at the first repeated port.
RECURSIVE ChainFrom(_, _)
ChainFrom(x, seen) == IF x = 0 \/ x \in seen THEN <<>> ELSE <<x>> \o ChainFrom(W(x).LINK, seen \cup {x})
Queue(v, k) == ChainFrom(Start(v, k), {})
Cyclic(v, k) == LET c == Queue(v, k) IN c /= <<>> /\ W(c[Len(c)]).LINK \in Range(c)
Count(x) == Cardinality({q \in Queues : x \in Range(Queue(q[1], q[2]))})
\* Ports lost on purpose (a reported give-up) and the chain later linked behind an unqueued one.
Stranded == {x \in dropped : W(x).L /\ Count(x) = 0}
Excused == dropped \cup UNION {Range(ChainFrom(W(x).LINK, dropped)) : x \in Stranded}
InCS(x) == \E t \in Threads : port[t] = x /\ Actor[t] /= "guest"
               /\ (pc[t] \in {"B10d_lockQ", "D8d_lockQ"} \/ \E q \in Queues : Own(q) = t)

(***************************************************************************)
(* Invariants (notes 3.3), same names as in the Java model                 *)
(***************************************************************************)
NoSelfLink == \A x \in Ports : W(x).L => W(x).LINK /= x

Acyclic == \A q \in Queues : ~Cyclic(q[1], q[2])

Reachable == \A x \in Ports : W(x).L => InFlight(x) \/ Consuming(x) \/ x \in Excused \/ Count(x) = 1

UniqueOccurrence == Acyclic /\ \A x \in Ports : Count(x) <= 1

TailIsLast ==
    \A q \in Queues :
        LET t == TailOf(q)  c == Queue(q[1], q[2]) IN
        (Own(q) = 0 /\ t /= 0 /\ W(t).L /\ ~InFlight(t) /\ t \notin Excused) => (c /= <<>> /\ c[Len(c)] = t)

EmptyImpliesOldTail ==
    \A q \in Queues :
        LET t == TailOf(q) IN
        (Own(q) = 0 /\ Queue(q[1], q[2]) = <<>> /\ t /= 0 /\ W(t).L) => (InFlight(t) \/ Consuming(t) \/ t \in Excused)

LastQueueCorrect ==
    Version \in {"a0", "a"} \/
    /\ \A q \in Queues : LET t == TailOf(q) IN (t /= 0 /\ ~InCS(t)) => lastv[t] = q[1] /\ lastp[t] = q[2]
    /\ \A x \in Ports : (W(x).L /\ ~InFlight(x) /\ ~InCS(x) /\ x \notin Excused)
           => x \in Range(Queue(lastv[x], lastp[x]))

\* The full form in every version (notes 3.3, 8); a0 sets READY on every link, so a stale HEAD
\* breaks it there benignly (race R0, fixed by 70ccddb1): the harmful form is NoForeignDequeue.
ReadyImpliesValidHead ==
    \A q \in Queues : q[2] \in ready[q[1]] =>
        LET h == head[q[1]][q[2]] IN h /= 0 /\ W(h).L /\ Start(q[1], q[2]) = h

\* The guest walking queue (v,k) never dequeues a port LINKED on another queue (notes 3.3, 8).
NoForeignDequeue ==
    \A t \in Threads : (Actor[t] = "guest" /\ pc[t] = "G5_clearLinked" /\ cur[t] /= 0 /\ W(cur[t]).L)
        => \A q \in Queues \ {<<GuestV(t), kq[t]>>} : cur[t] \notin Range(Queue(q[1], q[2]))

\* Every actor finished (consumers idle) and the guest's queues drained.
Idle == /\ \A t \in Threads : Finished(t)
        /\ \A v \in Vcpus : ready[v] = {} /\ lready[v] = {}
        /\ \A q \in Queues : lhead[q[1]][q[2]] = 0

Quiescent == Idle => \A x \in Ports \ Excused : ~W(x).L /\ ~(W(x).P /\ ~W(x).M)

\* The ghost owed sees an event lost with PENDING clear (e2's give-up sets no PENDING).
NoLostEvent == Idle => \A x \in owed \ Excused : W(x).P
=============================================================================
