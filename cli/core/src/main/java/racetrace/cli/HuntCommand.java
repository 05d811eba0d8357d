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
import racetrace.engine.Invariant;
import racetrace.engine.Model;
import racetrace.search.hunt.Finding;
import racetrace.search.hunt.HuntOptions;
import racetrace.report.HuntReport;
import racetrace.search.hunt.HuntResult;
import racetrace.search.hunt.Hunter;
import racetrace.search.ModelOrigin;
import racetrace.search.RandomCases;
import racetrace.tla.TlcConfirmation;
import racetrace.tlc.Confirmations;

/**
 * Hunts instances for invariant violations. Each instance's result is printed as soon as it is
 * known, before TLC runs on it, so that nothing TLC or the file system does can lose it.
 */
@Command(name = "hunt", mixinStandardHelpOptions = true,
        description = "Searches model instances for invariant violations, shrinks what it finds and prints the CPU "
                + "tables. Exits 1 when any instance is violated.",
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

    @Option(names = "--tlc", description = "have TLC confirm every counterexample, its bundle written under --out "
            + "(default racetrace-out); exits 3 when TLC could not check one (default: off)")
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
        // --out alone writes the bundles and the comparison page; --tlc adds TLC's verdicts
        HuntBundles bundles = tlc || tlcOptions.outGiven() ? new HuntBundles(tlcOptions.out()) : null;
        if (bundles != null) {
            tlcOptions.requireOut();
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        double worst = instances.size() * budget.seconds;
        if (worst > 30 && budget.tries > 1000) {
            Racetrace.note(err, "hunting " + instances.size() + " instance" + (instances.size() == 1 ? "" : "s")
                    + ", each until every invariant is violated or its work (" + budget.tries + " random runs, "
                    + search.states + " ladder states, " + search.swarm + " swarm scenarios) is done or "
                    + budget.seconds + " s: at most " + Progress.duration(worst) + (tlc ? " plus TLC" : "")
                    + ", usually much less");
        }
        ObjectMapper mapper = new ObjectMapper();
        HuntOptions options = new HuntOptions(budget.seed(), budget.tries, search.states, search.swarm,
                budget.seconds, strategy, search.scope, search.workers, RandomCases.DEFAULT_SCHEDULE_LENGTH, false);
        List<HuntResult> results = new ArrayList<>();
        int code = ExitCode.OK;
        for (Model<?> m : instances) {
            HuntResult r = Hunter.hunt(m, options, (mm, n, st, ms) ->
                    Racetrace.note(err, String.format("hunting %s: %d runs, %d states, %.1f s", mm.instance(), n, st,
                            ms / 1000.0)));
            results.add(r);
            if (r.violated()) {
                code = ExitCode.worst(code, ExitCode.FOUND);
            }
            if (!output.json) {
                out.print(HuntReport.text(r, selection.variantInputs().asArguments() + ModelOrigin.arguments(m)));
                out.flush();
            }
            List<TlcConfirmation> confirmations = new ArrayList<>();
            List<Path> written = new ArrayList<>();
            if (bundles != null) {
                clearOldFiles(m);
                bundles.begin(r);
                for (Finding f : r.findings()) {
                    Path dir = findingDir(m, f.invariant());
                    TlcConfirmation c = null;
                    if (tlc) {
                        Racetrace.note(err, "TLC checks the " + f.invariant() + " counterexample of " + m.instance());
                        c = Confirmations.confirmSafely(f.shrunk(), dir, tlcOptions.duration());
                    }
                    String bundleError = writeBundle(bundles, r, f, c, dir);
                    if (bundleError != null && c != null) {
                        c = new TlcConfirmation.Failed(c.describe() + "; but " + bundleError, c.export(), c.tlc());
                    } else if (bundleError != null) {
                        Racetrace.note(err, "the bundle of " + f.invariant() + " was not written: " + bundleError);
                        code = ExitCode.worst(code, ExitCode.TLC_FAILED);
                    }
                    if (c != null) {
                        confirmations.add(c);
                        if (c instanceof TlcConfirmation.Failed) {
                            code = ExitCode.worst(code, Confirmations.exitCode(c)); // a TLC timeout: inconclusive
                        }
                    }
                    written.add(bundles.written(f.invariant()));
                    if (!output.json) {
                        if (c != null) {
                            out.println("   TLC, " + f.invariant() + ": " + c.describe());
                        }
                        if (bundles.written(f.invariant()) != null) {
                            out.println("   bundle, " + f.invariant() + ": " + bundles.written(f.invariant())
                                    + " (report.md, trace.svg, trace.itf.json" + (m.tlaModule() != null
                                    ? ", the TLA+ trace" : "") + ")");
                        }
                        out.flush();
                    }
                }
            }
            if (output.json) {
                Map<String, Object> o = HuntReport.json(r);
                Confirmations.addJson(o, tlc ? confirmations : null);
                addBundles(o, bundles == null ? null : written);
                out.println(mapper.writeValueAsString(o));
                out.flush();
            }
        }
        Path page = null;
        if (bundles != null) {
            try {
                page = bundles.page();
            } catch (java.io.UncheckedIOException e) {
                Racetrace.note(err, "the comparison page was not written: " + e.getMessage() + " ("
                        + OutputDirectory.reason(e.getCause()) + ")");
                code = ExitCode.worst(code, ExitCode.TLC_FAILED);
            }
        }
        if (!output.json) {
            out.print(HuntReport.verdicts(results));
            if (page != null) {
                out.println("comparison page: " + page + " (and index.md beside it)");
            }
        }
        out.flush();
        return code;
    }

    /** The bundle directory of each finding (null where none was written) into a hunt's JSON object. */
    @SuppressWarnings("unchecked")
    private static void addBundles(Map<String, Object> o, List<Path> written) {
        List<Map<String, Object>> findings = (List<Map<String, Object>>) o.get("findings");
        for (int i = 0; i < findings.size(); i++) {
            Path p = written == null ? null : written.get(i);
            findings.get(i).put("bundle", p == null ? null : p.toString());
        }
        o.put("bundle", findings.isEmpty() ? null : findings.get(0).get("bundle"));
    }

    /**
     * The bundle of one finding; a layout from a file is copied next to it, so that its replay
     * command works in the recipient's copy of the directory. Returns what went wrong, or null.
     */
    private String writeBundle(HuntBundles bundles, HuntResult r, Finding f, TlcConfirmation c, Path dir) {
        String replayOptions;
        try {
            replayOptions = selection.variantInputs().copyInto(dir) + ModelOrigin.arguments(r.model());
        } catch (java.io.UncheckedIOException e) {
            return e.getMessage() + " (" + OutputDirectory.reason(e.getCause()) + ")";
        }
        return bundles.write(r, f, c, replayOptions);
    }

    private Path findingDir(Model<?> m, String invariant) {
        return tlcOptions.out.resolve(Confirmations.dirName(m.instance())).resolve(invariant);
    }

    /** A reused --out keeps only this run's files: an invariant found last time and not now leaves nothing behind. */
    private void clearOldFiles(Model<?> m) {
        for (Invariant<?> i : m.invariants()) {
            OutputDirectory.clearGenerated(findingDir(m, i.name()));
        }
    }
}
