---------------------------- MODULE MCXenFifo ----------------------------
(* An example model: e2, one vCPU, two ports (port 1 masked), a Xen CPU    *)
(* sending 2 then 1 while the guest unmasks 1. Change MC_Version to "b"    *)
(* to see the double link of the seed thread (Reachable).                  *)
EXTENDS XenFifo
MC_Version == "e2"
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
