package racetrace.tla;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
import racetrace.engine.Outcome;

/**
 * Writes a Java execution as a TLA+ trace module {@code <Spec>Trace_<id>.tla}, its {@code .cfg},
 * the counterexample JSON, and a copy of the hand-written spec, all in one directory.
 *
 * <p>The trace module EXTENDS the spec and constrains behaviours to the recorded states and
 * steps; see the module's own comments and tla-export/README.md.
 */
public final class TraceExporter {

    private final SpecLibrary specs;
    private final TlaValueWriter writer;

    public TraceExporter(SpecLibrary specs, TlaValueWriter writer) {
        this.specs = specs;
        this.writer = writer;
    }

    TlaValueWriter writer() {
        return writer;
    }

    /** Specs from the classpath ({@code tla/}), the standard value writer. */
    public static TraceExporter standard() {
        return new TraceExporter(SpecLibrary.classpath(), TlaValueWriter.standard());
    }

    /** Exports with an id derived from the content (same execution, same id and bytes). */
    public ExportedTrace export(Execution<?> ex, Path dir) {
        return export(ex, dir, null);
    }

    /**
     * Exports an execution.
     *
     * @param id the id in the module name (letters, digits, _), or null for a content hash
     */
    public ExportedTrace export(Execution<?> ex, Path dir, String id) {
        TraceData d = TraceData.of(ex, writer);
        String traceId = id != null ? id : contentId(d);
        String module = TlaNames.requireModuleName(d.spec + "Trace_" + traceId, "trace module name");
        Map<String, Object> data = templateData(d, module);
        String tla = Templates.render("trace.tla.ftl", data);
        String cfg = Templates.render("trace.cfg.ftl", data);
        String json = CounterexampleJson.toJson(ex);
        List<Path> specFiles = specs.copyInto(d.spec, dir);
        Path tlaFile = dir.resolve(module + ".tla");
        Path cfgFile = dir.resolve(module + ".cfg");
        Path jsonFile = dir.resolve(module + ".json");
        write(tlaFile, tla);
        write(cfgFile, cfg);
        write(jsonFile, json);
        return new ExportedTrace(module, dir, tlaFile, cfgFile, jsonFile, specFiles, d.stateTexts.size(),
                d.labelsInPc, d.notes);
    }

    static Map<String, Object> templateData(TraceData d, String module) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("module", module);
        data.put("spec", d.spec);
        data.put("instance", TraceData.comment(d.execution.model().instance().toString()));
        data.put("scenario", TraceData.comment(d.execution.scenario().config() + " "
                + d.execution.scenario().threads()));
        data.put("schedule", d.execution.executed().toString());
        data.put("outcome", TraceData.describe(d.execution.outcome()));
        List<Map<String, String>> constants = new ArrayList<>();
        d.constants.forEach((name, value) -> constants.add(Map.of("name", name, "value", value)));
        data.put("constants", constants);
        List<Map<String, String>> states = new ArrayList<>();
        for (int i = 0; i < d.stateTexts.size(); i++) {
            states.add(Map.of("value", d.stateTexts.get(i), "comment", TraceData.comment(d.stateComments.get(i))));
        }
        data.put("states", states);
        List<Map<String, String>> actions = new ArrayList<>();
        for (int i = 0; i < d.actionTexts.size(); i++) {
            actions.add(Map.of("value", d.actionTexts.get(i), "comment", TraceData.comment(d.actionComments.get(i))));
        }
        data.put("actions", actions);
        data.put("variables", d.variables);
        data.put("invariants", d.invariants);
        data.put("labels", d.labelsInPc);
        // A run that ends in a deadlock may end only where the spec cannot go on either.
        data.put("deadlock", d.execution.outcome() instanceof Outcome.Deadlock);
        return data;
    }

    static String contentId(TraceData d) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(d.spec.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(d.execution.model().instance().toString().getBytes(StandardCharsets.UTF_8));
            d.constants.forEach((k, v) -> md.update((k + "=" + v + "\n").getBytes(StandardCharsets.UTF_8)));
            d.stateTexts.forEach(s -> md.update((s + "\n").getBytes(StandardCharsets.UTF_8)));
            d.actionTexts.forEach(s -> md.update((s + "\n").getBytes(StandardCharsets.UTF_8)));
            md.update(TraceData.describe(d.execution.outcome()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest(), 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code text} as UTF-8 into {@code file}, creating its directory; returns the file. */
    public static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
