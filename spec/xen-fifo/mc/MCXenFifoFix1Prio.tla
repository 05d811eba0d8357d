---------------------------- MODULE MCXenFifoFix1Prio ----------------------------
(* Fix 1 does not serialise set_priority (under the guest's event_lock)  *)
(* with a send (the sender's): the new last queue re-reads a priority that *)
(* changed behind set_pending's back (race D), and LastQueueCorrect fails. *)
EXTENDS XenFifo
MC_Version == "fix1"
MC_Callers == "2013"
MC_NV == 1
MC_NK == 2
MC_NP == 1
MC_Masked == 0
MC_OldTail == 0
MC_UnmaskForm == 0
MC_Actor == <<"xen-cpu", "xen-cpu", "guest">>
MC_Script == <<<<[op |-> "send", a |-> 1, b |-> 0]>>,
               <<[op |-> "setPriority", a |-> 1, b |-> 0], [op |-> "unmask", a |-> 1, b |-> 0]>>,
               <<[op |-> "upcall", a |-> 0, b |-> 0], [op |-> "upcall", a |-> 0, b |-> 0]>>>>
=============================================================================
