package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import racetrace.cli.Racetrace;
import racetrace.cli.ReplayInput;
import racetrace.cli.ScenarioArguments;
import racetrace.engine.Execution;
import racetrace.engine.FocusedModel;
import racetrace.engine.Model;
import racetrace.engine.ModelFamily;
import racetrace.engine.Models;
import racetrace.engine.Outcome;
import racetrace.engine.Param;
import racetrace.engine.Scenario;
import racetrace.flags.FlagsModel;
import racetrace.flags.Layout;
import racetrace.flags.LayoutFile;
import racetrace.flags.Layouts;
import racetrace.flags.Writer;
import racetrace.flags.WritersFile;
import racetrace.flags.fields.FieldPairs;
import racetrace.flags.fields.PairCheck;
import racetrace.flags.fields.PairScope;
import racetrace.flags.fields.PairVerdict;
import racetrace.search.Case;
import racetrace.search.RandomCases;
import racetrace.search.Resealed;
import racetrace.search.ScheduleString;
import racetrace.search.Shrinker;
import racetrace.search.explore.Exploration;
import racetrace.search.explore.Limits;
import racetrace.search.explore.StateSpace;
import racetrace.tla.CounterexampleJson;
import racetrace.tla.ItfTrace;
import racetrace.tla.TlaExportException;
import racetrace.tla.TlaValueParser;
import racetrace.tla.TlaValueWriter;
import racetrace.tla.TlaValues;
import racetrace.tlc.CounterexampleFile;
import racetrace.tlc.ItfTraceFile;
import racetrace.tlc.TlcTraceFile;

/**
 * Every reader of user input, fed generated and mutated inputs (about 114,000 in all, in
 * seconds): it either reads exactly what was written, or refuses with a clear {@code
 * BadInputException}; never another exception, never a different run accepted silently.
 *
 * <p>Inputs are valid texts (schedule strings, TLC trace files, counterexample JSON, TLA+ values,
 * layout files, configuration and thread arguments, command lines) with one to three random edits; the
 * "resealed" properties also recompute a schedule string's or trace file's check after the edit,
 * so the edit reaches the parsers behind the check.
 */
class ReaderFuzzProperties {

    /** Valid material, built once: random cases of every instance and the counterexamples of a few hunts. */
    private static final class Seeds {
        static final List<Case> CASES = cases();
        static final List<Case> VIOLATING = violating();
        static final List<String> STRINGS = CASES.stream().map(ScheduleString::encode).toList();
        static final List<String> TRACE_FILES = VIOLATING.stream().map(Seeds::traceFile).toList();
        static final List<String> JSONS = VIOLATING.stream().map(c -> CounterexampleJson.toJson(c.run())).toList();
        static final List<String> ITFS = VIOLATING.stream().map(c -> ItfTrace.write(c.run(), c.toString(),
                c.run().outcome().invariantOrNull())).toList();
        static final List<Object> VALUES = values();
        static final List<String> VALUE_TEXTS = VALUES.stream().map(v -> TlaValueWriter.standard().write(v)).toList();
        static final List<String> LAYOUTS = layouts();

        /** The bundled layout files, as a user starts from them (racetrace layout <model> --variant V). */
        private static List<String> layouts() {
            List<String> out = new ArrayList<>();
            for (String model : List.of("vfio-pci", "mlx5")) {
                for (String v : Layouts.bundledVariants(model)) {
                    out.add(LayoutFile.canonical(Layouts.bundled(model, v)));
                }
            }
            return out;
        }

        /** Every variable's value in every state of the violating runs. */
        private static List<Object> values() {
            List<Object> out = new ArrayList<>();
            for (Case c : VIOLATING) {
                Execution<?> ex = c.run();
                for (int i = 0; i <= ex.steps().size(); i++) {
                    out.addAll(states(ex, i).values());
                }
            }
            return out;
        }

        private static List<Case> cases() {
            Random r = new Random(7);
            List<Case> out = new ArrayList<>();
            for (ModelFamily f : Models.families()) {
                // The bundled variants only: a layout another test added (name@digest) would make the seeds depend
                // on the order tests run in.
                for (String v : f.variants().stream().filter(v -> !v.contains("@")).toList()) {
                    Model<?> m = Models.create(f.name(), v, Map.of());
                    for (int i = 0; i < 4; i++) {
                        Case c = RandomCases.draw(m, 60, r);
                        out.add(i % 2 == 0 ? c : c.focusedOn(m.invariants().get(0).name()));
                    }
                }
            }
            return out;
        }

