<#assign bar = "-"?left_pad(29, "-")>
${bar} MODULE ${module} ${bar}
(***************************************************************************)
(* Written by racetrace new-model beside the model's Java class: the same  *)
(* system, one PlusCal label per Java step label. CPUs increment a shared  *)
(* counter; an op "inc" is a load of the counter into a register (load)    *)
(* and a store of register + 1 (store). In variant buggy the store is      *)
(* plain; in fixed it is a compare-and-exchange that fails, and sends the  *)
(* CPU back to load, when the counter moved since its load.                *)
(*                                                                         *)
(* The engine's part (racetrace.api): the constants Variant, Actor (each   *)
(* thread's actor) and Script (each thread's ops); per thread, opi counts  *)
(* the ops it has begun, and the step that ends an op begins the next one  *)
(* of its script at its actor's first label, or leaves the thread Done.    *)
(* Edit the algorithm, then translate (racetrace's docs/tla.md): the TLA+  *)
(* below it is what pcal.trans writes.                                     *)
(***************************************************************************)
EXTENDS Naturals, Sequences

CONSTANTS Variant,  \* "buggy", or "fixed": the store is a compare-and-exchange
          Actor,    \* Actor[t]: "cpu"
          Script    \* Script[t]: the ops of thread t, [name |-> "inc", args |-> <<>>] each

Threads == 1..Len(Actor)
RECURSIVE SumTo(_, _)
SumTo(f, k) == IF k = 0 THEN 0 ELSE f[k] + SumTo(f, k - 1)

ASSUME Variant \in {"buggy", "fixed"}
ASSUME /\ Len(Script) = Len(Actor)
       /\ \A t \in Threads : /\ Actor[t] = "cpu"
                             /\ Len(Script[t]) >= 1
                             /\ \A i \in 1..Len(Script[t]) : Script[t][i].name = "inc"

(* --algorithm ${module}
variables counter = 0,                  \* the shared counter
          reg = [t \in Threads |-> 0],  \* reg[t]: the value CPU t loaded
          opi = [t \in Threads |-> 1];  \* opi[t]: the ops CPU t has begun

define
  TypeOK == /\ counter \in Nat /\ reg \in [Threads -> Nat] /\ opi \in [Threads -> Nat \ {0}]
            /\ pc \in [Threads -> {"load", "store", "Done"}]
  \* When every CPU is done, the counter counts every increment.
  NoLostUpdate == (\A t \in Threads : pc[t] = "Done") => counter = SumTo(opi, Len(Actor))
end define;

process cpu \in Threads
begin
  load:  reg[self] := counter;
  store: if Variant = "fixed" /\ counter # reg[self] then
           goto load;  \* the exchange failed: the counter moved since the load
         else
           counter := reg[self] + 1;
           if opi[self] < Len(Script[self]) then opi[self] := opi[self] + 1; goto load; end if;
         end if;
end process;
end algorithm; *)

\* BEGIN TRANSLATION
VARIABLES counter, reg, opi, pc

(* define statement *)
TypeOK == /\ counter \in Nat /\ reg \in [Threads -> Nat] /\ opi \in [Threads -> Nat \ {0}]
          /\ pc \in [Threads -> {"load", "store", "Done"}]

NoLostUpdate == (\A t \in Threads : pc[t] = "Done") => counter = SumTo(opi, Len(Actor))


vars == << counter, reg, opi, pc >>

ProcSet == (Threads)

Init == (* Global variables *)
        /\ counter = 0
        /\ reg = [t \in Threads |-> 0]
        /\ opi = [t \in Threads |-> 1]
        /\ pc = [self \in ProcSet |-> "load"]

load(self) == /\ pc[self] = "load"
              /\ reg' = [reg EXCEPT ![self] = counter]
              /\ pc' = [pc EXCEPT ![self] = "store"]
              /\ UNCHANGED << counter, opi >>

store(self) == /\ pc[self] = "store"
               /\ IF Variant = "fixed" /\ counter # reg[self]
                     THEN /\ pc' = [pc EXCEPT ![self] = "load"]
                          /\ UNCHANGED << counter, opi >>
                     ELSE /\ counter' = reg[self] + 1
                          /\ IF opi[self] < Len(Script[self])
                                THEN /\ opi' = [opi EXCEPT ![self] = opi[self] + 1]
                                     /\ pc' = [pc EXCEPT ![self] = "load"]
                                ELSE /\ pc' = [pc EXCEPT ![self] = "Done"]
                                     /\ opi' = opi
               /\ reg' = reg

cpu(self) == load(self) \/ store(self)

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == /\ \A self \in ProcSet: pc[self] = "Done"
               /\ UNCHANGED vars

Next == (\E self \in Threads: cpu(self))
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION

\* Thread t's next step (the action racetrace's trace checks constrain Next to).
Step(t) == cpu(t)
${"="?left_pad(77, "=")}
