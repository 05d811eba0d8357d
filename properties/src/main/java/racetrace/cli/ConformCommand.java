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
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import racetrace.engine.BadInputException;
import racetrace.engine.Execution;
import racetrace.engine.Model;
import racetrace.search.RandomCases;
import racetrace.tla.BatchValidation;
import racetrace.tla.BatchValidator;
import racetrace.tla.TlcResult;

/**
 * Keeps each Java model and its TLA+ spec from drifting apart: random executions of every
 * instance (not only failing ones) are exported and TLC checks, in batches, that each step is a
 * step of the spec and that the invariants agree in every state.
 */
@Command(name = "conform", mixinStandardHelpOptions = true,
        description = "Checks with TLC that random Java executions of every instance are behaviours of the model's "
                + "TLA+ spec, with the same invariant verdicts. Exits 1 on any disagreement, 3 when TLC could not "
                + "check some executions.",
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.L0, ExitCode.L1, ExitCode.L2, ExitCode.L3, ExitCode.L70})
final class ConformCommand implements Callable<Integer> {

    /** Rough TLC cost measured on the bundled specs (2 cores): start-up per run, then per execution. */
    private static final double SECONDS_PER_RUN = 3;
    private static final double SECONDS_PER_EXECUTION = 0.15;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    InstanceSelection selection;

    @Mixin
    Budget.Seed seed;

    @Mixin
    TlcOptions tlcOptions;

    @Mixin
    JsonOutput output;

    @Option(names = "--traces", paramLabel = "N",
            description = "random executions per instance, 1 to 100000 (default ${DEFAULT-VALUE})")
    int traces = 200;

    @Option(names = "--batch", paramLabel = "N",
            description = "executions per TLC run at most, 1 to 10000; a big Xen batch needs much heap "
                    + "(default ${DEFAULT-VALUE})")
    int batch = 100;

    @Override
    public Integer call() throws Exception {
        Checks.count("--traces", traces, 1, 100_000, "executions");
        Checks.count("--batch", batch, 1, 10_000, "executions");
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
        long millis = (System.nanoTime() - start) / 1_000_000;
        int code = ExitCode.OK;
        ObjectMapper mapper = new ObjectMapper();
        for (int k = 0; k < instances.size(); k++) {
            int[] r = ranges.get(k);
            int conform = 0;
            int unchecked = 0;
            String why = null;
            List<String> failures = new ArrayList<>();
            for (BatchValidation.RunVerdict rv : v.verdicts()) {
                if (rv.index() >= r[0] && rv.index() < r[1]) {
                    if (rv.status() == BatchValidation.Status.CONFORMS) {
                        conform++;
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
            if (!failures.isEmpty()) {
                code = ExitCode.worst(code, ExitCode.FOUND);
            }
            if (unchecked > 0) {
                code = ExitCode.worst(code, ExitCode.TLC_FAILED);
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
                o.println(mapper.writeValueAsString(m));
            } else {
                o.printf("%-40s %d of %d executions conform%s%n", instances.get(k).instance(), conform, r[1] - r[0],
                        unchecked == 0 ? "" : "; " + unchecked + " not checked: " + why);
                failures.forEach(f -> o.println("   " + f));
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
}
