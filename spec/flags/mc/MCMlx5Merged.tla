---- MODULE MCMlx5Merged ----
EXTENDS StorageFlags
c_Family == "mlx5"
c_Variant == "merged"
c_Granularity == "byte"
c_Phase == 0
c_Fields == <<"migrate_cap", "chunk_mode", "mig_state_cap", "mdev_detach", "log_active", "deferred_reset", "is_err", "object_changed">>
c_UnitOf == [migrate_cap |-> 1, chunk_mode |-> 1, mig_state_cap |-> 1, mdev_detach |-> 2, log_active |-> 3, deferred_reset |-> 4, is_err |-> 5, object_changed |-> 6]
c_IsBit == [migrate_cap |-> TRUE, chunk_mode |-> TRUE, mig_state_cap |-> TRUE, mdev_detach |-> FALSE, log_active |-> FALSE, deferred_reset |-> FALSE, is_err |-> FALSE, object_changed |-> FALSE]
c_NUnits == 6
c_Reach == [startTracker_log |-> {3}, startTracker_ulDr |-> {4}, resetDone_dr |-> {4}, resetDone_ulDr |-> {4}]
c_Pair == {}
c_Assume == [probe_window |-> "open"]
c_Actors == <<"user", "reset">>
c_Plan == <<[script |-> <<[op |-> "startTracker", arg |-> 0]>>], [script |-> <<[op |-> "resetDone", arg |-> 0]>>]>>
c_Caps == [threads |-> 2, ops |-> 2]
c_Extra == <<>>
====
