package racetrace.tla;

import java.time.Duration;
import java.util.List;

/**
 * What TLC said about a batch of Java executions.
 *
 * @param verdicts one per execution, in the order given
 * @param tlcRuns every TLC run made: a disagreement costs one more run without the failing execution,
 *     and a step the spec cannot take one more to diagnose it
 */
public record BatchValidation(List<RunVerdict> verdicts, List<TlcResult> tlcRuns) {

    public BatchValidation {
        verdicts = List.copyOf(verdicts);
        tlcRuns = List.copyOf(tlcRuns);
    }

    /** The verdict on one execution. */
    public enum Status {
        /** Every step is a step of the spec; invariants agree in every state. */
        CONFORMS,
        /** The spec cannot take step {@code step}. */
        STEP,
        /** The spec's Init does not allow the start state. */
        START_STATE,
        /** The spec's vars are not the model's variables(). */
        VARIABLES,
        /** A spec invariant disagrees with the Java verdict after step {@code step}. */
        INVARIANT,
        /** TLC failed (parse error, timeout...): nothing is known. */
        ERROR,
        /** Not checked: the batch stopped after too many failures. */
        NOT_CHECKED
    }

    /**
     * @param index position of the execution in the batch
     * @param status the verdict
     * @param step the step concerned (see {@link Status}), or -1
     * @param detail one sentence for people
     */
    public record RunVerdict(int index, Status status, int step, String detail) {
    }

    public boolean allConform() {
        return verdicts.stream().allMatch(v -> v.status() == Status.CONFORMS);
    }

    public List<RunVerdict> failures() {
        return verdicts.stream().filter(v -> v.status() != Status.CONFORMS).toList();
    }

    /** Sum of the wall times of the TLC runs. */
    public Duration tlcTime() {
        return tlcRuns.stream().map(TlcResult::wallTime).reduce(Duration.ZERO, Duration::plus);
    }

    public String summary() {
        long ok = verdicts.stream().filter(v -> v.status() == Status.CONFORMS).count();
        StringBuilder s = new StringBuilder(ok + " of " + verdicts.size() + " runs conform to the spec ("
                + tlcRuns.size() + " TLC runs, " + tlcTime().toMillis() + " ms)");
        for (RunVerdict f : failures()) {
            s.append("\n  run ").append(f.index()).append(": ").append(f.status()).append(' ').append(f.detail());
        }
        return s.toString();
    }
}
