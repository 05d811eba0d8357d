---- MODULE MC${module}Fixed ----
\* Variant fixed, three CPUs: two increments, one, one (a .cfg cannot hold sequences of records).
EXTENDS ${module}
c_Variant == "fixed"
c_Actor == <<"cpu", "cpu", "cpu">>
c_Script == <<<<[name |-> "inc", args |-> <<>>], [name |-> "inc", args |-> <<>>]>>,
              <<[name |-> "inc", args |-> <<>>]>>, <<[name |-> "inc", args |-> <<>>]>>>>
====
