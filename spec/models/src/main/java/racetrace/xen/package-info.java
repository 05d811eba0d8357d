/**
 * The Xen FIFO event-channel model {@code xen-fifo} ({@link racetrace.xen.XenFifoFamily}).
 *
 * <p>One model class, {@link racetrace.xen.XenFifoModel}, parameterised by
 * {@link racetrace.xen.XenVersion}: a0, a, b, c, d, d1, e1, e2 as in sections 2.2 to 2.7 of
 * {@code shared/research/xen-evtchn-fifo.md}. Steps and their labels follow the notes' step
 * names (e.g. {@code D6_tasLinked}); the labels are the TLA+ pc values of {@code XenFifo.tla}.
 *
 * <p>Decisions where the notes leave room (details in the model's class comment):
 * <ul>
 * <li>Guest consumer: one thread per vCPU, each op one upcall, which may start only while
 * READY is non-empty; an idle consumer with nothing to do counts as finished.
 * <li>Start(v,k): when the guest has just emptied its chain (next = 0) the shared HEAD counts
 * again if READY/lready has k or a Xen CPU is between its HEAD write and its READY set.
 * <li>Designed give-ups (lock_old_queue or e2's loop after 3 tries, set_link's S7) are
 * reported as notices and recorded in the ghost set {@code dropped}; the invariants skip those
 * ports and anything stranded behind them.
 * <li>EmptyImpliesOldTail and TailIsLast excuse an in-flight tail (a0/a claim LINKED before
 * taking the queue lock and handle p == tail themselves).
 * <li>ReadyImpliesValidHead is the full property from a onwards; in a0, where READY is set on
 * every link and stale HEADs are benign, only its harmful form (the guest dequeuing a LINKED
 * word that another LINKED word links to) is checked.
 * <li>LastQueueCorrect (b onwards) is checked for ports no CPU is inside set_pending's critical
 * section for.
 * </ul>
 *
 * <p>{@code spec/models/src/main/tla/XenFifo.tla} states the same system: one action per step label,
 * the variables of {@link racetrace.xen.XenFifoModel#VARIABLES}, the version as a constant and
 * the invariants under the same names; each action states every variable. When written, TLC
 * found the same distinct-state counts as the Java model, and the same verdicts, on five
 * scenarios for each of the eight versions; {@code racetrace conform} and the conformance test
 * keep checking random executions of every version against it.
 */
package racetrace.xen;
