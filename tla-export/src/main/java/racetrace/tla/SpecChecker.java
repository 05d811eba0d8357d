package racetrace.tla;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import racetrace.engine.Model;
import racetrace.engine.Scenario;

/**
 * Model-checks a model's spec exhaustively for one scenario's constants (TLC breadth-first, one
 * worker), so a counterexample TLC finds is a shortest one. Writes {@code <Spec>Check_<id>.tla}
 * and {@code .cfg} (Init, Next, the model's invariants) next to a copy of the spec.
 */
public final class SpecChecker {

    private final SpecLibrary specs;
    private final TlaValueWriter writer;
    private final TlcRunner tlc;

    public SpecChecker(SpecLibrary specs, TlaValueWriter writer, TlcRunner tlc) {
        this.specs = specs;
        this.writer = writer;
        this.tlc = tlc;
    }

    public static SpecChecker standard() {
        return new SpecChecker(SpecLibrary.classpath(), TlaValueWriter.standard(), TlcRunner.fromClasspath());
    }

    /**
     * Runs TLC on the spec of {@code model} with the constants of {@code scenario}.
     *
     * @param checkDeadlock whether a state without successor is an error (specs whose threads
     *     all finish usually have no terminal stuttering step, so usually false)
     */
    public TlcResult check(Model<?> model, Scenario scenario, Path dir, Duration timeout, boolean checkDeadlock) {
        return check(model, scenario, dir, timeout, checkDeadlock,
                model.invariants().stream().map(i -> i.name()).toList(), List.of());
    }

    /**
     * Counts the distinct states of the spec for one scenario: TLC breadth-first with no
     * invariant, the count to compare with an exhaustive search of the Java model. With {@code
     * dump} set, TLC also writes every state it found there ({@code -dump}; read it with {@link
     * TlcDump#read}).
     */
    public TlcResult countStates(Model<?> model, Scenario scenario, Path dir, Duration timeout, Path dump) {
        List<String> extra = dump == null ? List.of() : List.of("-dump", dump.toAbsolutePath().toString());
        return check(model, scenario, dir, timeout, false, List.of(), extra);
    }

    /**
     * Each scenario's distinct states, TLC breadth-first with no invariant, in one TLC run: a
     * module whose states carry the scenario's number ({@code count.tla.ftl}), with TLC's state
     * dump read back to count each scenario's.
     *
     * @param counts filled with the count of each scenario, in order (when TLC finished)
     */
    public TlcResult countStates(Model<?> model, List<Scenario> scenarios, Path dir, Duration timeout,
            List<Long> counts) {
        return countStates(java.util.Collections.nCopies(scenarios.size(), model), scenarios, dir, timeout, counts);
    }

    /** The same for scenarios of several instances of one spec: scenario i of {@code models.get(i)}. */
    public TlcResult countStates(List<? extends Model<?>> models, List<Scenario> scenarios, Path dir, Duration timeout,
            List<Long> counts) {
        Model<?> model = models.get(0);
        String spec = model.tlaModule();
        if (spec == null) {
            throw new TlaExportException("model " + model.instance() + " has no TLA+ spec (its tlaModule() is null)");
        }
        TlaNames.requireModuleName(spec, model.instance() + ".tlaModule()");
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> constantNames = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario sc = scenarios.get(i);
            Model<?> m = models.get(i);
            if (!spec.equals(m.tlaModule())) {
                throw new TlaExportException("counting states of " + spec + " and " + m.tlaModule() + " in one run");
            }
            Map<String, Object> k = m.tlaConstants(sc);
            constantNames = new ArrayList<>(k.keySet());
            constantNames.forEach(c -> TlaNames.requireSpecName(c, "constant", model.instance() + ".tlaConstants()"));
            variables = new ArrayList<>(variablesOf(m, sc));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("comment", TraceData.comment(m.instance() + " " + sc.config() + " " + sc.threads()));
            String constants = writer.write(k, "constants of " + sc);
            row.put("constants", constants);
            all.append(constants).append('\n');
            rows.add(row);
        }
        String module = spec + "Count_" + id(model, List.of(Map.of("name", "all", "value", all.toString())), List.of());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("module", module);
        data.put("spec", spec);
        data.put("instance", TraceData.comment(model.instance().toString()));
        data.put("scenarios", rows);
        data.put("constantNames", constantNames);
        data.put("variables", variables);
        specs.copyInto(spec, dir);
        TraceExporter.write(dir.resolve(module + ".tla"), Templates.render("count.tla.ftl", data));
        TraceExporter.write(dir.resolve(module + ".cfg"), Templates.render("count.cfg.ftl", data));
        Path dump = dir.resolve(module + "-states");
        TlcResult r = tlc.run(dir, module, module + ".cfg", timeout, List.of("-dump", dump.toAbsolutePath().toString()));
        if (r.verdict() == TlcVerdict.OK) {
            long[] n = new long[scenarios.size()];
            for (Map<String, Object> st : TlcDump.read(TlcDump.fileOf(dump))) {
                n[((Number) st.get("rt_k")).intValue() - 1]++;
            }
            for (long c : n) {
                counts.add(c);
            }
        }
        return r;
    }

    private static <S> java.util.Set<String> variablesOf(Model<S> m, Scenario sc) {
        return m.variables(m.initial(sc)).keySet();
    }

    private TlcResult check(Model<?> model, Scenario scenario, Path dir, Duration timeout, boolean checkDeadlock,
            List<String> invariantNames, List<String> extraArgs) {
        String spec = model.tlaModule();
        if (spec == null) {
            throw new TlaExportException("model " + model.instance() + " has no TLA+ spec (its tlaModule() is null)");
        }
        TlaNames.requireModuleName(spec, model.instance() + ".tlaModule()");
        List<Map<String, String>> constants = new ArrayList<>();
        for (Map.Entry<String, Object> c : model.tlaConstants(scenario).entrySet()) {
            TlaNames.requireSpecName(c.getKey(), "constant", model.instance() + ".tlaConstants()");
            constants.add(Map.of("name", c.getKey(), "value", writer.write(c.getValue(), "constant " + c.getKey())));
        }
        List<String> invariants = invariantNames.stream()
                .map(i -> TlaNames.requireIdentifier(i, "invariant", model.instance() + ".invariants()"))
                .toList();
        String module = spec + "Check_" + id(model, constants, invariants);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("module", module);
        data.put("spec", spec);
        data.put("instance", TraceData.comment(model.instance().toString()));
        data.put("scenario", TraceData.comment(scenario.config() + " " + scenario.threads()));
        data.put("constants", constants);
        data.put("invariants", invariants);
        data.put("deadlock", checkDeadlock);
        specs.copyInto(spec, dir);
        TraceExporter.write(dir.resolve(module + ".tla"), Templates.render("check.tla.ftl", data));
        TraceExporter.write(dir.resolve(module + ".cfg"), Templates.render("check.cfg.ftl", data));
        return tlc.run(dir, module, module + ".cfg", timeout, extraArgs);
    }

    private static String id(Model<?> model, List<Map<String, String>> constants, List<String> invariants) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(model.instance().toString().getBytes(StandardCharsets.UTF_8));
            for (Map<String, String> c : constants) {
                md.update((c.get("name") + "=" + c.get("value") + "\n").getBytes(StandardCharsets.UTF_8));
            }
            md.update(invariants.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest(), 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
