------------------------------ MODULE Seqlock ------------------------------
(***************************************************************************)
(* A sequence lock over a pair of words, step for step as SeqlockModel.java *)
(* takes them: one action per Java step label, pc[t] = the label of t's    *)
(* next step. Writers: w_lock, w_begin (count odd), w_d1, w_d2, w_end      *)
(* (count even), w_unlock. Readers: r_begin (load the count; in the fixed  *)
(* variant only when it is even), r_d1, r_d2, r_retry (load the count      *)
(* again: retry if it moved, else return the pair).                        *)
(***************************************************************************)
EXTENDS Naturals, Sequences
CONSTANTS Roles,    \* Roles[t]: "writer" or "reader"
          Ops,      \* Ops[t]: how many writes or reads thread t makes
          WaitEven  \* TRUE in variant fixed: a reader starts on an even count only
VARIABLES seq, d1, d2, \* the count and the two words
          lock,        \* the writers' spinlock: owner, 0 = free
          pc,          \* pc[t]: label of t's next step, or "Done"
          val,         \* val[t]: the value writer t stores (the odd count it made)
          s,           \* s[t]: the count reader t loaded first
          r1, r2,      \* the words reader t loaded
          got1, got2,  \* the pair reader t returned last
          opi          \* opi[t]: ops t has finished
vars == <<seq, d1, d2, lock, pc, val, s, r1, r2, got1, got2, opi>>

Threads == 1..Len(Roles)
First(t) == IF Roles[t] = "writer" THEN "w_lock" ELSE "r_begin"
AfterOp(t) == IF opi[t] + 1 = Ops[t] THEN "Done" ELSE First(t)
Zero == [t \in Threads |-> 0]
Goto(t, l) == pc' = [pc EXCEPT ![t] = l]

Init == /\ seq = 0 /\ d1 = 0 /\ d2 = 0 /\ lock = 0
        /\ pc = [t \in Threads |-> IF Ops[t] = 0 THEN "Done" ELSE First(t)]
        /\ val = Zero /\ s = Zero /\ r1 = Zero /\ r2 = Zero
        /\ got1 = Zero /\ got2 = Zero /\ opi = Zero

WLock(t) == /\ pc[t] = "w_lock" /\ lock = 0 /\ lock' = t /\ Goto(t, "w_begin")
            /\ UNCHANGED <<seq, d1, d2, val, s, r1, r2, got1, got2, opi>>
WBegin(t) == /\ pc[t] = "w_begin" /\ seq' = seq + 1 /\ val' = [val EXCEPT ![t] = seq + 1]
             /\ Goto(t, "w_d1") /\ UNCHANGED <<d1, d2, lock, s, r1, r2, got1, got2, opi>>
WD1(t) == /\ pc[t] = "w_d1" /\ d1' = val[t] /\ Goto(t, "w_d2")
          /\ UNCHANGED <<seq, d2, lock, val, s, r1, r2, got1, got2, opi>>
WD2(t) == /\ pc[t] = "w_d2" /\ d2' = val[t] /\ Goto(t, "w_end")
          /\ UNCHANGED <<seq, d1, lock, val, s, r1, r2, got1, got2, opi>>
WEnd(t) == /\ pc[t] = "w_end" /\ seq' = seq + 1 /\ Goto(t, "w_unlock")
           /\ UNCHANGED <<d1, d2, lock, val, s, r1, r2, got1, got2, opi>>
WUnlock(t) == /\ pc[t] = "w_unlock" /\ lock' = 0 /\ opi' = [opi EXCEPT ![t] = @ + 1] /\ Goto(t, AfterOp(t))
              /\ UNCHANGED <<seq, d1, d2, val, s, r1, r2, got1, got2>>

RBegin(t) == /\ pc[t] = "r_begin" /\ (WaitEven => seq % 2 = 0)
             /\ s' = [s EXCEPT ![t] = seq] /\ Goto(t, "r_d1")
             /\ UNCHANGED <<seq, d1, d2, lock, val, r1, r2, got1, got2, opi>>
RD1(t) == /\ pc[t] = "r_d1" /\ r1' = [r1 EXCEPT ![t] = d1] /\ Goto(t, "r_d2")
          /\ UNCHANGED <<seq, d1, d2, lock, val, s, r2, got1, got2, opi>>
RD2(t) == /\ pc[t] = "r_d2" /\ r2' = [r2 EXCEPT ![t] = d2] /\ Goto(t, "r_retry")
          /\ UNCHANGED <<seq, d1, d2, lock, val, s, r1, got1, got2, opi>>
RRetry(t) == /\ pc[t] = "r_retry"
             /\ IF seq # s[t]
                THEN Goto(t, "r_begin") /\ UNCHANGED <<got1, got2, opi>>
                ELSE /\ got1' = [got1 EXCEPT ![t] = r1[t]] /\ got2' = [got2 EXCEPT ![t] = r2[t]]
                     /\ opi' = [opi EXCEPT ![t] = @ + 1] /\ Goto(t, AfterOp(t))
             /\ UNCHANGED <<seq, d1, d2, lock, val, s, r1, r2>>

Step(t) == WLock(t) \/ WBegin(t) \/ WD1(t) \/ WD2(t) \/ WEnd(t) \/ WUnlock(t)
           \/ RBegin(t) \/ RD1(t) \/ RD2(t) \/ RRetry(t)
\* Once every thread is done the run stutters, so that TLC, which checks deadlock,
\* reports only a real one (as racetrace's hunt does).
Done == \A t \in Threads : pc[t] = "Done"
Next == (\E t \in Threads : Step(t)) \/ (Done /\ UNCHANGED vars)

\* Every pair a reader returned was written by one write.
NoTornRead == \A t \in Threads : got1[t] = got2[t]
=============================================================================
