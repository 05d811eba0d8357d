package racetrace.xen;

import java.util.List;
import java.util.Locale;

/**
 * The versions of Xen's {@code evtchn_fifo_set_pending} modelled, oldest first (notes section 2),
 * each with the era of callers it shipped in ({@link Callers}), its default.
 */
public enum XenVersion {
    A0(Callers.E2013, "88910061: original FIFO event channels (READY set on every link, unbounded set_link)"),
    A(Callers.E2013, "70ccddb1: BUSY set_link (dae2a1c5), READY only for new heads; 'before PATCHv5 2/2'"),
    B(Callers.E2013, "PATCHv5 2/2 as reconstructed: last_vcpu_id/last_priority, no validation, set_bit LINKED"),
    C(Callers.E2013, "the seed mail's fix 2: unbounded lock_old_queue plus test_and_set LINKED"),
    FIX1(Callers.E2013, "the seed mail's fix 1: b with a per-event lock serialising set_pending for each port"),
    D(Callers.E2015, "e33d4257: lock_old_queue with 3 tries, T&S LINKED under the old queue lock "
            + "(4.4 to 4.14; default callers 2015, the era of most of its releases)"),
    D1(Callers.E2020_09, "6f6f07b6 (d'): last queue recorded from the values used to pick the queue"),
    E1(Callers.E2020_11, "1277cb9d: packed lastq read/written atomically, re-validation vacuous"),
    E2(Callers.E2020_11, "71ac5229 + 09190306 + 8aa0e9d2: both queues locked, lastq re-validated (today's code)");

    private final Callers shipped;
    private final String description;

    XenVersion(Callers shipped, String description) {
        this.shipped = shipped;
        this.description = description;
    }

    /** The variant's name, as the command line and schedule strings write it: the constant's, in lower case. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

    /** The callers' era this version shipped (or was posted) in: its default. */
    public Callers shipped() {
        return shipped;
    }

    /** Versions that record the last queue of a port (b onwards). */
    public boolean hasLastQueue() {
        return ordinal() >= B.ordinal();
    }

    /** Versions whose set_link uses BUSY and gives up after 4 failed attempts (a onwards). */
    public boolean busySetLink() {
        return this != A0;
    }

    public static List<String> ids() {
        return Ids.all(values(), XenVersion::id);
    }

    public static XenVersion of(String id) {
        return Ids.lookup(values(), XenVersion::id, id, "variant", "variants");
    }
}
