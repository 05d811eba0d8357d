package racetrace.property;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import racetrace.search.ModelOrigin;
import racetrace.tla.ExportedTrace;
import racetrace.tla.TlcConfirmation;
import racetrace.tla.TlcRunner;
import racetrace.tla.TraceConfirmer;
import racetrace.tla.TraceExporter;
import racetrace.tla.report.BundleWriter;

/**
 * Everything about one counterexample, in one directory: the bundle the hunt writes ({@link
 * BundleWriter}: {@code report.md}, {@code trace.svg}, {@code trace.itf.json}, {@code bundle.json},
 * the TLA+ trace module and its {@code .cfg} with a copy of the spec when the model has one, else
 * {@code counterexample.json}; TLC's verdict in the report when TLC ran), and {@code
 * <Name>RegressionTest.java}. {@code racetrace replay DIR} replays it as a whole.
 *
 * <p>System properties: {@value #DIR_PROPERTY} (default {@code target/racetrace}), {@value
 * #SKIP_TLC_PROPERTY} ({@code true}: export, do not run TLC; {@value #BUNDLE_TLC_PROPERTY}{@code =false}
 * says the same for bundles alone), {@value #TLC_TIMEOUT_PROPERTY} (seconds, default 300). TLC is found as {@link TlcRunner#fromClasspath()} says.
 *
 * @param directory where the files are
 * @param table the CPU table
 * @param schedule the schedule string (focused on the violated invariant)
 * @param replayOptions what {@code racetrace replay} needs besides the string ({@code " --model-path P"}
 *     for a model of one's own, see {@link ModelOrigin}), or ""
 * @param report the Markdown report
 * @param json the run as JSON (the TLA+ trace's JSON, or {@code counterexample.json} without a spec)
 * @param trace the exported TLA+ files, or null (no spec, or the export failed: see {@code tlcNote})
 * @param tlc TLC's verdict, or null when TLC did not run
 * @param tlcNote what happened on the TLA+ side, in one line
 * @param regressionTest the JUnit test source file
 * @param files every file written, the report first
 */
public record Bundle(Path directory, String table, String schedule, String replayOptions, Path report, Path json,
        ExportedTrace trace, TlcConfirmation tlc, String tlcNote, Path regressionTest, List<Path> files) {

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
        List<Assumptions.Dependence> assumptions = ex.outcome() instanceof Outcome.Violated
                ? Assumptions.of(focused, what) : List.of();
        TlcConfirmation tlc = null;
        String note = null;
        if (c.model().tlaModule() == null) {
            note = "not checked: the model has no TLA+ spec (its tlaModule() is null)";
        } else if (!(ex.outcome() instanceof Outcome.Violated)) {
            note = "not checked: TLC confirms invariant violations; this run deadlocks";
        } else {
            TlcRunner runner = TlcRunner.fromClasspath();
            String skip = Boolean.getBoolean(SKIP_TLC_PROPERTY) ? "-D" + SKIP_TLC_PROPERTY + "=true"
                    : "false".equals(System.getProperty(BUNDLE_TLC_PROPERTY)) ? "-D" + BUNDLE_TLC_PROPERTY + "=false"
                    : runner.jar().isEmpty() ? runner.notFoundReason() : null;
            if (skip == null) {
                // into the bundle's directory, as the hunt's bundles have it
                tlc = new TraceConfirmer(TraceExporter.standard(), runner).confirm(ex, dir,
                        Duration.ofSeconds(Integer.getInteger(TLC_TIMEOUT_PROPERTY, 300)));
            } else {
                note = "exported, not run through TLC: " + skip;
            }
        }
        String replayOptions = ModelOrigin.arguments(c.model());
        // the same writer as the hunt's bundles: report.md, trace.svg, trace.itf.json, bundle.json, the TLA+ files
        BundleWriter.Written w = BundleWriter.write(dir, ex, first.outcome(), focused.toString(), origin,
                replayOptions, tlc, note, assumptions.stream().map(Assumptions.Dependence::describe).toList());
        if (tlc != null) {
            note = tlc.describe();
        } else if (w.exported() == null && c.model().tlaModule() != null && ex.outcome() instanceof Outcome.Violated) {
            note = "not exported: the TLA+ trace could not be written (see " + BundleWriter.REPORT + ")";
        }
        Path json = w.exported() != null ? w.exported().json() : dir.resolve(BundleWriter.COUNTEREXAMPLE);
        RegressionTest test = RegressionTest.of(focused, testPackage, origin);
        Path testFile = TraceExporter.write(dir.resolve(test.fileName()), test.source());
        List<Path> files = new ArrayList<>(w.files());
        files.add(testFile);
        return new Bundle(dir, w.table(), focused.toString(), replayOptions, w.files().get(0), json, w.exported(), tlc,
                note, testFile, List.copyOf(files));
    }

    /** The command that replays the counterexample as printed: {@code racetrace replay [--model-path P] <string>}. */
    public String replay() {
        return "racetrace replay" + replayOptions + " " + schedule;
    }

    /** {@code vfio-pci_pre-a_granularity-byte}: one directory per instance. */
    static String dirName(Instance id) {
        StringBuilder b = new StringBuilder(id.model()).append('_').append(id.variant());
        id.options().forEach((k, v) -> b.append('_').append(k).append('-').append(v));
        return b.toString().replaceAll("[^A-Za-z0-9._=-]", "_");
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
