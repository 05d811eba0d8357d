package racetrace.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Files;
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
import racetrace.engine.Config;
import racetrace.engine.Model;
import racetrace.engine.ModelFamily;
import racetrace.engine.Models;
import racetrace.engine.Param;
import racetrace.engine.Scenario;
import racetrace.engine.Schedule;
import racetrace.engine.ThreadScript;
import racetrace.hunt.HuntReport;
import racetrace.search.Case;
import racetrace.search.ScheduleString;
import racetrace.tla.SpecChecker;
import racetrace.tla.TlcResult;
import racetrace.tla.TlcVerdict;
import racetrace.tla.TraceImportException;
import racetrace.tlc.Confirmations;
import racetrace.tlc.TlcTraceFile;

/**
 * Exhaustive breadth-first model checking of a model's TLA+ spec for one scenario, with one
 * worker: TLC's counterexample is then a shortest one, and it is imported back into Java.
 */
@Command(name = "tlc", description = "Model-checks the TLA+ spec exhaustively (BFS, one worker) for one scenario and "
        + "imports TLC's shortest counterexample into a Java schedule.")
final class TlcCommand implements Callable<Integer> {

    @CommandLine.Mixin
    ModelPathOption modelPath = new ModelPathOption();

    static final int TLC_FAILED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "<model>", description = "the model (see racetrace list)")
    String model;

    @Option(names = "--variant", paramLabel = "V", description = "the variant (required with <model>)")
    String variant;

    @Option(names = "--layout", paramLabel = "FILE",
            description = "a flags layout file (.layout) or C declaration (.h, .c): the variant to check")
    Path layout;

    @Option(names = "--option", paramLabel = "k=v", description = "a model option, e.g. granularity=location")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--config", paramLabel = "k=v", description = "a configuration parameter (others take their minimum)")
    Map<String, Integer> config = new LinkedHashMap<>();

    @Option(names = "--thread", paramLabel = "actor/op+op",
            description = "a thread of the scenario, as in a schedule string: xen-cpu/send.1+unmask.1 (repeatable)")
    List<String> threads = new ArrayList<>();

    @Option(names = "--from", paramLabel = "<schedule-string>",
            description = "take model, variant, options and scenario from a schedule string (e.g. a hunt's counterexample)")
    String from;

    @Option(names = "--invariant", paramLabel = "NAME",
            description = "check this invariant alone (default: the schedule string's only=, else every invariant)")
    String invariant;

    @Option(names = "--timeout", paramLabel = "S", description = "seconds TLC may take (default ${DEFAULT-VALUE})")
    int timeout = 600;

    @Option(names = "--out", paramLabel = "DIR", description = "where the modules and TLC's output go (default ${DEFAULT-VALUE})")
    Path out = Path.of("racetrace-out");

    @Option(names = "--json", description = "one JSON object")
    boolean json;

    @Option(names = "--states", description = "instead: count every reachable state with the Java explorer and with "
            + "TLC (no invariants), print both, and name a state one side has and the other lacks when they differ")
    boolean states;

    @Option(names = "--max-states", paramLabel = "N", description = "with --states: the Java explorer's cap "
            + "(default ${DEFAULT-VALUE})")
    long maxStates = 20_000_000;

    private Integer compareStates(Case c) throws Exception {
        Model<?> m = c.model();
        if (m.tlaModule() == null) {
            throw new BadInputException("model " + m.instance() + " has no TLA+ spec yet: --states compares with TLC");
        }
        if (maxStates < 1) {
            throw new BadInputException("--max-states must be at least 1");
        }
        Path dir = out.resolve(Confirmations.dirName(m.instance())).resolve("states");
        PrintWriter err = spec.commandLine().getErr();
        err.printf("racetrace: the Java explorer and TLC count the states of %s for %s (timeout %d s)%n",
                m.instance(), describe(c.scenario()), timeout);
        racetrace.tlc.StateCounts.Comparison cmp = racetrace.tlc.StateCounts.compare(m, c.scenario(), dir,
                Duration.ofSeconds(timeout), maxStates);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("model", m.instance().model());
        report.put("variant", m.instance().variant());
        report.put("threads", c.scenario().threads().stream().map(Object::toString).toList());
        report.put("javaStates", cmp.javaStates());
        report.put("javaComplete", cmp.javaComplete());
        report.put("javaMillis", cmp.javaMillis());
        report.put("tlcStates", cmp.tlcStates());
        report.put("tlcMillis", cmp.tlcMillis());
        report.put("tlc", cmp.tlc().summary());
        report.put("equal", cmp.equal());
        report.put("difference", cmp.difference());
        report.put("speedRatio", cmp.tlcStates() > 0 ? Math.round(cmp.speedRatio() * 10) / 10.0 : null);
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.println(new ObjectMapper().writeValueAsString(report));
        } else {
            o.print(racetrace.report.Templates.render("states", report));
        }
        o.flush();
        if (cmp.tlc().verdict().isFailure()) {
            return TLC_FAILED;
        }
        return cmp.equal() ? 0 : 1;
    }

    @Override
    public Integer call() throws Exception {
        Case c = scenario();
        if (states) {
            return compareStates(c);
        }
        if (invariant != null) {
            c = c.focusedOn(invariant);
        }
        // BFS finds the shortest violation of whatever invariants the .cfg lists: a case about one
        // invariant is checked against that one alone.
        Model<?> m = c.focusedModel();
        if (m.tlaModule() == null) {
            throw new BadInputException(ModelPathOption.noSpec(m, "tlc"));
        }
        Path dir = out.resolve(Confirmations.dirName(m.instance())).resolve("tlc");
        Files.createDirectories(dir);
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        err.printf("racetrace: TLC model-checks %s for %s (timeout %d s)%n", m.instance(), describe(c.scenario()), timeout);
        TlcResult r = SpecChecker.standard().check(m, c.scenario(), dir, Duration.ofSeconds(timeout), false);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("model", m.instance().model());
        report.put("variant", m.instance().variant());
        Map<String, Object> cfg = new LinkedHashMap<>(m.instance().options());
        cfg.putAll(c.scenario().config().values());
        report.put("config", cfg);
        report.put("threads", c.scenario().threads().stream().map(Object::toString).toList());
        report.put("checked", m.invariants().stream().map(racetrace.engine.Invariant::name).toList());
        report.put("verdict", verdictWord(r.verdict()));
        report.put("invariant", r.violatedInvariant());
        report.put("shortest", r.verdict() == TlcVerdict.INVARIANT_VIOLATED ? r.trace().size() - 1 : null);
        report.put("statesGenerated", r.statesGenerated());
        report.put("distinctStates", r.distinctStates());
        report.put("depth", r.depth());
        report.put("millis", r.wallTime().toMillis());
        report.put("tlcMillis", r.tlcMillis());
        String table = null;
        if (r.verdict() == TlcVerdict.INVARIANT_VIOLATED) {
            Path file = dir.resolve("tlc-trace.txt");
            TlcTraceFile.write(file, c, r.output());
            report.put("traceFile", file.toString());
            try {
                Case imported = TlcTraceFile.imported(c, r);
                report.put("schedule", imported.toString());
                table = HuntReport.table(imported);
                report.put("table", table);
            } catch (TraceImportException e) {
                report.put("importError", e.getMessage());
            }
        } else if (r.verdict().isFailure()) {
            report.put("error", r.message());
        }
        if (json) {
            o.println(new ObjectMapper().writeValueAsString(report));
        } else {
            o.println("TLC on " + m.instance() + ", " + describe(c.scenario()) + ", checking " + report.get("checked") + ":");
            o.println("   verdict: " + report.get("verdict") + (r.violatedInvariant() == null ? "" : " " + r.violatedInvariant()));
            if (report.get("shortest") != null) {
                o.println("   shortest counterexample: " + report.get("shortest") + " steps (BFS, one worker)");
            }
            if (r.statesGenerated() >= 0) {
                o.println("   states: " + r.statesGenerated() + " generated, " + r.distinctStates() + " distinct, depth "
                        + r.depth() + "; " + r.wallTime().toMillis() + " ms");
            }
            if (report.get("error") != null) {
                o.println("   " + report.get("error"));
            }
            if (report.get("importError") != null) {
                o.println("   the counterexample does not replay in Java: " + report.get("importError"));
            }
            if (report.get("schedule") != null) {
                o.println("   replay:  racetrace replay " + report.get("schedule"));
                o.println("   or:      racetrace replay " + report.get("traceFile"));
                o.println();
                o.print(table);
            }
        }
        o.flush();
        return r.verdict().isFailure() ? TLC_FAILED : 0;
    }

    private static String verdictWord(TlcVerdict v) {
        return switch (v) {
            case OK -> "held";
            case INVARIANT_VIOLATED -> "violated";
            case DEADLOCK -> "deadlock";
            default -> v.name().toLowerCase().replace('_', '-');
        };
    }

    private static String describe(Scenario s) {
        return s.config() + " " + s.threads();
    }

    private Case scenario() {
        if (from != null) {
            if (model != null || variant != null || !options.isEmpty() || !config.isEmpty() || !threads.isEmpty()) {
                throw new BadInputException("--from gives the whole scenario; do not combine it with a model, --variant, "
                        + "--option, --config or --thread");
            }
            Case c = ScheduleString.decode(from);
            return new Case(c.model(), c.scenario(), Schedule.empty(), c.focus());
        }
        if (model == null) {
            throw new BadInputException("tlc needs a model (or --from <schedule-string>)");
        }
        ModelFamily f = Models.family(model);
        if (layout != null) {
            if (variant != null) {
                throw new BadInputException("give --variant or --layout, not both");
            }
            variant = LayoutInput.register(layout, model, null, "x86-64");
        }
        if (variant == null) {
            throw new BadInputException("tlc needs --variant; " + f.name() + " has " + f.variants());
        }
        Model<?> m = f.create(variant, Models.resolveOptions(f, variant, options));
        Map<String, Integer> values = new LinkedHashMap<>();
        for (Param p : m.space().params()) {
            values.put(p.name(), config.getOrDefault(p.name(), p.min()));
        }
        for (String k : config.keySet()) {
            if (!values.containsKey(k)) {
                throw new BadInputException("unknown configuration parameter '" + k + "' of " + m.instance() + "; known: "
                        + values.keySet());
            }
        }
        if (threads.isEmpty()) {
            throw new BadInputException("tlc needs the scenario's threads: --thread actor/op+op (see racetrace list for "
                    + "actors and ops), or --from <schedule-string>");
        }
        List<ThreadScript> scripts = new ArrayList<>();
        for (String t : threads) {
            scripts.add(ScheduleString.parseThread(t));
        }
        Scenario s = new Scenario(new Config(values), scripts);
        m.space().validate(s);
        return new Case(m, s, Schedule.empty());
    }

}
