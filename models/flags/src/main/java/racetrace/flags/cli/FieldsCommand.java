package racetrace.flags.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import racetrace.cli.Checks;
import racetrace.cli.ExitCode;
import racetrace.cli.InstanceSelection;
import racetrace.cli.JsonOutput;
import racetrace.cli.ModelPathOption;
import racetrace.cli.OutputDirectory;
import racetrace.cli.Racetrace;
import racetrace.cli.TlcInstancesCommand;
import racetrace.engine.BadInputException;
import racetrace.engine.Model;
import racetrace.engine.ModelFamily;
import racetrace.flags.Assumption;
import racetrace.flags.FlagsModel;
import racetrace.flags.Layouts;
import racetrace.flags.Writer;
import racetrace.flags.fields.Answer;
import racetrace.flags.fields.Comparison;
import racetrace.flags.fields.FieldPairs;
import racetrace.flags.fields.PairCheck;
import racetrace.flags.fields.PairReport;
import racetrace.flags.fields.PairScope;
import racetrace.flags.fields.PairVerdict;
import racetrace.report.HuntReport;
import racetrace.search.Assumptions;
import racetrace.search.Case;
import racetrace.search.explore.Limits;
import racetrace.tla.TlcConfirmation;
import racetrace.tla.report.BugReport;
import racetrace.tlc.Confirmations;

/**
 * The pair report of a flags model: for every pair of fields sharing a storage unit, a minimal
 * counterexample of one losing the other's update, or exhaustive evidence that none does within
 * the pair's scope; with {@code --compare}, the history's layouts and the thread's two policies
 * side by side. Every report is printed before TLC runs on its counterexamples.
 */
@Command(name = "fields", mixinStandardHelpOptions = true,
        description = {"Lists every pair of flags sharing a storage unit: races (minimal counterexample, its writers, "
                + "the assumptions it rests on) or safe within a stated scope (every scenario explored exhaustively). "
                + "Exits 1 when some pair races, 0 when none does, 4 when none races but a search stopped at "
                + "--max-states (or TLC at --tlc-timeout) before the end, 3 when TLC could not run (--tlc).",
            "Instances: every bundled variant (or --variant, or --layout FILE) at granularity byte and location (or "
                + "--granularity), with each assumption at its default (or --option NAME=VALUE; racetrace list "
                + "names them)."},
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {FieldsCommand.L0, FieldsCommand.L1, ExitCode.L2, FieldsCommand.L3, FieldsCommand.L4,
            ExitCode.L70, ExitCode.L130})
public final class FieldsCommand extends TlcInstancesCommand {

    static final String L0 = "0:no pair of fields races (every pair safe within its scope)";
    static final String L1 = "1:some pair races (with --compare: in some layout)";
    static final String L3 = "3:TLC could not run on a counterexample (--tlc)";
    static final String L4 = "4:inconclusive: no pair races, but a search stopped at --max-states before the end "
            + "(or TLC at --tlc-timeout), or a pair has a field no row of the writers table stores (unknown): those "
            + "pairs are undecided, not safe";

    /** The longest script per thread of a pair's scope that finishes in minutes on the bundled models. */
    static final int MAX_OPS = 3;

    @Mixin
    JsonOutput output;

    @Option(names = "--ops", paramLabel = "N", description = "longest script per thread in a pair's scope, 1 to "
            + MAX_OPS + " (default ${DEFAULT-VALUE})")
    int ops = PairScope.DEFAULT.maxOps();

    @Option(names = "--max-states", paramLabel = "N",
            description = "distinct states per scenario before its search stops, 1 to 1000000000000 (default "
                    + "${DEFAULT-VALUE}); a pair whose search stopped is not called safe")
    long maxStates = Limits.DEFAULT_MAX_STATES;

    @Option(names = "--compare", description = "the history's layouts and the two policies (setup-only, point fixes) as "
            + "one table per granularity; no --variant or --layout (default: off)")
    boolean compare;

    @Option(names = "--tlc", description = "have TLC confirm every race's counterexample, files under --out "
            + "(default: off)")
    boolean tlc;

