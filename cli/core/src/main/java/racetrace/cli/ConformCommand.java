package racetrace.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import racetrace.conform.ScenarioStateCounts;
import racetrace.engine.BadInputException;
import racetrace.engine.Execution;
import racetrace.engine.Model;
import racetrace.engine.Scenario;
import racetrace.search.Case;
import racetrace.search.ModelOrigin;
import racetrace.search.RandomCases;
import racetrace.search.explore.ActionCoverage;
import racetrace.search.explore.Limits;
import racetrace.tla.BatchValidation;
import racetrace.tla.BatchValidator;
import racetrace.tla.TlcResult;
import racetrace.tlc.StateCounts;

/**
 * Keeps each Java model and its TLA+ spec from drifting apart: random executions of every
 * instance (not only failing ones), plus a run of the instance's coverage scenarios for every
 * action the random ones missed, are exported and TLC checks, in batches, that each step is a
 * step of the spec and that the invariants agree in every state; it reports which of the
 * instance's actions the accepted runs took. With {@code --states}, the other direction: on each
 * coverage scenario the Java model's exhaustive search and TLC's must count the same states.
 */
@Command(name = "conform", mixinStandardHelpOptions = true,
        description = "Checks with TLC that random Java executions of every instance, and runs taking every "
                + "action they miss, are behaviours of the model's TLA+ spec, with the same invariant verdicts; "
                + "with --states, that the Java model and the spec reach the same states on the coverage scenarios. "
                + "Exits 1 on any disagreement, 4 when a cap left some of the work undone (--tlc-timeout, a scenario "
                + "over --states-max, no coverage scenarios to compare, a declared action no checked run took), "
                + "3 when TLC could not run.")
final class ConformCommand extends TlcInstancesCommand {

    /** Rough TLC cost measured on the bundled specs (2 cores): start-up per run, then per execution. */
    private static final double SECONDS_PER_RUN = 3;
    private static final double SECONDS_PER_EXECUTION = 0.15;

    /** States a coverage scenario may have for the search of runs taking the missed actions. */
    static final long COVERAGE_STATES = 500_000;

    @Mixin
    Budget.Seed seed;

    @Mixin
    JsonOutput output;

    @Option(names = "--traces", paramLabel = "N",
            description = "random executions per instance, 1 to 100000 (default ${DEFAULT-VALUE})")
    int traces = 200;

    @Option(names = "--batch", paramLabel = "N",
            description = "executions per TLC run at most, 1 to 10000; a big batch of long executions needs much heap "
                    + "(default ${DEFAULT-VALUE})")
    int batch = 100;

    @Option(names = "--states", description = "also compare the Java model's and TLC's distinct states on each "
            + "coverage scenario, state by state (default: off)")
    boolean states;

    @Option(names = "--states-max", paramLabel = "N",
            description = "with --states: compare only scenarios of at most N Java states, 1 to 100000000 "
                    + "(default ${DEFAULT-VALUE})")
    long statesMax = 20_000;

