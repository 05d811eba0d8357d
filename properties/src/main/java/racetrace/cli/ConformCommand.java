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
import racetrace.search.RandomCases;
import racetrace.tla.BatchValidation;
import racetrace.tla.BatchValidator;
import racetrace.tla.TlcResult;

/**
 * Keeps each Java model and its TLA+ spec from drifting apart: random executions of every
 * instance (not only failing ones) are exported and TLC checks, in batches, that each step is a
 * step of the spec and that the invariants agree in every state.
 */
@Command(name = "conform", description = "Checks with TLC that random Java executions of every instance are "
        + "behaviours of the model's TLA+ spec, with the same invariant verdicts.")
final class ConformCommand implements Callable<Integer> {

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

    @Override
    public Integer call() throws Exception {
        if (traces < 1 || timeout < 1 || batch < 1) {
            throw new BadInputException("--traces, --batch and --timeout must be at least 1");
        }
        List<Model<?>> instances = new ArrayList<>();
        for (Model<?> m : Options.select(model, variants, null, options)) {
            if (m.tlaModule() != null) {
                instances.add(m);
            }
        }
        if (instances.isEmpty()) {
            throw new BadInputException("no selected model has a TLA+ spec");
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
        long millis = (System.nanoTime() - start) / 1_000_000;
        boolean ok = true;
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
            ok &= failures.isEmpty() && unchecked == 0;
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
                o.println(mapper.writeValueAsString(m));
            } else {
                o.printf("%-40s %d of %d executions conform%s%n", instances.get(k).instance(), conform, r[1] - r[0],
                        unchecked == 0 ? "" : "; " + unchecked + " not checked: " + why);
                failures.forEach(f -> o.println("   " + f));
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
}
