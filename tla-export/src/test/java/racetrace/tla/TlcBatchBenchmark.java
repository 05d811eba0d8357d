package racetrace.tla;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import racetrace.engine.Execution;

/**
 * Not a test: prints how long TLC takes to validate batches of random toy executions, and to
 * confirm single ones. Run with {@code tla-export/bench.sh [sizes...]} (default 1 20 100 500 2000).
 */
public final class TlcBatchBenchmark {

    private TlcBatchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] {1, 20, 100, 500, 2000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        Path dir = Files.createDirectories(Path.of("target", "tlc-bench"));
        Duration timeout = Duration.ofMinutes(10);
        System.out.println("TLC " + TlcRunner.fromClasspath().jar().orElseThrow().getFileName() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores");
        System.out.println("single confirmation (violating 4-step trace), 3 runs:");
        for (int i = 0; i < 3; i++) {
            Execution<?> ex = PipelineTest.randomExecutions(1, 100 + i).get(0);
            long t0 = System.nanoTime();
            TlcConfirmation c = TraceConfirmer.standard().confirm(ex, dir.resolve("single"), timeout);
            System.out.printf(Locale.ROOT, "  %s: %d ms wall, TLC says %d ms%n", c.getClass().getSimpleName(),
                    (System.nanoTime() - t0) / 1_000_000, c.tlc() == null ? -1 : c.tlc().tlcMillis());
        }
        System.out.printf(Locale.ROOT, "%8s %8s %10s %10s %10s %10s%n", "runs", "states", "export ms", "TLC wall",
                "TLC self", "ms/run");
        for (int n : sizes) {
            List<Execution<?>> runs = new ArrayList<>(PipelineTest.randomExecutions(n, n));
            long states = runs.stream().mapToLong(e -> e.steps().size() + 1).sum();
            long t0 = System.nanoTime();
            BatchValidation v = BatchValidator.standard().validate(runs, dir.resolve("batch-" + n), timeout);
            long total = (System.nanoTime() - t0) / 1_000_000;
            long tlcWall = v.tlcTime().toMillis();
            long tlcSelf = v.tlcRuns().stream().mapToLong(TlcResult::tlcMillis).sum();
            System.out.printf(Locale.ROOT, "%8d %8d %10d %10d %10d %10.1f%s%n", n, states, total - tlcWall, tlcWall,
                    tlcSelf, (double) total / n, v.allConform() ? "" : "  NOT ALL CONFORM: " + v.summary());
        }
    }
}
