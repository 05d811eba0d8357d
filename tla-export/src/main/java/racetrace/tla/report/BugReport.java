package racetrace.tla.report;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import racetrace.engine.Execution;
import racetrace.engine.Model;
import racetrace.engine.Scenario;
import racetrace.tla.ExportedTrace;
import racetrace.tla.ItfTrace;
import racetrace.tla.Templates;
import racetrace.tla.TlcConfirmation;
import racetrace.tla.TlcRunner;

/**
 * The Markdown bug report of one counterexample, to attach to a mail: the race in one sentence,
 * the CPU table, the measure, the replay string, and what TLC said (or why it was not asked).
 *
 * @param invariant the violated invariant
 * @param origin what found it, in words (e.g. "`racetrace hunt` (seed 1, try 195)")
 * @param execution the shrunk run, checking the invariant alone
 * @param table its CPU table
 * @param schedule its schedule string
 * @param tlc TLC's verdict on the exported trace, or null when TLC was not run
 * @param noTlc why TLC was not run (when {@code tlc} is null)
 * @param replayOptions what {@code racetrace replay} needs besides the string, each with a leading
 *     space (e.g. {@code " --layout moved.layout"}, a file next to the report), or ""
 * @param assumptions the assumptions the counterexample rests on, one line each ({@code
 *     probe-window=open (meaning): why}); empty when it holds under every value
 * @param exported the TLA+ files when they were exported without TLC being run (else null: the
 *     confirmation's export counts)
 * @param bundle whether the report is in a bundle directory ({@link BundleWriter}): it names the
 *     picture, the ITF trace and replays the directory
 */
public record BugReport(String invariant, String origin, Execution<?> execution, String table, String schedule,
        TlcConfirmation tlc, String noTlc, String replayOptions, List<String> assumptions, ExportedTrace exported,
        boolean bundle) {

    public BugReport {
        replayOptions = replayOptions == null ? "" : replayOptions;
        assumptions = assumptions == null ? List.of() : List.copyOf(assumptions);
    }

    /** A report with its replay options, resting on no assumption. */
    public BugReport(String invariant, String origin, Execution<?> execution, String table, String schedule,
            TlcConfirmation tlc, String noTlc, String replayOptions) {
        this(invariant, origin, execution, table, schedule, tlc, noTlc, replayOptions, List.of());
    }

    /** A report with its replay options and the assumptions it rests on. */
    public BugReport(String invariant, String origin, Execution<?> execution, String table, String schedule,
            TlcConfirmation tlc, String noTlc, String replayOptions, List<String> assumptions) {
        this(invariant, origin, execution, table, schedule, tlc, noTlc, replayOptions, assumptions, null, false);
    }

    /** The same report, in a bundle directory with these TLA+ files exported (or null). */
    public BugReport inBundle(ExportedTrace files) {
        return new BugReport(invariant, origin, execution, table, schedule, tlc, noTlc, replayOptions, assumptions,
                files, true);
    }

    /** A report whose schedule string replays on its own. */
    public BugReport(String invariant, String origin, Execution<?> execution, String table, String schedule,
            TlcConfirmation tlc, String noTlc) {
        this(invariant, origin, execution, table, schedule, tlc, noTlc, "", List.of());
    }

    /** The report's text, for a report in the directory TLC's files were exported to. */
    public String render() {
        return render(null);
    }

    /**
     * The report's text, for a report in {@code reportDir}: it names TLC's files relative to it.
     *
     * @param reportDir the report's directory, or null for the directory of the exported files
     */
    public String render(Path reportDir) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("explanation", Explainer.explain(execution).sentence());
        data.put("bundle", bundle);
        data.put("invariant", invariant);
        data.put("instance", execution.model().instance().toString());
        data.put("origin", origin);
        data.put("measure", execution.measure().toString());
        data.put("assumptions", assumptions);
        data.put("scenario", scenarioText(execution.model(), execution.scenario()));
        data.put("table", table);
        data.put("schedule", schedule);
        data.put("replayOptions", replayOptions);
        data.put("tlcChecked", tlc != null);
        // without TLC's timings: the same counterexample gives the same bytes
        data.put("tlc", tlc == null ? (noTlc == null ? "not run" : noTlc) : tlc.describe(false));
        ExportedTrace e = tlc == null || tlc.export() == null ? exported : tlc.export();
        // File names only, never the reporter's paths: the report travels with its directory.
        data.put("exported", e != null);
        data.put("tla", e == null ? "-" : e.tla().getFileName().toString());
        data.put("cfg", e == null ? "-" : e.cfg().getFileName().toString());
        data.put("json", e == null ? "-" : e.json().getFileName().toString());
        data.put("traceDir", e == null || reportDir == null ? "." : relative(reportDir, e.directory()));
        data.put("spec", e == null || e.specFiles().isEmpty() ? "-" : e.specFiles().get(0).getFileName().toString());
        data.put("tlcCommand", e == null ? "-" : e.tlcCommand());
        data.put("itf", ItfTrace.FILE);
        data.put("svg", BundleWriter.SVG);
        data.put("coordinates", TlcRunner.MAVEN_COORDINATES);
        data.put("hasSpec", execution.model().tlaModule() != null);
        return Templates.render("report.md.ftl", data);
    }

    /** Writes {@link #render()} to {@code file}. */
    public void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, render(file.toAbsolutePath().getParent()), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + file, ex);
        }
    }

    /** The path from the report's directory to TLC's files, with '/' whatever the platform; "." when the same. */
    static String relative(Path reportDir, Path traceDir) {
        Path rel = reportDir.toAbsolutePath().normalize().relativize(traceDir.toAbsolutePath().normalize());
        String s = rel.toString().replace(File.separatorChar, '/');
        return s.isEmpty() ? "." : s;
    }

    /** {@code config {k=v}; CPU A (user): [op]; ...}: who runs what. */
    public static String scenarioText(Model<?> model, Scenario s) {
        List<String> parts = new ArrayList<>();
        for (int t = 0; t < s.threadCount(); t++) {
            parts.add(model.threadName(s, t) + ": " + s.threads().get(t).ops());
        }
        String cfg = s.config().values().isEmpty() ? "" : "config " + s.config() + "; ";
        return cfg + String.join("; ", parts);
    }
}
