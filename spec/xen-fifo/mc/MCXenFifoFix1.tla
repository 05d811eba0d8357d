---------------------------- MODULE MCXenFifoFix1 ----------------------------
(* The same scenario with the mail's fix 1 (a per-event lock serialising  *)
(* set_pending for each port): every invariant holds.                      *)
EXTENDS XenFifo
MC_Version == "fix1"
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