    @Override
    public Integer call() throws Exception {
        Checks.count("--ops", ops, 1, MAX_OPS, "ops");
        Checks.count("--max-states", maxStates, 1, 1_000_000_000_000L, "states");
        tlcOptions.validate();
        tlcOptions.requireUsedOnlyWith(tlc, "--tlc");
        ModelFamily family = selection.family("fields works on one flags model: name it (vfio-pci or mlx5)");
        try {
            Layouts.bundledVariants(family.name());
        } catch (BadInputException e) {
            throw new BadInputException("fields works on the flags models (vfio-pci, mlx5), not " + family.name());
        }
        if (compare && ((selection.variantInputs().given() != null) || !selection.variants().isEmpty())) {
            throw new BadInputException("--compare runs every bundled layout and the two policies; leave out --variant "
                    + "and --layout");
        }
        if (compare && tlc) {
            throw new BadInputException("--compare tabulates verdicts and runs no TLC; drop --tlc (or --compare)");
        }
        PairCheck check = new PairCheck(new PairScope(ops), Limits.states(maxStates));
        if (compare) {
            return compare(family, check);
        }
        List<Model<?>> instances = selection.instances(InstanceSelection.Need.ONE_MODEL);
        if (tlc) {
            List<Model<?>> without = instances.stream().filter(m -> m.tlaModule() == null).toList();
            if (!without.isEmpty()) {
                throw new BadInputException(ModelPathOption.noSpec(without, "fields --tlc"));
            }
            tlcOptions.requireOut();
        }
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Racetrace.note(err, "fields: " + instances.size() + " instance" + (instances.size() == 1 ? "" : "s") + ", every "
                + "pair sharing a storage unit explored exhaustively (" + new PairScope(ops).describe() + "; at most "
                + maxStates + " states per scenario): seconds per instance at --ops 2, minutes at --ops 3"
                + (tlc ? "; then TLC on each race" : ""));
        ObjectMapper mapper = new ObjectMapper();
        String replayOptions = selection.variantInputs().asArguments();
        int code = ExitCode.OK;
        for (Model<?> instance : instances) {
            FlagsModel m = (FlagsModel) instance;
            Racetrace.note(err, "checking every pair of " + m.instance());
            List<PairVerdict> verdicts = PairReport.run(m, check);
            if (verdicts.stream().anyMatch(PairVerdict::races)) {
                code = ExitCode.worst(code, ExitCode.FOUND);
            }
            if (verdicts.stream().anyMatch(v -> v.undecided() || v.unknown())) {
                code = ExitCode.worst(code, ExitCode.INCONCLUSIVE);
            }
            warnNoWriter(err, m, verdicts);
            if (!output.json()) {
                o.print(FlagsPlugin.render("fields", reportData(m, verdicts, replayOptions)));
                o.flush();
            }
            Map<FieldPairs.Pair, TlcConfirmation> confirmed = new LinkedHashMap<>();
            if (tlc) {
                for (PairVerdict pv : verdicts) {
                    // A reused --out keeps only this run's files: a pair that raced last time and not now leaves none.
                    OutputDirectory.clearGenerated(pairDir(m, pv.pair()));
                }
                for (PairVerdict pv : verdicts) {
                    if (!pv.races()) {
                        continue;
                    }
                    Racetrace.note(err, "TLC checks the counterexample of " + pv.pair() + " in " + m.instance());
                    Path dir = pairDir(m, pv.pair());
                    TlcConfirmation tc = Confirmations.confirmSafely(pv.counterexample(), dir, tlcOptions.duration());
                    String reportError = writeReport(m, pv, tc, dir);
                    if (reportError != null) {
                        tc = new TlcConfirmation.Failed(tc.describe() + "; but " + reportError, tc.export(), tc.tlc());
                    }
                    confirmed.put(pv.pair(), tc);
                    if (tc instanceof TlcConfirmation.Failed) {
                        code = ExitCode.worst(code, Confirmations.exitCode(tc));
                    }
                    if (!output.json()) {
                        o.println("   TLC, " + pv.pair().first() + " + " + pv.pair().second() + ": " + tc.describe());
                        if (tc.export() != null) {
                            o.println("        files: " + tc.export().tla());
                        }
                        o.flush();
                    }
                }
            }
            if (output.json()) {
                for (PairVerdict pv : verdicts) {
                    o.println(mapper.writeValueAsString(json(m, pv, m.layout().name(), tlc ? confirmed.get(pv.pair())
                            : null)));
                }
                o.flush();
            }
        }
        return code;
    }

