package racetrace.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import racetrace.engine.BadInputException;
import racetrace.engine.Model;
import racetrace.report.HuntReport;
import racetrace.search.RandomCases;
import racetrace.search.hunt.Finding;
import racetrace.search.hunt.HuntOptions;
import racetrace.search.hunt.HuntResult;
import racetrace.search.hunt.Hunter;
import racetrace.search.ModelOrigin;
import racetrace.search.hunt.Work;
import racetrace.tla.TlcConfirmation;
import racetrace.tlc.Confirmations;

/**
 * Hunts instances for invariant violations and deadlocks. Each counterexample is printed as found,
 * before it is minimised, and each instance's result as soon as it is known, before TLC runs on
 * it, so that nothing later (TLC, the file system, the memory) can lose it.
 */
@Command(name = "hunt", mixinStandardHelpOptions = true,
        description = {"Searches model instances for invariant violations and deadlocks, shrinks what it finds and "
                + "prints, per instance, its verdict (violated, held, inconclusive) and the minimal CPU table of each "
                + "violation, then a summary. The work bounds (--tries, --states, --swarm, --scope) end a hunt, so "
                + "the same seed gives the same results on any machine; --seconds caps it.",
            "Exits 1 when any instance is violated, 4 when none is but a cap cut one short."},
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.L0, ExitCode.L1, ExitCode.L2, ExitCode.L3, ExitCode.L4, ExitCode.L5, ExitCode.L70,
            ExitCode.L130})
