---------------------------- MODULE MCXenFifoD1 ----------------------------
(* d' (6f6f07b6) under the callers of its era (2020-09): a send (its own  *)
(* channel's lock) against the unmask hypercall (port 1's lock) and a      *)
(* bind_vcpu: the double torn read of the last queue links the port to     *)
(* itself (race A).                                                        *)
EXTENDS XenFifo
MC_Version == "d1"
MC_Callers == "2020-09"
MC_NV == 2
MC_NK == 2
MC_NP == 1
MC_Masked == 0
MC_OldTail == 0
MC_UnmaskForm == 0
MC_Actor == <<"xen-cpu", "xen-cpu", "guest", "guest">>
MC_Script == <<<<[op |-> "bindVcpu", a |-> 1, b |-> 1], [op |-> "send", a |-> 1, b |-> 0]>>,
               <<[op |-> "unmask", a |-> 1, b |-> 0]>>,
               <<[op |-> "upcall", a |-> 0, b |-> 0]>>,
               <<[op |-> "upcall", a |-> 0, b |-> 0]>>>>
=============================================================================
