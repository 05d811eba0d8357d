package racetrace.flags;

import static racetrace.flags.FlagsModel.NO_LOST_UPDATE;
import static racetrace.flags.FlagsModel.NO_LOST_UPDATE_BETWEEN;
import static racetrace.flags.FlagsModel.RESET_CLEANUP_RUNS;

import java.util.ArrayList;
import java.util.List;
import racetrace.engine.Invariant;

/**
 * The invariants an instance checks: {@link FlagsModel#NO_LOST_UPDATE} (and
 * {@link FlagsModel#RESET_CLEANUP_RUNS} where the family defers a cleanup), or, for a pair
 * instance, only {@link FlagsModel#NO_LOST_UPDATE_BETWEEN} of its two fields.
 */
final class FlagsInvariants {

    private FlagsInvariants() {
    }

    /** The invariants of an instance; {@code pairA < 0} when it has no pair focus. */
    static List<Invariant<FlagsState>> of(FlagsDefinition def, int pairA, int pairB) {
        List<Invariant<FlagsState>> inv = new ArrayList<>();
        if (pairA >= 0) {
            inv.add(Invariant.of(NO_LOST_UPDATE_BETWEEN, "no store of " + def.units.fieldName(pairA) + " or "
                    + def.units.fieldName(pairB) + " writes back a stale copy of the other",
                    s -> noLostBetween(s, pairA, pairB)));
        } else {
            inv.add(Invariant.of(NO_LOST_UPDATE,
                    "every field holds the value of the last write that targeted it", FlagsInvariants::noLostUpdate));
            if (def.checksResetCleanup()) {
                inv.add(Invariant.of(RESET_CLEANUP_RUNS,
                        "when every thread is done, every reset_done has been followed by the deferred cleanup",
                        FlagsInvariants::resetCleanupRuns));
            }
        }
        return List.copyOf(inv);
    }

    /** Memory holds exactly the ghost: the fields' last written values. */
    private static boolean noLostUpdate(FlagsState s) {
        int all = 0;
        for (int u : s.mem) {
            all |= u;
        }
        return all == s.ghost;
    }

    private static boolean noLostBetween(FlagsState s, int pairA, int pairB) {
        return (s.lost[pairA] & (1 << pairB)) == 0 && (s.lost[pairB] & (1 << pairA)) == 0;
    }

    private static boolean resetCleanupRuns(FlagsState s) {
        if (!s.resetPending) {
            return true;
        }
        for (int t = 0; t < s.cur.length; t++) {
            if (!Interpreter.done(s, t)) {
                return true;
            }
        }
        return false;
    }
}
