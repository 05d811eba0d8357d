package racetrace.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import racetrace.engine.BadInputException;
import racetrace.engine.Execution;
import racetrace.engine.Model;
import java.util.Set;
import racetrace.conform.ScenarioStateCounts;
import racetrace.tlc.StateCounts;
import racetrace.search.Case;
import racetrace.search.RandomCases;
import racetrace.search.explore.ActionCoverage;
import racetrace.search.explore.Limits;
import racetrace.tla.BatchValidation;
import racetrace.tla.BatchValidator;
import racetrace.tla.TlcResult;

/**
 * Keeps each Java model and its TLA+ spec from drifting apart: random executions of every
 * instance (not only failing ones), plus a run of the instance's coverage scenarios for every
 * action the random ones missed, are exported and TLC checks, in batches, that each step is a
 * step of the spec and that the invariants agree in every state; it reports which of the
 * instance's actions the accepted runs took. With {@code --states}, the other direction: on each
 * coverage scenario the Java model's exhaustive search and TLC's must count the same states.
 */
@Command(name = "conform", description = "Checks with TLC that random Java executions of every instance, and runs "
        + "taking every action they miss, are behaviours of the model's TLA+ spec, with the same invariant verdicts; "
        + "with --states, that the Java model and the spec reach as many states on the coverage scenarios.")
final class ConformCommand implements Callable<Integer> {

    /** States a coverage scenario may have for the search of runs taking the missed actions. */
    static final long COVERAGE_STATES = 500_000;

