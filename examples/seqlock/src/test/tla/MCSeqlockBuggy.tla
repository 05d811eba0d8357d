---- MODULE MCSeqlockBuggy ----
\* Variant buggy: one scenario's constants (a .cfg cannot hold sequences of records).
EXTENDS Seqlock
c_Variant == "buggy"
c_Actor == <<"writer", "reader">>
c_Script == <<<<[name |-> "write", args |-> <<>>]>>, <<[name |-> "read", args |-> <<>>]>>>>
====
