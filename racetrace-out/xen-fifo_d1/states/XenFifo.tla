------------------------------- MODULE XenFifo -------------------------------
(***************************************************************************)
(* Xen FIFO event channels: evtchn_fifo_set_pending in eight versions      *)
(* (Version \in {"a0","a","b","c","d","d1","e1","e2"}), Xen's unmask /     *)
(* set_priority / bind_vcpu, the Linux upcall loop and guest unmask.       *)
(* Mirrors racetrace.xen.XenFifoModel step for step: one action per step   *)
(* label, pc values = labels, same variables, same invariant names.        *)
(* Every action states all variables (the frame conditions are written   *)
(* out, not left to UNCHANGED lists that are easy to get wrong); they     *)
(* were first produced from a table and are maintained by hand here.     *)
(* racetrace conform checks them against the Java model. See the Java    *)
(* model's class comment for the                                          *)
(* decisions where the research notes leave room.                          *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets

CONSTANTS
    Version,     \* "a0" .. "e2"
    NV, NK, NP,  \* vCPUs 0..NV-1, priorities 0..NK-1, ports 1..NP
    Masked,      \* ports 1..Masked start MASKED
    OldTail,     \* 1: port 1 starts as the consumed old tail of queue (0, NK-1)
    UnmaskForm,  \* guest unmask: 0 original (U1..U3), 1 clear_masked_cond (XSA-332)
    Actor,       \* Actor[t] \in {"xen-cpu", "guest", "guest-unmask"}
    Script       \* Script[t][i] = [op |-> name, a |-> arg1, b |-> arg2]

VARIABLES
    word, prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped,
    pc, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt

vars == <<word, prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped,
          pc, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

Threads == 1..Len(Actor)
Ports == 1..NP
Vcpus == 0..(NV - 1)
Prios == 0..(NK - 1)
Queues == Vcpus \X Prios

Zero == [P |-> FALSE, M |-> FALSE, L |-> FALSE, B |-> FALSE, LINK |-> 0]
\* Word 0 is never bound and never LINKED: reading it (set_link on tail 0 in a0) gives Zero.
W(x) == IF x = 0 THEN Zero ELSE word[x]
LinkTo(w, x) == [w EXCEPT !.B = FALSE, !.LINK = x]
Min(S) == CHOOSE x \in S : \A y \in S : x <= y
Range(s) == {s[i] : i \in 1..Len(s)}

\* Scripts and actors
OpName(t) == Script[t][opi[t]].op
OpB(t) == Script[t][opi[t]].b
PortAt(t, i) == IF i <= Len(Script[t]) THEN Script[t][i].a ELSE port[t]
GuestV(t) == Cardinality({s \in 1..(t - 1) : Actor[s] = "guest"})
GuestOf(v) == IF \E t \in Threads : Actor[t] = "guest" /\ GuestV(t) = v
              THEN CHOOSE t \in Threads : Actor[t] = "guest" /\ GuestV(t) = v ELSE 0
StartPc(t, i) ==
    IF i > Len(Script[t]) THEN "Done"
    ELSE LET o == Script[t][i].op IN
         CASE o = "send" -> "X0_readNv"
           [] o = "unmask" /\ Actor[t] = "xen-cpu" -> "X0_readNv"
           [] o = "setPriority" -> "XP_writePrio"
           [] o = "bindVcpu" -> "XB_writeNv"
           [] o = "upcall" -> "G0_xchgReady"
           [] o = "mask" -> "U0_setMasked"
           [] OTHER -> IF UnmaskForm = 0 THEN "U1_clearMasked" ELSE "U1c_clearMaskedCond"
Finished(t) == pc[t] = "Done" \/ (pc[t] = "G0_xchgReady" /\ ready[GuestV(t)] = {})

\* Queues: q = <<v, k>>; lock order by v * NK + k.
QQ(t) == <<vc[t], kq[t]>>
OQ(t) == <<lv[t], lp[t]>>
Own(q) == owner[q[1]][q[2]]
SetOwn(q, x) == [owner EXCEPT ![q[1]][q[2]] = x]
Ix(q) == q[1] * NK + q[2]
Lower(t) == IF Ix(QQ(t)) < Ix(OQ(t)) THEN QQ(t) ELSE OQ(t)
Upper(t) == IF Ix(QQ(t)) < Ix(OQ(t)) THEN OQ(t) ELSE QQ(t)

\* Version-dependent control flow
SPStart == CASE Version \in {"a0", "a"} -> "A2_readPrio"
             [] Version \in {"b", "c"} -> "B1_tasPending"
             [] Version \in {"d", "d1", "e1"} -> "D1_tasPending"
             [] OTHER -> "E1a_readLastq"
SLStart == IF Version = "a0" THEN "SL1_readTail" ELSE "S1_readTail"
RetPc(lk) == CASE Version \in {"a0", "a"} -> IF lk THEN "A9_writeTail" ELSE "A8_writeHead"
               [] Version \in {"b", "c"} -> IF lk THEN "B13_writeTail" ELSE "B12_writeHead"
               [] Version \in {"d", "d1", "e1"} -> IF lk THEN "D11_writeTail" ELSE "D10_writeHead"
               [] OTHER -> IF lk THEN "E5e_writeTail" ELSE "E5d_writeHead"
E6Pc(t) == IF OQ(t) /= QQ(t) THEN "E6_unlockOldQ" ELSE "E6_unlockQ"

Init ==
    /\ word = [p \in Ports |-> [Zero EXCEPT !.M = (p <= Masked)]]
    /\ prio = [p \in Ports |-> NK - 1]
    /\ nv = [p \in Ports |-> 0]
    /\ lastv = [p \in Ports |-> 0]
    /\ lastp = [p \in Ports |-> IF OldTail = 1 /\ p = 1 THEN NK - 1 ELSE 0]
    /\ tail = [v \in Vcpus |-> [k \in Prios |-> IF OldTail = 1 /\ v = 0 /\ k = NK - 1 THEN 1 ELSE 0]]
    /\ owner = [v \in Vcpus |-> [k \in Prios |-> 0]]
    /\ head = [v \in Vcpus |-> [k \in Prios |-> IF OldTail = 1 /\ v = 0 /\ k = NK - 1 THEN 1 ELSE 0]]
    /\ ready = [v \in Vcpus |-> {}]
    /\ lhead = [v \in Vcpus |-> [k \in Prios |-> 0]]
    /\ lready = [v \in Vcpus |-> {}]
    /\ dropped = {}
    /\ pc = [t \in Threads |-> StartPc(t, 1)]
    /\ opi = [t \in Threads |-> 1]
    /\ port = [t \in Threads |-> PortAt(t, 1)]
    /\ vc = [t \in Threads |-> 0]
    /\ kq = [t \in Threads |-> 0]
    /\ lv = [t \in Threads |-> 0]
    /\ lp = [t \in Threads |-> 0]
    /\ lv2 = [t \in Threads |-> 0]
    /\ lp2 = [t \in Threads |-> 0]
    /\ tmp = [t \in Threads |-> 0]
    /\ wasP = [t \in Threads |-> FALSE]
    /\ linked = [t \in Threads |-> FALSE]
    /\ tries = [t \in Threads |-> 0]
    /\ tl = [t \in Threads |-> 0]
    /\ ws = [t \in Threads |-> Zero]
    /\ nfail = [t \in Threads |-> 0]
    /\ cur = [t \in Threads |-> 0]
    /\ nxt = [t \in Threads |-> 0]

(***************************************************************************)
(* Derived definitions (research notes 3.2)                                *)
(***************************************************************************)
SetLinkPcs == {"SL1_readTail", "SL3_cas", "S1_readTail", "S3_cas", "S4_setBusy", "S5_readTail",
               "S6_cas", "S6_clearBusy", "S7_clearBusy"}
\* Between winning the LINKED claim and completing the link (set_link success or HEAD write).
InFlightPcs ==
    SetLinkPcs \cup
    CASE Version \in {"a0", "a"} -> {"A6_lockQ", "A7_readTail", "A8_writeHead"}
      [] Version \in {"b", "c"} -> {"B9_invalidateTail", "B10a_readNv", "B10a_writeLastv", "B10b_readPrio",
                                   "B10b_writeLastp", "B10c_unlockOldQ", "B10d_lockQ", "B11_readTail",
                                   "B12_writeHead"}
      [] Version \in {"d", "d1", "e1"} -> {"D7_invalidateTail", "D8a_readNv", "D8a_writeLastv", "D8b_readPrio",
                                   "D8b_writeLastp", "D8_writeLastq", "D8c_unlockOldQ", "D8d_lockQ",
                                   "D9_readTail", "D10_writeHead"}
      [] OTHER -> {"E5a_invalidateTail", "E5b_writeLastq", "E5b_unlockOldQ", "E5c_readTail", "E5d_writeHead"}
\* Between the HEAD write and the READY set (only for a CPU that wrote HEAD: ~linked).
HeadToReadyPcs ==
    CASE Version \in {"a0", "a"} -> {"A9_writeTail", "A10_unlockQ", "A11_tasReady"}
      [] Version \in {"b", "c"} -> {"B13_writeTail", "B14_unlockQ", "B15_tasReady"}
      [] Version \in {"d", "d1", "e1"} -> {"D11_writeTail", "D12_unlockQ", "D13_tasReady"}
      [] OTHER -> {"E5e_writeTail", "E6_unlockOldQ", "E6_unlockQ", "E7_tasReady"}

InFlight(p) == \E t \in Threads : pc[t] \in InFlightPcs /\ port[t] = p
Consuming(p) == \E t \in Threads : pc[t] = "G5_clearLinked" /\ cur[t] = p
HeadToReady(v, k) == \E t \in Threads : pc[t] \in HeadToReadyPcs /\ ~linked[t] /\ vc[t] = v /\ kq[t] = k
AfterG5 == {"G7_testPending", "G7_testMasked", "G7_ackPending"}

\* Start(v,k): notes 3.2, except that a guest which just emptied its chain (nxt = 0) falls
\* through to rule 3, so a HEAD published meanwhile counts.
Start(v, k) ==
    LET g == GuestOf(v)
        mid == g /= 0 /\ pc[g] \in AfterG5 /\ kq[g] = k
    IN IF mid /\ nxt[g] /= 0 THEN nxt[g]
    ELSE IF ~mid /\ g /= 0 /\ lhead[v][k] /= 0 THEN lhead[v][k]
    ELSE IF k \in ready[v] \cup lready[v] \/ HeadToReady(v, k) THEN head[v][k]
    ELSE 0

\* The LINK chain from x, cut at 0 or at the first repeated port.
RECURSIVE ChainFrom(_, _)
ChainFrom(x, seen) == IF x = 0 \/ x \in seen THEN <<>> ELSE <<x>> \o ChainFrom(W(x).LINK, seen \cup {x})
Queue(v, k) == ChainFrom(Start(v, k), {})
Cyclic(v, k) == LET c == Queue(v, k) IN c /= <<>> /\ W(c[Len(c)]).LINK \in Range(c)
Count(p) == Cardinality({q \in Queues : p \in Range(Queue(q[1], q[2]))})
\* Ports lost on purpose (a reported give-up) and the chain later linked behind an unqueued one.
Stranded == {p \in dropped : W(p).L /\ Count(p) = 0}
Excused == dropped \cup UNION {Range(ChainFrom(W(p).LINK, dropped)) : p \in Stranded}
InCS(p) == \E t \in Threads : port[t] = p /\ Actor[t] /= "guest"
               /\ (pc[t] \in {"B10d_lockQ", "D8d_lockQ"} \/ \E q \in Queues : Own(q) = t)

(***************************************************************************)
(* Invariants (notes 3.3), same names as in the Java model                 *)
(***************************************************************************)
NoSelfLink == \A p \in Ports : W(p).L => W(p).LINK /= p

Acyclic == \A q \in Queues : ~Cyclic(q[1], q[2])

Reachable == \A p \in Ports : W(p).L => InFlight(p) \/ Consuming(p) \/ p \in Excused \/ Count(p) = 1

UniqueOccurrence == Acyclic /\ \A p \in Ports : Count(p) <= 1

TailIsLast ==
    \A q \in Queues :
        LET t == tail[q[1]][q[2]]  c == Queue(q[1], q[2]) IN
        (Own(q) = 0 /\ t /= 0 /\ W(t).L /\ ~InFlight(t) /\ t \notin Excused) => (c /= <<>> /\ c[Len(c)] = t)

EmptyImpliesOldTail ==
    \A q \in Queues :
        LET t == tail[q[1]][q[2]] IN
        (Own(q) = 0 /\ Queue(q[1], q[2]) = <<>> /\ t /= 0 /\ W(t).L) => (InFlight(t) \/ Consuming(t) \/ t \in Excused)

LastQueueCorrect ==
    Version \in {"a0", "a"} \/
    /\ \A q \in Queues : LET t == tail[q[1]][q[2]] IN
           (t /= 0 /\ ~InCS(t)) => lastv[t] = q[1] /\ lastp[t] = q[2]
    /\ \A p \in Ports : (W(p).L /\ ~InFlight(p) /\ ~InCS(p) /\ p \notin Excused)
           => p \in Range(Queue(lastv[p], lastp[p]))

\* a0 sets READY on every link, so stale HEADs are benign there: check only the harmful form.
ReadyImpliesValidHead ==
    IF Version = "a0"
    THEN \A t \in Threads : (pc[t] = "G5_clearLinked" /\ cur[t] /= 0 /\ W(cur[t]).L)
             => ~\E x \in Ports : W(x).L /\ W(x).LINK = cur[t]
    ELSE \A q \in Queues : q[2] \in ready[q[1]] =>
             LET h == head[q[1]][q[2]] IN h /= 0 /\ W(h).L /\ Start(q[1], q[2]) = h

Quiescent ==
    ((\A t \in Threads : Finished(t)) /\ (\A v \in Vcpus : ready[v] = {} /\ lready[v] = {})
        /\ (\A q \in Queues : lhead[q[1]][q[2]] = 0))
    => \A p \in Ports \ Excused : ~W(p).L /\ ~(W(p).P /\ ~W(p).M)

Invariants == NoSelfLink /\ Acyclic /\ Reachable /\ UniqueOccurrence /\ TailIsLast
              /\ EmptyImpliesOldTail /\ LastQueueCorrect /\ ReadyImpliesValidHead /\ Quiescent

(***************************************************************************)
(* Actions                                                                 *)
(***************************************************************************)
\* ---- One action per step label ----

Labels == {"X0_readNv", "XU1_clearMasked", "XU2_testPending", "XP_writePrio", "XB_writeNv", "A2_readPrio", "A3_tasPending", "B1_tasPending", "D1_tasPending", "E4_tasPending", "A4_testMasked", "B2_testMasked", "D2_testMasked", "A5_tasLinked", "A6_lockQ", "B10d_lockQ", "D8d_lockQ", "E1c_lockQ", "A7_readTail", "A8_writeHead", "B12_writeHead", "D10_writeHead", "E5d_writeHead", "A9_writeTail", "B13_writeTail", "D11_writeTail", "E5e_writeTail", "A10_unlockQ", "A11_tasReady", "B15_tasReady", "D13_tasReady", "E7_tasReady", "SL1_readTail", "S1_readTail", "SL3_cas", "S3_cas", "S4_setBusy", "S5_readTail", "S6_cas", "S6_clearBusy", "S7_clearBusy", "B3_testLinked", "D3_testLinked", "B4_readPrio", "D4_readPrio", "B5_readLastv", "B6_readLastp", "B7_lockOldQ", "B8_setLinked", "B9_invalidateTail", "D7_invalidateTail", "E5a_invalidateTail", "B10a_readNv", "D8a_readNv", "B10a_writeLastv", "D8a_writeLastv", "B10b_readPrio", "D8b_readPrio", "B10b_writeLastp", "D8b_writeLastp", "D8_writeLastq", "B10c_unlockOldQ", "D8c_unlockOldQ", "E1f_unlockOldQ", "E6_unlockOldQ", "B11_readTail", "D9_readTail", "E5c_readTail", "B14_unlockQ", "D12_unlockQ", "E6_unlockQ", "L1_readLastv", "L2_readLastp", "L1_readLastq", "L3_lockOldQ", "L4_rereadLastv", "L5_rereadLastp", "L7_unlockOldQ", "C8_tasLinked", "D6_tasLinked", "C8_unlockOldQ", "D6_unlockOldQ", "E1a_readLastq", "E1b_readPrio", "E1c_lockFirst", "E1c_lockSecond", "E1d_rereadLastq", "E1d_rereadPrio", "E1f_unlockQ", "E5_testMasked", "E5_tasLinked", "E5b_writeLastq", "E5b_unlockOldQ", "G0_xchgReady", "G4_readHead", "G5_clearLinked", "G7_testPending", "G7_testMasked", "G7_ackPending", "G9_xchgReady", "U0_setMasked", "U1_clearMasked", "U2_testPending", "U1c_clearMaskedCond"}

X0_readNv(t) ==
  LET p == port[t]
      c == OpName(t) = "send"
  IN
  /\ pc[t] = "X0_readNv"
  /\ pc' = [pc EXCEPT ![t] = IF c THEN SPStart ELSE "XU1_clearMasked"]
  /\ vc' = [vc EXCEPT ![t] = nv[p]]
  /\ linked' = [linked EXCEPT ![t] = IF c /\ Version = "e2" THEN TRUE ELSE linked[t]]
  /\ tries' = [tries EXCEPT ![t] = IF c THEN 0 ELSE tries[t]]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, kq, lv, lp, lv2, lp2, tmp, wasP, tl, ws, nfail, cur, nxt>>

XU1_clearMasked(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "XU1_clearMasked"
  /\ word' = [word EXCEPT ![p].M = FALSE]
  /\ pc' = [pc EXCEPT ![t] = "XU2_testPending"]
  /\ UNCHANGED <<prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

XU2_testPending(t) ==
  LET p == port[t]
      c == word[p].P
  IN
  /\ pc[t] = "XU2_testPending"
  /\ pc' = [pc EXCEPT ![t] = IF ~c THEN StartPc(t, opi[t] + 1) ELSE SPStart]
  /\ opi' = [opi EXCEPT ![t] = IF ~c THEN opi[t] + 1 ELSE opi[t]]
  /\ port' = [port EXCEPT ![t] = IF ~c THEN PortAt(t, opi[t] + 1) ELSE port[t]]
  /\ linked' = [linked EXCEPT ![t] = IF c /\ Version = "e2" THEN TRUE ELSE linked[t]]
  /\ tries' = [tries EXCEPT ![t] = IF c THEN 0 ELSE tries[t]]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, vc, kq, lv, lp, lv2, lp2, tmp, wasP, tl, ws, nfail, cur, nxt>>

XP_writePrio(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "XP_writePrio"
  /\ prio' = [prio EXCEPT ![p] = OpB(t)]
  /\ pc' = [pc EXCEPT ![t] = StartPc(t, opi[t] + 1)]
  /\ opi' = [opi EXCEPT ![t] = opi[t] + 1]
  /\ port' = [port EXCEPT ![t] = PortAt(t, opi[t] + 1)]
  /\ UNCHANGED <<word, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

XB_writeNv(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "XB_writeNv"
  /\ nv' = [nv EXCEPT ![p] = OpB(t)]
  /\ pc' = [pc EXCEPT ![t] = StartPc(t, opi[t] + 1)]
  /\ opi' = [opi EXCEPT ![t] = opi[t] + 1]
  /\ port' = [port EXCEPT ![t] = PortAt(t, opi[t] + 1)]
  /\ UNCHANGED <<word, prio, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

A2_readPrio(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "A2_readPrio"
  /\ pc' = [pc EXCEPT ![t] = "A3_tasPending"]
  /\ kq' = [kq EXCEPT ![t] = prio[p]]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

A3_tasPending(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "A3_tasPending"
  /\ word' = [word EXCEPT ![p].P = TRUE]
  /\ pc' = [pc EXCEPT ![t] = "A4_testMasked"]
  /\ wasP' = [wasP EXCEPT ![t] = word[p].P]
  /\ UNCHANGED <<prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, linked, tries, tl, ws, nfail, cur, nxt>>

B1_tasPending(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "B1_tasPending"
  /\ word' = [word EXCEPT ![p].P = TRUE]
  /\ pc' = [pc EXCEPT ![t] = "B2_testMasked"]
  /\ wasP' = [wasP EXCEPT ![t] = word[p].P]
  /\ UNCHANGED <<prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, linked, tries, tl, ws, nfail, cur, nxt>>

D1_tasPending(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "D1_tasPending"
  /\ word' = [word EXCEPT ![p].P = TRUE]
  /\ pc' = [pc EXCEPT ![t] = "D2_testMasked"]
  /\ wasP' = [wasP EXCEPT ![t] = word[p].P]
  /\ UNCHANGED <<prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, linked, tries, tl, ws, nfail, cur, nxt>>

E4_tasPending(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "E4_tasPending"
  /\ word' = [word EXCEPT ![p].P = TRUE]
  /\ pc' = [pc EXCEPT ![t] = "E5_testMasked"]
  /\ wasP' = [wasP EXCEPT ![t] = word[p].P]
  /\ UNCHANGED <<prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, linked, tries, tl, ws, nfail, cur, nxt>>

A4_testMasked(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "A4_testMasked"
  /\ pc' = [pc EXCEPT ![t] = IF word[p].M THEN StartPc(t, opi[t] + 1) ELSE "A5_tasLinked"]
  /\ opi' = [opi EXCEPT ![t] = IF word[p].M THEN opi[t] + 1 ELSE opi[t]]
  /\ port' = [port EXCEPT ![t] = IF word[p].M THEN PortAt(t, opi[t] + 1) ELSE port[t]]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

B2_testMasked(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "B2_testMasked"
  /\ pc' = [pc EXCEPT ![t] = IF word[p].M THEN StartPc(t, opi[t] + 1) ELSE "B3_testLinked"]
  /\ opi' = [opi EXCEPT ![t] = IF word[p].M THEN opi[t] + 1 ELSE opi[t]]
  /\ port' = [port EXCEPT ![t] = IF word[p].M THEN PortAt(t, opi[t] + 1) ELSE port[t]]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

D2_testMasked(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "D2_testMasked"
  /\ pc' = [pc EXCEPT ![t] = IF word[p].M THEN StartPc(t, opi[t] + 1) ELSE "D3_testLinked"]
  /\ opi' = [opi EXCEPT ![t] = IF word[p].M THEN opi[t] + 1 ELSE opi[t]]
  /\ port' = [port EXCEPT ![t] = IF word[p].M THEN PortAt(t, opi[t] + 1) ELSE port[t]]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

A5_tasLinked(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "A5_tasLinked"
  /\ word' = IF word[p].L THEN word ELSE [word EXCEPT ![p].L = TRUE]
  /\ dropped' = IF word[p].L THEN dropped ELSE dropped \ {p}
  /\ pc' = [pc EXCEPT ![t] = IF word[p].L THEN StartPc(t, opi[t] + 1) ELSE "A6_lockQ"]
  /\ opi' = [opi EXCEPT ![t] = IF word[p].L THEN opi[t] + 1 ELSE opi[t]]
  /\ port' = [port EXCEPT ![t] = IF word[p].L THEN PortAt(t, opi[t] + 1) ELSE port[t]]
  /\ UNCHANGED <<prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

A6_lockQ(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "A6_lockQ"
  /\ Own(QQ(t)) = 0
  /\ owner' = SetOwn(QQ(t), t)
  /\ pc' = [pc EXCEPT ![t] = "A7_readTail"]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

B10d_lockQ(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "B10d_lockQ"
  /\ Own(QQ(t)) = 0
  /\ owner' = SetOwn(QQ(t), t)
  /\ pc' = [pc EXCEPT ![t] = "B11_readTail"]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

D8d_lockQ(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "D8d_lockQ"
  /\ Own(QQ(t)) = 0
  /\ owner' = SetOwn(QQ(t), t)
  /\ pc' = [pc EXCEPT ![t] = "D9_readTail"]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

E1c_lockQ(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "E1c_lockQ"
  /\ Own(QQ(t)) = 0
  /\ owner' = SetOwn(QQ(t), t)
  /\ pc' = [pc EXCEPT ![t] = "E1d_rereadLastq"]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

A7_readTail(t) ==
  LET p == port[t]
      x == tail[vc[t]][kq[t]]
  IN
  /\ pc[t] = "A7_readTail"
  /\ pc' = [pc EXCEPT ![t] = IF x /= p THEN SLStart ELSE RetPc(FALSE)]
  /\ linked' = [linked EXCEPT ![t] = IF x /= p THEN linked[t] ELSE FALSE]
  /\ tl' = [tl EXCEPT ![t] = x]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, tries, ws, nfail, cur, nxt>>

A8_writeHead(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "A8_writeHead"
  /\ head' = [head EXCEPT ![vc[t]][kq[t]] = p]
  /\ pc' = [pc EXCEPT ![t] = "A9_writeTail"]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

B12_writeHead(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "B12_writeHead"
  /\ head' = [head EXCEPT ![vc[t]][kq[t]] = p]
  /\ pc' = [pc EXCEPT ![t] = "B13_writeTail"]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

D10_writeHead(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "D10_writeHead"
  /\ head' = [head EXCEPT ![vc[t]][kq[t]] = p]
  /\ pc' = [pc EXCEPT ![t] = "D11_writeTail"]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

E5d_writeHead(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "E5d_writeHead"
  /\ head' = [head EXCEPT ![vc[t]][kq[t]] = p]
  /\ pc' = [pc EXCEPT ![t] = "E5e_writeTail"]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

A9_writeTail(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "A9_writeTail"
  /\ tail' = [tail EXCEPT ![vc[t]][kq[t]] = p]
  /\ pc' = [pc EXCEPT ![t] = "A10_unlockQ"]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

B13_writeTail(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "B13_writeTail"
  /\ tail' = [tail EXCEPT ![vc[t]][kq[t]] = p]
  /\ pc' = [pc EXCEPT ![t] = "B14_unlockQ"]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

D11_writeTail(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "D11_writeTail"
  /\ tail' = [tail EXCEPT ![vc[t]][kq[t]] = p]
  /\ pc' = [pc EXCEPT ![t] = "D12_unlockQ"]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

E5e_writeTail(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "E5e_writeTail"
  /\ tail' = [tail EXCEPT ![vc[t]][kq[t]] = p]
  /\ pc' = [pc EXCEPT ![t] = E6Pc(t)]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

A10_unlockQ(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "A10_unlockQ"
  /\ owner' = SetOwn(QQ(t), 0)
  /\ pc' = [pc EXCEPT ![t] = IF ~(Version = "a0" \/ ~linked[t]) THEN StartPc(t, opi[t] + 1) ELSE "A11_tasReady"]
  /\ opi' = [opi EXCEPT ![t] = IF ~(Version = "a0" \/ ~linked[t]) THEN opi[t] + 1 ELSE opi[t]]
  /\ port' = [port EXCEPT ![t] = IF ~(Version = "a0" \/ ~linked[t]) THEN PortAt(t, opi[t] + 1) ELSE port[t]]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, head, ready, lhead, lready, dropped, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

A11_tasReady(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "A11_tasReady"
  /\ ready' = [ready EXCEPT ![vc[t]] = @ \cup {kq[t]}]
  /\ pc' = [pc EXCEPT ![t] = StartPc(t, opi[t] + 1)]
  /\ opi' = [opi EXCEPT ![t] = opi[t] + 1]
  /\ port' = [port EXCEPT ![t] = PortAt(t, opi[t] + 1)]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, lhead, lready, dropped, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

B15_tasReady(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "B15_tasReady"
  /\ ready' = [ready EXCEPT ![vc[t]] = @ \cup {kq[t]}]
  /\ pc' = [pc EXCEPT ![t] = StartPc(t, opi[t] + 1)]
  /\ opi' = [opi EXCEPT ![t] = opi[t] + 1]
  /\ port' = [port EXCEPT ![t] = PortAt(t, opi[t] + 1)]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, lhead, lready, dropped, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

D13_tasReady(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "D13_tasReady"
  /\ ready' = [ready EXCEPT ![vc[t]] = @ \cup {kq[t]}]
  /\ pc' = [pc EXCEPT ![t] = StartPc(t, opi[t] + 1)]
  /\ opi' = [opi EXCEPT ![t] = opi[t] + 1]
  /\ port' = [port EXCEPT ![t] = PortAt(t, opi[t] + 1)]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, lhead, lready, dropped, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

E7_tasReady(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "E7_tasReady"
  /\ ready' = [ready EXCEPT ![vc[t]] = @ \cup {kq[t]}]
  /\ pc' = [pc EXCEPT ![t] = StartPc(t, opi[t] + 1)]
  /\ opi' = [opi EXCEPT ![t] = opi[t] + 1]
  /\ port' = [port EXCEPT ![t] = PortAt(t, opi[t] + 1)]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, lhead, lready, dropped, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

SL1_readTail(t) ==
  LET p == port[t]
      w == W(tl[t])
  IN
  /\ pc[t] = "SL1_readTail"
  /\ pc' = [pc EXCEPT ![t] = IF ~w.L THEN RetPc(FALSE) ELSE "SL3_cas"]
  /\ linked' = [linked EXCEPT ![t] = IF ~w.L THEN FALSE ELSE linked[t]]
  /\ ws' = [ws EXCEPT ![t] = w]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, tries, tl, nfail, cur, nxt>>

S1_readTail(t) ==
  LET p == port[t]
      w == W(tl[t])
  IN
  /\ pc[t] = "S1_readTail"
  /\ pc' = [pc EXCEPT ![t] = IF ~w.L THEN RetPc(FALSE) ELSE "S3_cas"]
  /\ linked' = [linked EXCEPT ![t] = IF ~w.L THEN FALSE ELSE linked[t]]
  /\ ws' = [ws EXCEPT ![t] = w]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, tries, tl, nfail, cur, nxt>>

SL3_cas(t) ==
  LET p == port[t]
      cw == W(tl[t])
      ok == cw = ws[t]
  IN
  /\ pc[t] = "SL3_cas"
  /\ word' = IF ok THEN [word EXCEPT ![tl[t]].LINK = p] ELSE word
  /\ pc' = [pc EXCEPT ![t] = IF ok THEN RetPc(TRUE) ELSE IF ~cw.L THEN RetPc(FALSE) ELSE "SL3_cas"]
  /\ linked' = [linked EXCEPT ![t] = IF ok THEN TRUE ELSE IF ~cw.L THEN FALSE ELSE linked[t]]
  /\ ws' = [ws EXCEPT ![t] = IF ok THEN ws[t] ELSE cw]
  /\ UNCHANGED <<prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, tries, tl, nfail, cur, nxt>>

S3_cas(t) ==
  LET p == port[t]
      cw == W(tl[t])
      ok == cw = ws[t]
  IN
  /\ pc[t] = "S3_cas"
  /\ word' = IF ok THEN [word EXCEPT ![tl[t]] = LinkTo(cw, p)] ELSE word
  /\ pc' = [pc EXCEPT ![t] = IF ok THEN RetPc(TRUE) ELSE "S4_setBusy"]
  /\ linked' = [linked EXCEPT ![t] = IF ok THEN TRUE ELSE linked[t]]
  /\ ws' = [ws EXCEPT ![t] = IF ok THEN ws[t] ELSE cw]
  /\ UNCHANGED <<prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, tries, tl, nfail, cur, nxt>>

S4_setBusy(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "S4_setBusy"
  /\ word' = [word EXCEPT ![tl[t]].B = TRUE]
  /\ pc' = [pc EXCEPT ![t] = "S5_readTail"]
  /\ UNCHANGED <<prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

S5_readTail(t) ==
  LET p == port[t]
      w == W(tl[t])
  IN
  /\ pc[t] = "S5_readTail"
  /\ pc' = [pc EXCEPT ![t] = IF w.L THEN "S6_cas" ELSE "S6_clearBusy"]
  /\ ws' = [ws EXCEPT ![t] = w]
  /\ nfail' = [nfail EXCEPT ![t] = 0]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, cur, nxt>>

S6_cas(t) ==
  LET p == port[t]
      cw == W(tl[t])
      ok == cw = ws[t]
  IN
  /\ pc[t] = "S6_cas"
  /\ word' = IF ok THEN [word EXCEPT ![tl[t]] = LinkTo(cw, p)] ELSE word
  /\ pc' = [pc EXCEPT ![t] = IF ok THEN RetPc(TRUE) ELSE IF nfail[t] + 1 = 4 THEN "S7_clearBusy" ELSE IF cw.L THEN "S6_cas" ELSE "S6_clearBusy"]
  /\ linked' = [linked EXCEPT ![t] = IF ok THEN TRUE ELSE linked[t]]
  /\ ws' = [ws EXCEPT ![t] = IF ok THEN ws[t] ELSE cw]
  /\ nfail' = [nfail EXCEPT ![t] = IF ok THEN nfail[t] ELSE nfail[t] + 1]
  /\ UNCHANGED <<prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, tries, tl, cur, nxt>>

S6_clearBusy(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "S6_clearBusy"
  /\ word' = [word EXCEPT ![tl[t]].B = FALSE]
  /\ pc' = [pc EXCEPT ![t] = RetPc(FALSE)]
  /\ linked' = [linked EXCEPT ![t] = FALSE]
  /\ UNCHANGED <<prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, tries, tl, ws, nfail, cur, nxt>>

S7_clearBusy(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "S7_clearBusy"
  /\ word' = [word EXCEPT ![tl[t]].B = FALSE]
  /\ dropped' = dropped \cup {p}
  /\ pc' = [pc EXCEPT ![t] = RetPc(TRUE)]
  /\ linked' = [linked EXCEPT ![t] = TRUE]
  /\ UNCHANGED <<prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, tries, tl, ws, nfail, cur, nxt>>

B3_testLinked(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "B3_testLinked"
  /\ pc' = [pc EXCEPT ![t] = IF word[p].L THEN StartPc(t, opi[t] + 1) ELSE "B4_readPrio"]
  /\ opi' = [opi EXCEPT ![t] = IF word[p].L THEN opi[t] + 1 ELSE opi[t]]
  /\ port' = [port EXCEPT ![t] = IF word[p].L THEN PortAt(t, opi[t] + 1) ELSE port[t]]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

D3_testLinked(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "D3_testLinked"
  /\ pc' = [pc EXCEPT ![t] = IF word[p].L THEN StartPc(t, opi[t] + 1) ELSE "D4_readPrio"]
  /\ opi' = [opi EXCEPT ![t] = IF word[p].L THEN opi[t] + 1 ELSE opi[t]]
  /\ port' = [port EXCEPT ![t] = IF word[p].L THEN PortAt(t, opi[t] + 1) ELSE port[t]]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

B4_readPrio(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "B4_readPrio"
  /\ pc' = [pc EXCEPT ![t] = CASE Version = "b" -> "B5_readLastv" [] Version \in {"c", "d", "d1"} -> "L1_readLastv" [] OTHER -> "L1_readLastq"]
  /\ kq' = [kq EXCEPT ![t] = prio[p]]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

D4_readPrio(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "D4_readPrio"
  /\ pc' = [pc EXCEPT ![t] = CASE Version = "b" -> "B5_readLastv" [] Version \in {"c", "d", "d1"} -> "L1_readLastv" [] OTHER -> "L1_readLastq"]
  /\ kq' = [kq EXCEPT ![t] = prio[p]]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

B5_readLastv(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "B5_readLastv"
  /\ pc' = [pc EXCEPT ![t] = "B6_readLastp"]
  /\ lv' = [lv EXCEPT ![t] = lastv[p]]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

B6_readLastp(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "B6_readLastp"
  /\ pc' = [pc EXCEPT ![t] = "B7_lockOldQ"]
  /\ lp' = [lp EXCEPT ![t] = lastp[p]]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

B7_lockOldQ(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "B7_lockOldQ"
  /\ Own(OQ(t)) = 0
  /\ owner' = SetOwn(OQ(t), t)
  /\ pc' = [pc EXCEPT ![t] = "B8_setLinked"]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

B8_setLinked(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "B8_setLinked"
  /\ word' = [word EXCEPT ![p].L = TRUE]
  /\ dropped' = dropped \ {p}
  /\ pc' = [pc EXCEPT ![t] = "B9_invalidateTail"]
  /\ UNCHANGED <<prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

B9_invalidateTail(t) ==
  LET p == port[t]
      moved == OQ(t) /= QQ(t)
  IN
  /\ pc[t] = "B9_invalidateTail"
  /\ tail' = IF tail[lv[t]][lp[t]] = p THEN [tail EXCEPT ![lv[t]][lp[t]] = 0] ELSE tail
  /\ pc' = [pc EXCEPT ![t] = IF moved THEN "B10a_readNv" ELSE "B11_readTail"]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

D7_invalidateTail(t) ==
  LET p == port[t]
      moved == OQ(t) /= QQ(t)
  IN
  /\ pc[t] = "D7_invalidateTail"
  /\ tail' = IF tail[lv[t]][lp[t]] = p THEN [tail EXCEPT ![lv[t]][lp[t]] = 0] ELSE tail
  /\ pc' = [pc EXCEPT ![t] = IF ~moved THEN "D9_readTail" ELSE CASE Version = "d" -> "D8a_readNv" [] Version = "d1" -> "D8a_writeLastv" [] OTHER -> "D8_writeLastq"]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

E5a_invalidateTail(t) ==
  LET p == port[t]
      moved == OQ(t) /= QQ(t)
  IN
  /\ pc[t] = "E5a_invalidateTail"
  /\ tail' = IF tail[lv[t]][lp[t]] = p THEN [tail EXCEPT ![lv[t]][lp[t]] = 0] ELSE tail
  /\ pc' = [pc EXCEPT ![t] = IF moved THEN "E5b_writeLastq" ELSE "E5c_readTail"]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

B10a_readNv(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "B10a_readNv"
  /\ pc' = [pc EXCEPT ![t] = "B10a_writeLastv"]
  /\ tmp' = [tmp EXCEPT ![t] = nv[p]]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

D8a_readNv(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "D8a_readNv"
  /\ pc' = [pc EXCEPT ![t] = "D8a_writeLastv"]
  /\ tmp' = [tmp EXCEPT ![t] = nv[p]]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

B10a_writeLastv(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "B10a_writeLastv"
  /\ lastv' = [lastv EXCEPT ![p] = tmp[t]]
  /\ pc' = [pc EXCEPT ![t] = "B10b_readPrio"]
  /\ UNCHANGED <<word, prio, nv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

D8a_writeLastv(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "D8a_writeLastv"
  /\ lastv' = [lastv EXCEPT ![p] = IF Version = "d" THEN tmp[t] ELSE vc[t]]
  /\ pc' = [pc EXCEPT ![t] = IF Version = "d" THEN "D8b_readPrio" ELSE "D8b_writeLastp"]
  /\ UNCHANGED <<word, prio, nv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

B10b_readPrio(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "B10b_readPrio"
  /\ pc' = [pc EXCEPT ![t] = "B10b_writeLastp"]
  /\ tmp' = [tmp EXCEPT ![t] = prio[p]]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

D8b_readPrio(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "D8b_readPrio"
  /\ pc' = [pc EXCEPT ![t] = "D8b_writeLastp"]
  /\ tmp' = [tmp EXCEPT ![t] = prio[p]]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

B10b_writeLastp(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "B10b_writeLastp"
  /\ lastp' = [lastp EXCEPT ![p] = tmp[t]]
  /\ pc' = [pc EXCEPT ![t] = "B10c_unlockOldQ"]
  /\ UNCHANGED <<word, prio, nv, lastv, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

D8b_writeLastp(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "D8b_writeLastp"
  /\ lastp' = [lastp EXCEPT ![p] = IF Version = "d" THEN tmp[t] ELSE kq[t]]
  /\ pc' = [pc EXCEPT ![t] = "D8c_unlockOldQ"]
  /\ UNCHANGED <<word, prio, nv, lastv, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

D8_writeLastq(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "D8_writeLastq"
  /\ lastv' = [lastv EXCEPT ![p] = vc[t]]
  /\ lastp' = [lastp EXCEPT ![p] = kq[t]]
  /\ pc' = [pc EXCEPT ![t] = "D8c_unlockOldQ"]
  /\ UNCHANGED <<word, prio, nv, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

B10c_unlockOldQ(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "B10c_unlockOldQ"
  /\ owner' = SetOwn(OQ(t), 0)
  /\ pc' = [pc EXCEPT ![t] = "B10d_lockQ"]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

D8c_unlockOldQ(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "D8c_unlockOldQ"
  /\ owner' = SetOwn(OQ(t), 0)
  /\ pc' = [pc EXCEPT ![t] = "D8d_lockQ"]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

E1f_unlockOldQ(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "E1f_unlockOldQ"
  /\ owner' = SetOwn(OQ(t), 0)
  /\ pc' = [pc EXCEPT ![t] = "E1f_unlockQ"]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

E6_unlockOldQ(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "E6_unlockOldQ"
  /\ owner' = SetOwn(OQ(t), 0)
  /\ pc' = [pc EXCEPT ![t] = "E6_unlockQ"]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

B11_readTail(t) ==
  LET p == port[t]
      x == tail[vc[t]][kq[t]]
  IN
  /\ pc[t] = "B11_readTail"
  /\ pc' = [pc EXCEPT ![t] = IF x /= 0 THEN SLStart ELSE RetPc(FALSE)]
  /\ linked' = [linked EXCEPT ![t] = IF x /= 0 THEN linked[t] ELSE FALSE]
  /\ tl' = [tl EXCEPT ![t] = x]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, tries, ws, nfail, cur, nxt>>

D9_readTail(t) ==
  LET p == port[t]
      x == tail[vc[t]][kq[t]]
  IN
  /\ pc[t] = "D9_readTail"
  /\ pc' = [pc EXCEPT ![t] = IF x /= 0 THEN SLStart ELSE RetPc(FALSE)]
  /\ linked' = [linked EXCEPT ![t] = IF x /= 0 THEN linked[t] ELSE FALSE]
  /\ tl' = [tl EXCEPT ![t] = x]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, tries, ws, nfail, cur, nxt>>

E5c_readTail(t) ==
  LET p == port[t]
      x == tail[vc[t]][kq[t]]
  IN
  /\ pc[t] = "E5c_readTail"
  /\ pc' = [pc EXCEPT ![t] = IF x /= 0 THEN SLStart ELSE RetPc(FALSE)]
  /\ linked' = [linked EXCEPT ![t] = IF x /= 0 THEN linked[t] ELSE FALSE]
  /\ tl' = [tl EXCEPT ![t] = x]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, tries, ws, nfail, cur, nxt>>

B14_unlockQ(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "B14_unlockQ"
  /\ owner' = SetOwn(QQ(t), 0)
  /\ pc' = [pc EXCEPT ![t] = IF linked[t] THEN StartPc(t, opi[t] + 1) ELSE "B15_tasReady"]
  /\ opi' = [opi EXCEPT ![t] = IF linked[t] THEN opi[t] + 1 ELSE opi[t]]
  /\ port' = [port EXCEPT ![t] = IF linked[t] THEN PortAt(t, opi[t] + 1) ELSE port[t]]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, head, ready, lhead, lready, dropped, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

D12_unlockQ(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "D12_unlockQ"
  /\ owner' = SetOwn(QQ(t), 0)
  /\ pc' = [pc EXCEPT ![t] = IF linked[t] THEN StartPc(t, opi[t] + 1) ELSE "D13_tasReady"]
  /\ opi' = [opi EXCEPT ![t] = IF linked[t] THEN opi[t] + 1 ELSE opi[t]]
  /\ port' = [port EXCEPT ![t] = IF linked[t] THEN PortAt(t, opi[t] + 1) ELSE port[t]]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, head, ready, lhead, lready, dropped, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

E6_unlockQ(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "E6_unlockQ"
  /\ owner' = SetOwn(QQ(t), 0)
  /\ pc' = [pc EXCEPT ![t] = IF linked[t] THEN StartPc(t, opi[t] + 1) ELSE "E7_tasReady"]
  /\ opi' = [opi EXCEPT ![t] = IF linked[t] THEN opi[t] + 1 ELSE opi[t]]
  /\ port' = [port EXCEPT ![t] = IF linked[t] THEN PortAt(t, opi[t] + 1) ELSE port[t]]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, head, ready, lhead, lready, dropped, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

L1_readLastv(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "L1_readLastv"
  /\ pc' = [pc EXCEPT ![t] = "L2_readLastp"]
  /\ lv' = [lv EXCEPT ![t] = lastv[p]]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

L2_readLastp(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "L2_readLastp"
  /\ pc' = [pc EXCEPT ![t] = "L3_lockOldQ"]
  /\ lp' = [lp EXCEPT ![t] = lastp[p]]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

L1_readLastq(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "L1_readLastq"
  /\ pc' = [pc EXCEPT ![t] = "L3_lockOldQ"]
  /\ lv' = [lv EXCEPT ![t] = lastv[p]]
  /\ lp' = [lp EXCEPT ![t] = lastp[p]]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

L3_lockOldQ(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "L3_lockOldQ"
  /\ Own(OQ(t)) = 0
  /\ owner' = SetOwn(OQ(t), t)
  /\ pc' = [pc EXCEPT ![t] = IF Version = "e1" THEN "D6_tasLinked" ELSE "L4_rereadLastv"]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

L4_rereadLastv(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "L4_rereadLastv"
  /\ pc' = [pc EXCEPT ![t] = "L5_rereadLastp"]
  /\ lv2' = [lv2 EXCEPT ![t] = lastv[p]]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

L5_rereadLastp(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "L5_rereadLastp"
  /\ pc' = [pc EXCEPT ![t] = IF lv2[t] = lv[t] /\ lastp[p] = lp[t] THEN (IF Version = "c" THEN "C8_tasLinked" ELSE "D6_tasLinked") ELSE "L7_unlockOldQ"]
  /\ lp2' = [lp2 EXCEPT ![t] = lastp[p]]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

L7_unlockOldQ(t) ==
  LET p == port[t]
      give == Version /= "c" /\ tries[t] + 1 = 3
  IN
  /\ pc[t] = "L7_unlockOldQ"
  /\ owner' = SetOwn(OQ(t), 0)
  /\ dropped' = IF give THEN dropped \cup {p} ELSE dropped
  /\ pc' = [pc EXCEPT ![t] = IF give THEN StartPc(t, opi[t] + 1) ELSE "L1_readLastv"]
  /\ opi' = [opi EXCEPT ![t] = IF give THEN opi[t] + 1 ELSE opi[t]]
  /\ port' = [port EXCEPT ![t] = IF give THEN PortAt(t, opi[t] + 1) ELSE port[t]]
  /\ tries' = [tries EXCEPT ![t] = tries[t] + 1]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, head, ready, lhead, lready, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tl, ws, nfail, cur, nxt>>

C8_tasLinked(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "C8_tasLinked"
  /\ word' = IF word[p].L THEN word ELSE [word EXCEPT ![p].L = TRUE]
  /\ dropped' = IF word[p].L THEN dropped ELSE dropped \ {p}
  /\ pc' = [pc EXCEPT ![t] = IF word[p].L THEN "C8_unlockOldQ" ELSE "B9_invalidateTail"]
  /\ UNCHANGED <<prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

D6_tasLinked(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "D6_tasLinked"
  /\ word' = IF word[p].L THEN word ELSE [word EXCEPT ![p].L = TRUE]
  /\ dropped' = IF word[p].L THEN dropped ELSE dropped \ {p}
  /\ pc' = [pc EXCEPT ![t] = IF word[p].L THEN "D6_unlockOldQ" ELSE "D7_invalidateTail"]
  /\ UNCHANGED <<prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

C8_unlockOldQ(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "C8_unlockOldQ"
  /\ owner' = SetOwn(OQ(t), 0)
  /\ pc' = [pc EXCEPT ![t] = StartPc(t, opi[t] + 1)]
  /\ opi' = [opi EXCEPT ![t] = opi[t] + 1]
  /\ port' = [port EXCEPT ![t] = PortAt(t, opi[t] + 1)]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, head, ready, lhead, lready, dropped, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

D6_unlockOldQ(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "D6_unlockOldQ"
  /\ owner' = SetOwn(OQ(t), 0)
  /\ pc' = [pc EXCEPT ![t] = StartPc(t, opi[t] + 1)]
  /\ opi' = [opi EXCEPT ![t] = opi[t] + 1]
  /\ port' = [port EXCEPT ![t] = PortAt(t, opi[t] + 1)]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, head, ready, lhead, lready, dropped, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

E1a_readLastq(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "E1a_readLastq"
  /\ pc' = [pc EXCEPT ![t] = "E1b_readPrio"]
  /\ lv' = [lv EXCEPT ![t] = lastv[p]]
  /\ lp' = [lp EXCEPT ![t] = lastp[p]]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

E1b_readPrio(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "E1b_readPrio"
  /\ pc' = [pc EXCEPT ![t] = IF <<vc[t], prio[p]>> = OQ(t) THEN "E1c_lockQ" ELSE "E1c_lockFirst"]
  /\ kq' = [kq EXCEPT ![t] = prio[p]]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

E1c_lockFirst(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "E1c_lockFirst"
  /\ Own(Lower(t)) = 0
  /\ owner' = SetOwn(Lower(t), t)
  /\ pc' = [pc EXCEPT ![t] = "E1c_lockSecond"]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

E1c_lockSecond(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "E1c_lockSecond"
  /\ Own(Upper(t)) = 0
  /\ owner' = SetOwn(Upper(t), t)
  /\ pc' = [pc EXCEPT ![t] = "E1d_rereadLastq"]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

E1d_rereadLastq(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "E1d_rereadLastq"
  /\ pc' = [pc EXCEPT ![t] = "E1d_rereadPrio"]
  /\ lv2' = [lv2 EXCEPT ![t] = lastv[p]]
  /\ lp2' = [lp2 EXCEPT ![t] = lastp[p]]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

E1d_rereadPrio(t) ==
  LET p == port[t]
      ok == prio[p] = kq[t] /\ lv2[t] = lv[t] /\ lp2[t] = lp[t]
  IN
  /\ pc[t] = "E1d_rereadPrio"
  /\ pc' = [pc EXCEPT ![t] = IF ok THEN "E4_tasPending" ELSE IF QQ(t) /= OQ(t) THEN "E1f_unlockOldQ" ELSE "E1f_unlockQ"]
  /\ tmp' = [tmp EXCEPT ![t] = prio[p]]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

E1f_unlockQ(t) ==
  LET p == port[t]
      give == tries[t] + 1 = 3
  IN
  /\ pc[t] = "E1f_unlockQ"
  /\ owner' = SetOwn(QQ(t), 0)
  /\ dropped' = IF give THEN dropped \cup {p} ELSE dropped
  /\ pc' = [pc EXCEPT ![t] = IF give THEN StartPc(t, opi[t] + 1) ELSE "E1a_readLastq"]
  /\ opi' = [opi EXCEPT ![t] = IF give THEN opi[t] + 1 ELSE opi[t]]
  /\ port' = [port EXCEPT ![t] = IF give THEN PortAt(t, opi[t] + 1) ELSE port[t]]
  /\ tries' = [tries EXCEPT ![t] = tries[t] + 1]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, head, ready, lhead, lready, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tl, ws, nfail, cur, nxt>>

E5_testMasked(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "E5_testMasked"
  /\ pc' = [pc EXCEPT ![t] = IF word[p].M THEN E6Pc(t) ELSE "E5_tasLinked"]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

E5_tasLinked(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "E5_tasLinked"
  /\ word' = IF word[p].L THEN word ELSE [word EXCEPT ![p].L = TRUE]
  /\ dropped' = IF word[p].L THEN dropped ELSE dropped \ {p}
  /\ pc' = [pc EXCEPT ![t] = IF word[p].L THEN E6Pc(t) ELSE "E5a_invalidateTail"]
  /\ UNCHANGED <<prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

E5b_writeLastq(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "E5b_writeLastq"
  /\ lastv' = [lastv EXCEPT ![p] = vc[t]]
  /\ lastp' = [lastp EXCEPT ![p] = kq[t]]
  /\ pc' = [pc EXCEPT ![t] = "E5b_unlockOldQ"]
  /\ UNCHANGED <<word, prio, nv, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

E5b_unlockOldQ(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "E5b_unlockOldQ"
  /\ owner' = SetOwn(OQ(t), 0)
  /\ pc' = [pc EXCEPT ![t] = "E5c_readTail"]
  /\ lv' = [lv EXCEPT ![t] = vc[t]]
  /\ lp' = [lp EXCEPT ![t] = kq[t]]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

G0_xchgReady(t) ==
  LET p == port[t]
      v == GuestV(t)
      k == Min(ready[v])
      h == lhead[v][k]
  IN
  /\ pc[t] = "G0_xchgReady"
  /\ ready[GuestV(t)] /= {}
  /\ ready' = [ready EXCEPT ![v] = {}]
  /\ lready' = [lready EXCEPT ![v] = ready[v]]
  /\ pc' = [pc EXCEPT ![t] = IF h /= 0 THEN "G5_clearLinked" ELSE "G4_readHead"]
  /\ kq' = [kq EXCEPT ![t] = k]
  /\ cur' = [cur EXCEPT ![t] = IF h /= 0 THEN h ELSE cur[t]]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, lhead, dropped, opi, port, vc, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, nxt>>

G4_readHead(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "G4_readHead"
  /\ pc' = [pc EXCEPT ![t] = "G5_clearLinked"]
  /\ cur' = [cur EXCEPT ![t] = head[GuestV(t)][kq[t]]]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, nxt>>

G5_clearLinked(t) ==
  LET p == port[t]
      v == GuestV(t)
      h == cur[t]
      nx == W(h).LINK
  IN
  /\ pc[t] = "G5_clearLinked"
  /\ word' = IF h /= 0 THEN [word EXCEPT ![h].L = FALSE, ![h].LINK = 0] ELSE word
  /\ lready' = IF nx = 0 THEN [lready EXCEPT ![v] = @ \ {kq[t]}] ELSE lready
  /\ pc' = [pc EXCEPT ![t] = "G7_testPending"]
  /\ nxt' = [nxt EXCEPT ![t] = nx]
  /\ UNCHANGED <<prio, nv, lastv, lastp, tail, owner, head, ready, lhead, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur>>

G7_testPending(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "G7_testPending"
  /\ lhead' = IF W(cur[t]).P THEN lhead ELSE [lhead EXCEPT ![GuestV(t)][kq[t]] = nxt[t]]
  /\ pc' = [pc EXCEPT ![t] = IF W(cur[t]).P THEN "G7_testMasked" ELSE "G9_xchgReady"]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, ready, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

G7_testMasked(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "G7_testMasked"
  /\ lhead' = IF W(cur[t]).M THEN [lhead EXCEPT ![GuestV(t)][kq[t]] = nxt[t]] ELSE lhead
  /\ pc' = [pc EXCEPT ![t] = IF W(cur[t]).M THEN "G9_xchgReady" ELSE "G7_ackPending"]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, ready, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

G7_ackPending(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "G7_ackPending"
  /\ word' = [word EXCEPT ![cur[t]].P = FALSE]
  /\ lhead' = [lhead EXCEPT ![GuestV(t)][kq[t]] = nxt[t]]
  /\ pc' = [pc EXCEPT ![t] = "G9_xchgReady"]
  /\ UNCHANGED <<prio, nv, lastv, lastp, tail, owner, head, ready, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

G9_xchgReady(t) ==
  LET p == port[t]
      v == GuestV(t)
      lr == lready[v] \cup ready[v]
      k == IF lr = {} THEN kq[t] ELSE Min(lr)
      h == IF lr = {} THEN 0 ELSE lhead[v][k]
  IN
  /\ pc[t] = "G9_xchgReady"
  /\ ready' = [ready EXCEPT ![v] = {}]
  /\ lready' = [lready EXCEPT ![v] = lr]
  /\ pc' = [pc EXCEPT ![t] = IF lr = {} THEN StartPc(t, opi[t] + 1) ELSE IF h /= 0 THEN "G5_clearLinked" ELSE "G4_readHead"]
  /\ opi' = [opi EXCEPT ![t] = IF lr = {} THEN opi[t] + 1 ELSE opi[t]]
  /\ port' = [port EXCEPT ![t] = IF lr = {} THEN PortAt(t, opi[t] + 1) ELSE port[t]]
  /\ kq' = [kq EXCEPT ![t] = k]
  /\ cur' = [cur EXCEPT ![t] = IF h /= 0 THEN h ELSE cur[t]]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, lhead, dropped, vc, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, nxt>>

U0_setMasked(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "U0_setMasked"
  /\ word' = [word EXCEPT ![p].M = TRUE]
  /\ pc' = [pc EXCEPT ![t] = StartPc(t, opi[t] + 1)]
  /\ opi' = [opi EXCEPT ![t] = opi[t] + 1]
  /\ port' = [port EXCEPT ![t] = PortAt(t, opi[t] + 1)]
  /\ UNCHANGED <<prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

U1_clearMasked(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "U1_clearMasked"
  /\ ~word[p].B
  /\ word' = [word EXCEPT ![p].M = FALSE]
  /\ pc' = [pc EXCEPT ![t] = "U2_testPending"]
  /\ UNCHANGED <<prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, opi, port, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

U2_testPending(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "U2_testPending"
  /\ pc' = [pc EXCEPT ![t] = IF ~word[p].P THEN StartPc(t, opi[t] + 1) ELSE "X0_readNv"]
  /\ opi' = [opi EXCEPT ![t] = IF ~word[p].P THEN opi[t] + 1 ELSE opi[t]]
  /\ port' = [port EXCEPT ![t] = IF ~word[p].P THEN PortAt(t, opi[t] + 1) ELSE port[t]]
  /\ UNCHANGED <<word, prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

U1c_clearMaskedCond(t) ==
  LET p == port[t]
  IN
  /\ pc[t] = "U1c_clearMaskedCond"
  /\ ~(word[p].M /\ ~word[p].P /\ word[p].B)
  /\ word' = IF word[p].M /\ ~word[p].P THEN [word EXCEPT ![p].M = FALSE] ELSE word
  /\ pc' = [pc EXCEPT ![t] = IF ~word[p].M \/ ~word[p].P THEN StartPc(t, opi[t] + 1) ELSE "X0_readNv"]
  /\ opi' = [opi EXCEPT ![t] = IF ~word[p].M \/ ~word[p].P THEN opi[t] + 1 ELSE opi[t]]
  /\ port' = [port EXCEPT ![t] = IF ~word[p].M \/ ~word[p].P THEN PortAt(t, opi[t] + 1) ELSE port[t]]
  /\ UNCHANGED <<prio, nv, lastv, lastp, tail, owner, head, ready, lhead, lready, dropped, vc, kq, lv, lp, lv2, lp2, tmp, wasP, linked, tries, tl, ws, nfail, cur, nxt>>

Step(t) ==
    \/ X0_readNv(t)
    \/ XU1_clearMasked(t)
    \/ XU2_testPending(t)
    \/ XP_writePrio(t)
    \/ XB_writeNv(t)
    \/ A2_readPrio(t)
    \/ A3_tasPending(t)
    \/ B1_tasPending(t)
    \/ D1_tasPending(t)
    \/ E4_tasPending(t)
    \/ A4_testMasked(t)
    \/ B2_testMasked(t)
    \/ D2_testMasked(t)
    \/ A5_tasLinked(t)
    \/ A6_lockQ(t)
    \/ B10d_lockQ(t)
    \/ D8d_lockQ(t)
    \/ E1c_lockQ(t)
    \/ A7_readTail(t)
    \/ A8_writeHead(t)
    \/ B12_writeHead(t)
    \/ D10_writeHead(t)
    \/ E5d_writeHead(t)
    \/ A9_writeTail(t)
    \/ B13_writeTail(t)
    \/ D11_writeTail(t)
    \/ E5e_writeTail(t)
    \/ A10_unlockQ(t)
    \/ A11_tasReady(t)
    \/ B15_tasReady(t)
    \/ D13_tasReady(t)
    \/ E7_tasReady(t)
    \/ SL1_readTail(t)
    \/ S1_readTail(t)
    \/ SL3_cas(t)
    \/ S3_cas(t)
    \/ S4_setBusy(t)
    \/ S5_readTail(t)
    \/ S6_cas(t)
    \/ S6_clearBusy(t)
    \/ S7_clearBusy(t)
    \/ B3_testLinked(t)
    \/ D3_testLinked(t)
    \/ B4_readPrio(t)
    \/ D4_readPrio(t)
    \/ B5_readLastv(t)
    \/ B6_readLastp(t)
    \/ B7_lockOldQ(t)
    \/ B8_setLinked(t)
    \/ B9_invalidateTail(t)
    \/ D7_invalidateTail(t)
    \/ E5a_invalidateTail(t)
    \/ B10a_readNv(t)
    \/ D8a_readNv(t)
    \/ B10a_writeLastv(t)
    \/ D8a_writeLastv(t)
    \/ B10b_readPrio(t)
    \/ D8b_readPrio(t)
    \/ B10b_writeLastp(t)
    \/ D8b_writeLastp(t)
    \/ D8_writeLastq(t)
    \/ B10c_unlockOldQ(t)
    \/ D8c_unlockOldQ(t)
    \/ E1f_unlockOldQ(t)
    \/ E6_unlockOldQ(t)
    \/ B11_readTail(t)
    \/ D9_readTail(t)
    \/ E5c_readTail(t)
    \/ B14_unlockQ(t)
    \/ D12_unlockQ(t)
    \/ E6_unlockQ(t)
    \/ L1_readLastv(t)
    \/ L2_readLastp(t)
    \/ L1_readLastq(t)
    \/ L3_lockOldQ(t)
    \/ L4_rereadLastv(t)
    \/ L5_rereadLastp(t)
    \/ L7_unlockOldQ(t)
    \/ C8_tasLinked(t)
    \/ D6_tasLinked(t)
    \/ C8_unlockOldQ(t)
    \/ D6_unlockOldQ(t)
    \/ E1a_readLastq(t)
    \/ E1b_readPrio(t)
    \/ E1c_lockFirst(t)
    \/ E1c_lockSecond(t)
    \/ E1d_rereadLastq(t)
    \/ E1d_rereadPrio(t)
    \/ E1f_unlockQ(t)
    \/ E5_testMasked(t)
    \/ E5_tasLinked(t)
    \/ E5b_writeLastq(t)
    \/ E5b_unlockOldQ(t)
    \/ G0_xchgReady(t)
    \/ G4_readHead(t)
    \/ G5_clearLinked(t)
    \/ G7_testPending(t)
    \/ G7_testMasked(t)
    \/ G7_ackPending(t)
    \/ G9_xchgReady(t)
    \/ U0_setMasked(t)
    \/ U1_clearMasked(t)
    \/ U2_testPending(t)
    \/ U1c_clearMaskedCond(t)

\* An execution that has ended stutters, so TLC reports only real deadlocks.
Terminated == (\A t \in Threads : Finished(t)) /\ UNCHANGED vars

Next == (\E t \in Threads : Step(t)) \/ Terminated

Spec == Init /\ [][Next]_vars

=============================================================================

