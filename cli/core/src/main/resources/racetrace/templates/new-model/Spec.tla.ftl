<#assign bar = "-"?left_pad(30, "-")>
${bar} MODULE ${module} ${bar}
(***************************************************************************)
(* Written by racetrace new-model beside ${prefix}Model.java: the same      *)
(* system, step for step. Replace both together; the rules are in          *)
(* racetrace's tla-export/README.md: VARIABLES = the model's variables(),  *)
(* in order; CONSTANTS = its tlaConstants(); Step(t) for thread t = 1..N;  *)
(* pc[t] = the Java label of t's next step; one operator per invariant.    *)
(***************************************************************************)
EXTENDS Naturals, Sequences
CONSTANTS Ops,     \* Ops[t]: how many increments thread t makes
          Locked   \* TRUE in variant fixed: each increment holds the lock
VARIABLES counter, \* the shared counter
          owner,   \* the lock's owner, 0 = free
          pc,      \* pc[t]: label of t's next step, or "Done"
          reg,     \* reg[t]: t's register
          opi      \* opi[t]: increments t has finished
vars == <<counter, owner, pc, reg, opi>>

N == Len(Ops)
Threads == 1..N
First == IF Locked THEN "lock" ELSE "load"
RECURSIVE Sum(_)
Sum(s) == IF s = <<>> THEN 0 ELSE Head(s) + Sum(Tail(s))

Init == /\ counter = 0
        /\ owner = 0
        /\ pc = [t \in Threads |-> IF Ops[t] = 0 THEN "Done" ELSE First]
        /\ reg = [t \in Threads |-> 0]
        /\ opi = [t \in Threads |-> 0]

Lock(t) == /\ pc[t] = "lock" /\ owner = 0
           /\ owner' = t
           /\ pc' = [pc EXCEPT ![t] = "load"]
           /\ UNCHANGED <<counter, reg, opi>>

Load(t) == /\ pc[t] = "load"
           /\ reg' = [reg EXCEPT ![t] = counter]
           /\ pc' = [pc EXCEPT ![t] = "store"]
           /\ UNCHANGED <<counter, owner, opi>>

Store(t) == /\ pc[t] = "store"
            /\ counter' = reg[t] + 1
            /\ opi' = [opi EXCEPT ![t] = @ + 1]
            /\ pc' = [pc EXCEPT ![t] = IF Locked THEN "unlock"
                                       ELSE IF opi[t] + 1 = Ops[t] THEN "Done" ELSE "load"]
            /\ UNCHANGED <<owner, reg>>

Unlock(t) == /\ pc[t] = "unlock"
             /\ owner' = 0
             /\ pc' = [pc EXCEPT ![t] = IF opi[t] = Ops[t] THEN "Done" ELSE "lock"]
             /\ UNCHANGED <<counter, reg, opi>>

Step(t) == Lock(t) \/ Load(t) \/ Store(t) \/ Unlock(t)
\* Once every thread is done the run stutters: TLC checks deadlock, as racetrace's
\* hunt does, and an ended run is no deadlock. A thread that may rightly wait forever
\* (a server with no requests) belongs here too, as it does in the model's finished().
Ended == \A t \in Threads : pc[t] = "Done"
Next == (\E t \in Threads : Step(t)) \/ (Ended /\ UNCHANGED vars)

\* The invariants, named as in the Java model.
NoLostUpdate == (\A t \in Threads : pc[t] = "Done") => counter = Sum(Ops)
${"="?left_pad(70, "=")}
