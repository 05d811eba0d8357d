package racetrace.tla;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import racetrace.engine.Model;
import racetrace.engine.OpPlan;
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
        return check(model, scenario, dir, timeout, checkDeadlock, List.of());
    }

    /** The same, with more TLC arguments (e.g. {@code -dump <file>} to list every state). */
    public TlcResult check(Model<?> model, Scenario scenario, Path dir, Duration timeout, boolean checkDeadlock,
            List<String> tlcArgs) {
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
        List<String> invariants = model.invariants().stream()
                .map(i -> TlaNames.requireIdentifier(i.name(), "invariant", model.instance() + ".invariants()"))
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
        return run(spec, module, "check", data, dir, timeout, tlcArgs);
    }

    /** Copies the spec, writes the module and .cfg of template {@code kind} ({@code check}, {@code scope}) and runs TLC. */
    private TlcResult run(String spec, String module, String kind, Map<String, Object> data, Path dir,
            Duration timeout, List<String> tlcArgs) {
        specs.copyInto(spec, dir);
        TraceExporter.write(dir.resolve(module + ".tla"), Templates.render(kind + ".tla.ftl", data));
        TraceExporter.write(dir.resolve(module + ".cfg"), Templates.render(kind + ".cfg.ftl", data));
        return tlc.run(dir, module, module + ".cfg", timeout, tlcArgs);
    }

    /**
     * Runs TLC once over every scenario of a scope (no invariants): a module that instantiates
     * the spec with each scenario's constants and lets the initial state choose one. Its
     * distinct-state count is the sum of the scenarios' counts.
     *
     * @param variables the spec's variables, in order (those of {@link Model#variables})
     */
    public TlcResult checkScope(Model<?> model, List<Scenario> scenarios, List<String> variables, String scope,
            Path dir, Duration timeout) {
        return checkScenarios(Collections.nCopies(scenarios.size(), model), scenarios, variables, scope, dir,
                timeout, List.of());
    }

    /**
     * The same for scenarios of several instances of one spec (scenario i with the constants
     * {@code models.get(i)} gives it, e.g. each version of a model), with more TLC arguments:
     * with {@code -dump <file>}, each listed state carries {@code rt_k}, its scenario's number.
     */
    public TlcResult checkScenarios(List<? extends Model<?>> models, List<Scenario> scenarios, List<String> variables,
            String scope, Path dir, Duration timeout, List<String> tlcArgs) {
        List<Map<String, Object>> constants = new ArrayList<>();
        List<String> graphs = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario s = scenarios.get(i);
            constants.add(models.get(i).tlaConstants(s));
            graphs.add(s.config() + " " + s.threads());
        }
        return checkConstants(models, constants, graphs, variables, scope, dir, timeout, tlcArgs);
    }

    /**
     * The same for state graphs of a scope: plans (one per configuration of the scope, threads
     * choosing their ops as the spec's Next allows, {@link Model#tlaConstants(OpPlan)}), in one
     * model whose distinct-state count is the sum of the graphs'.
     */
    public TlcResult checkPlans(List<? extends Model<?>> models, List<OpPlan> plans, List<String> variables,
            String scope, Path dir, Duration timeout, List<String> tlcArgs) {
        List<Map<String, Object>> constants = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            constants.add(models.get(i).tlaConstants(plans.get(i)));
        }
        return checkConstants(models, constants, plans.stream().map(OpPlan::toString).toList(), variables, scope,
                dir, timeout, tlcArgs);
    }

    /**
     * One scope module over state graphs: graph i has the constants {@code constants.get(i)} and is
     * described by {@code graphs.get(i)}.
     */
    private TlcResult checkConstants(List<? extends Model<?>> models, List<Map<String, Object>> constants,
            List<String> graphs, List<String> variables, String scope, Path dir, Duration timeout,
            List<String> tlcArgs) {
        if (constants.isEmpty()) {
            throw new TlaExportException("a scope check needs at least one scenario");
        }
        Model<?> model = models.get(0);
        String spec = model.tlaModule();
        if (spec == null) {
            throw new TlaExportException("model " + model.instance() + " has no TLA+ spec (its tlaModule() is null)");
        }
        List<String> constantNames = new ArrayList<>(constants.get(0).keySet());
        List<Map<String, String>> rows = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        boolean several = models.stream().distinct().count() > 1;
        List<String> comments = new ArrayList<>();
        for (int i = 0; i < constants.size(); i++) {
            Model<?> m = models.get(i);
            comments.add((several ? m.instance() + " " : "") + graphs.get(i));
            if (!spec.equals(m.tlaModule())) {
                throw new TlaExportException("one scope check over two specs, " + spec + " and " + m.tlaModule());
            }
            Map<String, Object> c = constants.get(i);
            if (!c.keySet().equals(new LinkedHashSet<>(constantNames))) {
                throw new TlaExportException(m.instance() + ".tlaConstants() names other constants for " + comments.get(i));
            }
            String record = writer.write(new LinkedHashMap<>(c), "the constants of " + comments.get(i));
            rows.add(Map.of("constants", record, "comment", TraceData.comment(comments.get(i))));
            all.append(record).append('\n');
        }
        String module = spec + "Scope_" + id(model, List.of(Map.of("name", "scenarios", "value", all.toString())),
                List.of());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("module", module);
        data.put("spec", spec);
        data.put("instance", TraceData.comment(several ? model.instance().model()
                : model.instance().toString()));
        data.put("scope", scope);
        data.put("variables", variables);
        data.put("constantNames", constantNames);
        data.put("scenarios", rows);
        return run(spec, module, "scope", data, dir, timeout, tlcArgs);
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
