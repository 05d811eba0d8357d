package racetrace.cli;

import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import racetrace.engine.BadInputException;

/** Where TLC's files go and how long one TLC run may take (hunt --tlc, tlc, conform, bench --tlc). */
public final class TlcOptions {

    static final int DEFAULT_TIMEOUT = 900;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--tlc-timeout", paramLabel = "S",
            description = "seconds one TLC run may take, 1 to 604800 (default ${DEFAULT-VALUE})")
    int timeout = DEFAULT_TIMEOUT;

    @Option(names = "--out", paramLabel = "DIR",
            description = "where the TLA+ modules, TLC's output and report.md go (hunt: each instance's details, a "
                    + "bundle per counterexample and the comparison page index.html, with or without --tlc); created "
                    + "if missing, files of an earlier run of the same instance replaced; locked while a run writes "
                    + "it, a second run refused (default ${DEFAULT-VALUE})")
    Path out = Path.of("racetrace-out");

    /** The directory given with --out (default racetrace-out). */
    public Path out() {
        return out;
    }

    /** Whether --out was given on the command line. */
    public boolean outGiven() {
        return mixee.commandLine().getParseResult().hasMatchedOption("--out");
    }

    public void validate() {
        Checks.count("--tlc-timeout", timeout, 1, (long) Checks.MAX_SECONDS, "seconds");
        if (out.toString().isBlank()) {
            throw new BadInputException("--out is empty; give a directory (default racetrace-out)");
        }
    }

    /** For commands where TLC is optional: refuses TLC options given without the switch that runs TLC. */
    public void requireUsedOnlyWith(boolean tlcRuns, String tlcSwitch) {
        requireUsedOnlyWith(tlcRuns, tlcSwitch, "--out", "--tlc-timeout");
    }

    /** The same for the options named (a command that writes to --out without TLC too names only --tlc-timeout). */
    public void requireUsedOnlyWith(boolean tlcRuns, String tlcSwitch, String... options) {
        for (String o : options) {
            if (!tlcRuns && mixee.commandLine().getParseResult().hasMatchedOption(o)) {
                throw new BadInputException(o + " is used by " + tlcSwitch + " only; add " + tlcSwitch
                        + " or drop " + o);
            }
        }
    }

    /**
     * Checks --out before any work, so that the results of a long run are never lost to it, and locks
     * it for this run: a second run writing the same directory is refused.
     */
    public void requireOut() {
        OutputDirectory.require("--out", out);
        OutputDirectory.lock("--out", out);
    }

    public Duration duration() {
        return Duration.ofSeconds(timeout);
    }
}
