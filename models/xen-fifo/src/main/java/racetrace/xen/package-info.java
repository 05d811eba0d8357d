/**
 * The Xen FIFO event-channel model {@code xen-fifo} ({@link racetrace.xen.XenFifoFamily}).
 *
 * <p>{@link racetrace.xen.XenFifoModel} is parameterised by {@link racetrace.xen.XenVersion} (a0, a,
 * b, c, fix1, d, d1, e1, e2 as in sections 2.2 to 2.7 of {@code docs/research/xen-evtchn-fifo.md};
 * fix1 is the seed mail's first fix) and by {@link racetrace.xen.Callers}, the era whose callers'
 * locks the Xen ops hold (section 1.7; option {@code callers}, by default the era the version
 * shipped in). Steps and their labels follow the notes' step names (e.g. {@code D6_tasLinked});
 * the labels are the TLA+ pc values of {@code XenFifo.tla}. The model's class comment gives the
 * decisions where the notes leave room.
 *
 * <p>"The notes" in this package are {@code docs/research/xen-evtchn-fifo.md} in racetrace's
 * repository: "notes 1.7", "section 2.6" and "§2.6" name its sections, and step names (D6, E1c,
 * G5, S7, ...) the steps of its step lists.
 *
 * <p>{@code spec/xen-fifo/XenFifo.tla} states the same system: the variables of
 * {@link racetrace.xen.XenFifoModel#VARIABLES}, the version and era as constants, one action per
 * step label (steps that differ only in their label share a parameterised action), the
 * invariants under the same names. {@code racetrace conform} and the conformance tests check
 * random executions and runs taking every action against it, and compare the distinct states
 * of the Java model's exhaustive search with TLC's on the coverage scenarios.
 */
package racetrace.xen;
