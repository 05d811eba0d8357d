package racetrace.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import racetrace.cli.ExitCode;
import racetrace.engine.FocusedModel;
import racetrace.engine.Model;
import racetrace.engine.Scenario;
import racetrace.engine.Stepper;
import racetrace.search.Parallel;
import racetrace.search.explore.Exploration;
import racetrace.search.explore.Limits;
import racetrace.search.explore.StateSpace;
import racetrace.search.hunt.Cap;
import racetrace.search.hunt.Finding;
import racetrace.search.hunt.HuntOptions;
import racetrace.search.hunt.HuntResult;
import racetrace.search.hunt.Hunter;
import racetrace.search.hunt.Strategy;
import racetrace.search.scope.Ladder;
import racetrace.tla.SpecChecker;
import racetrace.tla.TlcResult;
import racetrace.tla.TlcVerdict;
import racetrace.tlc.StateCounts;

/**
 * The figures docs/benchmark.md quotes, measured in one run: time to the first counterexample per
 * instance and strategy over many seeds; the exhaustive search's states per second next to
 * TLC's on the same scenario and on the same scope, with both distinct-state counts; and the
 * shrunk measure next to TLC's shortest counterexample.
 */
public final class Benchmark {

    /** The states one Java search of a comparison may reach; past it the row is inconclusive. */
    static final long MAX_STATES = 50_000_000;

    /** How a row cut by a cap starts its verdict. */
    static final String INCONCLUSIVE = "inconclusive: ";

    private Benchmark() {
    }

    /**
     * The exit code a row gives: a comparison cut by a cap compared nothing (inconclusive), TLC that
     * could not run is a TLC failure, different counts are a disagreement.
     */
    public static int code(ExhaustiveRow row) {
        String v = row.verdict();
        return v.equals("equal") || v.startsWith(JAVA_ONLY) ? ExitCode.OK
                : v.startsWith(INCONCLUSIVE) ? ExitCode.INCONCLUSIVE
                : v.startsWith("TLC: ") ? ExitCode.TLC_FAILED : ExitCode.FOUND;
    }

    /** Time to the first counterexample of one instance under one strategy, over the seeds. */
    public record FirstRow(String instance, String strategy, int seeds, int found, double median, double p10,
            double p90, double max) {
    }

    /** States below which TLC's start-up (a JVM, parsing, the initial states) is a large part of its time. */
    public static final long LARGE = 1_000_000;

    /**
     * One exhaustive search, Java next to TLC (one worker).
     *
     * @param cores the cores the Java search ran on
     * @param bytesPerState the Java explorer's own arrays at their peak per state (NaN: not measured)
     */
    public record ExhaustiveRow(String instance, String what, long scenarios, long javaStates, double javaMillis,
            long tlcStates, long tlcMillis, long tlcOwnMillis, String verdict, int cores, double bytesPerState,
            double javaCpuMillis) {

        /** A row without the CPU time of the Java search. */
        public ExhaustiveRow(String instance, String what, long scenarios, long javaStates, double javaMillis,
                long tlcStates, long tlcMillis, long tlcOwnMillis, String verdict, int cores, double bytesPerState) {
            this(instance, what, scenarios, javaStates, javaMillis, tlcStates, tlcMillis, tlcOwnMillis, verdict, cores,
                    bytesPerState, Double.NaN);
        }

        /** A row of one core and no memory figure. */
        public ExhaustiveRow(String instance, String what, long scenarios, long javaStates, double javaMillis,
                long tlcStates, long tlcMillis, long tlcOwnMillis, String verdict) {
            this(instance, what, scenarios, javaStates, javaMillis, tlcStates, tlcMillis, tlcOwnMillis, verdict, 1,
                    Double.NaN);
        }

        public double javaRate() {
            return javaStates * 1000.0 / Math.max(0.001, javaMillis);
        }

        /** Java's states per CPU-second (of the whole JVM: its workers, GC and JIT), or NaN when not measured. */
        public double javaRatePerCpuSecond() {
            return javaStates * 1000.0 / Math.max(0.001, javaCpuMillis);
        }

        /** Java's states per second per core it ran on. */
        public double javaRatePerCore() {
            return javaRate() / Math.max(1, cores);
        }

        /** Whether the row has at least {@link #LARGE} states, so that TLC's start-up is amortised. */
        public boolean large() {
            return Math.max(javaStates, tlcStates) >= LARGE;
        }

        public double tlcRate() {
            return tlcStates * 1000.0 / Math.max(1, tlcMillis);
        }

        public double tlcOwnRate() {
            return tlcStates * 1000.0 / Math.max(1, tlcOwnMillis);
        }
    }

