---- MODULE MC${module}Buggy ----
\* Variant buggy, two CPUs of one increment each (a .cfg cannot hold sequences of records).
EXTENDS ${module}
c_Variant == "buggy"
c_Actor == <<"cpu", "cpu">>
c_Script == <<<<[name |-> "inc", args |-> <<>>]>>, <<[name |-> "inc", args |-> <<>>]>>>>
====
