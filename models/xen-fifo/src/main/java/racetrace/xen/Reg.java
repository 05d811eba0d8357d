package racetrace.xen;

/**
 * A thread's registers. Each constant is named exactly as the spec's per-thread variable that
 * holds it ({@code kq[t]} in the spec is {@code Reg.kq} of thread t here), in the spec's order.
 */
@SuppressWarnings("java:S115") // names are the TLA+ variable names on purpose
enum Reg {
    /** the label of the next step ({@link Pc}) */
    pc,
    /** the index of the current op in the thread's script (0-based here, 1-based in the spec) */
    opi,
    /** the port the op works on */
    port,
    /** the vCPU set_pending links on (the caller's d->vcpu[notify_vcpu_id]) */
    vc,
    /** the priority read for the queue q = (vc, kq); the guest's current priority */
    kq,
    /** last vCPU and priority read (old queue (lv, lp)) */
    lv, lp,
    /** the re-read last vCPU and priority (lock_old_queue L4/L5, e2 E1d) */
    lv2, lp2,
    /** a value read for the next step's store (D8a/D8b), e2's re-read priority */
    tmp,
    /** was_pending */
    wasP,
    /** set_link's result: true when the port was appended after a tail, so no HEAD or READY */
    linked,
    /** lock_old_queue / e2 tries so far */
    tries,
    /** the tail port set_link works on */
    tl,
    /** set_link's snapshot of the tail word */
    ws,
    /** set_link's failed attempts in the BUSY loop */
    nfail,
    /** the guest's current port (the head it consumes) */
    cur,
    /** the LINK the guest's clear_linked returned */
    nxt;

    private static final Reg[] ALL = values();

    static int count() {
        return ALL.length;
    }

    static Reg of(int ordinal) {
        return ALL[ordinal];
    }
}