    /** A shrunk counterexample next to TLC's shortest on its scenario. */
    public record ShrinkRow(String instance, String invariant, String measure, String minimality,
            int javaStepShortest, int tlcShortest, long tlcStates, long tlcMillis) {
    }

    /** Hunts with each strategy for each seed base.seed() .. base.seed() + seeds - 1, stopping at the first counterexample. */
    public static List<FirstRow> timeToFirst(Model<?> model, List<Strategy> strategies, int seeds, double secondsCap,
            HuntOptions base) {
        List<FirstRow> rows = new ArrayList<>();
        for (Strategy s : strategies) {
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < seeds; i++) {
                HuntOptions o = base.withSeed(base.seed() + i).withStrategy(s).withCap(Cap.seconds(secondsCap))
                        .stoppingAtFirst();
                HuntResult r = Hunter.hunt(model, o, null);
                if (r.violated()) {
                    times.add(r.findings().stream().mapToDouble(Finding::millisToFirst).min().orElseThrow());
                }
            }
            double[] t = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            rows.add(new FirstRow(model.instance().toString(), s.id(), seeds, t.length, quantile(t, 0.5),
                    quantile(t, 0.1), quantile(t, 0.9), t.length == 0 ? Double.NaN : t[t.length - 1]));
        }
        return rows;
    }

    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
        return sorted[i];
    }

    /** The Java explorer (warmed up, best of three) and TLC's BFS, both without invariants, on one scenario. */
    public static ExhaustiveRow sameScenario(Model<?> model, Scenario scenario, Path dir, Duration timeout) {
        Timed java = best(model, List.of(scenario));
        double javaMillis = java.millis();
        StateCounts.Comparison c = StateCounts.compare(model, scenario, dir, timeout, MAX_STATES);
        String verdict = !c.javaComplete() ? INCONCLUSIVE + "the Java search stopped at its cap of " + MAX_STATES
                + " states"
                : c.tlc().verdict() == TlcVerdict.TIMEOUT ? INCONCLUSIVE + "TLC stopped at --tlc-timeout"
                : java.states() != c.javaStates() ? "DIFFERENT: the timed search (sleep sets) counted " + java.states()
                        + " states, the unreduced one " + c.javaStates()
                : c.equal() ? "equal" : c.tlc().verdict().isFailure() ? "TLC: " + c.tlc().summary()
                : "DIFFERENT: " + c.difference();
        return new ExhaustiveRow(model.instance().toString(), "scenario " + scenario.config() + " "
                + scenario.threads(), 1, c.javaStates(), javaMillis, c.tlcStates(), c.tlcMillis(),
                c.tlc().tlcMillis(), verdict, Parallel.cores(), java.bytesPerState(), java.cpuMillis());
    }

    /** How the verdict of a row without TLC ({@link #javaOnly}) starts when its counts agree. */
    public static final String JAVA_ONLY = "Java only";

    /**
     * The Java explorer alone on one scenario (warmed up, best of three, on every core), its count
     * checked against the unreduced search's: the row of {@link #sameScenario} without TLC.
     */
    public static ExhaustiveRow javaOnly(Model<?> model, Scenario scenario) {
        Timed java = best(model, List.of(scenario));
        Exploration full = StateSpace.explore(FocusedModel.none(model), scenario, List.of(), Limits.states(MAX_STATES),
                false);
        String verdict = !full.complete() ? INCONCLUSIVE + "the Java search stopped at its cap of " + MAX_STATES
                + " states"
                : java.states() != full.distinctStates() ? "DIFFERENT: the timed search (sleep sets) counted "
                        + java.states() + " states, the unreduced one " + full.distinctStates()
                : JAVA_ONLY + " (--java-only): the timed and the unreduced search count the same states";
        return new ExhaustiveRow(model.instance().toString(), "scenario " + scenario.config() + " "
                + scenario.threads(), 1, full.distinctStates(), java.millis(), -1, -1, -1, verdict, Parallel.cores(),
                java.bytesPerState(), java.cpuMillis());
    }

    /** Every scenario of a ladder level: the Java explorer scenario by scenario, TLC in one model over all. */
    public static ExhaustiveRow sameScope(Model<?> model, int level, Path dir, Duration timeout) {
        Ladder ladder = new Ladder(model.space(), level, 100_000);
        List<Scenario> all = new ArrayList<>();
        for (int l = 1; l <= level; l++) {
            List<Scenario> sc = ladder.level(l);
            if (sc != null) {
                all.addAll(sc);
            }
        }
        Model<?> bare = FocusedModel.none(model);
        long javaStates = 0;
        boolean complete = true;
        for (Scenario s : all) {
            Exploration x = StateSpace.explore(bare, s, List.of(), Limits.states(MAX_STATES),
                    false);
            javaStates += x.distinctStates();
            complete &= x.complete();
        }
        Timed java = best(model, all);
        double javaMillis = java.millis();
        List<String> variables = variableNames(model, all.get(0));
        TlcResult r = SpecChecker.standard().checkScope(bare, all, variables, Ladder.scopeOf(level).toString(), dir,
                timeout);
        long tlcStates = r.verdict() == TlcVerdict.OK ? r.distinctStates() : -1;
        String verdict = !complete ? INCONCLUSIVE + "a Java search stopped at its cap of " + MAX_STATES + " states"
                : r.verdict() == TlcVerdict.TIMEOUT ? INCONCLUSIVE + "TLC stopped at --tlc-timeout"
                : r.verdict() != TlcVerdict.OK ? "TLC: " + r.summary()
                : java.states() != javaStates ? "DIFFERENT: the timed searches (sleep sets) counted " + java.states()
                        + " states, the unreduced ones " + javaStates
                : tlcStates == javaStates ? "equal" : "DIFFERENT: Java " + javaStates + ", TLC " + tlcStates;
        return new ExhaustiveRow(model.instance().toString(), "scope " + Ladder.scopeOf(level), all.size(), javaStates,
                javaMillis, tlcStates, r.wallTime().toMillis(), r.tlcMillis(), verdict, Parallel.cores(),
                java.bytesPerState(), java.cpuMillis());
    }

    private static <S> List<String> variableNames(Model<S> model, Scenario s) {
        return new ArrayList<>(model.variables(Stepper.of(model, s).initial()).keySet());
    }

    /** The fastest of the rounds, and the explorer's bytes per state (of one scenario's search; NaN for several). */
    /** The explorer's best time, its bytes per state, and the states its timed runs counted (all equal). */
    private record Timed(double millis, double bytesPerState, long states, double cpuMillis) {
    }

    /** The CPU time of this JVM so far (every thread, GC and JIT included), in ms, or NaN where it cannot be read. */
    private static double cpuMillis() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os && os.getProcessCpuTime() >= 0) {
            return os.getProcessCpuTime() / 1e6;
        }
        return Double.NaN;
    }

    /**
     * Explores the scenarios three times (the first warms the JIT up) and keeps the fastest, on
     * every core: one scenario's levels split across them, several scenarios shared out.
     */
    private static Timed best(Model<?> model, List<Scenario> scenarios) {
        Model<?> bare = FocusedModel.none(model);
        int cores = Parallel.cores();
        double best = Double.MAX_VALUE;
        double bestCpu = Double.NaN;
        double bytes = Double.NaN;
        long states = 0;
        // Sleep sets where the model declares footprints: every state is still visited (the count stays TLC's).
        Limits limits = Limits.states(MAX_STATES).withOrder(Limits.Order.SLEEP_SETS);
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            double cpu0 = cpuMillis();
            if (scenarios.size() == 1) {
                Exploration x = StateSpace.explore(bare, scenarios.get(0), List.of(), limits.withWorkers(cores), false);
                bytes = x.bytesPerState();
                states = x.distinctStates();
            } else {
                states = Parallel.map(scenarios, s -> StateSpace.explore(bare, s, List.of(), limits, false)
                        .distinctStates(), cores).stream().mapToLong(Long::longValue).sum();
            }
            double millis = (System.nanoTime() - t0) / 1e6;
            if (millis < best) {
                best = millis;
                bestCpu = cpuMillis() - cpu0;
            }
        }
        return new Timed(best, bytes, states, bestCpu);
    }

    /** Each finding of a full hunt next to TLC's BFS on the same scenario and invariant. */
    public static List<ShrinkRow> shrunkVersusTlc(HuntResult hunt, Path dir, Duration timeout) {
        List<ShrinkRow> rows = new ArrayList<>();
        for (Finding f : hunt.findings()) {
            Model<?> focused = FocusedModel.of(hunt.model(), f.invariant());
            TlcResult r = SpecChecker.standard().check(focused, f.shrunk().scenario(),
                    dir.resolve(f.invariant()), timeout, false);
            int tlc = r.verdict() == TlcVerdict.INVARIANT_VIOLATED ? r.trace().size() - 1 : -1;
            int shortest = f.stepShortest() == null ? f.measure().steps()
                    : f.stepShortest().check(List.of(f.invariant())).measure().steps();
            rows.add(new ShrinkRow(hunt.model().instance().toString(), f.invariant(), f.measure().toString(),
                    f.minimality().describe(), shortest, tlc, r.distinctStates(), r.wallTime().toMillis()));
        }
        return rows;
    }

    static double[] sorted(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a;
    }
}
