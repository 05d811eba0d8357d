package racetrace.tla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racetrace.engine.Config;
import racetrace.engine.Execution;
import racetrace.engine.ForwardingModel;
import racetrace.engine.Invariant;
import racetrace.engine.LostIncrementModel;
import racetrace.engine.Model;
import racetrace.engine.Op;
import racetrace.engine.Outcome;
import racetrace.engine.Scenario;
import racetrace.engine.Schedule;
import racetrace.engine.ThreadScript;

/** Export, TLC confirmation, batch validation and import on the toy counter and its Counter spec. */
class PipelineTest {

    @BeforeEach
    void tlcEnabled() {
        TlcTests.assumeTlcRuns();
    }

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    static Scenario scenario(int start, String... ops) {
        List<ThreadScript> threads = new ArrayList<>();
        for (String t : ops) {
            threads.add(new ThreadScript("cpu", Arrays.stream(t.split(",")).map(o -> Op.of(o)).toList()));
        }
        return new Scenario(new Config(Map.of("start", start)), threads);
    }

    @Test
    void violatingExecutionIsConfirmedAtTheSameStep(@TempDir Path dir) throws Exception {
        Execution<LostIncrementModel.State> ex = Execution.run(new CounterSpecModel(false), scenario(0, "inc", "inc"),
                Schedule.of(0, 1, 0, 1));
        assertThat(ex.outcome()).isEqualTo(new Outcome.Violated("NoLostIncrement", 4));
        TlcConfirmation c = TraceConfirmer.standard().confirm(ex, dir, TIMEOUT);
        assertThat(c).as(c.describe()).isInstanceOf(TlcConfirmation.Confirmed.class);
        assertThat(((TlcConfirmation.Confirmed) c).step()).isEqualTo(4);
        assertThat(((TlcConfirmation.Confirmed) c).invariant()).isEqualTo("NoLostIncrement");
        assertThat(c.tlc().trace()).hasSize(5);
        ExportedTrace e = c.export();
        assertThat(e.module()).matches("CounterTrace_[0-9a-f]{10}");
        assertThat(e.specFiles()).containsExactly(dir.resolve("Counter.tla"));
        assertThat(e.labelsChecked()).isTrue();
        assertThat(Files.readString(e.json())).contains("\"label\" : \"store\"", "\"invariant\" : \"NoLostIncrement\"");
    }

    @Test
    void exportIsDeterministic(@TempDir Path dir) throws Exception {
        Scenario s = scenario(1, "inc,incTwice", "incTwice");
        ExportedTrace a = TraceExporter.standard().export(
                Execution.run(new CounterSpecModel(true), s, Schedule.of(1, 0, 1, 1, 0)), dir.resolve("a"));
        ExportedTrace b = TraceExporter.standard().export(
                Execution.run(new CounterSpecModel(true), s, Schedule.of(1, 0, 1, 1, 0)), dir.resolve("b"));
        assertThat(a.module()).isEqualTo(b.module());
        assertThat(Files.readString(a.tla())).isEqualTo(Files.readString(b.tla()));
        assertThat(Files.readString(a.cfg())).isEqualTo(Files.readString(b.cfg()));
        assertThat(Files.readString(a.json())).isEqualTo(Files.readString(b.json()));
    }

    @Test
    void executionWithoutViolationConforms(@TempDir Path dir) {
        Execution<LostIncrementModel.State> ex = Execution.run(new CounterSpecModel(true),
                scenario(2, "inc,incTwice", "incTwice"), Schedule.of(0, 1, 1, 0, 0, 1, 1, 0));
        assertThat(ex.outcome()).isInstanceOf(Outcome.Completed.class);
        TlcConfirmation c = TraceConfirmer.standard().confirm(ex, dir, TIMEOUT);
        assertThat(c).as(c.describe()).isInstanceOf(TlcConfirmation.Conforms.class);
    }

    @Test
    void corruptedTraceIsRejectedAtTheStepWhereItLeavesTheSpec(@TempDir Path dir) {
        // The buggy model's second thread stores register + 2: step 4 (B store) is not a spec step.
        Execution<LostIncrementModel.State> ex = Execution.run(new BuggyCounterModel(), scenario(0, "inc", "inc"),
                Schedule.of(0, 1, 0, 1));
        assertThat(ex.outcome()).isInstanceOf(Outcome.Completed.class);
        TlcConfirmation c = TraceConfirmer.standard().confirm(ex, dir, TIMEOUT);
        assertThat(c).as(c.describe()).isInstanceOf(TlcConfirmation.Rejected.class);
        TlcConfirmation.Rejected r = (TlcConfirmation.Rejected) c;
        assertThat(r.step()).isEqualTo(4);
        assertThat(r.reason()).isEqualTo(TlcConfirmation.Reason.STEP);
        assertThat(r.thread()).isEqualTo(1);
        assertThat(r.label()).isEqualTo("store");
        assertThat(r.describe()).contains("step 4", "cpu B store", "counter |-> 2");
        assertThat(r.diagnosis()).isNotNull();
        assertThat(r.diagnosis().specSuccessors()).hasSize(1);
        assertThat(r.diagnosis().specSuccessors().get(0)).containsEntry("counter", 1);
        assertThat(r.diagnosis().explanation()).contains("Step(2) of Counter", "counter: Java 2, spec 1");
    }

