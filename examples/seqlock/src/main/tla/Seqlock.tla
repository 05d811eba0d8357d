------------------------------ MODULE Seqlock ------------------------------
(***************************************************************************)
(* A sequence lock over a pair of words, step for step as SeqlockModel     *)
(* takes them: one PlusCal label per Java step label. Writers: w_lock,     *)
(* w_begin (count odd), w_d1, w_d2, w_end (count even), w_unlock. Readers: *)
(* r_begin (load the count; in variant fixed only when it is even), r_d1,  *)
(* r_d2, r_retry (load the count again: retry if it moved, else return the *)
(* pair). The invariant NoTornRead: every pair a reader returned was       *)
(* written by one write.                                                   *)
(*                                                                         *)
(* The engine's part (racetrace.api): the constants Variant, Actor (each   *)
(* thread's actor) and Script (each thread's ops); per thread, opi counts  *)
(* the ops it has begun, and the step that ends an op begins the next one  *)
(* of its script at its actor's first label, or leaves the thread Done.    *)
(* The TLA+ below the algorithm is what pcal.trans writes: do not edit it, *)
(* translate (docs/tla.md).                                                *)
(***************************************************************************)
EXTENDS Naturals, Sequences

CONSTANTS Variant,  \* "buggy", or "fixed": a reader starts on an even count only
          Actor,    \* Actor[t]: "writer" or "reader"
          Script    \* Script[t]: the ops of thread t, [name |-> "write" or "read", args |-> <<>>] each

Threads == 1..Len(Actor)
Writers == {t \in Threads : Actor[t] = "writer"}
Readers == {t \in Threads : Actor[t] = "reader"}

ASSUME Variant \in {"buggy", "fixed"}
ASSUME /\ Len(Script) = Len(Actor)
       /\ \A t \in Threads : /\ Actor[t] \in {"writer", "reader"}
                             /\ Len(Script[t]) >= 1
                             /\ \A i \in 1..Len(Script[t]) :
                                   Script[t][i].name = IF Actor[t] = "writer" THEN "write" ELSE "read"

(* --algorithm Seqlock
variables seq = 0, d1 = 0, d2 = 0,   \* the count and the two words
          lock = 0,                  \* the writers' spinlock: its owner, 0 when free
          val = [t \in Threads |-> 0],                 \* the value writer t stores
          s = [t \in Threads |-> 0],                   \* the count reader t loaded first
          r1 = [t \in Threads |-> 0], r2 = [t \in Threads |-> 0],     \* the words it loaded
          got1 = [t \in Threads |-> 0], got2 = [t \in Threads |-> 0], \* the pair it returned
          opi = [t \in Threads |-> 1];                 \* the ops t has begun

define
  TypeOK == /\ seq \in Nat /\ d1 \in Nat /\ d2 \in Nat /\ lock \in 0..Len(Actor)
            /\ \A v \in {val, s, r1, r2, got1, got2, opi} : v \in [Threads -> Nat]
            /\ pc \in [Threads -> {"w_lock", "w_begin", "w_d1", "w_d2", "w_end", "w_unlock",
                                   "r_begin", "r_d1", "r_d2", "r_retry", "Done"}]
  NoTornRead == \A t \in Threads : got1[t] = got2[t]
end define;

process writer \in Writers
begin
  w_lock:   await lock = 0; lock := self;
  w_begin:  seq := seq + 1; val[self] := seq;
  w_d1:     d1 := val[self];
  w_d2:     d2 := val[self];
  w_end:    seq := seq + 1;
  w_unlock: lock := 0;
            if opi[self] < Len(Script[self]) then opi[self] := opi[self] + 1; goto w_lock; end if;
end process;

process reader \in Readers
begin
  r_begin:  await Variant = "buggy" \/ seq % 2 = 0; s[self] := seq;
  r_d1:     r1[self] := d1;
  r_d2:     r2[self] := d2;
  r_retry:  if seq # s[self] then goto r_begin;
            else got1[self] := r1[self]; got2[self] := r2[self];
                 if opi[self] < Len(Script[self]) then opi[self] := opi[self] + 1; goto r_begin; end if;
            end if;
end process;
end algorithm; *)

\* BEGIN TRANSLATION
VARIABLES seq, d1, d2, lock, val, s, r1, r2, got1, got2, opi, pc

(* define statement *)
TypeOK == /\ seq \in Nat /\ d1 \in Nat /\ d2 \in Nat /\ lock \in 0..Len(Actor)
          /\ \A v \in {val, s, r1, r2, got1, got2, opi} : v \in [Threads -> Nat]
          /\ pc \in [Threads -> {"w_lock", "w_begin", "w_d1", "w_d2", "w_end", "w_unlock",
                                 "r_begin", "r_d1", "r_d2", "r_retry", "Done"}]
NoTornRead == \A t \in Threads : got1[t] = got2[t]


vars == << seq, d1, d2, lock, val, s, r1, r2, got1, got2, opi, pc >>

ProcSet == (Writers) \cup (Readers)

Init == (* Global variables *)
        /\ seq = 0
        /\ d1 = 0
        /\ d2 = 0
        /\ lock = 0
        /\ val = [t \in Threads |-> 0]
        /\ s = [t \in Threads |-> 0]
        /\ r1 = [t \in Threads |-> 0]
        /\ r2 = [t \in Threads |-> 0]
        /\ got1 = [t \in Threads |-> 0]
        /\ got2 = [t \in Threads |-> 0]
        /\ opi = [t \in Threads |-> 1]
        /\ pc = [self \in ProcSet |-> CASE self \in Writers -> "w_lock"
                                        [] self \in Readers -> "r_begin"]

w_lock(self) == /\ pc[self] = "w_lock"
                /\ lock = 0
                /\ lock' = self
                /\ pc' = [pc EXCEPT ![self] = "w_begin"]
                /\ UNCHANGED << seq, d1, d2, val, s, r1, r2, got1, got2, opi >>

w_begin(self) == /\ pc[self] = "w_begin"
                 /\ seq' = seq + 1
                 /\ val' = [val EXCEPT ![self] = seq']
                 /\ pc' = [pc EXCEPT ![self] = "w_d1"]
                 /\ UNCHANGED << d1, d2, lock, s, r1, r2, got1, got2, opi >>

