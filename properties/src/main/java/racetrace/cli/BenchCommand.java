package racetrace.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import racetrace.bench.Benchmark;
import racetrace.engine.BadInputException;
import racetrace.engine.Model;
import racetrace.report.Templates;

/** Prints the search's figures: runs per second, and medians over seeds of time to first counterexample and shrink time. */
@Command(name = "bench", description = "Measures runs per second and, over several seeds, time to the first "
        + "counterexample and shrink time.")
final class BenchCommand implements Callable<Integer> {

    @CommandLine.Mixin
    ModelPathOption modelPath = new ModelPathOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "<model>", description = "the model (default: all)")
    String model;

    @Option(names = "--variant", paramLabel = "V", description = "only this variant (repeatable)")
    List<String> variants = new ArrayList<>();

    @Option(names = "--seeds", paramLabel = "N", description = "hunts per instance (default ${DEFAULT-VALUE})")
    int seeds = 10;

    @Option(names = "--tries", paramLabel = "N", description = "try budget per hunt (default ${DEFAULT-VALUE})")
    int tries = 20_000;

    @Option(names = "--seconds", paramLabel = "S", description = "time limit per hunt (default ${DEFAULT-VALUE})")
    double seconds = 20;

    @Option(names = "--tlc", description = "also run TLC's BFS on the scenario of each counterexample of seed 1 and "
            + "print its shortest length next to the Java one")
    boolean tlc;

    @Option(names = "--tlc-timeout", paramLabel = "S", description = "seconds per TLC run (default ${DEFAULT-VALUE})")
    int tlcTimeout = 600;

    @Option(names = "--out", paramLabel = "DIR", description = "where --tlc writes its files (default ${DEFAULT-VALUE})")
    java.nio.file.Path out = java.nio.file.Path.of("racetrace-out");

    @Override
    public Integer call() {
        if (seeds < 1 || tries < 1 || seconds <= 0) {
            throw new BadInputException("--seeds and --tries must be at least 1, --seconds more than 0");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<Model<?>> instances = Options.select(model, variants, null);
        if (tlc && model != null && instances.get(0).tlaModule() == null) {
            throw new BadInputException(ModelPathOption.noSpec(instances.get(0), "bench --tlc"));
        }
        for (Model<?> m : instances) {
            Benchmark.Figures fig = Benchmark.measure(m, seeds, tries, seconds, 2.0);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("instance", m.instance().toString());
            data.put("rate", String.format("%.0f", fig.runsPerSecond()));
            data.put("seeds", fig.seeds());
            data.put("tries", fig.triesBudget());
            data.put("held", fig.medianMillisHeld());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Benchmark.InvariantFigures i : fig.invariants()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("invariant", i.invariant());
                r.put("found", i.seedsFound());
                r.put("tries", i.medianTries());
                r.put("first", String.format("%.2f", i.medianMillisToFirst()));
                r.put("shrink", String.format("%.2f", i.medianMillisToShrink()));
                r.put("smallest", i.smallest().toString());
                r.put("largest", i.largest().toString());
                rows.add(r);
            }
            data.put("rows", rows);
            List<Map<String, Object>> tlcRows = new ArrayList<>();
            if (tlc && m.tlaModule() != null) {
                for (racetrace.hunt.Finding finding : fig.firstSeed().findings()) {
                    java.nio.file.Path dir = this.out.resolve(racetrace.tlc.Confirmations.dirName(m.instance()))
                            .resolve("bench-" + finding.invariant());
                    racetrace.tla.TlcResult r = racetrace.tla.SpecChecker.standard().check(
                            racetrace.engine.FocusedModel.of(m, finding.invariant()),
                            finding.shrunk().scenario(), dir, java.time.Duration.ofSeconds(tlcTimeout), false);
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("invariant", finding.invariant());
                    row.put("java", finding.measure().steps());
                    row.put("measure", finding.measure().toString());
                    row.put("javaMillis", String.format("%.2f", finding.millisToFirst() + finding.millisToShrink()));
                    row.put("tlcVerdict", r.verdict().name() + (r.violatedInvariant() == null ? "" : " " + r.violatedInvariant()));
                    row.put("tlc", r.trace().isEmpty() ? "-" : String.valueOf(r.trace().size() - 1));
                    row.put("tlcMillis", r.wallTime().toMillis());
                    row.put("states", r.distinctStates());
                    tlcRows.add(row);
                }
            }
            data.put("tlcRows", tlcRows);
            out.print(Templates.render("bench", data));
            out.flush();
        }
        return 0;
    }
}
