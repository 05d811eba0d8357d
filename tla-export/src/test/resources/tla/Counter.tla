------------------------------ MODULE Counter ------------------------------
(***************************************************************************)
(* Test spec for the toy LostIncrementModel of the engine tests: each op   *)
(* of a thread increments a shared counter non-atomically (load into a     *)
(* register, then store register + 1), "inc" once and "incTwice" twice,    *)
(* optionally each op under a lock. Follows the racetrace convention: Init, *)
(* Next, vars, Step(t) for t in 1..N, pc[t] = label of t's next step.      *)
(***************************************************************************)
EXTENDS Naturals, Sequences
CONSTANTS Scripts,  \* Scripts[t]: the ops of thread t, "inc" or "incTwice"
          Start,    \* the counter's initial value
          Locked    \* whether each op holds the lock (the variant)
VARIABLES counter,  \* the shared counter
          pc,       \* pc[t]: label of t's next step, or "Done"
          reg,      \* reg[t]: t's register
          opi,      \* opi[t]: ops t has finished
          round,    \* round[t]: stores t has done in its current op
          owner     \* the lock's owner, 0 = free
vars == <<counter, pc, reg, opi, round, owner>>
N == Len(Scripts)
Threads == 1..N
ASSUME /\ Locked \in BOOLEAN /\ Start \in Nat
       /\ \A t \in Threads : \A i \in 1..Len(Scripts[t]) : Scripts[t][i] \in {"inc", "incTwice"}
Cost(o) == IF o = "inc" THEN 1 ELSE 2
RECURSIVE Total(_)
Total(s) == IF s = <<>> THEN 0 ELSE Head(s) + Total(Tail(s))
Expected == Start + Total([t \in Threads |-> Total([i \in 1..Len(Scripts[t]) |-> Cost(Scripts[t][i])])])
First(t) == IF Locked THEN "lock" ELSE "load"
Init == /\ counter = Start
        /\ pc = [t \in Threads |-> IF Len(Scripts[t]) = 0 THEN "Done" ELSE First(t)]
        /\ reg = [t \in Threads |-> 0]
        /\ opi = [t \in Threads |-> 0]
        /\ round = [t \in Threads |-> 0]
        /\ owner = 0
Lock(t) == /\ pc[t] = "lock" /\ owner = 0
           /\ owner' = t /\ pc' = [pc EXCEPT ![t] = "load"]
           /\ UNCHANGED <<counter, reg, opi, round>>
Load(t) == /\ pc[t] = "load"
           /\ reg' = [reg EXCEPT ![t] = counter] /\ pc' = [pc EXCEPT ![t] = "store"]
           /\ UNCHANGED <<counter, opi, round, owner>>
Store(t) == /\ pc[t] = "store"
            /\ counter' = reg[t] + 1
            /\ IF round[t] + 1 = Cost(Scripts[t][opi[t] + 1])
               THEN /\ round' = [round EXCEPT ![t] = 0]
                    /\ opi' = [opi EXCEPT ![t] = @ + 1]
                    /\ owner' = IF Locked THEN 0 ELSE owner
                    /\ pc' = [pc EXCEPT ![t] = IF opi[t] + 1 = Len(Scripts[t]) THEN "Done" ELSE First(t)]
               ELSE /\ round' = [round EXCEPT ![t] = @ + 1]
                    /\ pc' = [pc EXCEPT ![t] = "load"]
                    /\ UNCHANGED <<opi, owner>>
            /\ UNCHANGED reg
Step(t) == Lock(t) \/ Load(t) \/ Store(t)
Next == \E t \in Threads : Step(t)
TypeOK == /\ counter \in Nat /\ owner \in 0..N /\ pc \in [Threads -> {"lock", "load", "store", "Done"}]
          /\ reg \in [Threads -> Nat] /\ opi \in [Threads -> Nat] /\ round \in [Threads -> 0..1]
NoLostIncrement == (\A t \in Threads : pc[t] = "Done") => counter = Expected
=============================================================================
