package racetrace.xen;

import java.util.List;

/** The versions of Xen's {@code evtchn_fifo_set_pending} modelled, oldest first (notes section 2). */
public enum XenVersion {
    A0("a0", "88910061: original FIFO event channels (READY set on every link, unbounded set_link)"),
    A("a", "70ccddb1: BUSY set_link (dae2a1c5), READY only for new heads; 'before PATCHv5 2/2'"),
    B("b", "PATCHv5 2/2 as reconstructed: last_vcpu_id/last_priority, no validation, set_bit LINKED"),
    C("c", "seed thread proposal: unbounded lock_old_queue plus test_and_set LINKED"),
    D("d", "e33d4257: lock_old_queue with 3 tries, T&S LINKED under the old queue lock"),
    D1("d1", "6f6f07b6 (d'): last queue recorded from the values used to pick the queue"),
    E1("e1", "1277cb9d: packed lastq read/written atomically, re-validation vacuous"),
    E2("e2", "71ac5229 + 09190306 + 8aa0e9d2: both queues locked, lastq re-validated (today's code)");

    private final String id;
    private final String description;

    XenVersion(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
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
        return java.util.Arrays.stream(values()).map(XenVersion::id).toList();
    }

    public static XenVersion of(String id) {
        for (XenVersion v : values()) {
            if (v.id.equals(id)) {
                return v;
            }
        }
        throw new racetrace.engine.BadInputException("unknown xen-fifo variant '" + id + "'; variants are " + ids());
    }
}
