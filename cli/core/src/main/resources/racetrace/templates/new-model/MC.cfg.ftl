CONSTANTS
    Variant <- c_Variant
    Actor <- c_Actor
    Script <- c_Script
SPECIFICATION Spec
INVARIANTS TypeOK NoLostUpdate
