package racetrace.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import racetrace.tla.TlcVerdict;

/**
 * The exit codes of every racetrace command, in the manner of grep and diff, so that a CI job can
 * gate on them: the lowest code says "nothing found", the next "found something", then errors.
 */
public final class ExitCode {

    /** Nothing violated (hunt, replay, tlc), every execution conforms (conform), or a plain success. */
    public static final int OK = 0;
    /** A violation was found, a trace was rejected (Java model and spec disagree), or conformance failed. */
    public static final int FOUND = 1;
    /** Bad input: an option, model, number, schedule string or file is wrong; nothing was run. */
    public static final int BAD_INPUT = 2;
    /** TLC could not run or finish (no jar, parse error, out of memory, files not writable); a timeout is {@link #INCONCLUSIVE}. */
    public static final int TLC_FAILED = 3;
    /**
     * The work was cut short (by {@code --seconds} or a cap) before it could back a verdict: nothing
     * was found in what was done, and nothing is claimed about the rest. Never "held".
     */
    public static final int INCONCLUSIVE = 4;
    /** A model of one's own threw, or broke the engine's contract (the message names its class and step). */
    public static final int MODEL_ERROR = 5;
    /** A bug in racetrace (EX_SOFTWARE of sysexits.h). */
    public static final int INTERNAL = 70;
    /** Interrupted (Ctrl-C, SIGINT): 128 + 2, as shells report it. */
    public static final int INTERRUPTED = 130;

    /** The codes from least to most urgent, for {@link #worst}: a finding outranks an unfinished search. */
    private static final int[] RANK = {OK, INCONCLUSIVE, FOUND, TLC_FAILED, MODEL_ERROR, INTERNAL, INTERRUPTED};

    // The exit-code section of every command's --help.
    public static final String HEADING = "%nExit codes:%n";
    public static final String L0 = "0:nothing violated (hunt, replay, tlc), every execution conforms (conform), or success";
    public static final String L1 = "1:a violation was found, a trace was rejected, or conformance failed";
    public static final String L2 = "2:bad input (option, number, model, schedule string, file): one line on stderr, nothing run";
    public static final String L3 = "3:TLC could not run (no jar, parse error, error in the spec, out of memory, unwritable files)";
    public static final String L4 = "4:inconclusive: a cap or the clock cut the work short (--seconds, --max-states, --tlc-timeout, "
            + "the step limit, a hunt --scope not completed) before it could back a verdict, or a hunt completed "
            + "nothing; nothing was found in what was done";
    public static final String L5 = "5:a model of your own threw or broke the engine's contract: its class, step, the schedule "
            + "string that reproduces it and its stack frames on stderr";
    public static final String L70 = "70:internal error: a bug in racetrace (RACETRACE_DEBUG=1 prints the stack trace)";
    public static final String L130 = "130:interrupted (Ctrl-C); files under --out may be incomplete";

    private ExitCode() {
    }

    /**
     * Every code with its line ({@code L0} to {@code L130}), for the --help of the commands that can
     * end with any of them; a command whose annotation lists fewer keeps its own list.
     */
    static Map<String, String> all() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : List.of(L0, L1, L2, L3, L4, L5, L70, L130)) {
            int colon = line.indexOf(':');
            out.put(line.substring(0, colon), line.substring(colon + 1));
        }
        return out;
    }

    /**
     * The code of one TLC run by its verdict: a timeout is the user's clock (--tlc-timeout) cutting
     * the check short, so inconclusive; any other failure means TLC could not run.
     */
    public static int ofTlc(TlcVerdict v) {
        return switch (v) {
            case OK -> OK;
            case INVARIANT_VIOLATED, DEADLOCK -> FOUND;
            case TIMEOUT -> INCONCLUSIVE;
            default -> TLC_FAILED;
        };
    }

    /**
     * The code of a command that did several things: an interruption, a bug, a model's error, a
     * TLC failure, a finding, an unfinished search, nothing, in that order.
     */
    public static int worst(int a, int b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(int code) {
        for (int i = 0; i < RANK.length; i++) {
            if (RANK[i] == code) {
                return i;
            }
        }
        throw new IllegalArgumentException("no exit code " + code);
    }
}
