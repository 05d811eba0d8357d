package racetrace.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import racetrace.bench.Benchmark;
import racetrace.engine.BadInputException;
import racetrace.engine.Model;
import racetrace.engine.Scenario;
import racetrace.report.Templates;
import racetrace.search.ScenarioGenerator;
import racetrace.search.hunt.HuntOptions;
import racetrace.search.hunt.HuntResult;
import racetrace.search.hunt.Hunter;
import racetrace.search.hunt.Strategy;
import racetrace.search.scope.Ladder;
import racetrace.tlc.Confirmations;

/**
 * Measures the search: time to the first counterexample per strategy over many seeds, and with
 * --tlc the exhaustive search next to TLC's (same scenario, same scope) and the shrunk
 * counterexamples next to TLC's shortest. Prints Markdown and writes it, with CSV files, to --out.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures time to the first counterexample per strategy over many seeds and, with --tlc, the "
                + "exhaustive search and the shrunk counterexamples next to TLC's; prints Markdown and writes Markdown "
                + "and CSV files to --out. Violations are expected: exits 0 when every comparison with TLC (--tlc) "
                + "was made, 4 when a cap cut one short (the Java search's state cap, --tlc-timeout), 3 when TLC could "
                + "not run, 1 when the Java and TLC state counts differ.")
final class BenchCommand extends TlcInstancesCommand {

    @Mixin
    Budget.Seed seed;

    @Option(names = "--seeds", paramLabel = "N",
            description = "hunts per instance and strategy, with seeds --seed, --seed+1, ...; 1 to 1000 "
                    + "(default ${DEFAULT-VALUE})")
    int seeds = 20;

    @Option(names = "--strategy", paramLabel = "NAME", split = ",",
            description = "a strategy to time (repeatable; default: portfolio, random, uniform, pct, scope, swarm)")
    List<String> strategies = new ArrayList<>();

    @Option(names = "--seconds", paramLabel = "S",
            description = "time limit per hunt, 0.1 to 604800 (default ${DEFAULT-VALUE})")
    double seconds = 30;

    @Option(names = "--tlc", description = "also compare the exhaustive search and the shrunk counterexamples with TLC "
            + "(default: off)")
    boolean tlc;

    @Option(names = "--states-thread", paramLabel = "actor/op+op", split = ",",
            description = "a thread of a scenario (repeatable; with --states-config) whose states the Java explorer and "
                    + "TLC both count, side by side, for each instance: a row of at least 1 M states, where TLC's "
                    + "start-up is amortised. TLC takes minutes to hours there (the xen-fifo e2 scenario of "
                    + "docs/benchmark.md: about 15 min on one worker): give --tlc-timeout accordingly (default: none)")
    List<String> statesThreads = new ArrayList<>();

    @Option(names = "--states-config", paramLabel = "NAME=VALUE", split = ",",
            description = "the configuration of --states-thread's scenario; parameters not given take their minimum "
                    + "(default: none)")
    List<String> statesConfig = new ArrayList<>();

    @Option(names = "--no-first", description = "skip the time to the first counterexample (the hunts), e.g. to "
            + "measure --states-thread's row alone (default: off)")
    boolean noFirst;

    @Option(names = "--java-only", description = "time only the Java explorer on --states-thread's scenario (its "
            + "count checked against the unreduced search's), without TLC: seconds instead of TLC's minutes "
            + "(default: off)")
    boolean javaOnly;

    @Override
    public Integer call() throws IOException {
        Checks.count("--seeds", seeds, 1, 1000, "hunts");
        Checks.seconds("--seconds", seconds, Budget.MIN_SECONDS);
        tlcOptions.validate();
        List<Strategy> chosen = new ArrayList<>();
        for (String s : strategies.isEmpty() ? Strategy.ids() : strategies) {
            chosen.add(Strategy.parse(s));
        }
        if (!statesConfig.isEmpty() && statesThreads.isEmpty()) {
            throw new BadInputException("--states-config needs --states-thread (the scenario's threads, e.g. "
                    + "--states-thread xen-cpu/send.1,guest/upcall)");
        }
        boolean large = !statesThreads.isEmpty();
        if (javaOnly && !large) {
            throw new BadInputException("--java-only times the scenario of --states-thread: give its threads (e.g. "
                    + "--states-thread xen-cpu/send.1,guest/upcall)");
        }
        if (javaOnly && tlc) {
            throw new BadInputException("--java-only times the Java explorer without TLC, and --tlc runs TLC: give "
                    + "one of them");
        }
        List<Model<?>> instances = selection.instances(InstanceSelection.Need.ANY);
        Map<Model<?>, Scenario> largeScenarios = new LinkedHashMap<>();
        if (large) {
            List<Model<?>> without = instances.stream().filter(m -> m.tlaModule() == null).toList();
            if (!without.isEmpty()) {
                throw new BadInputException(ModelPathOption.noSpec(without, "bench --states-thread"));
            }
            for (Model<?> m : instances) {
                largeScenarios.put(m, ScenarioArguments.scenario(m, "--states-config", statesConfig, "--states-thread", statesThreads));
            }
        }
        if (tlc && selection.model != null) {
            // A model named on the line must be checkable; without one, --tlc skips models without a spec.
            List<Model<?>> without = instances.stream().filter(m -> m.tlaModule() == null).toList();
            if (!without.isEmpty()) {
                throw new BadInputException(ModelPathOption.noSpec(without, "bench --tlc"));
            }
        }
        // Markdown and CSV always go to --out: it is checked before the first hunt.
        tlcOptions.requireOut();
        Path out = tlcOptions.out.resolve("bench");
        Files.createDirectories(out);
        int tlcTimeout = tlcOptions.timeout;
        PrintWriter err = spec.commandLine().getErr();
        if (!noFirst) {
            err.printf("racetrace: bench over %d instances x %d strategies x %d seeds (each hunt up to %s s): at most "
                    + "%s%s%n", instances.size(), chosen.size(), seeds, seconds, Progress.duration(instances.size()
                    * chosen.size() * seeds * seconds), tlc ? ", then TLC on each instance (each run up to " + tlcTimeout
                    + " s)" : "");
        }
        HuntOptions base = HuntOptions.defaults().withSeed(seed.seed);
        List<Benchmark.FirstRow> first = new ArrayList<>();
        List<Benchmark.ExhaustiveRow> exhaustive = new ArrayList<>();
        List<Benchmark.ShrinkRow> shrink = new ArrayList<>();
        for (Model<?> m : instances) {
            if (!noFirst) {
                err.printf("racetrace: bench %s: time to first counterexample%n", m.instance());
                first.addAll(Benchmark.timeToFirst(m, chosen, seeds, seconds, base));
            }
            if (large) {
                if (javaOnly) {
                    err.printf("racetrace: bench %s: the Java explorer (best of three, %d cores) on the scenario of "
                            + "--states-thread, without TLC (--java-only)%n", m.instance(),
                            racetrace.search.Parallel.cores());
                    exhaustive.add(Benchmark.javaOnly(m, largeScenarios.get(m)));
                } else {
                    err.printf("racetrace: bench %s: the Java explorer (best of three, %d cores), then TLC (one worker, "
                            + "up to %d s) on the scenario of --states-thread%n", m.instance(),
                            racetrace.search.Parallel.cores(), tlcTimeout);
                    exhaustive.add(Benchmark.sameScenario(m, largeScenarios.get(m),
                            out.resolve(Confirmations.dirName(m.instance())).resolve("states"),
                            Duration.ofSeconds(tlcTimeout)));
                }
            }
            if (tlc && m.tlaModule() != null) {
                Path dir = out.resolve(Confirmations.dirName(m.instance()));
                Duration timeout = Duration.ofSeconds(tlcTimeout);
                err.printf("racetrace: bench %s: a full hunt, then TLC%n", m.instance());
                HuntResult hunt = Hunter.hunt(m, base, null);
                Scenario scenario = hunt.violated() ? hunt.findings().get(0).shrunk().scenario()
                        : ScenarioGenerator.generate(m.space(), new Random(1), 2);
                exhaustive.add(Benchmark.sameScenario(m, scenario, dir.resolve("scenario"), timeout));
                int level = new Ladder(m.space(), 2, 100_000).level(2) != null
                        && new Ladder(m.space(), 2, 3_000).level(2) != null ? 2 : 1;
                exhaustive.add(Benchmark.sameScope(m, level, dir.resolve("scope"), timeout));
                shrink.addAll(Benchmark.shrunkVersusTlc(hunt, dir.resolve("shrunk"), timeout));
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("machine", machine());
        data.put("cores", racetrace.search.Parallel.cores());
        data.put("load", load());
        data.put("seeds", seeds);
        data.put("seconds", fmt(seconds));
        data.put("first", first.stream().map(BenchCommand::row).toList());
        data.put("exhaustive", exhaustive.stream().map(BenchCommand::row).toList());
        data.put("shrink", shrink.stream().map(BenchCommand::row).toList());
        String markdown = Templates.render("bench", data);
        Files.writeString(out.resolve("bench.md"), markdown, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("first.csv"), Templates.render("bench-first.csv", data), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("exhaustive.csv"), Templates.render("bench-exhaustive.csv", data),
                StandardCharsets.UTF_8);
        Files.writeString(out.resolve("shrink.csv"), Templates.render("bench-shrink.csv", data), StandardCharsets.UTF_8);
        PrintWriter o = spec.commandLine().getOut();
        o.print(markdown);
        o.flush();
        err.printf("racetrace: wrote %s (bench.md, first.csv, exhaustive.csv, shrink.csv)%n", out);
        int code = ExitCode.OK;
        for (Benchmark.ExhaustiveRow row : exhaustive) {
            code = ExitCode.worst(code, Benchmark.code(row));
        }
        if (code == ExitCode.INCONCLUSIVE) {
            Racetrace.note(err, "inconclusive: a cap cut some comparison with TLC short (see its verdict column)");
        }
        return code;
    }

    private static Map<String, Object> row(Record r) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (var c : r.getClass().getRecordComponents()) {
            try {
                Object v = c.getAccessor().invoke(r);
                m.put(c.getName(), v instanceof Double d ? fmt(d) : v);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        if (r instanceof Benchmark.ExhaustiveRow e) {
            m.put("javaRate", fmt(e.javaRate()));
            m.put("tlcRate", e.tlcStates() < 0 ? "-" : fmt(e.tlcRate()));
            m.put("tlcOwnRate", e.tlcStates() < 0 ? "-" : fmt(e.tlcOwnRate()));
            m.put("ratio", e.tlcStates() <= 0 ? "-" : fmt(e.javaRate() / e.tlcRate()));
            m.put("ownRatio", e.tlcStates() <= 0 ? "-" : fmt(e.javaRate() / e.tlcOwnRate()));
            m.put("javaRatePerCore", fmt(e.javaRatePerCore()));
            m.put("coreRatio", e.tlcStates() <= 0 ? "-" : fmt(e.javaRatePerCore() / e.tlcOwnRate()));
            m.put("bytesPerState", Double.isNaN(e.bytesPerState()) ? "-" : fmt(e.bytesPerState()));
            m.put("javaCpuMillis", fmt(e.javaCpuMillis()));
            m.put("javaRatePerCpuSecond", Double.isNaN(e.javaCpuMillis()) ? "-" : fmt(e.javaRatePerCpuSecond()));
            m.put("size", e.large() ? "at least 1 M states" : "start-up dominated");
        }
        return m;
    }

    static String fmt(double d) {
        if (Double.isNaN(d)) {
            return "-";
        }
        return d >= 100 ? String.format(Locale.ROOT, "%.0f", d) : String.format(Locale.ROOT, "%.2f", d);
    }

    /** The load averages (1, 5 and 15 minutes) of a Linux machine, or "unknown": figures under load are upper bounds. */
    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).strip();
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: the CPU stays unnamed.
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), Java "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch");
    }
}
