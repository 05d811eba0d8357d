package racetrace.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import racetrace.bench.Benchmark;
import racetrace.engine.FocusedModel;
import racetrace.engine.Invariant;
import racetrace.engine.Model;
import racetrace.hunt.Finding;
import racetrace.report.Templates;
import racetrace.tla.SpecChecker;
import racetrace.tla.TlcResult;
import racetrace.tlc.Confirmations;

/** Prints the search's figures: runs per second, and medians over seeds of time to the first counterexample and shrink time. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures runs per second and, over several seeds, time to the first counterexample and shrink "
                + "time. Exits 0 (it measures; violations are expected), 3 when a --tlc run could not finish.",
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.L0, ExitCode.L1, ExitCode.L2, ExitCode.L3, ExitCode.L70})
final class BenchCommand implements Callable<Integer> {

    /** Seconds Benchmark spends on the rate of one instance (warm-up and measurement). */
    private static final double RATE_SECONDS = 2.0;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    InstanceSelection selection;

    @Mixin
    Budget budget;

    @Mixin
    TlcOptions tlcOptions;

    @Option(names = "--seeds", paramLabel = "N",
            description = "hunts per instance, with seeds --seed, --seed+1, ...; 1 to 1000 (default ${DEFAULT-VALUE})")
    int seeds = 10;

    @Option(names = "--tlc", description = "also run TLC's BFS on the scenario of each counterexample of the first "
            + "seed and print its shortest length next to the Java one (default: off)")
    boolean tlc;

    @Override
    public Integer call() {
        Checks.count("--seeds", seeds, 1, 1000, "hunts");
        budget.validate();
        tlcOptions.validate();
        tlcOptions.requireUsedOnlyWith(tlc, "--tlc");
        List<Model<?>> instances = selection.instances(InstanceSelection.Need.ANY);
        if (tlc) {
            tlcOptions.requireOut();
        }
        PrintWriter out = spec.commandLine().getOut();
        double perInstance = RATE_SECONDS + 0.5 + seeds * budget.seconds;
        Racetrace.note(spec.commandLine().getErr(), "bench: " + instances.size() + " instances x (" + seeds
                + " hunts of at most " + budget.tries + " tries or " + budget.seconds + " s, plus "
                + (RATE_SECONDS + 0.5) + " s for the rate): at most " + Progress.duration(instances.size() * perInstance)
                + (tlc ? ", plus one TLC run (up to " + tlcOptions.timeout + " s) per invariant the first seed violates"
                        : ""));
        int code = ExitCode.OK;
        for (Model<?> m : instances) {
            Benchmark.Figures fig = Benchmark.measure(m, budget.seed(), seeds, budget.tries, budget.seconds,
                    RATE_SECONDS);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("instance", m.instance().toString());
            data.put("rate", String.format("%.0f", fig.runsPerSecond()));
            data.put("seeds", fig.seeds());
            data.put("tries", fig.triesBudget());
            data.put("held", fig.medianMillisHeld());
            data.put("firstSeed", budget.seed());
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
                for (Invariant<?> i : m.invariants()) {
                    OutputDirectory.clearGenerated(benchDir(m, i.name()));
                }
                for (Finding finding : fig.firstSeed().findings()) {
                    TlcResult r = SpecChecker.standard().check(FocusedModel.of(m, finding.invariant()),
                            finding.shrunk().scenario(), benchDir(m, finding.invariant()), tlcOptions.duration(), false);
                    if (r.verdict().isFailure()) {
                        code = ExitCode.TLC_FAILED;
                    }
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
        return code;
    }

    private Path benchDir(Model<?> m, String invariant) {
        return tlcOptions.out.resolve(Confirmations.dirName(m.instance())).resolve("bench-" + invariant);
    }
}