        private static List<Case> violating() {
            List<Case> out = new ArrayList<>();
            for (String[] inst : new String[][] {{"vfio-pci", "pre-a", "location"}, {"mlx5", "pre", "byte"},
                {"xen-fifo", "b", null}}) {
                Model<?> m = Models.create(inst[0], inst[1], inst[2] == null ? Map.of() : Map.of("granularity", inst[2]));
                // The first violating random case, shrunk greedily: cheap, and small files to mutate.
                Random r = new Random(11);
                for (int i = 0; i < 20_000; i++) {
                    Case c = RandomCases.draw(m, RandomCases.DEFAULT_SCHEDULE_LENGTH, r);
                    String broken = c.run().outcome().invariantOrNull();
                    if (broken != null) {
                        out.add(Shrinker.shrink(c, broken, 5_000).shrunk());
                        break;
                    }
                }
            }
            assertThat(out).hasSize(3);
            return out;
        }

        /** A trace file as racetrace tlc writes it, with TLC's -tool messages made from the Java run. */
        private static String traceFile(Case c) {
            return TlcTraceFile.text(c, Fuzz.tlcOutput(c));
        }

        private static <S> Map<String, Object> states(Execution<S> ex, int i) {
            return ex.model().variables(ex.stateAt(i));
        }
    }

    private static <T> T pick(List<T> list, Random r) {
        return list.get(r.nextInt(list.size()));
    }

    /** Same model instance, scenario, executed steps and focus: the same run. */
    private static void assertSameRun(Case got, Case want, String input) {
        assertThat(got.model().instance()).as(Fuzz.show(input)).isEqualTo(want.model().instance());
        assertThat(got.scenario()).as(Fuzz.show(input)).isEqualTo(want.scenario());
        assertThat(got.focus()).as(Fuzz.show(input)).isEqualTo(want.focus());
        assertThat(got.run().executed()).as(Fuzz.show(input)).isEqualTo(want.run().executed());
    }

    /** Same model instance and scenario. */
    private static void assertSameScenario(Case got, Case want, String input) {
        assertThat(got.model().instance()).as(Fuzz.show(input)).isEqualTo(want.model().instance());
        assertThat(got.scenario()).as(Fuzz.show(input)).isEqualTo(want.scenario());
    }

    /** Same model instance and scenario, and a run to the same outcome. */
    private static void assertSameOutcome(Case got, Case want, String input) {
        assertSameScenario(got, want, input);
        assertThat(got.run().outcome()).as(Fuzz.show(input)).isEqualTo(want.run().outcome());
    }

    // ---- schedule strings

    @Property(tries = 30_000)
    void aMutatedScheduleStringIsTheSameRunOrRefused(@ForAll long seed) {
        Random r = new Random(seed);
        int k = r.nextInt(Seeds.CASES.size());
        String input = Fuzz.mutate(Seeds.STRINGS.get(k), r);
        Case got = Fuzz.readOrRefused(input, null, () -> ScheduleString.decode(input));
        if (got != null) {
            assertSameRun(got, Seeds.CASES.get(k), input);
        }
    }

    @Property(tries = 10_000)
    void aResealedEditIsReadConsistentlyOrRefused(@ForAll long seed) {
        Random r = new Random(seed);
        String good = pick(Seeds.STRINGS, r);
        String edited = Fuzz.mutate(good.substring(0, good.lastIndexOf(':')), r);
        String input;
        try {
            input = Resealed.of(edited);
        } catch (IllegalArgumentException e) {
            return; // an edit that removed a field: the string cut short is covered above
        }
        Case got = Fuzz.readOrRefused(input, null, () -> ScheduleString.decode(input));
        if (got != null) {
            // What is accepted round-trips: its own string names the same run.
            assertSameRun(ScheduleString.decode(ScheduleString.encode(got)), got, input);
        }
    }

    // ---- TLC trace files

