package racetrace.tla.report;

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
import racetrace.tla.Templates;
import racetrace.tla.TlcConfirmation;

/**
 * The Markdown bug report of one counterexample, to attach to a mail: the CPU table, the measure,
 * the replay string, and what TLC said (or why it was not asked).
 *
 * @param invariant the violated invariant
 * @param origin what found it, in words (e.g. "`racetrace hunt` (seed 1, try 195)")
 * @param execution the shrunk run, checking the invariant alone
 * @param table its CPU table
 * @param schedule its schedule string
 * @param tlc TLC's verdict on the exported trace, or null when TLC was not run
 * @param noTlc why TLC was not run (when {@code tlc} is null)
 */
public record BugReport(String invariant, String origin, Execution<?> execution, String table, String schedule,
        TlcConfirmation tlc, String noTlc) {

    /** The report's text. */
    public String render() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("invariant", invariant);
        data.put("instance", execution.model().instance().toString());
        data.put("origin", origin);
        data.put("measure", execution.measure().toString());
        data.put("scenario", scenarioText(execution.model(), execution.scenario()));
        data.put("table", table);
        data.put("schedule", schedule);
        data.put("tlcChecked", tlc != null);
        data.put("tlc", tlc == null ? (noTlc == null ? "not run" : noTlc) : tlc.describe());
        ExportedTrace e = tlc == null ? null : tlc.export();
        data.put("exported", e != null);
        data.put("tla", e == null ? "-" : e.tla().getFileName().toString());
        data.put("cfg", e == null ? "-" : e.cfg().getFileName().toString());
        data.put("json", e == null ? "-" : e.json().getFileName().toString());
        data.put("directory", e == null ? "-" : e.directory().toString());
        data.put("tlcCommand", e == null ? "-" : e.tlcCommand());
        data.put("hasSpec", execution.model().tlaModule() != null);
        return Templates.render("report.md.ftl", data);
    }

    /** Writes {@link #render()} to {@code file}. */
    public void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, render(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + file, ex);
        }
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
