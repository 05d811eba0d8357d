package racetrace.tla.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import racetrace.engine.Execution;
import racetrace.engine.Model;
import racetrace.engine.Outcome;
import racetrace.tla.CounterexampleJson;
import racetrace.tla.ExportedTrace;
import racetrace.tla.ItfTrace;
import racetrace.tla.TlaExportException;
import racetrace.tla.TlcConfirmation;
import racetrace.tla.TraceExporter;

/**
 * One counterexample's bundle, everything in one directory that can be attached to a bug report:
 * {@code report.md} (the sentence, the CPU table, how to replay it, what TLC said), {@code
 * trace.svg} (the swimlanes), {@code trace.itf.json} (ITF), the TLA+ trace module with its
 * {@code .cfg}, JSON and a copy of the spec (or {@code counterexample.json} for a model without a
 * spec), and {@code bundle.json}: what the bundle was made from and a digest of each file a
 * replay reads, so that {@code racetrace replay DIR} can refuse an edited bundle or one whose
 * model has changed since. Nothing in the files depends on the clock: the same counterexample
 * gives the same bytes.
 */
public final class BundleWriter {

    public static final String REPORT = "report.md";
    public static final String SVG = "trace.svg";
    public static final String MANIFEST = "bundle.json";
    public static final String COUNTEREXAMPLE = "counterexample.json";
    public static final String FORMAT = "racetrace-bundle/1";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BundleWriter() {
    }

    /**
     * What was written.
     *
     * @param directory the bundle's directory
     * @param explanation the race in a sentence, with the steps it names
     * @param table the CPU table
     * @param exported the TLA+ files, or null
     * @param files every file written, report first
     */
    public record Written(Path directory, Explanation explanation, String table, ExportedTrace exported,
            List<Path> files) {
    }

    /**
     * Writes the bundle of a shrunk counterexample into {@code dir} (created if missing).
     *
     * @param focused the run, checking its invariant alone
     * @param everyInvariant the outcome of the same run with every invariant checked (for the
     *     table's note), or null
     * @param schedule the schedule string that replays it
     * @param origin what found it, in words
     * @param replayOptions what replay needs besides the string (" --layout x.layout"), or ""
     * @param tlc TLC's verdict on the trace exported into {@code dir}, or null when TLC was not run
     * @param noTlc why TLC was not run (when {@code tlc} is null)
     */
    public static Written write(Path dir, Execution<?> focused, Outcome everyInvariant, String schedule, String origin,
            String replayOptions, TlcConfirmation tlc, String noTlc) {
        return write(dir, focused, everyInvariant, schedule, origin, replayOptions, tlc, noTlc, List.of());
    }

    /**
     * As {@link #write(Path, Execution, Outcome, String, String, String, TlcConfirmation, String)},
     * for a counterexample that rests on {@code assumptions} (one line each, see {@link BugReport}).
     */
    public static Written write(Path dir, Execution<?> focused, Outcome everyInvariant, String schedule, String origin,
            String replayOptions, TlcConfirmation tlc, String noTlc, List<String> assumptions) {
        Model<?> model = focused.model();
        Explanation why = Explainer.explain(focused);
        String table = CpuTable.render(focused, everyInvariant, why);
        String invariant = focused.outcome().invariantOrNull();
        String what = invariant != null ? invariant : "deadlock";
        List<Path> files = new ArrayList<>();
        ExportedTrace exported = tlc == null ? null : tlc.export();
        String note = noTlc;
        if (tlc == null && model.tlaModule() != null && invariant != null) {
            try {
                exported = TraceExporter.standard().export(focused, dir);
            } catch (TlaExportException | UncheckedIOException e) {
                note = (note == null ? "" : note + "; ") + "the TLA+ trace could not be exported: " + e.getMessage();
            }
        }
        Path machine;
        if (exported != null) {
            machine = exported.json();
        } else {
            machine = TraceExporter.write(dir.resolve(COUNTEREXAMPLE), CounterexampleJson.toJson(focused));
        }
        Path itf = TraceExporter.write(dir.resolve(ItfTrace.FILE), ItfTrace.write(focused, schedule, invariant));
        Path svg = TraceExporter.write(dir.resolve(SVG), Swimlanes.render(focused, why,
                (invariant != null ? invariant + " violated in " : "deadlock in ") + model.instance()));
        BugReport report = new BugReport(what, origin, focused, table, schedule, tlc, tlc == null ? note : null,
                replayOptions, assumptions).inBundle(exported);
        Path md = TraceExporter.write(dir.resolve(REPORT), report.render(dir));
        files.add(md);
        files.add(svg);
        files.add(itf);
        files.add(machine);
        if (exported != null) {
            files.add(exported.tla());
            files.add(exported.cfg());
            files.addAll(exported.specFiles());
        }
        Path manifest = TraceExporter.write(dir.resolve(MANIFEST), manifest(focused, schedule, why, itf, machine, exported,
                assumptions));
        files.add(manifest);
        return new Written(dir, why, table, exported, List.copyOf(files));
    }

    private static String manifest(Execution<?> ex, String schedule, Explanation why, Path itf, Path machine,
            ExportedTrace exported, List<String> assumptions) {
        Model<?> model = ex.model();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("instance", model.instance().toString());
        m.put("model", model.instance().model());
        m.put("variant", model.instance().variant());
        m.put("options", new LinkedHashMap<>(model.instance().options()));
        m.put("modelVersion", model.version());
        m.put("schedule", schedule);
        m.put("invariant", ex.outcome().invariantOrNull());
        m.put("outcome", CpuTable.endLine(ex.outcome()));
        m.put("steps", ex.steps().size());
        m.put("explanation", why.sentence());
        m.put("racingSteps", new ArrayList<>(why.racingSteps()));
        List<Integer> pre = new ArrayList<>();
        for (int i = 1; i <= why.accesses().steps(); i++) {
            if (why.accesses().preempts(i)) {
                pre.add(i);
            }
        }
        m.put("preemptions", pre);
        m.put("threads", ex.scenario().threadCount());
        m.put("assumptions", assumptions == null ? List.of() : assumptions);
        Map<String, Object> digests = new LinkedHashMap<>();
        digests.put(itf.getFileName().toString(), sha256(itf));
        digests.put(machine.getFileName().toString(), sha256(machine));
        if (exported != null) {
            for (Path spec : exported.specFiles()) {
                digests.put(spec.getFileName().toString(), sha256(spec));
            }
        }
        m.put("sha256", digests);
        m.put("spec", exported == null || exported.specFiles().isEmpty() ? null
                : exported.specFiles().get(0).getFileName().toString());
        try {
            return JSON.writeValueAsString(m) + "\n";
        } catch (JsonProcessingException e) {
            throw new TlaExportException("cannot write " + MANIFEST + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The SHA-256 of a file's bytes, in hex. */
    public static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
