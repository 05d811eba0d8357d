package racetrace.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import racetrace.engine.BadInputException;
import racetrace.engine.Model;
import racetrace.report.HuntJson;
import racetrace.report.HuntReport;
import racetrace.search.ModelOrigin;
import racetrace.search.RandomCases;
import racetrace.search.hunt.Finding;
import racetrace.search.hunt.HuntOptions;
import racetrace.search.hunt.HuntResult;
import racetrace.search.hunt.Hunter;
import racetrace.search.hunt.Strategy;
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
            "Exits 1 when any instance is violated, 4 when none is but a cap cut one short."})
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

    /**
     * A work option the strategy does not spend is refused, not ignored: {@code --strategy random
     * --scope 3} would otherwise say held without the scope it asked for (the options' defaults
     * are not "given").
     */
    private void requireWorkOfStrategy(Strategy strategy) {
        CommandLine.ParseResult given = spec.commandLine().getParseResult();
        record Use(String option, boolean used, String spentBy) {
        }
        for (Use u : List.of(new Use("--tries", strategy.random(), "random runs (portfolio, random, uniform, pct)"),
                new Use("--states", strategy.scope(), "the scope ladder (portfolio, scope)"),
                new Use("--scope", strategy.scope(), "the scope ladder (portfolio, scope)"),
                new Use("--swarm", strategy.swarm(), "the swarm (portfolio, swarm)"))) {
            if (!u.used() && given.hasMatchedOption(u.option())) {
                throw new BadInputException(u.option() + " " + given.matchedOption(u.option()).getValue()
                        + " is work of " + u.spentBy() + ", which --strategy " + strategy.id()
                        + " does not do; drop " + u.option() + " or choose a strategy that does");
            }
        }
    }

    /** The work the banner announces: only what the strategy spends. */
    private static String workText(Work work, Strategy strategy) {
        List<String> parts = new ArrayList<>();
        if (strategy.random()) {
            parts.add(work.tries() + " random runs");
        }
        if (strategy.scope()) {
            parts.add(work.states() + " ladder states"
                    + (work.scope() > 0 ? " to complete scope threads<=" + work.scope() + ",ops<=" + work.scope() : ""));
        }
        if (strategy.swarm()) {
            parts.add(work.swarm() + " swarm scenarios");
        }
        return String.join(", ", parts);
    }

    @Override
    public Integer call() throws Exception {
        budget.validate();
        Strategy strategy = search.validate();
        requireWorkOfStrategy(strategy);
        tlcOptions.validate();
        tlcOptions.requireUsedOnlyWith(tlc, "--tlc", "--tlc-timeout");
        List<Model<?>> instances = selection.instances(InstanceSelection.Need.MODEL_OR_ALL);
        if (tlc) {
            List<Model<?>> without = instances.stream().filter(m -> m.tlaModule() == null).toList();
            if (!without.isEmpty()) {
                throw new BadInputException(ModelPathOption.noSpec(without, "hunt --tlc"));
            }
        }
        // --out alone writes the details, the bundles and the comparison page; --tlc adds TLC's verdicts
        HuntFiles files = null;
        HuntBundles bundles = null;
        if (tlc || tlcOptions.outGiven()) {
            tlcOptions.requireOut();
            files = new HuntFiles(tlcOptions.out);
            bundles = new HuntBundles(tlcOptions.out());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Work work = search.work(budget.tries);
        Racetrace.note(err, "hunting " + instances.size() + " instance" + (instances.size() == 1 ? "" : "s")
                + ", each until every invariant and deadlock freedom is violated or its work is done ("
                + workText(work, strategy) + ")"
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
            HuntFiles foundFiles = files;
            HuntResult r = Hunter.hunt(m, options, new Hunter.Listener() {
                @Override
                public void progress(Model<?> model, long runs, long states, long millis) {
                    Racetrace.note(err, String.format(Locale.ROOT, "%s, %s: %d runs, %d states, %.1f s",
                            where, model.instance(), runs, states, millis / 1000.0));
                }

                @Override
                public void found(Model<?> model, Hunter.Found f) {
                    Racetrace.note(err, HuntReport.found(model, f, replayOptions, true).stripTrailing());
                    if (foundFiles != null) {
                        foundFiles.found(model.instance(), f.invariant(), HuntReport.found(model, f, replayOptions, false));
                    }
                }

                @Override
                public void minimising(Model<?> model, String invariant, List<Hunter.Found> from) {
                    String text = HuntReport.minimising(model, invariant, from, replayOptions);
                    Racetrace.note(err, text.stripTrailing());
                    if (foundFiles != null) {
                        foundFiles.minimising(model.instance(), invariant, text);
                    }
                }
            });
            results.add(r);
            Racetrace.note(err, where + ", " + m.instance() + ": " + HuntReport.workText(r));
            code = ExitCode.worst(code, codeOf(r));
            if (!output.json) {
                out.print(HuntReport.text(r, k + 1, instances.size(), replayOptions));
                out.flush();
            }
            Map<String, Object> json = HuntJson.json(r);
            List<TlcConfirmation> confirmations = new ArrayList<>();
            List<Path> written = new ArrayList<>();
            if (bundles != null) {
                bundles.begin(r);
                for (Finding f : r.findings()) {
                    Path dir = files.findingDir(m.instance(), f.invariant());
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
            Confirmations.addJson(json, tlc ? confirmations : null);
            addBundles(json, bundles == null ? null : written);
            String line = mapper.writeValueAsString(json);
            if (output.json) {
                out.println(line);
                out.flush();
            }
            if (files != null) {
                Map<String, Object> timeless = mapper.readValue(line, Map.class);
                HuntJson.timesNulled(timeless);
                relativeBundles(timeless, tlcOptions.out());
                files.instance(m.instance(), HuntReport.details(r, replayOptions), mapper.writeValueAsString(timeless));
            }
        }
        Path page = null;
        if (bundles != null) {
            try {
                page = bundles.page();
            } catch (UncheckedIOException e) {
                Racetrace.note(err, "the comparison page was not written: " + e.getMessage() + " ("
                        + OutputDirectory.reason(e.getCause()) + ")");
                code = ExitCode.worst(code, ExitCode.TLC_FAILED);
            }
        }
        if (!output.json) {
            out.print(HuntReport.summary(results));
            if (page != null) {
                out.println("comparison page: " + page + " (and index.md beside it); details of each instance: "
                        + tlcOptions.out + "/<instance>/" + HuntFiles.DETAILS);
            } else if (files != null) {
                out.println("details of each instance: " + tlcOptions.out + "/<instance>/" + HuntFiles.DETAILS);
            } else {
                out.println("details of each instance (how each violation was found, what its minimality rests on, "
                        + "give-ups) and a bundle per counterexample: add --out DIR");
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

    /** The bundle paths of a hunt's JSON object as written under --out: relative to it, so the directory moves whole. */
    @SuppressWarnings("unchecked")
    private static void relativeBundles(Map<String, Object> o, Path out) {
        UnaryOperator<Object> rel = v -> v == null ? null
                : out.toAbsolutePath().normalize().relativize(Path.of((String) v).toAbsolutePath().normalize()).toString();
        o.computeIfPresent("bundle", (k, v) -> rel.apply(v));
        for (Map<String, Object> f : (List<Map<String, Object>>) o.getOrDefault("findings", List.of())) {
            f.computeIfPresent("bundle", (k, v) -> rel.apply(v));
        }
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
     * The bundle of one finding; a layout from a file is copied next to it, so that its replay
     * command works in the recipient's copy of the directory. Returns what went wrong, or null.
     */
    private String writeBundle(HuntBundles bundles, HuntResult r, Finding f, TlcConfirmation c, Path dir) {
        String replayOptions;
        try {
            replayOptions = selection.variantInputs().copyInto(dir) + ModelOrigin.arguments(r.model());
        } catch (UncheckedIOException e) {
            return e.getMessage() + " (" + OutputDirectory.reason(e.getCause()) + ")";
        }
        return bundles.write(r, f, c, replayOptions);
    }
}
