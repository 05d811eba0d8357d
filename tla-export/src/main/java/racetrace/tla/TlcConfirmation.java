package racetrace.tla;

/**
 * What TLC said about one exported Java execution.
 *
 * <ul>
 * <li>{@link Confirmed}: the run violates an invariant and TLC reports the same invariant
 * violated at the same step of the same behaviour of the spec; or the run deadlocks and TLC
 * reports the spec deadlocked in the same state;</li>
 * <li>{@link Conforms}: the run violates nothing, and TLC agrees that every step is one the spec
 * can take and every invariant holds throughout;</li>
 * <li>{@link Rejected}: the two descriptions disagree, from step {@code step} on (a bug in the
 * Java model or in the spec);</li>
 * <li>{@link Failed}: TLC gave no answer (spec does not parse, timeout, no TLC...).</li>
 * </ul>
 */
public sealed interface TlcConfirmation {

    /** The exported files (null if the export itself failed). */
    ExportedTrace export();

    /** The TLC run (null if TLC was not run). */
    TlcResult tlc();

    /** One paragraph for people. */
    default String describe() {
        return describe(true);
    }

    /** One paragraph for people; without TLC's timings when {@code withTime} is false (files that must not change). */
    String describe(boolean withTime);

    default boolean isConfirmed() {
        return this instanceof Confirmed;
    }

    /** The Java violation is a violation of the spec, in the same state. */
    record Confirmed(String invariant, int step, ExportedTrace export, TlcResult tlc) implements TlcConfirmation {
        @Override
        public String describe(boolean withTime) {
            if (TraceConfirmer.DEADLOCK.equals(invariant) && tlc.verdict() == TlcVerdict.DEADLOCK) {
                return "TLC confirms: the spec deadlocks after step " + step + " of " + export.module()
                        + ", as the Java run does (" + tlc.summary(withTime) + ")";
            }
            return "TLC confirms: invariant " + invariant + " of " + export.module()
                    + " is violated after step " + step + ", as in the Java run (" + tlc.summary(withTime) + ")";
        }
    }

    /** A run without violation is a behaviour of the spec and keeps its invariants. */
    record Conforms(int steps, ExportedTrace export, TlcResult tlc) implements TlcConfirmation {
        @Override
        public String describe(boolean withTime) {
            return "TLC agrees: all " + steps + " steps are steps of the spec and its invariants hold ("
                    + tlc.summary(withTime) + ")";
        }
    }

    /** Why the spec and the Java model part ways. */
    enum Reason {
        /** The spec's Init does not allow the recorded start state. */
        START_STATE,
        /** The spec's vars tuple is not the model's variables() in that order. */
        VARIABLES,
        /** The spec cannot take the recorded step (from the recorded state to the recorded next state). */
        STEP,
        /** A spec invariant is violated where the Java model found none (or another one). */
        INVARIANT_VIOLATED_IN_SPEC,
        /** The Java model found the invariant violated, the spec's invariant holds there. */
        INVARIANT_HOLDS_IN_SPEC
    }

    /**
     * The Java trace stops being a behaviour of the spec (or of its invariants) at {@code step}.
     *
     * @param step for {@link Reason#STEP}: the 1-based step the spec cannot take; for the
     *     invariant reasons: the step after which the verdicts differ (0 = the start state)
     * @param thread 0-based Java thread of that step, or -1
     * @param label label of that step, or null
     * @param diagnosis for {@link Reason#STEP}: what the spec's Step(t) does there instead (null
     *     when not asked for or TLC could not tell)
     */
    record Rejected(int step, Reason reason, int thread, String label, String explanation, StepDiagnosis diagnosis,
            ExportedTrace export, TlcResult tlc) implements TlcConfirmation {
        @Override
        public String describe(boolean withTime) {
            return "TLC rejects the Java trace at step " + step + ": " + explanation
                    + (diagnosis == null ? "" : ". " + diagnosis.explanation());
        }
    }

    /** TLC could not give an answer. */
    record Failed(String message, ExportedTrace export, TlcResult tlc) implements TlcConfirmation {
        @Override
        public String describe(boolean withTime) {
            return "TLC could not check the trace: " + message;
        }
    }
}
