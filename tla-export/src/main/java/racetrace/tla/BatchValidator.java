package racetrace.tla;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import racetrace.engine.Execution;
import racetrace.engine.Step;

/**
 * Validates many Java executions (violating or not) against their spec in one TLC run: the
 * conformance check that keeps a Java model and its TLA+ spec honest.
 *
 * <p>All executions of one spec go into one module {@code <Spec>Batch_<id>}: a variable {@code
 * rt_t} chooses the run in Init, and the spec is instantiated per run with that run's constants
 * ({@code RT_Spec(c) == INSTANCE Spec WITH C1 <- c.C1, ...}), so runs of different scenarios and
 * variants share a module. TLC stops at the first disagreement; that run is then reported and the
 * batch is checked again without it, up to {@code maxRuns} TLC runs per spec.
 */
public final class BatchValidator {

    private final SpecLibrary specs;
    private final TlaValueWriter writer;
    private final TlcRunner tlc;
    private final int maxRuns;

    public BatchValidator(SpecLibrary specs, TlaValueWriter writer, TlcRunner tlc, int maxRuns) {
        this.specs = specs;
        this.writer = writer;
        this.tlc = tlc;
        this.maxRuns = maxRuns;
    }

    /** Classpath specs and TLC, at most 5 TLC runs per spec. */
    public static BatchValidator standard() {
        return new BatchValidator(SpecLibrary.classpath(), TlaValueWriter.standard(), TlcRunner.fromClasspath(), 5);
    }

    /** Validates executions; those of different specs are checked in separate TLC runs. */
    public BatchValidation validate(List<? extends Execution<?>> executions, Path dir, Duration timeout) {
        BatchValidation.RunVerdict[] verdicts = new BatchValidation.RunVerdict[executions.size()];
        List<TlcResult> runs = new ArrayList<>();
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        List<TraceData> data = new ArrayList<>();
        for (int i = 0; i < executions.size(); i++) {
            TraceData d;
            try {
                d = TraceData.of(executions.get(i), writer);
            } catch (TlaExportException e) {
                verdicts[i] = new BatchValidation.RunVerdict(i, BatchValidation.Status.ERROR, -1,
                        "cannot export: " + e.getMessage());
                data.add(null);
                continue;
            }
            data.add(d);
            groups.computeIfAbsent(d.spec + " " + d.variables + " " + d.constants.keySet(), k -> new ArrayList<>())
                    .add(i);
        }
        for (List<Integer> group : groups.values()) {
            validateGroup(group, data, verdicts, runs, dir, timeout);
        }
        return new BatchValidation(List.of(verdicts), runs);
    }

