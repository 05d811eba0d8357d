---- MODULE MCSeqlockFixed ----
\* Variant fixed: one scenario's constants (a .cfg cannot hold sequences of records).
EXTENDS Seqlock
c_Variant == "fixed"
c_Actor == <<"writer", "writer", "reader">>
c_Script == <<<<[name |-> "write", args |-> <<>>]>>, <<[name |-> "write", args |-> <<>>]>>, <<[name |-> "read", args |-> <<>>], [name |-> "read", args |-> <<>>]>>>>
====