    @Property(tries = 5_000)
    void aMutatedTraceFileIsTheSameRunOrRefused(@ForAll long seed) {
        Random r = new Random(seed);
        int k = r.nextInt(Seeds.VIOLATING.size());
        String input = Fuzz.mutate(Seeds.TRACE_FILES.get(k), r);
        Case got;
        try {
            got = TlcTraceFile.read("fuzz.txt", input);
        } catch (Throwable t) {
            if (!(t instanceof TlcTraceFile.TraceRejectedException)) {
                Fuzz.assertClearRefusal(t, input);
            }
            return;
        }
        Case want = Seeds.VIOLATING.get(k);
        assertThat(got.run().outcome()).as(Fuzz.show(input)).isEqualTo(want.run().outcome());
        assertSameRun(got.withSchedule(got.run().executed()), want.withSchedule(want.run().executed()), input);
    }

    @Property(tries = 1_000)
    void aResealedTraceFileEditIsAnIntactRunOrRefused(@ForAll long seed) {
        Random r = new Random(seed);
        int k = r.nextInt(Seeds.VIOLATING.size());
        String file = Seeds.TRACE_FILES.get(k);
        int nl = file.indexOf('\n');
        String body = Fuzz.mutate(file.substring(nl + 1), r);
        String input = TlcTraceFile.text(Seeds.VIOLATING.get(k), body);
        Case got;
        try {
            got = TlcTraceFile.read("fuzz.txt", input);
        } catch (TlcTraceFile.TraceRejectedException rejected) {
            assertThat(rejected.getMessage()).startsWith("fuzz.txt: ");
            return;
        } catch (Throwable t) {
            Fuzz.assertClearRefusal(t, input);
            assertThat(t.getMessage()).contains("fuzz.txt");
            return;
        }
        // Accepted: the Java run violates TLC's invariant after TLC's last step.
        assertThat(got.run().outcome().isViolation()).as(Fuzz.show(body)).isTrue();
    }

    // ---- TLA+ values

    @Property(tries = 30_000)
    void tlaValuesAreReadBackOrRefused(@ForAll long seed) {
        Random r = new Random(seed);
        int k = r.nextInt(Seeds.VALUES.size());
        Object value = Seeds.VALUES.get(k);
        String text = Seeds.VALUE_TEXTS.get(k);
        boolean mutated = r.nextInt(4) != 0;
        String input = mutated ? Fuzz.mutate(text, r) : text;
        Object back;
        try {
            back = TlaValueParser.parseValue(input);
        } catch (TlaExportException e) {
            assertThat(e.getMessage()).as(Fuzz.show(input)).isNotBlank();
            return;
        } catch (Throwable t) {
            throw new AssertionError("TLA+ value " + Fuzz.show(input) + " gave " + t, t);
        }
        if (!mutated) {
            assertThat(TlaValues.same(value, back)).as(Fuzz.show(input)).isTrue();
        }
    }