    private void validateGroup(List<Integer> group, List<TraceData> data, BatchValidation.RunVerdict[] verdicts,
            List<TlcResult> runs, Path dir, Duration timeout) {
        List<Integer> pending = new ArrayList<>(group);
        TraceData first = data.get(group.get(0));
        try {
            specs.copyInto(first.spec, dir);
        } catch (TlaExportException e) {
            failAll(pending, verdicts, e.getMessage());
            return;
        }
        int run = 0;
        while (!pending.isEmpty() && run < maxRuns) {
            run++;
            List<TraceData> batch = pending.stream().map(data::get).toList();
            String module = TlaNames.requireModuleName(first.spec + "Batch_" + id(batch) + "_" + run,
                    "batch module name");
            Map<String, Object> model = templateData(batch, module);
            TraceExporter.write(dir.resolve(module + ".tla"), Templates.render("batch.tla.ftl", model));
            TraceExporter.write(dir.resolve(module + ".cfg"), Templates.render("batch.cfg.ftl", model));
            TlcResult r = tlc.run(dir, module, module + ".cfg", timeout, List.of());
            runs.add(r);
            TlcState last = r.lastState();
            int k = last != null && last.get("rt_t") instanceof Integer t ? t : -1;
            int i = last != null && last.get("rt_i") instanceof Integer x ? x : -1;
            switch (r.verdict()) {
                case OK -> {
                    for (int idx : pending) {
                        verdicts[idx] = new BatchValidation.RunVerdict(idx, BatchValidation.Status.CONFORMS, -1,
                                "conforms (" + data.get(idx).execution.steps().size() + " steps)");
                    }
                    pending.clear();
                }
                case DEADLOCK -> {
                    if (k < 1 || k > pending.size()) {
                        failAll(pending, verdicts, "TLC deadlock without a run number: " + r.message());
                        return;
                    }
                    int idx = pending.remove(k - 1);
                    Execution<?> ex = data.get(idx).execution;
                    Step<?> s = ex.steps().get(i - 1);
                    StepDiagnosis diag = StepDiagnoser.diagnose(data.get(idx), i, dir, timeout, tlc);
                    if (diag != null) {
                        runs.add(diag.tlc());
                    }
                    verdicts[idx] = new BatchValidation.RunVerdict(idx, BatchValidation.Status.STEP, i,
                            "the spec cannot take step " + i + " (" + ex.model().threadName(ex.scenario(), s.thread())
                                    + " " + s.label() + ") from " + TraceConfirmer.state(ex, i - 1) + " to "
                                    + TraceConfirmer.state(ex, i) + (diag == null ? "" : ". " + diag.explanation()));
                }
                case INVARIANT_VIOLATED -> {
                    String inv = r.violatedInvariant();
                    if ("RT_VarsMatch".equals(inv)) {
                        for (int idx : pending) {
                            verdicts[idx] = new BatchValidation.RunVerdict(idx, BatchValidation.Status.VARIABLES, 0,
                                    "the spec's vars tuple is not the model's variables() " + first.variables);
                        }
                        pending.clear();
                        return;
                    }
                    if (k < 1 || k > pending.size()) {
                        failAll(pending, verdicts, "TLC violation without a run number: " + r.message());
                        return;
                    }
                    int idx = pending.remove(k - 1);
                    Execution<?> ex = data.get(idx).execution;
                    if ("RT_StartConforms".equals(inv)) {
                        verdicts[idx] = new BatchValidation.RunVerdict(idx, BatchValidation.Status.START_STATE, 0,
                                "the spec's Init does not allow the start state " + TraceConfirmer.state(ex, 0));
                    } else {
                        String name = inv.startsWith("RT_Agrees_") ? inv.substring("RT_Agrees_".length()) : inv;
                        int step = i - 1;
                        boolean javaHolds = !(name.equals(data.get(idx).violatedInvariant())
                                && step == data.get(idx).violationStep());
                        verdicts[idx] = new BatchValidation.RunVerdict(idx, BatchValidation.Status.INVARIANT, step,
                                "after step " + step + " the spec's " + name + " is " + (javaHolds ? "FALSE" : "TRUE")
                                        + " but the Java model found it " + (javaHolds ? "holding" : "violated")
                                        + " (state " + TraceConfirmer.state(ex, step) + ")");
                    }
                }
                default -> {
                    failAll(pending, verdicts, r.message());
                    return;
                }
            }
        }
        for (int idx : pending) {
            verdicts[idx] = new BatchValidation.RunVerdict(idx, BatchValidation.Status.NOT_CHECKED, -1,
                    "not checked: stopped after " + maxRuns + " TLC runs with disagreements");
        }
    }

    private static void failAll(List<Integer> pending, BatchValidation.RunVerdict[] verdicts, String message) {
        for (int idx : pending) {
            verdicts[idx] = new BatchValidation.RunVerdict(idx, BatchValidation.Status.ERROR, -1, message);
        }
        pending.clear();
    }

    private Map<String, Object> templateData(List<TraceData> batch, String module) {
        TraceData first = batch.get(0);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("module", module);
        m.put("spec", first.spec);
        m.put("variables", first.variables);
        m.put("constantNames", new ArrayList<>(first.constants.keySet()));
        Set<String> invariants = new LinkedHashSet<>();
        List<Map<String, Object>> traces = new ArrayList<>();
        // Runs share many states (start states, common prefixes): each distinct state is written once.
        Map<String, Integer> stateNumbers = new LinkedHashMap<>();
        for (TraceData d : batch) {
            invariants.addAll(d.invariants);
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("comment", TraceData.comment(d.execution.model().instance() + " " + d.execution.scenario().config()
                    + " " + d.execution.scenario().threads() + " " + d.execution.executed() + ": "
                    + TraceData.describe(d.execution.outcome())));
            t.put("constants", "[" + String.join(", ", d.constants.entrySet().stream()
                    .map(e -> e.getKey() + " |-> " + e.getValue()).toList()) + "]");
            if (d.constants.isEmpty()) {
                t.put("constants", "<<>>");
            }
            List<Integer> refs = new ArrayList<>();
            for (String st : d.stateTexts) {
                refs.add(stateNumbers.computeIfAbsent(st, x -> stateNumbers.size() + 1));
            }
            t.put("states", refs);
            t.put("actions", d.actionTexts);
            Map<String, Object> expect = new LinkedHashMap<>();
            expect.put("at", d.violationStep() + 1);
            expect.put("violated", d.violatedInvariant() == null ? "" : d.violatedInvariant());
            expect.put("holding", new LinkedHashSet<>(d.holdingAtViolation()));
            expect.put("checked", new LinkedHashSet<>(d.invariants));
            t.put("expect", writer.writeRecord(expect, "expectation"));
            traces.add(t);
        }
        m.put("invariants", new ArrayList<>(invariants));
        m.put("states", new ArrayList<>(stateNumbers.keySet()));
        m.put("traces", traces);
        return m;
    }

    private static String id(List<TraceData> batch) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (TraceData d : batch) {
                md.update(TraceExporter.contentId(d).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest(), 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