    @Test
    void javaViolationTheSpecDoesNotShareIsRejected(@TempDir Path dir) {
        // A Java invariant stricter than the spec's operator of the same name.
        Model<LostIncrementModel.State> strict = new ForwardingModel<>(new CounterSpecModel(false)) {
            @Override
            public List<Invariant<LostIncrementModel.State>> invariants() {
                return List.of(Invariant.of("NoLostIncrement", "stricter than the spec", st -> st.counter() < 2));
            }
        };
        Execution<LostIncrementModel.State> ex = Execution.run(strict, scenario(0, "inc", "inc"), Schedule.empty());
        assertThat(ex.outcome()).isEqualTo(new Outcome.Violated("NoLostIncrement", 4));
        TlcConfirmation c = TraceConfirmer.standard().confirm(ex, dir, TIMEOUT);
        assertThat(c).as(c.describe()).isInstanceOf(TlcConfirmation.Rejected.class);
        TlcConfirmation.Rejected r = (TlcConfirmation.Rejected) c;
        assertThat(r.reason()).isEqualTo(TlcConfirmation.Reason.INVARIANT_HOLDS_IN_SPEC);
        assertThat(r.step()).isEqualTo(4);
    }

    @Test
    void runsStoppedInTheStartStateAreCheckedToo(@TempDir Path dir) {
        // A Java invariant that fails in the start state: zero steps, an empty RT_Actions.
        Model<LostIncrementModel.State> failsAtStart = new ForwardingModel<>(new CounterSpecModel(false)) {
            @Override
            public List<Invariant<LostIncrementModel.State>> invariants() {
                return List.of(Invariant.of("NoLostIncrement", "fails at once", st -> st.counter() > 0));
            }
        };
        Execution<LostIncrementModel.State> ex = Execution.run(failsAtStart, scenario(0, "inc"), Schedule.empty());
        assertThat(ex.outcome()).isEqualTo(new Outcome.Violated("NoLostIncrement", 0));
        List<Execution<?>> runs = new ArrayList<>(randomExecutions(3, 5));
        runs.add(ex);
        BatchValidation v = BatchValidator.standard().validate(runs, dir, TIMEOUT);
        assertThat(v.failures()).as(v.summary()).singleElement().satisfies(f -> {
            assertThat(f.index()).isEqualTo(3);
            assertThat(f.status()).isEqualTo(BatchValidation.Status.INVARIANT);
            assertThat(f.step()).isZero();
            assertThat(f.detail()).contains("spec's NoLostIncrement is TRUE", "found it violated");
        });
    }

    @Test
    void startStateOutsideTheSpecsInitIsRejectedAtStepZero(@TempDir Path dir) {
        Model<LostIncrementModel.State> wrongStart = new ForwardingModel<>(new CounterSpecModel(false)) {
            @Override
            public Map<String, Object> tlaConstants(Scenario scenario) {
                Map<String, Object> c = new LinkedHashMap<>(inner.tlaConstants(scenario));
                c.put("Start", 2);
                return c;
            }
        };
        Execution<LostIncrementModel.State> ex = Execution.run(wrongStart, scenario(0, "inc"), Schedule.empty());
        TlcConfirmation c = TraceConfirmer.standard().confirm(ex, dir, TIMEOUT);
        assertThat(c).as(c.describe()).isInstanceOf(TlcConfirmation.Rejected.class);
        assertThat(((TlcConfirmation.Rejected) c).reason()).isEqualTo(TlcConfirmation.Reason.START_STATE);
        assertThat(((TlcConfirmation.Rejected) c).step()).isZero();
    }

    @Test
    void batchOfRandomExecutionsIsValidatedInOneTlcRun(@TempDir Path dir) {
        List<Execution<?>> runs = randomExecutions(20, 7);
        assertThat(runs).anyMatch(e -> e.outcome().isViolation()).anyMatch(e -> !e.outcome().isViolation());
        BatchValidation v = BatchValidator.standard().validate(runs, dir, TIMEOUT);
        assertThat(v.allConform()).as(v.summary()).isTrue();
        assertThat(v.tlcRuns()).hasSize(1);
    }

    @Test
    void batchReportsTheRunThatLeavesTheSpecAndChecksTheOthers(@TempDir Path dir) {
        List<Execution<?>> runs = new ArrayList<>(randomExecutions(6, 11));
        runs.add(3, Execution.run(new BuggyCounterModel(), scenario(0, "inc", "inc"), Schedule.of(0, 1, 0, 1)));
        BatchValidation v = BatchValidator.standard().validate(runs, dir, TIMEOUT);
        assertThat(v.failures()).as(v.summary()).hasSize(1);
        BatchValidation.RunVerdict bad = v.failures().get(0);
        assertThat(bad.index()).isEqualTo(3);
        assertThat(bad.status()).isEqualTo(BatchValidation.Status.STEP);
        assertThat(bad.step()).isEqualTo(4);
        assertThat(bad.detail()).contains("counter: Java 2, spec 1");
        assertThat(v.tlcRuns()).hasSize(3);
    }

