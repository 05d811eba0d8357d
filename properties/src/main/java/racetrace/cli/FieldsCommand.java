package racetrace.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import racetrace.engine.BadInputException;
import racetrace.engine.ModelFamily;
import racetrace.engine.Models;
import racetrace.fields.Comparison;
import racetrace.fields.FieldPairs;
import racetrace.fields.PairCheck;
import racetrace.fields.PairReport;
import racetrace.fields.PairScope;
import racetrace.fields.PairVerdict;
import racetrace.flags.Assumption;
import racetrace.flags.FlagsModel;
import racetrace.flags.Granularity;
import racetrace.flags.Writer;
import racetrace.report.Templates;
import racetrace.search.explore.Limits;
import racetrace.tla.TlcConfirmation;
import racetrace.tlc.Confirmations;

/**
 * The pair report of a flags model: for every pair of fields sharing a storage unit, a minimal
 * counterexample of one losing the other's update, or exhaustive evidence that none does within
 * the pair's scope; with {@code --compare}, the history's layouts and the thread's two policies
 * side by side. Exit code 1 when some pair races.
 */
@Command(name = "fields", mixinStandardHelpOptions = true,
        description = "Lists every pair of flags sharing a storage unit: races (minimal counterexample, its writers, "
                + "the assumptions it rests on) or safe within a stated scope (every scenario explored exhaustively).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no pair races", "1:some pair races", "2:bad input (one line on stderr)",
            "3:TLC could not run (--tlc)", "70:internal error"})
public final class FieldsCommand implements Callable<Integer> {