    @Property(tries = 5_000)
    void deepOrHugeTlaValuesAreRefusedNotOverflowed(@ForAll long seed) {
        Random r = new Random(seed);
        int depth = 100 + r.nextInt(100_000);
        String open = r.nextBoolean() ? "<<" : r.nextBoolean() ? "{" : "(";
        String input = switch (r.nextInt(3)) {
            case 0 -> open.repeat(depth);
            case 1 -> "0.." + (1_000_000L + r.nextInt(Integer.MAX_VALUE));
            default -> "-" + Long.MAX_VALUE + ".." + Long.MAX_VALUE;
        };
        try {
            TlaValueParser.parseValue(input);
            throw new AssertionError("accepted " + Fuzz.show(input));
        } catch (TlaExportException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    // ---- JSON read back

    /** A counterexample JSON or an ITF trace, mutated: read as the run it was written from, or refused naming the file. */
    @Property(tries = 2_000)
    void aMutatedRunFileIsTheSameRunOrRefused(@ForAll long seed) {
        Random r = new Random(seed);
        int k = r.nextInt(Seeds.VIOLATING.size());
        boolean itf = r.nextBoolean();
        String good = itf ? Seeds.ITFS.get(k) : Seeds.JSONS.get(k);
        String file = itf ? "fuzz.itf.json" : "fuzz.json";
        String input = itf && r.nextInt(10) == 0 ? good : Fuzz.mutate(good, r);
        Case got = Fuzz.readOrRefused(input, file,
                () -> itf ? ItfTraceFile.read(file, input) : CounterexampleFile.read(file, input));
        if (got != null) {
            Case want = Seeds.VIOLATING.get(k);
            assertSameScenario(got, want, input);
            assertThat(got.run().executed()).as(Fuzz.show(input)).isEqualTo(want.run().executed());
            if (itf) {
                assertThat(got.run().outcome()).as(Fuzz.show(input)).isEqualTo(want.run().outcome());
            }
        }
    }

    @Property(tries = 2_000)
    void replayOfAnyFileIsTheSameRunOrRefused(@ForAll long seed) {
        Random r = new Random(seed);
        int kind = r.nextInt(4);
        int k = r.nextInt(Seeds.VIOLATING.size());
        String good = switch (kind) {
            case 0 -> Seeds.TRACE_FILES.get(k);
            case 1 -> Seeds.JSONS.get(k);
            case 2 -> Seeds.ITFS.get(k);
            default -> ScheduleString.encode(Seeds.VIOLATING.get(k)) + "\n";
        };
        String input = Fuzz.mutate(good, r);
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        // (a mutation may have emptied the input: nothing to corrupt then)
        if (bytes.length > 0 && r.nextInt(10) == 0) {
            bytes[r.nextInt(bytes.length)] = (byte) (0x80 + r.nextInt(0x7f));
        }
        Case got;
        try {
            got = ReplayInput.readFile("fuzz.in", bytes);
        } catch (TlcTraceFile.TraceRejectedException rejected) {
            return;
        } catch (Throwable t) {
            Fuzz.assertClearRefusal(t, input);
            assertThat(t.getMessage()).contains("fuzz.in");
            return;
        }
        assertSameOutcome(got, Seeds.VIOLATING.get(k), input);
    }

    // ---- layout files (--layout FILE)

    @Property(tries = 10_000)
    void aMutatedLayoutFileIsReadAsWrittenOrRefusedNamingTheFile(@ForAll long seed) {
        Random r = new Random(seed);
        String good = pick(Seeds.LAYOUTS, r);
        String input = r.nextInt(8) == 0 ? good : Fuzz.mutate(good, r);
        Layout got = Fuzz.readOrRefused(input, "fuzz.layout", () -> LayoutFile.parse(input, "fuzz.layout"));
        if (got == null) {
            return;
        }
        // What is accepted is what its canonical text says, and that text reads back as the same layout.
        Layout again = LayoutFile.parse(LayoutFile.canonical(got), "canonical");
        assertThat(again.digest()).as(Fuzz.show(input)).isEqualTo(got.digest());
        if (input.equals(good)) {
            assertThat(LayoutFile.canonical(got)).isEqualTo(good);
        }
    }

    // ---- writers files (--writers FILE)

    /** A writers file to mutate: mlx5 pre's table as layout --writers prints it, and two rows it lacks. */
    private static final String WRITERS = WritersFile.format(
            (FlagsModel) Models.create("mlx5", "pre", Map.of()))
            + "is_err | EQ/CQ event | mlx5vf_new_event | true | constant | none | none\n"
            + "object_changed | ioctl | mlx5vf_new_ioctl | flag state | computed | state+reset | none\n";

    @Property(tries = 5_000)
    void aMutatedWritersFileIsReadAsWrittenOrRefusedNamingTheFile(@ForAll long seed) {
        Random r = new Random(seed);
        String input = r.nextInt(8) == 0 ? WRITERS : Fuzz.mutate(WRITERS, r);
        FlagsModel base = (FlagsModel) Models.create("mlx5", "pre",
                Map.of());
        List<Writer> got = Fuzz.readOrRefused(input, "fuzz.writers",
                () -> WritersFile.parse(input, "fuzz.writers", base));
        if (got == null) {
            return;
        }
        // Every row read is one the model can run: its field, context, kind and locks are the model's.
        for (Writer w : got) {
            assertThat(base.units().has(w.field())).as(Fuzz.show(input)).isTrue();
            assertThat(w.site()).matches("w[0-9]+");
        }
        if (input.equals(WRITERS)) {
            assertThat(got).extracting(Writer::function).containsExactly("mlx5vf_new_event",
                    "mlx5vf_new_ioctl");
        }
    }

    // ---- configuration and thread arguments

    @Property(tries = 20_000)
    void configAndThreadArgumentsAreReadOrRefused(@ForAll long seed) {
        Random r = new Random(seed);
        Case c = pick(Seeds.CASES, r);
        Model<?> m = c.model();
        List<String> config = new ArrayList<>();
        for (Param p : m.space().params()) {
            if (r.nextBoolean()) {
                config.add(p.name() + "=" + c.scenario().config().get(p.name()));
            }
        }
        List<String> threads = new ArrayList<>(List.of(ScheduleString.encode(c).split(":")[6].split(",")));
        List<String> args = r.nextBoolean() ? config : threads;
        if (!args.isEmpty()) {
            int i = r.nextInt(args.size());
            args.set(i, Fuzz.mutate(args.get(i), r));
        }
        Scenario s;
        try {
            s = ScenarioArguments.scenario(m, config, threads);
        } catch (Throwable t) {
            Fuzz.assertClearRefusal(t, config + " " + threads);
            return;
        }
        m.space().validate(s);
        assertThat(s.threadCount()).isEqualTo(threads.size());
    }

    // ---- results cut by a cap (issue 16): a cap makes a verdict undecided or unproven, never another

    /** The flags instances the cap properties draw from, and each pair's verdict without a cap. */
    private static final class Pairs {
        static final List<FlagsModel> INSTANCES = List.of(
                (FlagsModel) Models.create("vfio-pci", "pre-a", Map.of("granularity", "location")),
                (FlagsModel) Models.create("vfio-pci", "merged", Map.of("granularity", "byte")),
                (FlagsModel) Models.create("mlx5", "pre", Map.of("granularity", "byte")));
        static final Map<String, PairVerdict> FULL = new ConcurrentHashMap<>();

        static PairVerdict full(FlagsModel m, FieldPairs.Pair p) {
            return FULL.computeIfAbsent(m.instance() + " " + p, k -> new PairCheck(PairScope.DEFAULT,
                    Limits.defaults()).check(m, p));
        }
    }

    @Property(tries = 300)
    void aCappedPairCheckIsUndecidedOrUnprovenNeverAnotherVerdict(@ForAll long seed) {
        Random r = new Random(seed);
        FlagsModel m = pick(Pairs.INSTANCES, r);
        FieldPairs.Pair p = pick(FieldPairs.sharing(m), r);
        PairVerdict full = Pairs.full(m, p);
        long cap = 1 + r.nextInt(r.nextBoolean() ? 60 : 4000);
        PairVerdict capped = new PairCheck(PairScope.DEFAULT, Limits.states(cap)).check(m, p);
        String what = m.instance() + " " + p + " at --max-states " + cap;
        assertThat(full.complete()).as("without a cap: %s", what).isTrue();
        if (capped.complete()) {
            assertThat(capped.word()).as(what).isEqualTo(full.word());
            if (capped.races()) {
                assertThat(capped.measure()).as(what).isEqualTo(full.measure());
            }
        } else {
            assertThat(capped.word()).as(what).isIn("races", "inconclusive");
        }
        if (full.races()) {
            assertThat(capped.word()).as("a race is never called safe: %s", what).isNotEqualTo("safe");
        }
        if (capped.races()) {
            // Whatever the cap, a race shown is a race: its run loses the update.
            assertThat(capped.counterexample().run().outcome().invariantOrNull()).as(what)
                    .isEqualTo(FlagsModel.NO_LOST_UPDATE_BETWEEN);
        }
    }

    /** Each random case's whole state space, explored once. */
    private static final Map<Integer, Exploration> WHOLE = new ConcurrentHashMap<>();

    @Property(tries = 400)
    void aCappedExplorationIsNeverCalledComplete(@ForAll long seed) {
        Random r = new Random(seed);
        int k = r.nextInt(Seeds.CASES.size());
        Case c = Seeds.CASES.get(k);
        Exploration full = WHOLE.computeIfAbsent(k, i -> StateSpace.explore(FocusedModel.none(c.model()),
                c.scenario(), List.of(), Limits.states(50_000), false));
        if (!full.complete()) {
            return; // a scenario too large to explore twice per try here
        }
        long cap = 1 + (long) (r.nextDouble() * 1.2 * full.distinctStates());
        Exploration x = StateSpace.explore(FocusedModel.none(c.model()), c.scenario(), List.of(), Limits.states(cap),
                false);
        String what = c + " at a cap of " + cap + " states of " + full.distinctStates();
        assertThat(x.distinctStates()).as("stops at the cap: %s", what).isLessThanOrEqualTo(cap + 1);
        if (x.complete()) {
            assertThat(x.distinctStates()).as(what).isEqualTo(full.distinctStates());
        }
        if (x.distinctStates() < full.distinctStates()) {
            assertThat(x.complete()).as(what).isFalse();
            assertThat(x.stopReason()).as(what).isNotBlank();
        }
    }

    @Property(tries = 5_000)
    void aRunCutByTheStepLimitSaysSoAndIsOtherwiseTheSameRun(@ForAll long seed) {
        Random r = new Random(seed);
        Case c = pick(Seeds.CASES, r);
        Execution<?> whole = c.run();
        int limit = r.nextInt(whole.steps().size() + 3);
        Outcome cut = limited(c, limit);
        if (cut instanceof Outcome.StepLimit l) {
            assertThat(l.steps()).isEqualTo(limit);
            assertThat(whole.outcome().steps()).as("cut before the run ended").isGreaterThanOrEqualTo(limit);
        } else {
            assertThat(cut).as("within the limit, the same run").isEqualTo(whole.outcome());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Outcome limited(Case c, int limit) {
        Model m = c.model();
        return Execution.run(m, c.scenario(), c.schedule(), m.invariants(), false, limit).outcome();
    }

    // ---- whole command lines (commands that run no TLC, with a budget of one try)

    private static final String[] TOKENS = {"hunt", "replay", "list", "help", "--all", "vfio-pci", "mlx5", "xen-fifo",
        "--variant", "pre-a", "b", "merged", "--option", "granularity=byte", "granularity=word", "--granularity",
        "location", "--seed", "-3", "--seconds", "0.1", "1e10", "NaN", "--tries", "0", "2", "--json", "--out",
        "--tlc-timeout", "-5", "--help", "-h", "--version", "rt2:", "--config", "--thread", "=", "x", "layout",
        "--layout", "x.layout", "x.h", "--struct", "--arch", "arm64", "--model-path", "/nonexistent", "fields",
        "--max-states", "7", "--ops", "1", "--compare", "new-model", "int", "model", "naturals", "--package", ""};

    private static final Path NEW_MODEL_DIRS = Scratch.directory("racetrace-fuzz-new-model");

    @Property(tries = 200)
    void commandLinesGiveADocumentedCodeAndOneLineErrors(@ForAll long seed) {
        Random r = new Random(seed);
        List<String> args = new ArrayList<>();
        int n = 1 + r.nextInt(6);
        for (int i = 0; i < n; i++) {
            String t = TOKENS[r.nextInt(TOKENS.length)];
            args.add(r.nextInt(5) == 0 ? Fuzz.mutate(t, r) : t);
        }
        if (args.get(0).equals("hunt")) {
            args.addAll(List.of("--strategy", "random", "--tries", "1", "--seconds", "0.1"));
            args.remove("--tlc");
            // hunt writes its details to --out: no directories named by random tokens.
            args.remove("--out");
        }
        if (args.get(0).equals("fields")) {
            args.removeIf(a -> a.equals("--ops") || a.equals("--max-states") || a.equals("--tlc"));
            args.addAll(List.of("--ops", "1", "--max-states", "40"));
        }
        if (args.get(0).equals("new-model")) {
            // Into a fresh directory of its own: an accepted name writes a project there.
            args.addAll(List.of("--dir", NEW_MODEL_DIRS.resolve("p" + seed).toString()));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Racetrace.run(args.toArray(String[]::new), new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as("%s: %s", args, err).isIn(0, 1, 2, 4);
        assertThat(err.toString()).as("%s", args).doesNotContain("\tat ").doesNotContain("racetrace: internal error");
        if (code == 2 && !err.toString().startsWith("Usage")) {
            assertThat(err.toString().strip().lines()).as("%s: %s", args, err).hasSize(1);
            assertThat(out.toString()).as("%s", args).isEmpty();
        }
    }
}
