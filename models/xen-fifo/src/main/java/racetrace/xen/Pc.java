package racetrace.xen;

/**
 * The step labels: a thread's program counter names its next step, and the name of a constant is
 * the label the CPU table prints and the spec's {@code pc} value. The notes' step names come
 * first ({@code D6} in {@code D6_tasLinked} is step D6 of section 2.6).
 *
 * <p>A label with a straight-line successor names it ({@link #next()}); the spec's {@code Succ}
 * table holds the same pairs. Labels whose successor depends on a test or on the version leave
 * it null and the step says where it goes.
 */
public enum Pc {
    Done(null),
    // the caller's lock of the era around an op (notes 1.7), fix 1's per-event lock around set_pending
    XL_lockCaller(null), XL_unlockCaller(null), F1_lockEvent("B1_tasPending"), F1_unlockEvent(null),
    // Xen port operations (notes 1.8); X0 is the caller picking d->vcpu[notify_vcpu_id]
    X0_readNv(null), XU1_clearMasked("XU2_testPending"), XU2_testPending(null), XP_writePrio(null),
    XB_writeNv(null),
    // a0 / a (2.2, 2.3)
    A2_readPrio("A3_tasPending"), A3_tasPending("A4_testMasked"), A4_testMasked(null), A5_tasLinked(null),
    A6_lockQ("A7_readTail"), A7_readTail(null), A8_writeHead("A9_writeTail"), A9_writeTail("A10_unlockQ"),
    A10_unlockQ(null), A11_tasReady(null),
    // set_link: original unbounded (a0) and with BUSY (a onwards) (2.1)
    SL1_readTail(null), SL3_cas(null),
    S1_readTail(null), S3_cas(null), S4_setBusy("S5_readTail"), S5_readTail(null), S6_cas(null),
    S6_clearBusy(null), S7_clearBusy(null),
    // b / c (2.4, 2.5)
    B1_tasPending("B2_testMasked"), B2_testMasked(null), B3_testLinked(null), B4_readPrio(null),
    B5_readLastv("B6_readLastp"), B6_readLastp("B7_lockOldQ"), B7_lockOldQ("B9_invalidateTail"),
    B8_setLinked(null), B9_invalidateTail(null), B10a_readNv("B10a_writeLastv"),
    B10a_writeLastv("B10b_readPrio"), B10b_readPrio("B10b_writeLastp"), B10b_writeLastp("B10c_unlockOldQ"),
    B10c_unlockOldQ("B10d_lockQ"), B10d_lockQ("B11_readTail"), B11_readTail(null), B12_writeHead("B13_writeTail"),
    B13_writeTail("B14_unlockQ"), B14_unlockQ(null), B15_tasReady(null),
    // lock_old_queue (c, d, d1 with re-reads; e1 with one atomic read) (2.5, 2.7)
    L1_readLastv("L2_readLastp"), L2_readLastp("L3_lockOldQ"), L1_readLastq("L3_lockOldQ"), L3_lockOldQ(null),
    L4_rereadLastv("L5_rereadLastp"), L5_rereadLastp(null), L7_unlockOldQ(null),
    C8_tasLinked(null), C8_unlockOldQ(null),
    // d / d1 / e1 (2.6, 2.7)
    D1_tasPending("D2_testMasked"), D2_testMasked(null), D3_testLinked(null), D4_readPrio(null),
    D6_tasLinked(null), D6_unlockOldQ(null), D7_invalidateTail(null), D8a_readNv("D8a_writeLastv"),
    D8a_writeLastv(null), D8b_readPrio("D8b_writeLastp"), D8b_writeLastp("D8c_unlockOldQ"),
    D8_writeLastq("D8c_unlockOldQ"), D8c_unlockOldQ("D8d_lockQ"), D8d_lockQ("D9_readTail"), D9_readTail(null),
    D10_writeHead("D11_writeTail"), D11_writeTail("D12_unlockQ"), D12_unlockQ(null), D13_tasReady(null),
    // e2 (2.7)
    E1a_readLastq("E1b_readPrio"), E1b_readPrio(null), E1c_lockQ("E1d_rereadLastq"),
    E1c_lockFirst("E1c_lockSecond"), E1c_lockSecond("E1d_rereadLastq"), E1d_rereadLastq("E1d_rereadPrio"),
    E1d_rereadPrio(null), E1f_unlockOldQ("E1f_unlockQ"), E1f_unlockQ(null), E4_tasPending("E5_testMasked"),
    E5_testMasked(null), E5_tasLinked(null), E5a_invalidateTail(null), E5b_writeLastq("E5b_unlockOldQ"),
    E5b_unlockOldQ("E5c_readTail"), E5c_readTail(null), E5d_writeHead("E5e_writeTail"), E5e_writeTail(null),
    E6_unlockOldQ("E6_unlockQ"), E6_unlockQ(null), E7_tasReady(null),
    // guest consumer (1.5)
    G0_xchgReady(null), G4_readHead("G5_clearLinked"), G5_clearLinked("G7_testPending"), G7_testPending(null),
    G7_testMasked(null), G7_ackPending(null), G9_xchgReady(null),
    // guest mask / unmask (1.6)
    U0_setMasked(null), U1_clearMasked("U2_testPending"), U2_testPending(null), U1c_clearMaskedCond(null),
    // a misbehaving guest writing an event word's unused bits
    R1_scribble(null);

    private static final Pc[] ALL = values();

    private final String nextName;
    private Pc next;

    Pc(String next) {
        this.nextName = next;
    }

    static {
        for (Pc p : ALL) {
            p.next = p.nextName == null ? null : valueOf(p.nextName);
        }
    }

    /** The straight-line successor, or null when the step decides. */
    public Pc next() {
        return next;
    }

    static Pc of(int ordinal) {
        return ALL[ordinal];
    }

    static int count() {
        return ALL.length;
    }
}
