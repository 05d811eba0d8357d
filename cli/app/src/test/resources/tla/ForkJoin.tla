------------------------------ MODULE ForkJoin ------------------------------
(***************************************************************************)
(* A pthread program, step for step as the Java program ForkJoin (engine   *)
(* tests, racetrace.engine.program) takes it: main creates its workers one *)
(* by one (m_create), joins them one by one (m_join) and reads the counter *)
(* they increment under a spinlock (m_read). Variant "early" reads before  *)
(* it joins; "forgotten" never creates its last worker, then joins it.     *)
(*                                                                         *)
(* The engine's notions: opi[t] is how many ops t has begun since it       *)
(* started, 0 while a created thread waits for its creator, so creating    *)
(* t is opi[t] := 1 and a waiting worker's first step awaits opi[t] > 0;   *)
(* a join awaits pc[t] = "Done". An op that ends begins the next op of the *)
(* thread's Script at its first label, or leaves the thread Done. The      *)
(* invariant SeenAll: main, once done, has seen every increment.           *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets

CONSTANTS Variant,  \* "joined", "early" or "forgotten"
          Actor,    \* Actor[t]: "main" or "worker"
          Script    \* Script[t]: the ops of thread t, [name |-> ..., args |-> <<>>] each

Threads == 1..Len(Actor)
Workers == {t \in Threads : Actor[t] = "worker"}
NW == Cardinality(Workers)
\* The i-th worker (from 0), in thread order, as Java's threads("worker").get(i).
WorkerAt(i) == CHOOSE w \in Workers : Cardinality({x \in Workers : x < w}) = i
Created == IF Variant = "forgotten" THEN NW - 1 ELSE NW

ASSUME Variant \in {"joined", "early", "forgotten"}
ASSUME Len(Script) = Len(Actor) /\ \A t \in Threads : Actor[t] \in {"main", "worker"} /\ Len(Script[t]) >= 1

(* --algorithm ForkJoin
variables counter = 0, lock = 0,
          i = [t \in Threads |-> 0], seen = [t \in Threads |-> 0], reg = [t \in Threads |-> 0],
          opi = [t \in Threads |-> IF Actor[t] = "worker" THEN 0 ELSE 1];

define
  Labels == {"m_create", "m_join", "m_read", "w_lock", "w_load", "w_store", "w_unlock", "Done"}
  TypeOK == /\ counter \in Nat /\ lock \in 0..Len(Actor)
            /\ i \in [Threads -> Nat] /\ seen \in [Threads -> Nat] /\ reg \in [Threads -> Nat]
            /\ opi \in [Threads -> Nat] /\ pc \in [Threads -> Labels]
  RECURSIVE Sum(_)
  Sum(S) == IF S = {} THEN 0 ELSE LET x == CHOOSE y \in S : TRUE IN opi[x] + Sum(S \ {x})
  SeenAll == \A m \in Threads : Actor[m] = "main" /\ pc[m] = "Done" => seen[m] = Sum(Workers)
end define;

process main \in {t \in Threads : Actor[t] = "main"}
begin
  m_create:
    if i[self] < Created then opi[WorkerAt(i[self])] := 1; end if;
    if i[self] + 1 < Created then i[self] := i[self] + 1; goto m_create;
    else i[self] := 0;
         if Variant = "early" then goto m_read; else goto m_join; end if;
    end if;
  m_join:
    await pc[WorkerAt(i[self])] = "Done";
    i[self] := i[self] + 1;
    if i[self] < NW then goto m_join;
    elsif Variant = "early" then goto Done;
    end if;
  m_read:
    seen[self] := counter; i[self] := 0;
    if Variant = "early" then goto m_join; end if;
end process;

process worker \in Workers
begin
  w_lock:   await opi[self] > 0 /\ lock = 0; lock := self;
  w_load:   reg[self] := counter;
  w_store:  counter := reg[self] + 1;
  w_unlock: lock := 0;
            if opi[self] < Len(Script[self]) then opi[self] := opi[self] + 1; goto w_lock; end if;
end process;
end algorithm; *)
\* BEGIN TRANSLATION (chksum(pcal) = "146affad" /\ chksum(tla) = "b889fed1")
VARIABLES counter, lock, i, seen, reg, opi, pc

(* define statement *)
Labels == {"m_create", "m_join", "m_read", "w_lock", "w_load", "w_store", "w_unlock", "Done"}
TypeOK == /\ counter \in Nat /\ lock \in 0..Len(Actor)
          /\ i \in [Threads -> Nat] /\ seen \in [Threads -> Nat] /\ reg \in [Threads -> Nat]
          /\ opi \in [Threads -> Nat] /\ pc \in [Threads -> Labels]
RECURSIVE Sum(_)
Sum(S) == IF S = {} THEN 0 ELSE LET x == CHOOSE y \in S : TRUE IN opi[x] + Sum(S \ {x})
SeenAll == \A m \in Threads : Actor[m] = "main" /\ pc[m] = "Done" => seen[m] = Sum(Workers)


vars == << counter, lock, i, seen, reg, opi, pc >>

ProcSet == ({t \in Threads : Actor[t] = "main"}) \cup (Workers)

Init == (* Global variables *)
        /\ counter = 0
        /\ lock = 0
        /\ i = [t \in Threads |-> 0]
        /\ seen = [t \in Threads |-> 0]
        /\ reg = [t \in Threads |-> 0]
        /\ opi = [t \in Threads |-> IF Actor[t] = "worker" THEN 0 ELSE 1]
        /\ pc = [self \in ProcSet |-> CASE self \in {t \in Threads : Actor[t] = "main"} -> "m_create"
                                        [] self \in Workers -> "w_lock"]

m_create(self) == /\ pc[self] = "m_create"
                  /\ IF i[self] < Created
                        THEN /\ opi' = [opi EXCEPT ![WorkerAt(i[self])] = 1]
                        ELSE /\ TRUE
                             /\ opi' = opi
                  /\ IF i[self] + 1 < Created
                        THEN /\ i' = [i EXCEPT ![self] = i[self] + 1]
                             /\ pc' = [pc EXCEPT ![self] = "m_create"]
                        ELSE /\ i' = [i EXCEPT ![self] = 0]
                             /\ IF Variant = "early"
                                   THEN /\ pc' = [pc EXCEPT ![self] = "m_read"]
                                   ELSE /\ pc' = [pc EXCEPT ![self] = "m_join"]
                  /\ UNCHANGED << counter, lock, seen, reg >>

m_join(self) == /\ pc[self] = "m_join"
                /\ pc[WorkerAt(i[self])] = "Done"
                /\ i' = [i EXCEPT ![self] = i[self] + 1]
                /\ IF i'[self] < NW
                      THEN /\ pc' = [pc EXCEPT ![self] = "m_join"]
                      ELSE /\ IF Variant = "early"
                                 THEN /\ pc' = [pc EXCEPT ![self] = "Done"]
                                 ELSE /\ pc' = [pc EXCEPT ![self] = "m_read"]
                /\ UNCHANGED << counter, lock, seen, reg, opi >>

m_read(self) == /\ pc[self] = "m_read"
                /\ seen' = [seen EXCEPT ![self] = counter]
                /\ i' = [i EXCEPT ![self] = 0]
                /\ IF Variant = "early"
                      THEN /\ pc' = [pc EXCEPT ![self] = "m_join"]
                      ELSE /\ pc' = [pc EXCEPT ![self] = "Done"]
                /\ UNCHANGED << counter, lock, reg, opi >>

main(self) == m_create(self) \/ m_join(self) \/ m_read(self)

w_lock(self) == /\ pc[self] = "w_lock"
                /\ opi[self] > 0 /\ lock = 0
                /\ lock' = self
                /\ pc' = [pc EXCEPT ![self] = "w_load"]
                /\ UNCHANGED << counter, i, seen, reg, opi >>

w_load(self) == /\ pc[self] = "w_load"
                /\ reg' = [reg EXCEPT ![self] = counter]
                /\ pc' = [pc EXCEPT ![self] = "w_store"]
                /\ UNCHANGED << counter, lock, i, seen, opi >>

w_store(self) == /\ pc[self] = "w_store"
                 /\ counter' = reg[self] + 1
                 /\ pc' = [pc EXCEPT ![self] = "w_unlock"]
                 /\ UNCHANGED << lock, i, seen, reg, opi >>

w_unlock(self) == /\ pc[self] = "w_unlock"
                  /\ lock' = 0
                  /\ IF opi[self] < Len(Script[self])
                        THEN /\ opi' = [opi EXCEPT ![self] = opi[self] + 1]
                             /\ pc' = [pc EXCEPT ![self] = "w_lock"]
                        ELSE /\ pc' = [pc EXCEPT ![self] = "Done"]
                             /\ opi' = opi
                  /\ UNCHANGED << counter, i, seen, reg >>

worker(self) == w_lock(self) \/ w_load(self) \/ w_store(self)
                   \/ w_unlock(self)

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == /\ \A self \in ProcSet: pc[self] = "Done"
               /\ UNCHANGED vars

Next == (\E self \in {t \in Threads : Actor[t] = "main"}: main(self))
           \/ (\E self \in Workers: worker(self))
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION 

Step(t) == IF Actor[t] = "main" THEN main(t) ELSE worker(t)
=============================================================================
