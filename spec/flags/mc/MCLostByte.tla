---- MODULE MCLostByte ----
EXTENDS StorageFlags
c_Family == "vfio-pci"
c_Variant == "pre-a"
c_Granularity == "byte"
c_Phase == 0
c_Fields == <<"has_dyn_msix", "pci_2_3", "virq_disabled", "reset_works", "extended_caps", "bardirty", "has_vga", "needs_reset", "nointx", "needs_pm_restore", "pm_intx_masked", "pm_runtime_engaged">>
c_UnitOf == [has_dyn_msix |-> 1, pci_2_3 |-> 1, virq_disabled |-> 1, reset_works |-> 1, extended_caps |-> 1, bardirty |-> 1, has_vga |-> 1, needs_reset |-> 1, nointx |-> 2, needs_pm_restore |-> 2, pm_intx_masked |-> 2, pm_runtime_engaged |-> 2]
c_IsBit == [has_dyn_msix |-> TRUE, pci_2_3 |-> TRUE, virq_disabled |-> TRUE, reset_works |-> TRUE, extended_caps |-> TRUE, bardirty |-> TRUE, has_vga |-> TRUE, needs_reset |-> TRUE, nointx |-> TRUE, needs_pm_restore |-> TRUE, pm_intx_masked |-> TRUE, pm_runtime_engaged |-> TRUE]
c_NUnits == 2
c_Reach == [cfgCmd_virq |-> {1}, cfgCmd_resEng |-> {2}, cfgReadBar_bardirty |-> {1}, cfgReadBar_resEng |-> {2}]
c_Pair == {}
c_Assume == [close_pm |-> "unreferenced", probe_window |-> "open"]
c_Actors == <<"user", "user">>
c_Plan == <<[script |-> <<[op |-> "cfgCmd", arg |-> 1]>>], [script |-> <<[op |-> "cfgReadBar", arg |-> 0]>>]>>
c_Caps == [threads |-> 2, ops |-> 2]
c_Extra == <<>>
====
