package racetrace.property;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import racetrace.engine.Execution;
import racetrace.engine.Instance;
import racetrace.engine.Outcome;
import racetrace.search.Assumptions;
import racetrace.search.Case;
import racetrace.tla.CounterexampleJson;
import racetrace.tla.ExportedTrace;
import racetrace.tla.TlaExportException;
import racetrace.tla.TlcConfirmation;
import racetrace.tla.TlcRunner;
import racetrace.tla.TraceConfirmer;
import racetrace.tla.TraceExporter;
import racetrace.tla.report.BugReport;
import racetrace.tla.report.CpuTable;

/**
 * Everything about one counterexample, in one directory: {@code report.md} (the bug report),
 * {@code counterexample.json}, the TLA+ trace module and its {@code .cfg} with a copy of the spec
 * when the model has one (and TLC's verdict on it, in the report, when TLC is available), and
 * {@code <Name>RegressionTest.java}.
 *
 * <p>System properties: {@value #DIR_PROPERTY} (default {@code target/racetrace}), {@value
 * #SKIP_TLC_PROPERTY} ({@code true}: export, do not run TLC; {@value #BUNDLE_TLC_PROPERTY}{@code =false}
 * says the same for bundles alone), {@value #TLC_TIMEOUT_PROPERTY} (seconds, default 300). TLC is found as {@link TlcRunner#fromClasspath()} says.
 *
 * @param directory where the files are
 * @param table the CPU table
 * @param schedule the schedule string (focused on the violated invariant)
 * @param report the Markdown report
 * @param json the counterexample as JSON
 * @param trace the exported TLA+ files, or null (no spec, or the export failed: see {@code tlcNote})
 * @param tlc TLC's verdict, or null when TLC did not run
 * @param tlcNote what happened on the TLA+ side, in one line
 * @param regressionTest the JUnit test source file
 */
public record Bundle(Path directory, String table, String schedule, Path report, Path json, ExportedTrace trace,
        TlcConfirmation tlc, String tlcNote, Path regressionTest) {

    public static final String DIR_PROPERTY = "racetrace.bundle.dir";
    public static final String SKIP_TLC_PROPERTY = "racetrace.tlc.skip";
    public static final String TLC_TIMEOUT_PROPERTY = "racetrace.tlc.timeout";
    public static final String BUNDLE_TLC_PROPERTY = "racetrace.bundle.tlc";

    /** {@code target/racetrace}, or the directory {@value #DIR_PROPERTY} names. */
    public static Path defaultRoot() {
        return Path.of(System.getProperty(DIR_PROPERTY, "target/racetrace"));
    }

    /**
     * Writes the bundle of a case that violates an invariant or deadlocks to {@code
     * <root>/<instance>/<invariant>/}, replacing what an earlier run left there.
     *
     * @param origin what found it, in words (for the report and the test's comment)
     * @param testPackage the package of the regression test
     */
    public static Bundle write(Case c, String origin, Path root, String testPackage) {
        Execution<?> first = c.run();
        Case focused = first.outcome() instanceof Outcome.Violated v ? c.focusedOn(v.invariant()) : c;
        Execution<?> ex = focused.run();
        String what = ex.outcome() instanceof Outcome.Violated v ? v.invariant()
                : ex.outcome() instanceof Outcome.Deadlock ? "deadlock" : null;
        if (what == null) {
            throw new IllegalArgumentException("case " + c + " neither violates an invariant nor deadlocks");
        }
        Path dir = root.resolve(dirName(c.model().instance())).resolve(what);
        clear(dir);
        String table = CpuTable.render(ex, first.outcome());
        List<Assumptions.Dependence> assumptions = ex.outcome() instanceof Outcome.Violated
                ? Assumptions.of(focused, what) : List.of();
        Path json = write(dir.resolve("counterexample.json"), CounterexampleJson.toJson(ex,
                assumptions.stream().map(Assumptions.Dependence::json).toList()));
        ExportedTrace trace = null;
        TlcConfirmation tlc = null;
        String note;
        if (c.model().tlaModule() == null) {
            note = "not checked: the model has no TLA+ spec (its tlaModule() is null)";
        } else if (!(ex.outcome() instanceof Outcome.Violated)) {
            note = "not checked: TLC confirms invariant violations; this run deadlocks";
        } else {
            TlcRunner runner = TlcRunner.fromClasspath();
            String skip = Boolean.getBoolean(SKIP_TLC_PROPERTY) ? "-D" + SKIP_TLC_PROPERTY + "=true"
                    : "false".equals(System.getProperty(BUNDLE_TLC_PROPERTY)) ? "-D" + BUNDLE_TLC_PROPERTY + "=false"
                    : runner.jar().isEmpty() ? runner.notFoundReason() : null;
            Path tla = dir.resolve("tla");
            if (skip == null) {
                tlc = new TraceConfirmer(TraceExporter.standard(), runner).confirm(ex, tla,
                        Duration.ofSeconds(Integer.getInteger(TLC_TIMEOUT_PROPERTY, 300)));
                trace = tlc.export();
                note = tlc.describe();
            } else {
                try {
                    trace = TraceExporter.standard().export(ex, tla);
                    note = "exported, not run through TLC: " + skip;
                } catch (TlaExportException e) {
                    note = "not exported: " + e.getMessage();
                }
            }
        }
        Path report = dir.resolve("report.md");
        new BugReport(what, origin, ex, table, focused.toString(), tlc, tlc == null ? note : null, "",
                assumptions.stream().map(Assumptions.Dependence::describe).toList()).write(report);
        RegressionTest test = RegressionTest.of(focused, testPackage, origin);
        Path testFile = write(dir.resolve(test.fileName()), test.source());
        return new Bundle(dir, table, focused.toString(), report, json, trace, tlc, note, testFile);
    }

    /** Every file written, for messages. */
    public List<Path> files() {
        List<Path> out = new ArrayList<>(List.of(report, json, regressionTest));
        if (trace != null) {
            out.add(trace.tla());
            out.add(trace.cfg());
        }
        return out;
    }

    /** {@code vfio-pci_pre-a_granularity-byte}: one directory per instance. */
    static String dirName(Instance id) {
        StringBuilder b = new StringBuilder(id.model()).append('_').append(id.variant());
        id.options().forEach((k, v) -> b.append('_').append(k).append('-').append(v));
        return b.toString().replaceAll("[^A-Za-z0-9._=-]", "_");
    }

    private static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void clear(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }
}
