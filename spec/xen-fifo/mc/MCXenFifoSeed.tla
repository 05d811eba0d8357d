---------------------------- MODULE MCXenFifoSeed ----------------------------
(* The seed mail's second race in PATCHv5 2/2 (version b) with the callers *)
(* it names (2013): a Xen CPU sends 2 then 1 (the sender's event_lock)    *)
(* while the guest clears MASKED, sees PENDING and makes the unmask       *)
(* hypercall (the guest's event_lock): port 1 is linked twice.            *)
EXTENDS XenFifo
MC_Version == "b"
MC_Callers == "2013"
MC_NV == 1
MC_NK == 1
MC_NP == 2
MC_Masked == 1
MC_OldTail == 0
MC_UnmaskForm == 0
MC_Actor == <<"xen-cpu", "guest-unmask">>
MC_Script == <<<<[op |-> "send", a |-> 2, b |-> 0], [op |-> "send", a |-> 1, b |-> 0]>>,
               <<[op |-> "unmask", a |-> 1, b |-> 0]>>>>
=============================================================================