    static final int NONE = 0;
    static final int RACES = 1;
    static final int TLC_FAILED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "<model>", description = "a flags model: vfio-pci or mlx5")
    String model;

    @Option(names = "--variant", paramLabel = "V", description = "a bundled layout (repeatable; default: every one)")
    List<String> variants = new ArrayList<>();

    @Option(names = "--layout", paramLabel = "FILE",
            description = "a layout file (.layout), or a C declaration (.h, .c) compiled with GCC and read from DWARF")
    Path layout;

    @Option(names = "--struct", paramLabel = "NAME", description = "the struct of a C --layout (default: the last one)")
    String struct;

    @Option(names = "--arch", paramLabel = "x86-64|arm64",
            description = "the target of a C --layout (default ${DEFAULT-VALUE}; arm64 needs aarch64-linux-gnu-gcc)")
    String arch = "x86-64";

    @Option(names = "--granularity", paramLabel = "G",
            description = "byte, location or a compiler profile (gcc-x86-64, gcc-arm64, clang-x86-64, clang-arm64); "
                    + "default: byte and location")
    String granularity;

    @Option(names = "--option", paramLabel = "NAME=VALUE",
            description = "an assumption, e.g. close-pm=referenced (repeatable; default: each assumption's first value)")
    List<String> options = new ArrayList<>();

    @Option(names = "--ops", paramLabel = "N", description = "longest script per thread in a pair's scope (default "
            + "${DEFAULT-VALUE})")
    int ops = PairScope.DEFAULT.maxOps();

    @Option(names = "--max-states", paramLabel = "N",
            description = "distinct states per scenario before its search stops (default ${DEFAULT-VALUE})")
    long maxStates = Limits.DEFAULT_MAX_STATES;

    @Option(names = "--compare", description = "the history's layouts and the two policies as one table per granularity")
    boolean compare;

    @Option(names = "--json", description = "one JSON object per line per pair")
    boolean json;

    @Option(names = "--tlc", description = "have TLC confirm every race's counterexample")
    boolean tlc;

    @Option(names = "--out", paramLabel = "DIR", description = "where --tlc writes (default ${DEFAULT-VALUE})")
    Path out = Path.of("racetrace-out");

    @Option(names = "--tlc-timeout", paramLabel = "S", description = "seconds per TLC run (default ${DEFAULT-VALUE})")
    int tlcTimeout = 300;

    @Override
    public Integer call() throws Exception {
        ModelFamily family = Models.family(model);
        if (!family.options().containsKey("close-pm") && !family.options().containsKey("probe-window")) {
            throw new BadInputException("fields works on the flags models (vfio-pci, mlx5), not " + model);
        }
        if (ops < 1 || ops > 3) {
            throw new BadInputException("--ops " + ops + " is out of range; give 1..3");
        }
        if (maxStates < 1 || tlcTimeout < 1) {
            throw new BadInputException("--max-states and --tlc-timeout must be at least 1");
        }
        if (layout != null && !variants.isEmpty()) {
            throw new BadInputException("give --variant or --layout, not both");
        }
        if (compare && (layout != null || !variants.isEmpty())) {
            throw new BadInputException("--compare runs every bundled layout and the two policies; leave out --variant "
                    + "and --layout");
        }
        Map<String, String> assumed = assumptions(family);
        List<String> granularities = granularity == null ? List.of("byte", "location") : List.of(granularity);
        for (String g : granularities) {
            Granularity.ofOption(g);
        }
        PairCheck check = new PairCheck(new PairScope(ops), Limits.states(maxStates));
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ObjectMapper mapper = new ObjectMapper();
        if (compare) {
            int code = NONE;
            for (String g : granularities) {
                Map<String, String> opts = new LinkedHashMap<>(assumed);
                opts.put("granularity", g);
                err.printf("racetrace: comparing the layouts of %s at granularity %s%n", model, g);
                Comparison c = Comparison.of(model, opts, check);
                if (json) {
                    for (Comparison.Column col : c.columns()) {
                        for (PairVerdict v : col.verdicts()) {
                            Map<String, Object> j = PairReport.json(col.instance(), v);
                            j.put("layoutName", col.name());
                            o.println(mapper.writeValueAsString(j));
                        }
                    }
                } else {
                    o.print(Templates.render("fields-compare", compareData(c)));
                }
                o.flush();
                if (c.columns().stream().anyMatch(col -> col.racing() > 0)) {
                    code = RACES;
                }
            }
            return code;
        }
        List<String> selected = new ArrayList<>();
        if (layout != null) {
            selected.add(LayoutInput.register(layout, model, struct, arch));
        } else if (variants.isEmpty()) {
            family.variants().stream().filter(v -> !v.contains("@")).forEach(selected::add);
        } else {
            for (String v : variants) {
                if (!family.variants().contains(v)) {
                    throw new BadInputException("unknown variant '" + v + "' of model " + model + "; its variants are "
                            + family.variants());
                }
                selected.add(v);
            }
        }
        int code = NONE;
        for (String v : selected) {
            for (String g : granularities) {
                Map<String, String> opts = new LinkedHashMap<>(assumed);
                opts.put("granularity", g);
                FlagsModel m = (FlagsModel) Models.create(model, v, opts);
                err.printf("racetrace: checking every pair of %s%n", m.instance());
                List<PairVerdict> verdicts = PairReport.run(m, check);
                Map<FieldPairs.Pair, TlcConfirmation> confirmed = new LinkedHashMap<>();
                if (tlc) {
                    for (PairVerdict pv : verdicts) {
                        if (pv.races()) {
                            Path dir = out.resolve(Confirmations.dirName(m.instance())).resolve("fields")
                                    .resolve(pv.pair().a() + "+" + pv.pair().b());
                            err.printf("racetrace: TLC checks the counterexample of %s%n", pv.pair());
                            TlcConfirmation tc = Confirmations.confirm(pv.counterexample(), dir,
                                    Duration.ofSeconds(tlcTimeout));
                            confirmed.put(pv.pair(), tc);
                            if (tc.tlc() != null && tc.tlc().verdict().isFailure()) {
                                code = Math.max(code, TLC_FAILED);
                            }
                        }
                    }
                }
                if (json) {
                    for (PairVerdict pv : verdicts) {
                        Map<String, Object> j = PairReport.json(m, pv);
                        TlcConfirmation tc = confirmed.get(pv.pair());
                        if (tc != null) {
                            j.putAll(Confirmations.json(tc));
                        }
                        o.println(mapper.writeValueAsString(j));
                    }
                } else {
                    o.print(Templates.render("fields", reportData(m, verdicts, confirmed)));
                }
                o.flush();
                if (verdicts.stream().anyMatch(PairVerdict::races)) {
                    code = Math.max(code, RACES);
                }
            }
        }
        return code;
    }

    /** The assumption values given with --option, each checked against the family's. */
    private Map<String, String> assumptions(ModelFamily family) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String kv : options) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new BadInputException("--option " + kv + " should be NAME=VALUE, e.g. --option close-pm=referenced");
            }
            String name = kv.substring(0, eq);
            String value = kv.substring(eq + 1);
            List<String> values = family.options().get(name);
            if (values == null || name.equals("granularity")) {
                List<String> names = new ArrayList<>(family.options().keySet());
                names.remove("granularity");
                throw new BadInputException("model " + model + " has no assumption " + name + "; its assumptions are "
                        + names + (name.equals("granularity") ? " (give the granularity with --granularity)" : ""));
            }
            if (!values.contains(value)) {
                throw new BadInputException("assumption " + name + "=" + value + " is not valid; use one of " + values);
            }
            out.put(name, value);
        }
        return out;
    }

    private static Map<String, Object> reportData(FlagsModel m, List<PairVerdict> verdicts,
            Map<FieldPairs.Pair, TlcConfirmation> confirmed) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("instance", m.instance().toString());
        d.put("layout", m.layout().name() + (m.layout().about().isEmpty() ? "" : ": " + m.layout().about()));
        d.put("pairs", verdicts.size());
        d.put("racing", verdicts.stream().filter(PairVerdict::races).count());
        d.put("scope", verdicts.isEmpty() ? "-" : verdicts.get(0).scope());
        d.put("scenarios", verdicts.stream().mapToLong(PairVerdict::scenarios).sum());
        d.put("states", verdicts.stream().mapToLong(PairVerdict::states).sum());
        d.put("millis", verdicts.stream().mapToLong(PairVerdict::millis).sum());
        List<String> assumed = new ArrayList<>();
        for (Map.Entry<Assumption, String> e : m.assumptions().entrySet()) {
            assumed.add(e.getKey().option() + "=" + e.getValue() + ": " + e.getKey().meaning(e.getValue()));
        }
        d.put("assumed", assumed);
        List<Map<String, Object>> races = new ArrayList<>();
        List<Map<String, Object>> safe = new ArrayList<>();
        for (PairVerdict v : verdicts) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("pair", v.pair().a() + " + " + v.pair().b());
            r.put("scenarios", v.scenarios());
            r.put("states", v.states());
            r.put("complete", v.complete());
            if (v.races()) {
                r.put("lost", describe(m, v.victim()));
                r.put("by", describe(m, v.culprit()));
                r.put("measure", v.measure().toString());
                r.put("scenario", PairReport.scenario(v.counterexample()));
                List<String> deps = new ArrayList<>();
                for (PairVerdict.Dependence dep : v.dependsOn()) {
                    deps.add(dep.option() + "=" + dep.value() + " (" + dep.meaning() + "): " + dep.why());
                }
                r.put("dependsOn", deps);
                r.put("condition", v.dependsOn().isEmpty() ? "" : " if " + String.join(", ",
                        v.dependsOn().stream().map(x -> x.option() + "=" + x.value()).toList()));
                r.put("schedule", PairReport.replayable(v).toString());
                r.put("table", racetrace.hunt.HuntReport.table(v.counterexample()));
                TlcConfirmation tc = confirmed.get(v.pair());
                r.put("tlc", tc == null ? "" : tc.describe());
                races.add(r);
            } else {
                r.put("why", v.scenarios() == 0 ? "no two threads of the model store these fields concurrently"
                        : v.scenarios() + " scenarios, " + v.states() + " states, no lost update");
                safe.add(r);
            }
        }
        d.put("races", races);
        d.put("safe", safe);
        return d;
    }

    static String describe(FlagsModel m, Writer w) {
        if (w == null) {
            return "-";
        }
        return w.field() + " := " + w.value() + " in " + w.function() + " (" + w.context() + "; locks: "
                + PairReport.locks(m, w) + "; runtime PM: " + w.pm() + ")";
    }

    private static Map<String, Object> compareData(Comparison c) {
        Map<String, Object> d = new LinkedHashMap<>();
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
            first0 = Math.max(first0, (p.a() + " + " + p.b()).length());
        }
        d.put("width", width + 2);
        d.put("first", first0 + 2);
        d.put("names", names);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FieldPairs.Pair p : c.pairs()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("pair", p.a() + " + " + p.b());
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