    @Test
    void counterexampleFoundByTlcReplaysInJava(@TempDir Path dir) {
        CounterSpecModel model = new CounterSpecModel(false);
        Scenario s = scenario(0, "inc", "incTwice");
        TlcResult r = SpecChecker.standard().check(model, s, dir, TIMEOUT, false);
        assertThat(r.verdict()).as(r.message()).isEqualTo(TlcVerdict.INVARIANT_VIOLATED);
        assertThat(r.violatedInvariant()).isEqualTo("NoLostIncrement");
        ImportedTrace<LostIncrementModel.State> imported = CounterexampleImporter.replay(model, s, r);
        assertThat(imported.violatesAtEnd("NoLostIncrement")).as(imported.execution().outcome().toString()).isTrue();
        assertThat(imported.schedule().length()).isEqualTo(r.trace().size() - 1);
        // breadth-first: no shorter violating schedule exists
        assertThat(imported.execution().outcome().steps()).isEqualTo(6);
    }

    @Test
    void lockedVariantHoldsForTlcToo(@TempDir Path dir) {
        TlcResult r = SpecChecker.standard().check(new CounterSpecModel(true), scenario(0, "inc,inc", "incTwice"),
                dir, TIMEOUT, false);
        assertThat(r.verdict()).as(r.message()).isEqualTo(TlcVerdict.OK);
        assertThat(r.distinctStates()).isGreaterThan(10);
    }

    @Test
    void importSaysWhereNoThreadMatches() {
        CounterSpecModel model = new CounterSpecModel(false);
        Scenario s = scenario(0, "inc", "inc");
        Execution<LostIncrementModel.State> ex = Execution.run(model, s, Schedule.of(0, 1, 0, 1));
        List<Map<String, Object>> states = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            states.add(new LinkedHashMap<>(model.variables(ex.stateAt(i))));
        }
        states.get(3).put("counter", 9);
        assertThatThrownBy(() -> CounterexampleImporter.replay(model, s, states))
                .isInstanceOf(TraceImportException.class)
                .hasMessageContaining("TLC state 2 to TLC state 3")
                .hasMessageContaining("counter: Java 1, TLC 9")
                .satisfies(e -> assertThat(((TraceImportException) e).step()).isEqualTo(2));
    }

    @Test
    void modelWithoutSpecFileFailsClearly(@TempDir Path dir) {
        Model<LostIncrementModel.State> noFile = new ForwardingModel<>(new CounterSpecModel(false)) {
            @Override
            public String tlaModule() {
                return "NoSuchSpec";
            }
        };
        Execution<LostIncrementModel.State> ex = Execution.run(noFile, scenario(0, "inc"), Schedule.empty());
        TlcConfirmation c = TraceConfirmer.standard().confirm(ex, dir, TIMEOUT);
        assertThat(c).isInstanceOf(TlcConfirmation.Failed.class);
        assertThat(c.describe()).contains("NoSuchSpec not found", "spec/<family>/NoSuchSpec.tla");
        BatchValidation v = BatchValidator.standard().validate(List.of(ex), dir, TIMEOUT);
        assertThat(v.verdicts()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(BatchValidation.Status.ERROR);
            assertThat(r.detail()).contains("NoSuchSpec not found");
        });
        Model<LostIncrementModel.State> none = new ForwardingModel<>(new CounterSpecModel(false)) {
            @Override
            public String tlaModule() {
                return null;
            }
        };
        TlcConfirmation n = TraceConfirmer.standard().confirm(Execution.run(none, scenario(0, "inc"), Schedule.empty()),
                dir, TIMEOUT);
        assertThat(n.describe()).contains("has no TLA+ spec");
    }

    /** Random scenarios of both variants, random schedules: some violate, some do not. */
    static List<Execution<?>> randomExecutions(int n, long seed) {
        Random rnd = new Random(seed);
        String[] ops = {"inc", "incTwice"};
        List<Execution<?>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int threads = 1 + rnd.nextInt(3);
            String[] scripts = new String[threads];
            for (int t = 0; t < threads; t++) {
                int k = 1 + rnd.nextInt(2);
                List<String> s = new ArrayList<>();
                for (int j = 0; j < k; j++) {
                    s.add(ops[rnd.nextInt(2)]);
                }
                scripts[t] = String.join(",", s);
            }
            int[] choices = new int[rnd.nextInt(12)];
            for (int j = 0; j < choices.length; j++) {
                choices[j] = rnd.nextInt(threads);
            }
            Model<LostIncrementModel.State> model = new CounterSpecModel(rnd.nextInt(3) == 0);
            out.add(Execution.run(model, scenario(rnd.nextInt(3), scripts), Schedule.of(choices)));
        }
        return out;
    }
}
