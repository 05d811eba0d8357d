package racetrace.tlc;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import racetrace.cli.ExitCode;
import racetrace.engine.Execution;
import racetrace.engine.Instance;
import racetrace.report.HuntReport;
import racetrace.search.Assumptions;
import racetrace.search.Case;
import racetrace.search.Deadlocks;
import racetrace.search.hunt.Finding;
import racetrace.search.hunt.HuntResult;
import racetrace.tla.ExportedTrace;
import racetrace.tla.TlaExportException;
import racetrace.tla.TlcConfirmation;
import racetrace.tla.TlcVerdict;
import racetrace.tla.TraceConfirmer;
import racetrace.tla.report.BugReport;
import racetrace.tla.report.BundleWriter;

/** Exports counterexamples as TLA+ traces and has TLC confirm them. */
public final class Confirmations {

    private Confirmations() {
    }

    /**
     * The exit code of a confirmation that failed: TLC stopped by --tlc-timeout did not finish the
     * check (inconclusive); anything else kept TLC from checking (a TLC failure). 0 for any other.
     */
    public static int exitCode(TlcConfirmation c) {
        if (!(c instanceof TlcConfirmation.Failed)) {
            return ExitCode.OK;
        }
        return c.tlc() != null && c.tlc().verdict() == TlcVerdict.TIMEOUT
                ? ExitCode.INCONCLUSIVE : ExitCode.TLC_FAILED;
    }

    /** A directory name for an instance: {@code vfio-pci_pre-a_granularity-byte}. */
    public static String dirName(Instance id) {
        StringBuilder b = new StringBuilder(id.model()).append('_').append(id.variant());
        id.options().forEach((k, v) -> b.append('_').append(k).append('-').append(v));
        return b.toString();
    }

    /**
     * Exports the case (checking its focus invariant alone) under {@code dir} and runs TLC on the
     * trace. A deadlock the hunt found is exported as the model's run without invariants, which
     * ends in the deadlock; TLC, which checks deadlock unless told not to, confirms it there.
     */
    public static TlcConfirmation confirm(Case c, Path dir, Duration timeout) {
        return TraceConfirmer.standard().confirm(run(c), dir, timeout);
    }

    /** The run of a case as exported and reported: a deadlock's ends in the deadlock itself. */
    static Execution<?> run(Case c) {
        return Deadlocks.isAdded(c.model(), c.focus()) ? HuntReport.deadlockRun(c) : c.run();
    }

    /** As {@link #confirm}, with a failure to write the files reported as TLC not checking, not thrown. */
    public static TlcConfirmation confirmSafely(Case c, Path dir, Duration timeout) {
        try {
            return confirm(c, dir, timeout);
        } catch (UncheckedIOException | TlaExportException e) {
            return new TlcConfirmation.Failed(e.getMessage()
                    + (e.getCause() == null || e.getCause() == e ? "" : " (" + e.getCause().getMessage() + ")"), null, null);
        }
    }

    /**
     * The bug report to attach to a mail ({@link BugReport}): the table, the replay string and what
     * TLC said, in Markdown. It names files by their names only and says where TLC comes from, so
     * that it works in the recipient's copy of the directory.
     *
     * @param replayOptions what replay needs besides the string, e.g. {@code " --layout x.layout"}
     *     (a file in the report's directory), or ""
     */
    public static void writeReport(HuntResult r, Finding f, TlcConfirmation c,
            Path file, String replayOptions) {
        new BugReport(f.invariant(), foundBy(r, f),
                run(f.shrunk()), HuntReport.table(f.shrunk()), f.shrunk().toString(), c, null,
                replayOptions, f.assumptions().stream().map(Assumptions.Dependence::describe).toList())
                .write(file);
    }

    /**
     * The whole bundle of a finding ({@link BundleWriter}): report.md, trace.svg, trace.itf.json,
     * the TLA+ trace (exported here when TLC did not run), bundle.json.
     *
     * @param c TLC's verdict on the trace already exported into {@code dir}, or null when TLC did not run
     * @param noTlc why TLC did not run (when {@code c} is null)
     */
    public static BundleWriter.Written writeBundle(HuntResult r,
            Finding f, TlcConfirmation c, String noTlc, Path dir, String replayOptions) {
        Case shrunk = f.shrunk();
        return BundleWriter.write(dir, shrunk.run(), shrunk.unfocused().check(null).outcome(), shrunk.toString(),
                foundBy(r, f), replayOptions, c, noTlc,
                f.assumptions().stream().map(Assumptions.Dependence::describe).toList());
    }

    /**
     * Where the hunt first found it: the strategy, the random run (try) and the explored scenario
     * it came to, whichever it had reached (a finding of the default scope, which comes first, has
     * made no random run); and the case it was shrunk from when that is another (a smaller one the
     * hunt had in hand).
     */
    private static String foundBy(HuntResult r, Finding f) {
        String first = "first by " + f.foundBy() + at(f.tryNumber(), f.scenariosToFirst());
        if (!f.shrunkFromFirst()) {
            Finding.Start from = f.from();
            String which = "found by " + from.foundBy() + at(from.runs(), from.scenarios()) + " (" + from.measure() + ")";
            first += from.starts() == 1 ? "; minimised from the smallest case in hand, " + which
                    : "; minimised from the case " + which + ", whose minimal case was the smallest of the "
                            + from.starts() + " cases minimised (the smallest in hand, one per configuration, and the "
                            + "one found first)";
        }
        return "`racetrace hunt` (seed " + r.seed() + ", " + first + ")";
    }

    private static String at(long tries, long scenarios) {
        List<String> at = new ArrayList<>();
        if (tries > 0) {
            at.add("try " + tries);
        }
        if (scenarios > 0) {
            at.add("explored scenario " + scenarios);
        }
        return at.isEmpty() ? "" : " at " + String.join(", ", at);
    }

    /** The TLC keys of a JSON object, all null when TLC did not run (so that every line has the same keys). */
    public static Map<String, Object> json(TlcConfirmation c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tlcConfirmed", c == null ? null : c.isConfirmed());
        m.put("tlc", c == null ? null : c.describe());
        m.put("tlcRejectedAtStep", c instanceof TlcConfirmation.Rejected r ? r.step() : null);
        ExportedTrace e = c == null ? null : c.export();
        Map<String, Object> files = null;
        if (e != null) {
            files = new LinkedHashMap<>();
            files.put("tla", e.tla().toString());
            files.put("cfg", e.cfg().toString());
            files.put("json", e.json().toString());
            files.put("report", e.directory().resolve("report.md").toString());
        }
        m.put("tlcFiles", files);
        m.put("tlcCommand", e == null ? null : e.tlcCommand());
        m.put("tlcMillis", c != null && c.tlc() != null && c.tlc().wallTime() != null ? c.tlc().wallTime().toMillis()
                : null);
        return m;
    }

    /**
     * Adds the TLC keys to a hunt's JSON object: each finding gets its own confirmation's, the top
     * level the first finding's; all null when TLC did not run ({@code confirmations} null) or the
     * instance held.
     */
    @SuppressWarnings("unchecked")
    public static void addJson(Map<String, Object> o, List<TlcConfirmation> confirmations) {
        List<Map<String, Object>> findings = (List<Map<String, Object>>) o.get("findings");
        for (int i = 0; i < findings.size(); i++) {
            findings.get(i).putAll(json(confirmations == null ? null : confirmations.get(i)));
        }
        o.putAll(json(confirmations == null || confirmations.isEmpty() ? null : confirmations.get(0)));
    }
}