    private Integer compare(ModelFamily family, PairCheck check) throws Exception {
        List<Map<String, String>> sweep = selection.sweep(family);
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ObjectMapper mapper = new ObjectMapper();
        int code = ExitCode.OK;
        for (Map<String, String> opts : sweep) {
            Racetrace.note(err, "comparing the layouts of " + family.name() + " at granularity "
                    + opts.get(InstanceSelection.GRANULARITY) + ": every bundled layout and both policies, each pair "
                    + "explored exhaustively");
            Comparison c = Comparison.of(family.name(), opts, check);
            Answer answer = output.json() ? null : Answer.of(c, check);
            if (output.json()) {
                for (Comparison.Column col : c.columns()) {
                    for (PairVerdict v : col.verdicts()) {
                        o.println(mapper.writeValueAsString(json(col.instance(), v, col.name(), null)));
                    }
                }
            } else {
                o.print(FlagsPlugin.render("fields-compare", compareData(c, answer)));
            }
            o.flush();
            if (c.columns().stream().anyMatch(col -> col.racing() > 0)) {
                code = ExitCode.worst(code, ExitCode.FOUND);
            }
            if (c.columns().stream().anyMatch(col -> col.undecided() > 0)) {
                code = ExitCode.worst(code, ExitCode.INCONCLUSIVE);
            }
        }
        return code;
    }

    /**
     * One warning per field that no writer stores: its pairs are unknown, not safe (a flag added to
     * the struct after the writers table was written).
     */
    static void warnNoWriter(PrintWriter err, FlagsModel m, List<PairVerdict> verdicts) {
        Set<String> fields = new LinkedHashSet<>();
        verdicts.forEach(v -> fields.addAll(v.noWriter()));
        for (String f : fields) {
            long pairs = verdicts.stream().filter(v -> v.noWriter().contains(f)).count();
            Racetrace.note(err, "warning: no row of the " + m.instance().model() + " writers table stores " + f
                    + " (layout " + m.layout().name() + "): its " + pairs + " pair" + (pairs == 1 ? " is" : "s are")
                    + " unknown (no writer), not safe; give its writers with --writers FILE");
        }
        err.flush();
    }

    /**
     * report.md of a race, next to its TLA+ files (a layout from a file copied there too, for the
     * replay command); returns what went wrong, or null.
     */
    private String writeReport(FlagsModel m, PairVerdict pv, TlcConfirmation tc, Path dir) {
        try {
            String replayOptions = selection.variantInputs().copyInto(dir);
            Case c = pv.counterexample();
            new BugReport(c.focus() == null ? FlagsModel.NO_LOST_UPDATE : c.focus(), "`racetrace fields` (pair "
                    + pv.pair().first() + " + " + pv.pair().second() + ", minimal over " + pv.scope() + ")", c.run(),
                    HuntReport.table(c), PairReport.replayable(pv).toString(), tc, null, replayOptions)
                    .write(dir.resolve("report.md"));
            return null;
        } catch (UncheckedIOException e) {
            return e.getMessage() + " (" + OutputDirectory.reason(e.getCause()) + ")";
        }
    }

    private Path pairDir(FlagsModel m, FieldPairs.Pair p) {
        return tlcOptions.out().resolve(Confirmations.dirName(m.instance())).resolve("fields")
                .resolve(p.first() + "+" + p.second());
    }

    /**
     * One JSON line of a pair: the pair report's keys, with {@code schedule} null for a safe pair,
     * the layout's name, and the TLC keys (null without --tlc), so that every line has the same keys.
     */
    static Map<String, Object> json(FlagsModel m, PairVerdict v, String layoutName, TlcConfirmation tc) {
        Map<String, Object> j = PairReport.json(m, v);
        j.putIfAbsent("schedule", null);
        j.put("layoutName", layoutName);
        j.putAll(Confirmations.json(tc));
        return j;
    }