    @Override
    public Integer call() throws Exception {
        Checks.count("--traces", traces, 1, 100_000, "executions");
        Checks.count("--batch", batch, 1, 10_000, "executions");
        Checks.count("--states-max", statesMax, 1, 100_000_000, "states");
        tlcOptions.validate();
        List<Model<?>> instances = new ArrayList<>();
        for (Model<?> m : selection.instances(InstanceSelection.Need.ANY)) {
            if (m.tlaModule() != null) {
                instances.add(m);
            } else if (selection.model != null) {
                // A model named on the line must be checkable; without one, models without a spec are skipped.
                throw new BadInputException(ModelPathOption.noSpec(m, "conform"));
            }
        }
        if (instances.isEmpty()) {
            throw new BadInputException("no selected model has a TLA+ spec; conform compares a model with its spec");
        }
        tlcOptions.requireOut();
        Path dir = tlcOptions.out.resolve("conform");
        OutputDirectory.clearGenerated(dir);
        Files.createDirectories(dir);
        long executions = (long) traces * instances.size();
        long runs = (executions + batch - 1) / batch;
        Racetrace.note(spec.commandLine().getErr(), "conform: " + instances.size() + " instances x " + traces
                + " executions = " + executions + " executions in " + runs + " TLC runs of at most " + batch
                + "; roughly " + Progress.duration(runs * SECONDS_PER_RUN + executions * SECONDS_PER_EXECUTION)
                + " (each run stops after " + tlcOptions.timeout + " s)");
        PrintWriter o = spec.commandLine().getOut();
        List<Execution<?>> all = new ArrayList<>();
        List<int[]> ranges = new ArrayList<>();
        for (Model<?> m : instances) {
            Random random = new Random(seed.seed ^ m.instance().toString().hashCode());
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
        long start = System.nanoTime();
        // Batches of at most --batch executions of one instance's spec each: TLC parses every
        // state of a batch as one constant, so a huge batch costs heap and time.
        List<BatchValidation.RunVerdict> verdicts = new ArrayList<>();
        List<TlcResult> tlcRuns = new ArrayList<>();
        for (int from = 0; from < all.size(); from += batch) {
            List<Execution<?>> chunk = all.subList(from, Math.min(all.size(), from + batch));
            BatchValidation part = BatchValidator.standard().validate(chunk, dir, tlcOptions.duration());
            for (BatchValidation.RunVerdict rv : part.verdicts()) {
                verdicts.add(new BatchValidation.RunVerdict(rv.index() + from, rv.status(), rv.step(), rv.detail()));
            }
            tlcRuns.addAll(part.tlcRuns());
        }
        BatchValidation v = new BatchValidation(verdicts, tlcRuns);
        Map<Model<?>, List<StateCounts.Comparison>> countsOf = states
                ? stateCounts(instances, dir, spec.commandLine().getErr()) : Map.of();
        long millis = (System.nanoTime() - start) / 1_000_000;
        int code = ExitCode.OK;
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
                                + rv.detail() + " (racetrace replay"
                                + ModelOrigin.arguments(instances.get(k)) + " "
                                + new Case(instances.get(k), all.get(rv.index()).scenario(),
                                        all.get(rv.index()).schedule()) + ")");
                    }
                }
            }
            Model<?> inst = instances.get(k);
            Set<String> notTaken = ActionCoverage.missing(inst, accepted);
            List<StateCounts.Comparison> counts = countsOf.getOrDefault(inst, List.of());
            if (!failures.isEmpty()) {
                code = ExitCode.worst(code, ExitCode.FOUND);
            }
            for (StateCounts.Comparison c : counts) {
                code = ExitCode.worst(code, ScenarioStateCounts.code(c));
            }
            if (states && inst.coverageScenarios().isEmpty()) {
                // --states asked for a comparison that this instance cannot give: not "every state agrees".
                code = ExitCode.worst(code, ExitCode.INCONCLUSIVE);
            }
            if (!notTaken.isEmpty()) {
                // Declared actions no checked run took (no coverage scenario reached them within
                // COVERAGE_STATES): TLC never saw those steps, so conformance is not shown for them.
                code = ExitCode.worst(code, ExitCode.INCONCLUSIVE);
            }
            if (unchecked > 0) {
                // TLC stopped by --tlc-timeout leaves executions unchecked: inconclusive, not a failure.
                code = ExitCode.worst(code, why != null && why.startsWith(TLC_TIMED_OUT) && uncheckedAllTimedOut(v, r)
                        ? ExitCode.INCONCLUSIVE : ExitCode.TLC_FAILED);
            }
            if (output.json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("model", instances.get(k).instance().model());
                m.put("variant", instances.get(k).instance().variant());
                m.put("config", instances.get(k).instance().options());
                m.put("executions", r[1] - r[0]);
                m.put("conform", conform);
                m.put("unchecked", unchecked);
                m.put("uncheckedWhy", why);
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
                                        + (notTaken.isEmpty() ? "" : ", missing " + notTaken + " (no run TLC checked "
                                                + "took them, none of the coverage scenarios within " + COVERAGE_STATES
                                                + " states each: inconclusive)"));
                failures.forEach(f -> o.println("   " + f));
                if (states && inst.coverageScenarios().isEmpty()) {
                    o.println("   states: not compared: the model declares no coverageScenarios(), the scenarios "
                            + "--states compares (see the tutorial); inconclusive");
                }
                for (StateCounts.Comparison c : counts) {
                    o.println("   states " + c.scenario().config() + " " + c.scenario().threads() + ": "
                            + ScenarioStateCounts.describe(c));
                }
            }
        }
        if (!output.json) {
            o.printf("%d executions, %d TLC runs, TLC %d ms in all (%d ms with export)%n", all.size(), v.tlcRuns().size(),
                    v.tlcTime().toMillis(), millis);
            for (TlcResult t : v.tlcRuns()) {
                o.println("   TLC batch: " + t.summary());
            }
        }
        o.flush();
        return code;
    }

    /** How TLC's timeout reads in a run's detail (TlcOutputParser's message). */
    private static final String TLC_TIMED_OUT = "TLC did not finish within";

    /** Whether every unchecked execution of an instance's range was left by TLC's timeout. */
    private static boolean uncheckedAllTimedOut(BatchValidation v, int[] range) {
        return v.verdicts().stream().filter(rv -> rv.index() >= range[0] && rv.index() < range[1])
                .filter(rv -> rv.status() == BatchValidation.Status.ERROR || rv.status() == BatchValidation.Status.NOT_CHECKED)
                .allMatch(rv -> rv.detail() != null && rv.detail().startsWith(TLC_TIMED_OUT));
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
            List<Scenario> scenarios = new ArrayList<>();
            for (Model<?> m : e.getValue()) {
                for (Scenario sc : m.coverageScenarios()) {
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
                    dir.resolve("states-" + e.getKey()), tlcOptions.duration(), statesMax);
            for (int i = 0; i < cs.size(); i++) {
                out.computeIfAbsent(models.get(i), m -> new ArrayList<>()).add(cs.get(i));
            }
        }
        return out;
    }
}
