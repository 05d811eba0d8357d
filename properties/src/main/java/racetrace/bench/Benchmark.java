package racetrace.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import racetrace.engine.Measure;
import racetrace.engine.Model;
import racetrace.hunt.Finding;
import racetrace.hunt.HuntOptions;
import racetrace.hunt.HuntResult;
import racetrace.hunt.Hunter;
import racetrace.search.Case;
import racetrace.search.RandomCases;

/**
 * Figures for one instance: engine runs per second on one core, and over several seeds the
 * median tries and time to the first counterexample and the median shrink time per invariant.
 */
public final class Benchmark {

    private Benchmark() {
    }

    /** Per invariant, over the seeds that found it. */
    public record InvariantFigures(String invariant, int seedsFound, long medianTries, double medianMillisToFirst,
            double medianMillisToShrink, Measure smallest, Measure largest) {
    }

    public record Figures(Model<?> model, double runsPerSecond, int seeds, int triesBudget,
            List<InvariantFigures> invariants, long medianMillisHeld, HuntResult firstSeed) {
    }

    /** Random cases with every invariant checked, for about {@code seconds}, after a warm-up. */
    public static double runsPerSecond(Model<?> model, double seconds) {
        Random random = new Random(42);
        long warm = System.nanoTime() + 500_000_000L;
        while (System.nanoTime() < warm) {
            RandomCases.draw(model, RandomCases.DEFAULT_SCHEDULE_LENGTH, random).check(null);
        }
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long runs = 0;
        while (System.nanoTime() < end) {
            Case c = RandomCases.draw(model, RandomCases.DEFAULT_SCHEDULE_LENGTH, random);
            c.check(null);
            runs++;
        }
        return runs / ((System.nanoTime() - start) / 1e9);
    }

    public static Figures measure(Model<?> model, int seeds, int tries, double secondsPerHunt, double rateSeconds) {
        return measure(model, 1, seeds, tries, secondsPerHunt, rateSeconds);
    }

    /** Hunts with seeds {@code firstSeed .. firstSeed + seeds - 1}. */
    public static Figures measure(Model<?> model, long firstSeed, int seeds, int tries, double secondsPerHunt,
            double rateSeconds) {
        double rate = runsPerSecond(model, rateSeconds);
        List<HuntResult> hunts = new ArrayList<>();
        for (int i = 0; i < seeds; i++) {
            hunts.add(Hunter.hunt(model, new HuntOptions(firstSeed + i, tries, secondsPerHunt,
                    RandomCases.DEFAULT_SCHEDULE_LENGTH), null));
        }
        List<InvariantFigures> per = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (HuntResult h : hunts) {
            for (Finding f : h.findings()) {
                if (!names.contains(f.invariant())) {
                    names.add(f.invariant());
                }
            }
        }
        for (String name : names) {
            List<Finding> fs = new ArrayList<>();
            for (HuntResult h : hunts) {
                h.findings().stream().filter(f -> f.invariant().equals(name)).findFirst().ifPresent(fs::add);
            }
            Measure smallest = fs.stream().map(Finding::measure).min(Measure::compareTo).orElseThrow();
            Measure largest = fs.stream().map(Finding::measure).max(Measure::compareTo).orElseThrow();
            per.add(new InvariantFigures(name, fs.size(),
                    median(fs.stream().mapToLong(Finding::tryNumber).toArray()),
                    median(fs.stream().mapToLong(Finding::nanosToFirst).toArray()) / 1e6,
                    median(fs.stream().mapToLong(Finding::nanosToShrink).toArray()) / 1e6, smallest, largest));
        }
        long held = median(hunts.stream().filter(h -> !h.violated()).mapToLong(HuntResult::millis).toArray());
        return new Figures(model, rate, seeds, tries, per, held, hunts.get(0));
    }

    static long median(long[] values) {
        if (values.length == 0) {
            return -1;
        }
        long[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