    private Map<String, Object> reportData(FlagsModel m, List<PairVerdict> verdicts, String replayOptions) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("instance", m.instance().toString());
        d.put("layout", m.layout().name() + (m.layout().about().isEmpty() ? "" : ": " + m.layout().about()));
        d.put("pairs", verdicts.size());
        d.put("racing", verdicts.stream().filter(PairVerdict::races).count());
        d.put("undecidedCount", verdicts.stream().filter(PairVerdict::undecided).count());
        d.put("maxStates", maxStates);
        d.put("scope", verdicts.isEmpty() ? "-" : verdicts.get(0).scope());
        d.put("scenarios", verdicts.stream().mapToLong(PairVerdict::scenarios).sum());
        d.put("states", verdicts.stream().mapToLong(PairVerdict::states).sum());
        d.put("millis", verdicts.stream().mapToLong(PairVerdict::millis).sum());
        d.put("replayOptions", replayOptions);
        List<String> assumed = new ArrayList<>();
        for (Map.Entry<Assumption, String> e : m.assumptions().entrySet()) {
            assumed.add(e.getKey().option() + "=" + e.getValue() + ": " + e.getKey().meaning(e.getValue()));
        }
        d.put("assumed", assumed);
        List<Map<String, Object>> races = new ArrayList<>();
        List<Map<String, Object>> safe = new ArrayList<>();
        List<Map<String, Object>> unknown = new ArrayList<>();
        List<Map<String, Object>> undecided = new ArrayList<>();
        for (PairVerdict v : verdicts) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("pair", v.pair().first() + " + " + v.pair().second());
            r.put("scenarios", v.scenarios());
            r.put("states", v.states());
            r.put("complete", v.complete());
            if (v.races()) {
                r.put("lost", describe(m, v.victim()));
                r.put("by", describe(m, v.culprit()));
                r.put("measure", v.measure().toString());
                r.put("scenario", PairReport.scenario(v.counterexample()));
                List<String> deps = new ArrayList<>();
                for (Assumptions.Dependence dep : v.dependsOn()) {
                    deps.add(dep.option() + "=" + dep.value() + " (" + dep.meaning() + "): " + dep.why());
                }
                r.put("dependsOn", deps);
                r.put("condition", v.dependsOn().isEmpty() ? "" : " if " + String.join(", ",
                        v.dependsOn().stream().map(x -> x.option() + "=" + x.value()).toList()));
                r.put("schedule", PairReport.replayable(v).toString());
                r.put("table", HuntReport.table(v.counterexample()));
                races.add(r);
            } else if (v.unknown()) {
                r.put("noWriter", String.join(" and ", v.noWriter()));
                unknown.add(r);
            } else if (v.undecided()) {
                r.put("why", v.scenarios() + " scenarios, " + v.states() + " states, no lost update in what was "
                        + "explored; a search stopped at the cap");
                undecided.add(r);
            } else {
                r.put("why", v.scenarios() == 0 ? "no two threads of the model store these fields concurrently"
                        : v.scenarios() + " scenarios, " + v.states() + " states, no lost update");
                safe.add(r);
            }
        }
        d.put("races", races);
        d.put("safe", safe);
        d.put("unknown", unknown);
        d.put("undecided", undecided);
        return d;
    }

    /** The answer's part of the --compare text: both setup-only readings, every point fix, assumptions, conclusion. */
    private static void answerData(Answer a, Map<String, Object> d) {
        Comparison c = a.comparison();
        d.put("base", c.base().instance().variant());
        d.put("merged", a.merged());
        List<Map<String, Object>> setups = new ArrayList<>();
        for (Answer.Setup s : a.setups()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("reading", s.reading().description());
            m.put("plain", String.join(", ", s.plain()));
            m.put("racing", s.racing() + (s.races().isEmpty() ? "" : ": " + String.join("; ", s.races())));
            m.put("merged", s.reproducesMerged());
            m.put("difference", s.difference(a.mergedPlain()));
            setups.add(m);
        }
        d.put("setups", setups);
        List<Map<String, Object>> fixes = new ArrayList<>();
        for (int i = 0; i < c.pointFixes().size(); i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("set", Answer.set(c.pointFixes().get(i)));
            m.put("left", String.join(", ", a.runtimeLeft().get(i)));
            fixes.add(m);
        }
        d.put("fixes", fixes);
        d.put("conditional", a.conditional());
        d.put("otherValues", String.join(", ", a.otherValues().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toList()));
        d.put("otherFixes", a.otherFixes().isEmpty() ? "none needed"
                : String.join(" or ", a.otherFixes().stream().map(Answer::set).toList()));
        d.put("otherSetupRaces", a.otherSetupRaces());
        d.put("conclusion", conclusion(a));
    }

    /** The conclusion in words, from the answer's facts. */
    static String conclusion(Answer a) {
        Comparison c = a.comparison();
        Answer.Setup rule = a.setups().get(0);
        Answer.Setup literal = a.setups().get(1);
        StringBuilder b = new StringBuilder();
        if (rule.racing() == 0 && a.otherSetupRaces() == 0) {
            b.append("reserve bitfields for setup/release-time fields: the setup-only layout leaves no pair racing, "
                    + "under these assumptions and under their other values");
        } else {
            b.append("setup-only alone does not settle it: its layout leaves ").append(rule.racing())
                    .append(" pairs racing (").append(a.otherSetupRaces()).append(" with the other values)");
        }
        List<String> giving = new ArrayList<>();
        if (rule.reproducesMerged() && literal.reproducesMerged()) {
            giving.add("both readings of setup give exactly the merged fix (" + a.merged() + ")");
        } else {
            if (rule.reproducesMerged()) {
                giving.add("the merged commit's reading of setup gives exactly the merged fix (" + a.merged() + ")");
            }
            if (literal.reproducesMerged()) {
                giving.add("the thread's literal reading gives exactly the merged fix (" + a.merged() + ")");
            } else {
                giving.add("the thread's literal reading " + literal.difference(a.mergedPlain()) + ", and "
                        + (literal.racing() == 0 ? "still leaves no pair racing"
                                : "its layout leaves " + literal.racing() + " pair" + (literal.racing() == 1 ? "" : "s")
                                        + " racing: " + String.join("; ", literal.races())));
            }
            if (!rule.reproducesMerged() && !literal.reproducesMerged()) {
                giving.add("neither reading gives the merged fix exactly");
            }
        }
        b.append("; ").append(String.join("; ", giving));
        if (!c.pointFixes().isEmpty()) {
            b.append(". Point fixes leave no pair racing either, but");
            List<String> buts = new ArrayList<>();
            if (c.pointFixes().size() > 1) {
                buts.add(" there are " + c.pointFixes().size() + " of the smallest size, none privileged");
            }
            if (!a.otherFixes().equals(c.pointFixes())) {
                buts.add(" they change with the assumptions (" + (a.otherFixes().isEmpty() ? "none needed"
                        : String.join(" or ", a.otherFixes().stream().map(Answer::set).toList())) + " with "
                        + String.join(", ", a.otherValues().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                                .toList()) + ")");
            }
            if (a.runtimeLeft().stream().anyMatch(s -> !s.isEmpty())) {
                buts.add(" each leaves fields written at run time in a bitfield run, safe only as long as no writer "
                        + "is added to its bytes");
            }
            b.append(buts.isEmpty() ? " nothing sets them apart from setup-only here" : String.join(";", buts));
        }
        return b.append('.').toString();
    }

    static String describe(FlagsModel m, Writer w) {
        if (w == null) {
            return "-";
        }
        return w.field() + " := " + w.value() + " in " + w.function() + " (" + w.context() + "; locks: "
                + PairReport.locks(m, w) + "; runtime PM: " + w.pm() + ")";
    }

    private static Map<String, Object> compareData(Comparison c, Answer a) {
        Map<String, Object> d = new LinkedHashMap<>();
        answerData(a, d);
        d.put("model", c.model());
        d.put("granularity", c.granularity());
        List<String> assumed = new ArrayList<>();
        Comparison.Column first = c.columns().get(0);
        for (Map.Entry<Assumption, String> e : first.instance().assumptions().entrySet()) {
            assumed.add(e.getKey().option() + "=" + e.getValue());
        }
        d.put("assumed", String.join(", ", assumed));
        List<String> names = c.columns().stream().map(Comparison.Column::name).toList();
        int width = 8;
        for (Comparison.Column col : c.columns()) {
            width = Math.max(width, col.name().length());
            for (FieldPairs.Pair p : c.pairs()) {
                width = Math.max(width, col.cell(p).length());
            }
        }
        int first0 = 20;
        for (FieldPairs.Pair p : c.pairs()) {
            first0 = Math.max(first0, (p.first() + " + " + p.second()).length());
        }
        d.put("width", width + 2);
        d.put("first", first0 + 2);
        d.put("names", names);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FieldPairs.Pair p : c.pairs()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("pair", p.first() + " + " + p.second());
            r.put("cells", c.columns().stream().map(col -> col.cell(p)).toList());
            rows.add(r);
        }
        d.put("rows", rows);
        d.put("sharing", c.columns().stream().map(col -> String.valueOf(col.verdicts().size())).toList());
        d.put("racing", c.columns().stream().map(col -> String.valueOf(col.racing())).toList());
        d.put("flagBytes", c.columns().stream().map(col -> String.valueOf(col.flagBytes())).toList());
        d.put("sizeof", c.columns().stream().map(col -> col.instance().layout().sizeof() == 0 ? "-"
                : String.valueOf(col.instance().layout().sizeof())).toList());
        List<String> abouts = new ArrayList<>();
        for (Comparison.Column col : c.columns()) {
            abouts.add(col.name() + ": " + col.about());
        }
        d.put("abouts", abouts);
        return d;
    }
}