    @CommandLine.Mixin
    ModelPathOption modelPath = new ModelPathOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "<model>", description = "the model (default: every model with a spec)")
    String model;

    @Option(names = "--variant", paramLabel = "V", description = "only this variant (repeatable)")
    List<String> variants = new ArrayList<>();

    @Option(names = "--option", paramLabel = "k=v", description = "a model option, e.g. callers=none (default: each variant's own)")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--traces", paramLabel = "N", description = "random executions per instance (default ${DEFAULT-VALUE})")
    int traces = 200;

    @Option(names = "--batch", paramLabel = "N",
            description = "executions per TLC run at most; a big Xen batch needs much heap (default ${DEFAULT-VALUE})")
    int batch = 100;

    @Option(names = "--seed", paramLabel = "N", description = "random seed (default ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--timeout", paramLabel = "S", description = "seconds per TLC run (default ${DEFAULT-VALUE})")
    int timeout = 900;

    @Option(names = "--out", paramLabel = "DIR", description = "where the batch modules go (default ${DEFAULT-VALUE})")
    Path out = Path.of("racetrace-out");

    @Option(names = "--json", description = "one JSON object per instance")
    boolean json;

    @Option(names = "--states", description = "also compare the Java model's and TLC's distinct-state counts on "
            + "each coverage scenario")
    boolean states;

    @Option(names = "--states-max", paramLabel = "N",
            description = "compare only scenarios of at most N Java states (default ${DEFAULT-VALUE})")
    long statesMax = 20_000;

    @Override
    public Integer call() throws Exception {
        if (traces < 1 || timeout < 1 || batch < 1 || statesMax < 1) {
            throw new BadInputException("--traces, --batch, --timeout and --states-max must be at least 1");
        }
        List<Model<?>> instances = new ArrayList<>();
        for (Model<?> m : Options.select(model, variants, null, options)) {
            if (m.tlaModule() != null) {
                instances.add(m);
            } else if (model != null) {
                throw new BadInputException(ModelPathOption.noSpec(m, "conform"));
            }
        }
        if (instances.isEmpty()) {
            throw new BadInputException("no selected model has a TLA+ spec; conform compares a model with its spec");
        }
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = out.resolve("conform");
        Files.createDirectories(dir);
        List<Execution<?>> all = new ArrayList<>();
        List<int[]> ranges = new ArrayList<>();
        for (Model<?> m : instances) {
            Random random = new Random(seed ^ m.instance().toString().hashCode());
            int from = all.size();
            for (int i = 0; i < traces; i++) {
                all.add(RandomCases.draw(m, RandomCases.DEFAULT_SCHEDULE_LENGTH, random).run());
            }
            Set<String> missing = ActionCoverage.missing(m, all.subList(from, all.size()));
            for (Case c : ActionCoverage.runsTaking(m, missing, Limits.states(COVERAGE_STATES))) {
                all.add(c.run());
            }
            ranges.add(new int[] {from, all.size()});
        }
        err.printf("racetrace: TLC validates %d executions of %d instances%n", all.size(), instances.size());
        long start = System.nanoTime();
        // Batches of at most --batch executions of one instance's spec each: TLC parses every
        // state of a batch as one constant, so a huge batch costs heap and time.
        List<BatchValidation.RunVerdict> verdicts = new ArrayList<>();
        List<TlcResult> tlcRuns = new ArrayList<>();
        for (int from = 0; from < all.size(); from += batch) {
            List<Execution<?>> chunk = all.subList(from, Math.min(all.size(), from + batch));
            BatchValidation part = BatchValidator.standard().validate(chunk, dir, Duration.ofSeconds(timeout));
            for (BatchValidation.RunVerdict rv : part.verdicts()) {
                verdicts.add(new BatchValidation.RunVerdict(rv.index() + from, rv.status(), rv.step(), rv.detail()));
            }
            tlcRuns.addAll(part.tlcRuns());
        }
        BatchValidation v = new BatchValidation(verdicts, tlcRuns);
        Map<Model<?>, List<StateCounts.Comparison>> countsOf = states ? stateCounts(instances, dir, err)
                : Map.of();
        long millis = (System.nanoTime() - start) / 1_000_000;
        boolean ok = true;
        ObjectMapper mapper = new ObjectMapper();
        for (int k = 0; k < instances.size(); k++) {
            int[] r = ranges.get(k);
            int conform = 0;
            int unchecked = 0;
            String why = null;
            List<String> failures = new ArrayList<>();
            List<Execution<?>> accepted = new ArrayList<>();
            for (BatchValidation.RunVerdict rv : v.verdicts()) {
                if (rv.index() >= r[0] && rv.index() < r[1]) {
                    if (rv.status() == BatchValidation.Status.CONFORMS) {
                        conform++;
                        accepted.add(all.get(rv.index()));
                    } else if (rv.status() == BatchValidation.Status.ERROR
                            || rv.status() == BatchValidation.Status.NOT_CHECKED) {
                        unchecked++;
                        why = why == null ? rv.detail() : why;
                    } else {
                        failures.add("run " + (rv.index() - r[0]) + ": " + rv.status() + " at step " + rv.step() + ": "
                                + rv.detail() + " (racetrace replay "
                                + new racetrace.search.Case(instances.get(k), all.get(rv.index()).scenario(),
                                        all.get(rv.index()).schedule()) + ")");
                    }
                }
            }
            ok &= failures.isEmpty() && unchecked == 0;
            Model<?> inst = instances.get(k);
            Set<String> notTaken = ActionCoverage.missing(inst, accepted);
            List<StateCounts.Comparison> counts = countsOf.getOrDefault(inst, List.of());
            ok &= counts.stream().allMatch(c -> c.equal() || ScenarioStateCounts.tooLarge(c));
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("model", instances.get(k).instance().model());
                m.put("variant", instances.get(k).instance().variant());
                m.put("config", instances.get(k).instance().options());
                m.put("executions", r[1] - r[0]);
                m.put("conform", conform);
                m.put("unchecked", unchecked);
                if (why != null) {
                    m.put("uncheckedWhy", why);
                }
                m.put("failures", failures);
                m.put("actionsCovered", inst.actions().size() - notTaken.size());
                m.put("actionsTotal", inst.actions().size());
                m.put("actionsMissing", List.copyOf(notTaken));
                if (states) {
                    List<Map<String, Object>> cs = new ArrayList<>();
                    for (StateCounts.Comparison c : counts) {
                        Map<String, Object> e = new LinkedHashMap<>();
                        e.put("scenario", c.scenario().config() + " " + c.scenario().threads());
                        e.put("javaStates", c.javaStates());
                        e.put("tlcStates", c.tlcStates());
                        e.put("equal", c.equal());
                        e.put("javaMillis", c.javaMillis());
                        e.put("tlcMillis", c.tlcMillis());
                        e.put("detail", ScenarioStateCounts.describe(c));
                        cs.add(e);
                    }
                    m.put("stateCounts", cs);
                }
                o.println(mapper.writeValueAsString(m));
            } else {
                o.printf("%-40s %d of %d executions conform%s; actions %s%n", inst.instance(), conform, r[1] - r[0],
                        unchecked == 0 ? "" : "; " + unchecked + " not checked: " + why,
                        inst.actions().isEmpty() ? "not declared"
                                : (inst.actions().size() - notTaken.size()) + " of " + inst.actions().size()
                                        + (notTaken.isEmpty() ? "" : ", missing " + notTaken));
                failures.forEach(f -> o.println("   " + f));
                for (StateCounts.Comparison c : counts) {
                    o.println("   states " + c.scenario().config() + " " + c.scenario().threads() + ": "
                            + ScenarioStateCounts.describe(c));
                }
            }
        }
        if (!json) {
            o.printf("%d executions, %d TLC runs, TLC %d ms in all (%d ms with export)%n", all.size(), v.tlcRuns().size(),
                    v.tlcTime().toMillis(), millis);
            for (TlcResult t : v.tlcRuns()) {
                o.println("   TLC batch: " + t.summary());
            }
        }
        o.flush();
        return ok ? 0 : 1;
    }

    /** Every instance's coverage scenarios, the Java searches one by one, TLC once per spec. */
    private Map<Model<?>, List<StateCounts.Comparison>> stateCounts(List<Model<?>> instances, Path dir,
            PrintWriter err) {
        Map<String, List<Model<?>>> bySpec = new LinkedHashMap<>();
        for (Model<?> m : instances) {
            bySpec.computeIfAbsent(m.tlaModule(), s -> new ArrayList<>()).add(m);
        }
        Map<Model<?>, List<StateCounts.Comparison>> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Model<?>>> e : bySpec.entrySet()) {
            List<Model<?>> models = new ArrayList<>();
            List<racetrace.engine.Scenario> scenarios = new ArrayList<>();
            for (Model<?> m : e.getValue()) {
                for (racetrace.engine.Scenario sc : m.coverageScenarios()) {
                    models.add(m);
                    scenarios.add(sc);
                }
            }
            if (scenarios.isEmpty()) {
                continue;
            }
            err.printf("racetrace: counting the states of %d coverage scenarios of %s, TLC in one run%n", scenarios.size(),
                    e.getKey());
            List<StateCounts.Comparison> cs = ScenarioStateCounts.compare(models, scenarios,
                    dir.resolve("states-" + e.getKey()), Duration.ofSeconds(timeout), statesMax);
            for (int i = 0; i < cs.size(); i++) {
                out.computeIfAbsent(models.get(i), m -> new ArrayList<>()).add(cs.get(i));
            }
        }
        return out;
    }
}
