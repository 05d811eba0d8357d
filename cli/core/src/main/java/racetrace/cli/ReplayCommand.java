package racetrace.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;
import racetrace.engine.Execution;
import racetrace.engine.Outcome;
import racetrace.report.HuntReport;
import racetrace.report.Templates;
import racetrace.search.Assumptions;
import racetrace.search.Case;
import racetrace.tlc.CounterexampleFile;
import racetrace.tlc.TlcTraceFile;

/** Re-executes a counterexample; exits 1 when the replayed run violates an invariant. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Re-executes a schedule string or a counterexample file and prints the CPU table and the "
                + "verdict. Exits 1 when the replayed run violates an invariant or deadlocks (as TLC counts it), 0 "
                + "when it completes, 4 when the run reached the step limit before it ended. An intact input that the "
                + "model no longer runs as recorded exits 1 too (a TLC trace: model and spec disagree; a counterexample "
                + ".json or a string's only=: the model changed since); an edited or cut-off one exits 2.",
            "A pasted string may contain spaces and line breaks (a wrapped mail): they are ignored. An argument "
                + "of the form rt<digits>:... is a string; anything else names a file.",
            "A string of a layout variant (<layout>@<digest>, from hunt --layout FILE) replays with the same "
                + "--layout FILE; a model of your own with the same --model-path."},
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.L0, ExitCode.L1, ExitCode.L2, ExitCode.L4, ExitCode.L5, ExitCode.L70, ExitCode.L130})
final class ReplayCommand implements Callable<Integer>, TakesVariantInput {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "<schedule-string>|<file>|<bundle-dir>",
            description = "a schedule string (rt2:..., printed by hunt and tlc), - for standard input, a bundle "
                    + "directory (hunt --out writes one per counterexample; refused, with what changed, when the "
                    + "model changed since), or a file: a TLC trace file "
                    + "(tlc-trace.txt, written by racetrace tlc), an ITF trace (trace.itf.json of a bundle), a "
                    + "counterexample .json (written by hunt --out), a "
                    + "hunt or tlc JSON line, or a text file holding one schedule string")
    String input;

    /** The plug-ins' variant inputs (--layout FILE): the variant a string names may come from one. */
    private final VariantInputs inputs = new VariantInputs();

    @Mixin
    ModelPathOption modelPath;

    @Override
    public VariantInputs variantInputs() {
        return inputs;
    }

    @Override
    public Integer call() {
        inputs.validate();
        Case c;
        String bundle = null;
        try {
            if (BundleReplay.isDirectory(input)) {
                BundleReplay.Checked checked = BundleReplay.read(Path.of(input), inputs);
                c = checked.replay();
                bundle = checked.madeWith();
            } else {
                ReplayInput.Text text = ReplayInput.text(input, ((Racetrace) spec.parent().userObject()).in());
                inputs.prepareFor(text.text(), text.name());
                c = ReplayInput.decode(text);
            }
        } catch (TlcTraceFile.TraceRejectedException | CounterexampleFile.ModelChangedException e) {
            Racetrace.note(spec.commandLine().getErr(), Racetrace.oneLine(e.getMessage()));
            return ExitCode.FOUND;
        }
        Execution<?> ex = c.run();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("instance", c.model().instance().toString());
        data.put("scenario", c.scenario().threads().toString() + " " + c.scenario().config());
        data.put("schedule", c.toString());
        data.put("table", HuntReport.table(c));
        data.put("explanation", HuntReport.explanation(c));
        data.put("measure", ex.measure().toString());
        data.put("notices", ex.notices());
        data.put("bundle", bundle == null ? "" : bundle);
        // What the violation rests on: the model's assumptions whose other values leave this scenario
        // without it (re-checked exhaustively, as hunt does).
        List<String> assumes = List.of();
        if (ex.outcome() instanceof Outcome.Violated v) {
            assumes = Assumptions.of(c, v.invariant()).stream().map(Assumptions.Dependence::describe).toList();
        }
        data.put("assumes", assumes);
        spec.commandLine().getOut().print(Templates.render("replay", data));
        spec.commandLine().getOut().flush();
        PrintWriter err = spec.commandLine().getErr();
        if (ex.outcome() instanceof Outcome.StepLimit l) {
            Racetrace.note(err, "inconclusive: the run reached the step limit (" + l.steps() + " steps) before every "
                    + "thread finished or deadlocked; no invariant failed in those steps, nothing is claimed about the "
                    + "rest (a model whose threads can loop forever)");
            return ExitCode.INCONCLUSIVE;
        }
        if (c.focus() != null && !c.focus().equals(ex.outcome().invariantOrNull())) {
            // The string says it is a counterexample of its only= invariant; its check field says it is
            // intact: so the model runs otherwise than when the string was printed.
            Racetrace.note(err, "the string is a counterexample of " + c.focus() + " (only=" + c.focus() + ") and is "
                    + "intact, but its run now " + describe(ex.outcome()) + ": the model runs otherwise than when the "
                    + "string was printed (if you changed its steps on purpose, bump its version())");
            return ExitCode.FOUND;
        }
        return ex.outcome() instanceof Outcome.Violated || ex.outcome() instanceof Outcome.Deadlock ? ExitCode.FOUND
                : ExitCode.OK;
    }

    private static String describe(Outcome o) {
        return o instanceof Outcome.Violated v ? "violates " + v.invariant() + " instead"
                : o instanceof Outcome.Deadlock ? "ends in a deadlock" : "ends without violating it";
    }
}