final class HuntCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    InstanceSelection selection;

    @Mixin
    Budget budget;

    @Mixin
    SearchOptions search;

    @Mixin
    TlcOptions tlcOptions;

    @Mixin
    JsonOutput output;

    @Option(names = "--tlc", description = "export every counterexample as a TLA+ trace under --out, with report.md, "
            + "and have TLC confirm it; exits 3 when TLC could not check one (default: off)")
    boolean tlc;

    @Override
    public Integer call() throws Exception {
        budget.validate();
        racetrace.search.hunt.Strategy strategy = search.validate();
        tlcOptions.validate();
        tlcOptions.requireUsedOnlyWith(tlc, "--tlc", "--tlc-timeout");
        List<Model<?>> instances = selection.instances(InstanceSelection.Need.MODEL_OR_ALL);
        if (tlc) {
            List<Model<?>> without = instances.stream().filter(m -> m.tlaModule() == null).toList();
            if (!without.isEmpty()) {
                throw new BadInputException(ModelPathOption.noSpec(without, "hunt --tlc"));
            }
        }
        // --out without --tlc: the details of each instance go there; with --tlc, TLC's files too.
        HuntFiles files = null;
        if (tlc || spec.commandLine().getParseResult().hasMatchedOption("--out")) {
            tlcOptions.requireOut();
            files = new HuntFiles(tlcOptions.out);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Work work = search.work(budget.tries);
        Racetrace.note(err, "hunting " + instances.size() + " instance" + (instances.size() == 1 ? "" : "s")
                + ", each until every invariant and deadlock freedom is violated or its work is done ("
                + work.tries() + " random runs, " + work.states() + " ladder states"
                + (work.scope() > 0 ? " to complete scope threads<=" + work.scope() + ",ops<=" + work.scope() : "")
                + ", " + work.swarm() + " swarm scenarios)"
                + (budget.seconds == null ? "" : ", each capped at " + budget.seconds + " s"));
        ObjectMapper mapper = new ObjectMapper();
        HuntOptions options = new HuntOptions(budget.seed(), work, budget.cap(), strategy, search.workers,
                RandomCases.DEFAULT_SCHEDULE_LENGTH, false);
        List<HuntResult> results = new ArrayList<>();
        int code = ExitCode.OK;
        for (int k = 0; k < instances.size(); k++) {
            Model<?> m = instances.get(k);
            String where = "instance " + (k + 1) + " of " + instances.size();
            Racetrace.note(err, where + ": " + m.instance());
            // What replay needs besides the string: the layout file, the model path of a model of one's own.
            String replayOptions = selection.variantInputs().asArguments() + ModelOrigin.arguments(m);
            if (files != null) {
                files.clearOld(m);
            }
            HuntFiles written = files;
            HuntResult r = Hunter.hunt(m, options, new Hunter.Listener() {
                @Override
                public void progress(Model<?> model, long runs, long states, long millis) {
                    Racetrace.note(err, String.format(java.util.Locale.ROOT, "%s, %s: %d runs, %d states, %.1f s",
                            where, model.instance(), runs, states, millis / 1000.0));
                }

                @Override
                public void found(Model<?> model, Hunter.Found f) {
                    String text = HuntReport.found(model, f, replayOptions);
                    Racetrace.note(err, text.stripTrailing());
                    if (written != null) {
                        written.found(model.instance(), f.invariant(), text);
                    }
                }
            });
            results.add(r);
            code = ExitCode.worst(code, codeOf(r));
            if (!output.json) {
                out.print(HuntReport.text(r, k + 1, instances.size(), replayOptions));
                out.flush();
            }
            Map<String, Object> json = HuntReport.json(r);
            List<TlcConfirmation> confirmations = new ArrayList<>();
            if (tlc) {
                for (Finding f : r.findings()) {
                    Path dir = files.findingDir(m.instance(), f.invariant());
                    Racetrace.note(err, "TLC checks the " + f.invariant() + " counterexample of " + m.instance());
                    TlcConfirmation c = Confirmations.confirmSafely(f.shrunk(), dir, tlcOptions.duration());
                    String reportError = writeReport(r, f, c, dir);
                    if (reportError != null) {
                        c = new TlcConfirmation.Failed(c.describe() + "; but " + reportError, c.export(), c.tlc());
                    }
                    confirmations.add(c);
                    if (c instanceof TlcConfirmation.Failed) {
                        code = ExitCode.worst(code, Confirmations.exitCode(c)); // a TLC timeout: inconclusive
                    }
                    if (!output.json) {
                        out.println("   TLC, " + f.invariant() + ": " + c.describe());
                        if (c.export() != null) {
                            out.println("        files: " + c.export().tla() + "; report: "
                                    + c.export().directory().resolve("report.md"));
                        }
                        out.flush();
                    }
                }
            }
            Confirmations.addJson(json, tlc ? confirmations : null);
            String line = mapper.writeValueAsString(json);
            if (output.json) {
                out.println(line);
                out.flush();
            }
            if (files != null) {
                files.instance(m.instance(), HuntReport.details(r, replayOptions), line);
            }
        }
        if (!output.json) {
            out.print(HuntReport.summary(results));
            if (files != null) {
                out.println("details of each instance: " + tlcOptions.out + "/<instance>/" + HuntFiles.DETAILS);
            } else {
                out.println("details of each instance (how each violation was found, what its minimality rests on, "
                        + "give-ups): add --out DIR");
            }
        }
        out.flush();
        return code;
    }

    /** The exit code of one instance: 1 violated, 4 inconclusive, 0 held. */
    static int codeOf(HuntResult r) {
        return switch (r.verdict()) {
            case VIOLATED -> ExitCode.FOUND;
            case INCONCLUSIVE -> ExitCode.INCONCLUSIVE;
            case HELD -> ExitCode.OK;
        };
    }

    /**
     * report.md of one finding; a layout from a file is copied next to it, so that its replay
     * command works in the recipient's copy of the directory. Returns what went wrong, or null.
     */
    private String writeReport(HuntResult r, Finding f, TlcConfirmation c, Path dir) {
        String replayOptions;
        try {
            replayOptions = selection.variantInputs().copyInto(dir) + ModelOrigin.arguments(r.model());
        } catch (java.io.UncheckedIOException e) {
            return e.getMessage() + " (" + OutputDirectory.reason(e.getCause()) + ")";
        }
        return Confirmations.writeReportSafely(r, f, c, dir.resolve("report.md"), replayOptions);
    }
}
