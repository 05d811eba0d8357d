package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racetrace.engine.BadInputException;
import racetrace.engine.Config;
import racetrace.engine.ForwardingModel;
import racetrace.engine.Model;
import racetrace.engine.Models;
import racetrace.engine.Op;
import racetrace.engine.Scenario;
import racetrace.engine.Schedule;
import racetrace.engine.ThreadScript;
import racetrace.engine.Transition;
import racetrace.report.HuntJson;
import racetrace.report.HuntReport;
import racetrace.search.Case;
import racetrace.search.Deadlocks;
import racetrace.search.Resealed;
import racetrace.search.ScheduleString;
import racetrace.search.hunt.Cap;
import racetrace.search.hunt.Finding;
import racetrace.search.hunt.HuntOptions;
import racetrace.search.hunt.HuntResult;
import racetrace.search.hunt.Hunter;
import racetrace.search.hunt.Strategy;
import racetrace.search.hunt.Work;
import racetrace.tla.TlcConfirmation;
import racetrace.tlc.Confirmations;

/**
 * The hunt's verdicts (issue 14): work, not the clock, bounds a hunt, so its text and JSON do not
 * depend on the number of workers; a hunt cut short, or one that completed nothing, is
 * inconclusive (exit 4), never held; a deadlock is a violation with its minimal schedule, which
 * TLC confirms; a counterexample is printed as found, before minimisation, and a 100-thread
 * model's survives minimisation in a modest heap; schedule strings printed before still replay,
 * or are refused with the command that prints a current one. No test here depends on timing.
 */
class HuntVerdictsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Test models registered only through these directories on --model-path (their classes are test classes). */
    private static final Path ABBA = Path.of("src", "test", "fixtures", "abba");
    private static final Path CROWD = Path.of("src", "test", "fixtures", "crowd");

    /** A small work bound: every test hunt here ends by its work, in seconds. */
    private static final Work SMALL = new Work(1500, 60_000, 300, 0);

    private static HuntOptions small(int workers) {
        return HuntOptions.defaults().withWork(SMALL).withWorkers(workers);
    }

    private static List<String> lines(String out) {
        return out.lines().filter(l -> !l.isBlank()).toList();
    }

    // ---- inconclusive: a cap that cuts the work, deterministically

    @Test
    void aCapThatCutsTheWorkIsInconclusiveTheSameOnEveryWorkerCount() throws IOException {
        Model<?> merged = Models.create("vfio-pci", "merged", Map.of("granularity", "location"));
        HuntResult whole = Hunter.hunt(merged, small(2), null);
        assertThat(whole.verdict()).isEqualTo(HuntResult.Verdict.HELD);

        // Three units of work taken, then the cap: the same three units on one worker or two.
        HuntResult one = Hunter.hunt(merged, small(1).withCap(Cap.units(3)), null);
        HuntResult two = Hunter.hunt(merged, small(2).withCap(Cap.units(3)), null);
        for (HuntResult r : List.of(one, two)) {
            assertThat(r.verdict()).isEqualTo(HuntResult.Verdict.INCONCLUSIVE);
            assertThat(r.cutBy()).isEqualTo(Cap.units(3));
            assertThat(HuntReport.why(r)).isEqualTo("cut short by the cap of 3 work units before the work was done");
            // The first units are the default scope's graphs: three of them complete no scope.
            assertThat(HuntReport.verdictText(r)).startsWith("inconclusive (cut short by the cap of 3 work units before the work "
                    + "was done: no random run, no scope and no swarm scenario completed (3 scenarios of a scope explored")
                    .doesNotContain("held");
            assertThat(r.tries()).isLessThan(SMALL.tries());
        }
        assertThat(two.evidence()).isEqualTo(one.evidence());
        assertThat(HuntReport.verdictText(two)).isEqualTo(HuntReport.verdictText(one));

        Map<String, Object> object = HuntJson.json(two);
        Confirmations.addJson(object, null);
        String line = JSON.writeValueAsString(object);
        JsonSchemas.assertValid("hunt", line);
        JsonNode o = JSON.readTree(line);
        assertThat(o.get("verdict").asText()).isEqualTo("inconclusive");
        assertThat(o.get("inconclusive").asText()).startsWith("cut short by the cap of 3 work units");
        assertThat(o.get("cutShort").asBoolean()).isTrue();
        assertThat(HuntReport.text(two)).contains("): inconclusive (cut short by the cap of 3 work units");
        assertThat(HuntReport.summary(List.of(two))).contains("inconclusive", "0 held, 1 inconclusive");

        // A cap the work never reaches changes nothing.
        HuntResult roomy = Hunter.hunt(merged, small(2).withCap(Cap.units(1_000_000)), null);
        assertThat(roomy.verdict()).isEqualTo(HuntResult.Verdict.HELD);
        assertThat(roomy.evidence()).isEqualTo(whole.evidence());
        assertThat(roomy.cutShort()).isFalse();
    }

    @Test
    void aScopeTheLadderCannotCompleteIsInconclusiveAndExitsFour() throws IOException {
        CommandLineTest.Run r = CommandLineTest.run("hunt", "vfio-pci", "--variant", "merged", "--granularity", "byte",
                "--scope", "3", "--states", "5000", "--tries", "500", "--swarm", "50");
        assertThat(r.code()).as(r.err()).isEqualTo(4);
        assertThat(r.out()).contains("(instance 1 of 1): inconclusive (scope threads<=3,ops<=3 not completed: the "
                + "ladder's 5000 states ran out in the default scope (1 shape) and threads<=2,ops<=2; completed: "
                + "exhaustive: every scenario up to the default scope (1 shape) and threads<=1,ops<=1",
                "0 violated, 0 held, 1 inconclusive").doesNotContain("held (");
        CommandLineTest.Run json = CommandLineTest.run("hunt", "vfio-pci", "--variant", "merged", "--granularity",
                "byte", "--scope", "3", "--states", "5000", "--tries", "500", "--swarm", "50", "--json");
        assertThat(json.code()).isEqualTo(4);
        JsonSchemas.assertValid("hunt", json.out());
        JsonNode o = JSON.readTree(json.out());
        assertThat(o.get("verdict").asText()).isEqualTo("inconclusive");
        assertThat(o.get("cutShort").asBoolean()).isFalse();
        assertThat(o.get("inconclusive").asText()).startsWith("scope threads<=3,ops<=3 not completed");

        // A finding outranks an unfinished search: exit 1.
        CommandLineTest.Run both = CommandLineTest.run("hunt", "vfio-pci", "--variant", "pre-a,merged", "--granularity",
                "byte", "--scope", "3", "--states", "5000", "--tries", "500", "--swarm", "50");
        assertThat(both.code()).isEqualTo(1);
        assertThat(both.out()).contains("1 violated, 0 held, 1 inconclusive");

        // The same scope with the states to complete it: held, exit 0.
        CommandLineTest.Run done = CommandLineTest.run("hunt", "vfio-pci", "--variant", "merged", "--granularity",
                "byte", "--scope", "2", "--tries", "500", "--swarm", "50");
        assertThat(done.code()).as(done.out()).isZero();
        assertThat(done.out()).contains("held (exhaustive: every scenario up to the default scope (1 shape) and threads<=2,ops<=2");
    }

    @Test
    void theIssuesTimeCapIsInconclusiveNotHeld() {
        // The issue's example. d1's default work takes minutes on any machine: whatever the 0.1 s
        // cap let it complete, it did not complete the work, which is all this asserts.
        CommandLineTest.Run r = CommandLineTest.run("hunt", "xen-fifo", "--variant", "d1", "--seconds", "0.1");
        assertThat(r.code()).as(r.err()).isEqualTo(4);
        assertThat(r.out()).contains("): inconclusive (cut short by the time limit of 0.1 s before the work was done",
                "0 violated, 0 held, 1 inconclusive").doesNotContain("held (");
    }

    @Test
    void aTimeCapTheWorkDoesNotReachLeavesTheVerdictAlone() {
        // A week: the cap is only checked, never reached.
        CommandLineTest.Run r = CommandLineTest.run("hunt", "vfio-pci", "--variant", "merged", "--granularity",
                "location", "--tries", "500", "--states", "20000", "--swarm", "50", "--seconds", "604800");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains(": held (").doesNotContain("inconclusive (");
        assertThat(r.err()).contains("each capped at 604800.0 s");
    }

    // ---- no work is never held

    @Test
    void aHuntThatCompletedNothingIsNeverHeld() {
        CommandLineTest.Run swarm = CommandLineTest.run("hunt", "xen-fifo", "--variant", "d1", "--strategy", "swarm",
                "--swarm", "0");
        assertThat(swarm.code()).isEqualTo(2);
        assertThat(swarm.err()).contains("--swarm 0 leaves --strategy swarm nothing to do");
        assertThat(swarm.err().strip().lines()).hasSize(1);
        assertThat(swarm.out()).isEmpty();

        // The default scope is work of its own, done whatever --states says: here it finds d1's race.
        CommandLineTest.Run scope = CommandLineTest.run("hunt", "xen-fifo", "--variant", "d1", "--strategy", "scope",
                "--states", "1");
        assertThat(scope.code()).as(scope.err()).isEqualTo(1);
        assertThat(scope.out()).contains("violated").doesNotContain("held (");

        // The library says the same when nothing can be done at all.
        Model<?> m = Models.create("vfio-pci", "merged", Map.of("granularity", "byte"));
        for (HuntOptions o : List.of(small(1).withStrategy(Strategy.SWARM).withWork(SMALL.withSwarm(0)),
                small(1).withStrategy(Strategy.RANDOM).withWork(SMALL.withTries(0)))) {
            HuntResult r = Hunter.hunt(m, o, null);
            assertThat(r.verdict()).as(HuntReport.verdictText(r)).isEqualTo(HuntResult.Verdict.INCONCLUSIVE);
            assertThat(r.evidence().empty()).isTrue();
        }
    }

    // ---- determinism: work-bounded hunts print the same on one worker and on two

    private static String withoutTimes(String text) {
        return text.replaceAll("[0-9]+\\.[0-9] s\\b", "T s").replaceAll("[0-9.]+ ms\\b", "T ms")
                .replaceAll(" +", " ");
    }

    private static String withoutTimes(JsonNode line) {
        ObjectNode o = line.deepCopy();
        o.remove(List.of("millis", "millisToFirst", "millisToShrink"));
        for (JsonNode f : o.get("findings")) {
            ((ObjectNode) f).remove(List.of("millisToFirst", "millisToShrink"));
        }
        return o.toString();
    }

    @Test
    void theSameTextAndJsonOnOneWorkerAndOnTwo(@TempDir Path dir) throws IOException {
        List<String> work = List.of("--tries", "1500", "--states", "60000", "--swarm", "300");
        // Every strategy's units on the flags models and the test model (their default scopes are
        // small state graphs); xen-fifo's swarm, whose units are Xen scenarios the hunt explores
        // exhaustively (xen-fifo's default scope is minutes of work: SeedThreadRacesTest hunts it).
        List<List<String>> hunts = List.of(
                concat(List.of("hunt", "vfio-pci", "--variant", "pre-a,merged", "--granularity", "location"), work),
                concat(List.of("hunt", "mlx5", "--variant", "v2,merged", "--granularity", "byte"), work),
                List.of("hunt", "xen-fifo", "--variant", "b,e2", "--strategy", "swarm", "--swarm", "300"),
                concat(List.of("hunt", "abba", "--model-path", ABBA.toString()), work));
        int row = 0;
        for (List<String> hunt : hunts) {
            List<String> texts = new ArrayList<>();
            List<List<String>> jsons = new ArrayList<>();
            for (String workers : List.of("1", "2")) {
                // One run gives both: the text on stdout, each instance's JSON line in its hunt.json.
                Path out = dir.resolve(row + "-" + workers);
                List<String> args = concat(hunt, List.of("--workers", workers, "--out", out.toString()));
                CommandLineTest.Run text = CommandLineTest.run(args.toArray(String[]::new));
                assertThat(text.code()).as(text.err()).isIn(0, 1);
                texts.add(withoutTimes(text.out()).replace(out.toString(), "<out>"));
                List<String> normalised = new ArrayList<>();
                try (Stream<Path> files = Files.walk(out)) {
                    for (Path f : files.filter(p -> p.getFileName().toString().equals("hunt.json")).sorted().toList()) {
                        String line = Files.readString(f).strip();
                        JsonSchemas.assertValid("hunt", line);
                        normalised.add(out.relativize(f) + " " + withoutTimes(JSON.readTree(line)));
                    }
                }
                assertThat(normalised).as("%s: a hunt.json per instance", hunt).isNotEmpty();
                jsons.add(normalised);
            }
            assertThat(texts.get(1)).as("%s", hunt).isEqualTo(texts.get(0));
            assertThat(jsons.get(1)).as("%s", hunt).isEqualTo(jsons.get(0));
            assertThat(texts.get(0)).contains("(instance 1 of ", "== summary");
            row++;
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void aDeadlockIsAViolationWithItsMinimalScheduleWithoutAnInvariantForIt(@TempDir Path out) throws IOException {
        CommandLineTest.Run r = CommandLineTest.run("hunt", "abba", "--variant", "abba", "--model-path",
                ABBA.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("violated: DeadlockFree",
                "-- DeadlockFree (a deadlock: no thread can step and some have not finished): 2 threads, 2 ops, "
                        + "1 preemptions, 2 steps; proven minimal among every scenario up to threads<=2,ops<=2",
                "=> deadlock after step 2: threads [0, 1] blocked", "DeadlockFree 2/2/1/2 (min)");
        // Printed as found, before it was minimised.
        assertThat(r.err()).contains("DeadlockFree (a deadlock) violated, found by", "minimising it. As found");

        CommandLineTest.Run json = CommandLineTest.run("hunt", "abba", "--variant", "abba", "--model-path",
                ABBA.toString(), "--json");
        JsonSchemas.assertValid("hunt", json.out());
        JsonNode o = JSON.readTree(json.out());
        assertThat(o.get("invariant").asText()).isEqualTo("DeadlockFree");
        String schedule = o.get("schedule").asText();
        CommandLineTest.Run replay = CommandLineTest.run("replay", schedule, "--model-path", ABBA.toString());
        assertThat(replay.code()).as(replay.err()).isEqualTo(1);
        assertThat(replay.out()).contains("deadlock after step 2");

        // --out without --tlc: the details, the JSON line and the case as found.
        CommandLineTest.Run files = CommandLineTest.run("hunt", "abba", "--variant", "abba", "--model-path",
                ABBA.toString(), "--out", out.toString());
        assertThat(files.code()).isEqualTo(1);
        assertThat(out.resolve("abba_abba/hunt.txt")).content().contains("DeadlockFree", "minimal:", "found by");
        assertThat(out.resolve("abba_abba/hunt.json")).content().contains("\"invariant\":\"DeadlockFree\"");
        assertThat(out.resolve("abba_abba/DeadlockFree/found.txt")).content().contains("minimising it. As found");
        assertThat(files.out()).contains("details of each instance: " + out);

        // The idler that waits forever is a legitimate end, which the model declares: no deadlock.
        CommandLineTest.Run ordered = CommandLineTest.run("hunt", "abba", "--variant", "ordered", "--model-path",
                ABBA.toString());
        assertThat(ordered.code()).as(ordered.out()).isZero();
        assertThat(ordered.out()).contains("held (exhaustive: every scenario up to threads<=", ", 2 scenarios, 32 states");
    }

    @Test
    void tlcConfirmsTheDeadlock(@TempDir Path dir) throws IOException {
        assumeFalse(Boolean.getBoolean("racetrace.tlc.skip"), "TLC runs skipped (-Dracetrace.tlc.skip=true)");
        CommandLineTest.Run r = CommandLineTest.run("hunt", "abba", "--variant", "abba", "--model-path",
                ABBA.toString(), "--tlc", "--out", dir.toString(), "--json");
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        JsonSchemas.assertValid("hunt", r.out());
        JsonNode o = JSON.readTree(r.out());
        assertThat(o.get("tlcConfirmed").asBoolean()).as(o.get("tlc").asText()).isTrue();
        assertThat(o.get("tlc").asText()).startsWith("TLC confirms: the spec deadlocks after step 2");
        Path finding = dir.resolve("abba_abba").resolve("DeadlockFree");
        assertThat(finding.resolve("found.txt")).content().contains("minimising it. As found");
        assertThat(dir.resolve("abba_abba").resolve("hunt.txt")).content().contains("DeadlockFree", "minimal:");
        assertThat(dir.resolve("abba_abba").resolve("hunt.json")).content().contains("\"verdict\":\"violated\"");
    }

    @Test
    void aJavaDeadlockTheSpecDoesNotHaveIsRejectedByTlc(@TempDir Path dir) throws Exception {
        assumeFalse(Boolean.getBoolean("racetrace.tlc.skip"), "TLC runs skipped (-Dracetrace.tlc.skip=true)");
        ClassLoader loader = new URLClassLoader(new URL[] {ABBA.toUri().toURL()},
                HuntVerdictsTest.class.getClassLoader());
        Models.useClassLoader(loader);
        try {
            // The ordered variant with a defect only on the Java side: its right thread never
            // gets lock A. Java deadlocks after the left thread is done; the spec can go on.
            Model<?> ordered = Models.create("abba", "ordered", Map.of());
            Model<?> stuck = new StuckRight<>(ordered);
            Case c = new Case(Deadlocks.checked(stuck), new Scenario(
                    Config.empty(), List.of(ThreadScript.of("left",
                            Op.of("work")), ThreadScript.of("right",
                                    Op.of("work")))), Schedule.of(new int[0]),
                    Deadlocks.NAME);
            assertThat(c.run().outcome().invariantOrNull()).isEqualTo(Deadlocks.NAME);
            TlcConfirmation t = Confirmations.confirm(c, dir,
                    Duration.ofMinutes(3));
            assertThat(t).as(t.describe()).isInstanceOf(TlcConfirmation.Rejected.class);
            assertThat(t.describe()).contains("the Java model deadlocks after step 4",
                    "the spec's Next can still take a step there");
        } finally {
            Models.useClassLoader(null);
        }
    }

    /** A model whose right thread never takes a step (a Java-side defect the spec does not share). */
    private static final class StuckRight<S> extends ForwardingModel<S> {
        StuckRight(Model<S> inner) {
            super(inner);
        }

        @Override
        public boolean enabled(S state, int thread) {
            return thread != 1 && inner.enabled(state, thread);
        }
    }

    @Test
    void aStrategyOfOneSchedulerMakesOnlyItsOwnRuns() {
        // pct and uniform hand out their own schedulers: every run counts, every finding is theirs.
        for (Strategy s : List.of(Strategy.PCT, Strategy.UNIFORM)) {
            for (String variant : List.of("pre-a", "pre-b", "pre-c", "v2")) {
                Model<?> m = Models.create("vfio-pci", variant, Map.of("granularity", "location"));
                HuntResult r = Hunter.hunt(m, small(2).withStrategy(s), null);
                assertThat(r.findings()).as("%s %s", s, variant).allSatisfy(
                        f -> assertThat(f.foundBy()).isEqualTo(s.id()));
            }
        }
        Model<?> merged = Models.create("vfio-pci", "merged", Map.of("granularity", "location"));
        assertThat(Hunter.hunt(merged, small(2).withStrategy(Strategy.PCT), null).tries()).isEqualTo(SMALL.tries());
    }

    // ---- never lost: printed before minimisation, minimised in bounded memory

    @Test
    void eachCounterexampleIsHandedOverAsFoundBeforeItIsMinimised() {
        Model<?> m = Models.create("vfio-pci", "pre-a", Map.of("granularity", "location"));
        List<Hunter.Found> seen = new ArrayList<>();
        HuntResult r = Hunter.hunt(m, small(2), new Hunter.Listener() {
            @Override
            public void found(Model<?> model, Hunter.Found f) {
                seen.add(f);
            }
        });
        assertThat(r.violated()).isTrue();
        assertThat(seen).extracting(Hunter.Found::invariant)
                .containsExactlyElementsOf(r.findings().stream().map(f -> f.invariant()).toList());
        for (Hunter.Found f : seen) {
            // The case as found replays to its violation from its own string.
            Case again = ScheduleString.decode(f.c().toString());
            assertThat(again.run().outcome().invariantOrNull()).isEqualTo(f.invariant());
        }
    }

    @Test
    void minimisationStartsFromTheSmallestCaseInHandAndTellsItFirst() {
        Model<?> m = Models.create("vfio-pci", "pre-a", Map.of("granularity", "location"));
        List<Hunter.Found> first = new ArrayList<>();
        Map<String, List<Hunter.Found>> starts = new java.util.LinkedHashMap<>();
        HuntResult r = Hunter.hunt(m, small(2), new Hunter.Listener() {
            @Override
            public void found(Model<?> model, Hunter.Found f) {
                first.add(f);
            }

            @Override
            public void minimising(Model<?> model, String invariant, List<Hunter.Found> from) {
                starts.put(invariant, from);
            }
        });
        assertThat(r.violated()).isTrue();
        for (Finding f : r.findings()) {
            Hunter.Found found = first.stream().filter(x -> x.invariant().equals(f.invariant())).findFirst()
                    .orElseThrow();
            // Where it was first found stays what the listener was told as found.
            assertThat(f.foundBy()).isEqualTo(found.foundBy());
            assertThat(f.original()).isEqualTo(found.measure());
            // The start is no larger than the first case, and the minimal case no larger than the start.
            assertThat(f.from().measure()).isLessThanOrEqualTo(f.original());
            assertThat(f.measure()).isLessThanOrEqualTo(f.from().measure());
            if (f.shrunkFromFirst()) {
                assertThat(starts).doesNotContainKey(f.invariant());
            } else {
                // Told before minimisation: the smallest in hand, smallest first, one per
                // configuration, and the first found (last, when it is not one of them).
                List<Hunter.Found> told = starts.get(f.invariant());
                assertThat(told).extracting(x -> x.c().toString()).contains(f.from().c().toString(),
                        found.c().toString());
                List<Hunter.Found> inHand = told.get(told.size() - 1).c().toString().equals(found.c().toString())
                        ? told.subList(0, told.size() - 1) : told;
                assertThat(inHand).extracting(Hunter.Found::measure).isSorted();
                assertThat(inHand).extracting(x -> x.c().scenario().config()).doesNotHaveDuplicates();
                assertThat(told).hasSize(f.from().starts());
            }
        }
    }

    @Test
    void aMinimisationThatRunsOutOfMemoryKeepsTheCounterexampleAsFound() {
        // A model that runs out of memory in every step taken after its first counterexample was
        // handed over (the moment minimisation starts): the hunt keeps the case as found.
        Model<?> pre = Models.create("vfio-pci", "pre-a", Map.of("granularity", "location"));
        boolean[] armed = {false};
        Model<?> bomb = new Bomb<>(pre, armed);
        List<Hunter.Found> seen = new ArrayList<>();
        HuntResult r = Hunter.hunt(bomb, small(1), new Hunter.Listener() {
            @Override
            public void found(Model<?> model, Hunter.Found f) {
                seen.add(f);
                armed[0] = true;
            }
        });
        armed[0] = false;
        assertThat(r.verdict()).isEqualTo(HuntResult.Verdict.VIOLATED);
        assertThat(seen).hasSize(1);
        // Kept as it was when minimisation started: the first case found, or the smallest in hand (told too).
        assertThat(r.findings().get(0).shrunk().toString()).isIn(seen.get(0).c().toString(),
                r.findings().get(0).from().c().toString());
        assertThat(r.findings().get(0).shrunk().toString()).isEqualTo(r.findings().get(0).from().c().toString());
        assertThat(r.findings().get(0).minimality().describe()).contains("not minimised: the minimal search ran out "
                + "of memory", "RACETRACE_JAVA_OPTS=-Xmx");
    }

    /** A model whose steps throw OutOfMemoryError once armed. */
    private static final class Bomb<S> extends ForwardingModel<S> {
        private final boolean[] armed;

        Bomb(Model<S> inner, boolean[] armed) {
            super(inner);
            this.armed = armed;
        }

        @Override
        public Transition<S> step(S state, int thread) {
            if (armed[0]) {
                throw new OutOfMemoryError("Java heap space (a test model)");
            }
            return inner.step(state, thread);
        }
    }

    @Test
    void aHundredThreadModelsBugIsReportedInEverySeedWithinAModestHeap() throws Exception {
        String launcher = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (String seed : List.of("1", "2", "3")) {
            Process p = new ProcessBuilder(launcher, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    "racetrace.cli.Racetrace", "hunt", "crowd", "--model-path", CROWD.toString(), "--seed", seed,
                    // Two workers: two searches share the heap; the heap guard stops them before it runs out.
                    "--workers", "2", "--json").redirectErrorStream(false).start();
            p.getOutputStream().close();
            // Read both streams to the end (stderr on a thread), so that neither fills up.
            CompletableFuture<String> err = CompletableFuture.supplyAsync(
                    () -> read(p.getErrorStream()));
            String out = read(p.getInputStream());
            assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
            String errors = err.get();
            assertThat(p.exitValue()).as("seed %s: %s", seed, errors).isEqualTo(1);
            assertThat(errors).as("seed %s", seed).contains("NoLostIncrement violated, found by",
                    "minimising it. As found").doesNotContain("out of memory");
            JsonSchemas.assertValid("hunt", out);
            JsonNode o = JSON.readTree(out);
            assertThat(o.get("verdict").asText()).isEqualTo("violated");
            assertThat(o.get("measure").get("threads").asInt()).isEqualTo(100);
            // Reported, never lost; since the ladder starts at the model's own (100-thread) scenario, the
            // state graph finds the bug first and the minimiser, bounded, keeps more preemptions than the
            // one that suffices: the minimality line must not claim a proof it lacks.
            assertThat(o.get("measure").get("preemptions").asInt()).isPositive();
            String minimality = o.get("minimality").get("text").asText();
            if (o.get("measure").get("preemptions").asInt() > 1) {
                assertThat(minimality).doesNotContain("(proven)");
            }
            // What the minimisation did is kept and said, even where the heap cut its searches.
            assertThat(minimality).as("seed %s", seed).isNotEmpty().doesNotContain("not minimised", "out of memory");
        }
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- schedule strings printed before

    /** Strings racetrace printed in its README and by earlier versions (from the repository's history). */
    private static final List<String> PRINTED_BEFORE = List.of(
            "rt1:vfio-pci:pre-a:granularity=location:1.6b7ebaa4:phase=0:user/cfgCmd.1,user/cfgBar:11000000001:"
                    + "only=NoLostUpdate",
            "rt2:vfio-pci:pre-a:granularity=location:1.6b7ebaa4:phase=0:user/cfgBar,user/cfgCmd.1:00011111110:"
                    + "only=NoLostUpdate:0lyq88m1.knvbpz3",
            "rt2:vfio-pci:pre-a:granularity=location:1.6b7ebaa4:phase=0:user/cfgBar,user/cfgCmd.1:000111111110:"
                    + "only=NoLostUpdate:0lyq88v1.djn7e1l",
            "rt2:vfio-pci:pre-a:granularity=location:1.6b7ebaa4:phase=0:user/cfgCmd.1,user/cfgBar:11000000001:"
                    + "only=NoLostUpdate:0lyq8041.172n5fn");

    @Test
    void everyStringPrintedBeforeReplaysOrNamesTheCommandThatPrintsACurrentOne() {
        for (String s : PRINTED_BEFORE) {
            Case c;
            try {
                c = ScheduleString.decode(s);
            } catch (BadInputException refused) {
                assertThat(refused.getMessage()).as(s).contains("racetrace hunt vfio-pci --variant pre-a --option "
                        + "granularity=location");
                continue;
            }
            assertThat(c.run().outcome().invariantOrNull()).as(s).isEqualTo(c.focus());
        }
        // A string of another model version (as a change of the model's steps makes every old one)
        // is refused with the command that prints a current string.
        String[] f = PRINTED_BEFORE.get(2).split(":");
        f[4] = "0." + f[4].substring(f[4].indexOf('.') + 1);
        String older = Resealed.of(f);
        assertThatThrownBy(() -> ScheduleString.decode(older)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("made for model version 0")
                .hasMessageContaining("get a current string by re-running racetrace hunt vfio-pci --variant pre-a "
                        + "--option granularity=location");
    }

    @Test
    void aScenarioOfMoreThanThirtySixThreadsHasAScheduleStringThatReplays() throws IOException {
        CommandLineTest.Run r = CommandLineTest.run("hunt", "crowd", "--model-path", CROWD.toString(), "--strategy",
                "random", "--tries", "200", "--json");
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        String schedule = JSON.readTree(r.out()).get("schedule").asText();
        // Two base-36 digits per choice past 36 threads.
        assertThat(schedule.split(":")[7].length() % 2).isZero();
        CommandLineTest.Run replay = CommandLineTest.run("replay", schedule, "--model-path", CROWD.toString());
        assertThat(replay.code()).as(replay.err()).isEqualTo(1);
        assertThat(replay.out()).contains("NoLostIncrement violated after step");
    }
}
