---------------------------- MODULE MCXenFifo ----------------------------
(* e2 under the callers of its era (2020-11), one vCPU, two ports (port 1 *)
(* masked): a Xen CPU sends 2 then 1 while the guest unmasks 1. Every     *)
(* invariant holds. MCXenFifoSeed is the same scenario in version b.      *)
EXTENDS XenFifo
MC_Version == "e2"
MC_Callers == "2020-11"
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