w_d1(self) == /\ pc[self] = "w_d1"
              /\ d1' = val[self]
              /\ pc' = [pc EXCEPT ![self] = "w_d2"]
              /\ UNCHANGED << seq, d2, lock, val, s, r1, r2, got1, got2, opi >>

w_d2(self) == /\ pc[self] = "w_d2"
              /\ d2' = val[self]
              /\ pc' = [pc EXCEPT ![self] = "w_end"]
              /\ UNCHANGED << seq, d1, lock, val, s, r1, r2, got1, got2, opi >>

w_end(self) == /\ pc[self] = "w_end"
               /\ seq' = seq + 1
               /\ pc' = [pc EXCEPT ![self] = "w_unlock"]
               /\ UNCHANGED << d1, d2, lock, val, s, r1, r2, got1, got2, opi >>

w_unlock(self) == /\ pc[self] = "w_unlock"
                  /\ lock' = 0
                  /\ IF opi[self] < Len(Script[self])
                        THEN /\ opi' = [opi EXCEPT ![self] = opi[self] + 1]
                             /\ pc' = [pc EXCEPT ![self] = "w_lock"]
                        ELSE /\ pc' = [pc EXCEPT ![self] = "Done"]
                             /\ opi' = opi
                  /\ UNCHANGED << seq, d1, d2, val, s, r1, r2, got1, got2 >>

writer(self) == w_lock(self) \/ w_begin(self) \/ w_d1(self) \/ w_d2(self)
                   \/ w_end(self) \/ w_unlock(self)

r_begin(self) == /\ pc[self] = "r_begin"
                 /\ Variant = "buggy" \/ seq % 2 = 0
                 /\ s' = [s EXCEPT ![self] = seq]
                 /\ pc' = [pc EXCEPT ![self] = "r_d1"]
                 /\ UNCHANGED << seq, d1, d2, lock, val, r1, r2, got1, got2, 
                                 opi >>

r_d1(self) == /\ pc[self] = "r_d1"
              /\ r1' = [r1 EXCEPT ![self] = d1]
              /\ pc' = [pc EXCEPT ![self] = "r_d2"]
              /\ UNCHANGED << seq, d1, d2, lock, val, s, r2, got1, got2, opi >>

r_d2(self) == /\ pc[self] = "r_d2"
              /\ r2' = [r2 EXCEPT ![self] = d2]
              /\ pc' = [pc EXCEPT ![self] = "r_retry"]
              /\ UNCHANGED << seq, d1, d2, lock, val, s, r1, got1, got2, opi >>

r_retry(self) == /\ pc[self] = "r_retry"
                 /\ IF seq # s[self]
                       THEN /\ pc' = [pc EXCEPT ![self] = "r_begin"]
                            /\ UNCHANGED << got1, got2, opi >>
                       ELSE /\ got1' = [got1 EXCEPT ![self] = r1[self]]
                            /\ got2' = [got2 EXCEPT ![self] = r2[self]]
                            /\ IF opi[self] < Len(Script[self])
                                  THEN /\ opi' = [opi EXCEPT ![self] = opi[self] + 1]
                                       /\ pc' = [pc EXCEPT ![self] = "r_begin"]
                                  ELSE /\ pc' = [pc EXCEPT ![self] = "Done"]
                                       /\ opi' = opi
                 /\ UNCHANGED << seq, d1, d2, lock, val, s, r1, r2 >>

reader(self) == r_begin(self) \/ r_d1(self) \/ r_d2(self) \/ r_retry(self)

(* Allow infinite stuttering to prevent deadlock on termination. *)
Terminating == /\ \A self \in ProcSet: pc[self] = "Done"
               /\ UNCHANGED vars

Next == (\E self \in Writers: writer(self))
           \/ (\E self \in Readers: reader(self))
           \/ Terminating

Spec == Init /\ [][Next]_vars

Termination == <>(\A self \in ProcSet: pc[self] = "Done")

\* END TRANSLATION

\* Thread t takes its next step (the action a trace checker constrains Next to).
Step(t) == IF Actor[t] = "writer" THEN writer(t) ELSE reader(t)
=============================================================================
