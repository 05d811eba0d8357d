package racetrace.tla;

import java.time.Duration;
import java.util.List;

/**
 * What a TLC run reported, read from its {@code -tool} output.
 *
 * @param verdict how the run ended
 * @param message one readable paragraph: what happened and, for errors, what to look at
 * @param violatedInvariant the violated invariant's name, or null
 * @param trace the (first) error trace (violation, deadlock, evaluation error), first state first;
 *     empty when TLC printed none
 * @param errorTraces every error trace printed (several with {@code -continue}), the first one
 *     being {@code trace}
 * @param statesGenerated states generated, or -1 if TLC did not say
 * @param distinctStates distinct states found, or -1
 * @param depth depth of the state graph search, or -1
 * @param wallTime time from starting the child JVM to its end
 * @param tlcMillis the time TLC reports for itself ("Finished in ..."), or -1
 * @param tlcVersion e.g. {@code TLC2 Version 2.18 of 20 March 2023}, or null
 * @param command the command line that was run
 * @param output the whole output of the child process
 * @param exitCode the child's exit code, or -1 when it was killed or never started
 */
public record TlcResult(TlcVerdict verdict, String message, String violatedInvariant, List<TlcState> trace, List<List<TlcState>> errorTraces,
        long statesGenerated, long distinctStates, int depth, Duration wallTime, long tlcMillis,
        String tlcVersion, List<String> command, String output, int exitCode) {

    public TlcResult {
        trace = List.copyOf(trace);
        errorTraces = errorTraces.stream().map(List::copyOf).toList();
        command = List.copyOf(command);
    }

    /** A run that never produced TLC output (no jar, process could not start). */
    static TlcResult failed(TlcVerdict verdict, String message, List<String> command) {
        return new TlcResult(verdict, message, null, List.of(), List.of(), -1, -1, -1, Duration.ZERO, -1, null, command,
                "", -1);
    }

    /** The last state of the error trace, or null. */
    public TlcState lastState() {
        return trace.isEmpty() ? null : trace.get(trace.size() - 1);
    }

    /** Short summary: verdict, invariant, counts and time. */
    public String summary() {
        return summary(true);
    }

    /** As {@link #summary()}; without the time when {@code withTime} is false. */
    public String summary(boolean withTime) {
        StringBuilder s = new StringBuilder(verdict.name());
        if (violatedInvariant != null) {
            s.append(' ').append(violatedInvariant);
        }
        if (!trace.isEmpty()) {
            s.append(", trace of ").append(trace.size()).append(" states");
        }
        if (distinctStates >= 0) {
            s.append(", ").append(statesGenerated).append(" states generated, ").append(distinctStates)
                    .append(" distinct");
        }
        if (depth >= 0) {
            s.append(", depth ").append(depth);
        }
        if (withTime) {
            s.append(", ").append(wallTime.toMillis()).append(" ms");
        }
        return s.toString();
    }
}
