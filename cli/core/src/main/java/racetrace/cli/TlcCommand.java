package racetrace.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import racetrace.engine.BadInputException;
import racetrace.engine.FocusedModel;
import racetrace.engine.Invariant;
import racetrace.engine.Model;
import racetrace.engine.Scenario;
import racetrace.engine.Schedule;
import racetrace.report.HuntReport;
import racetrace.report.Templates;
import racetrace.search.Case;
import racetrace.search.Deadlocks;
import racetrace.search.ModelOrigin;
import racetrace.search.ScheduleString;
import racetrace.tla.SpecChecker;
import racetrace.tla.TlcResult;
import racetrace.tla.TlcVerdict;
import racetrace.tlc.Confirmations;
import racetrace.tlc.StateCounts;
import racetrace.tlc.TlcTraceFile;

/**
 * Exhaustive breadth-first model checking of a model's TLA+ spec for one scenario, with one
 * worker: TLC's counterexample is then a shortest one, and it is imported back into Java.
 */
@Command(name = "tlc", mixinStandardHelpOptions = true,
        description = {"Model-checks the TLA+ spec exhaustively (BFS, one worker) for one scenario and imports TLC's "
                + "shortest counterexample into a Java schedule string. Exits 1 when TLC finds an invariant violated "
                + "(or a deadlock), 0 when every invariant holds, 4 when --tlc-timeout (or, with --states, "
                + "--max-states) stopped the check first, 3 when TLC could not run.",
            "The scenario: <model> --variant V (or --layout FILE) [--option NAME=VALUE] [--config NAME=VALUE] "
                + "--thread actor/op+op ..., or --from <schedule-string> (with --layout FILE when the string's "
                + "variant came from one)."})
final class TlcCommand extends TlcInstancesCommand {

    @Mixin
    JsonOutput output;

    @Option(names = "--config", paramLabel = "NAME=VALUE", split = ",",
            description = "a configuration parameter of the scenario (repeatable, or as in a schedule string: "
                    + "vcpus=2,prios=2; default: each parameter's minimum, "
                    + "see racetrace list)")
    List<String> config = new ArrayList<>();

    @Option(names = "--thread", paramLabel = "actor/op+op", split = ",",
            description = "a thread of the scenario, as in a schedule string: xen-cpu/send.1+unmask.1 (repeatable, "
                    + "or several as in a schedule string's threads field: a/op,b/op; "
                    + "grouped by actor in the order racetrace list gives; default: none, give one or --from)")
    List<String> threads = new ArrayList<>();

    @Option(names = "--from", paramLabel = "<schedule-string>",
            description = "take model, variant, options and scenario from a schedule string (e.g. a hunt's "
                    + "counterexample); the string's choices are not used (default: none, give a model and --thread)")
    String from;

    @Option(names = "--invariant", paramLabel = "NAME",
            description = "check this invariant alone (default: the schedule string's only=, else every invariant)")
    String invariant;

    @Option(names = "--states", description = "instead: count every reachable state with the Java explorer and with "
            + "TLC (no invariants), print both, and name a state one side has and the other lacks when they differ; "
            + "exits 1 when they differ (default: off)")
    boolean states;

    @Option(names = "--max-states", paramLabel = "N", description = "with --states: the Java explorer's cap, 1 to "
            + "1000000000000 (default ${DEFAULT-VALUE})")
    long maxStates = 20_000_000;

    private Integer compareStates(Case c) throws Exception {
        Model<?> m = c.model();
        if (m.tlaModule() == null) {
            throw new BadInputException(ModelPathOption.noSpec(m, "tlc --states"));
        }
        tlcOptions.requireOut();
        Path dir = tlcOptions.out.resolve(Confirmations.dirName(m.instance())).resolve("states");
        OutputDirectory.clearGenerated(dir);
        Racetrace.note(spec.commandLine().getErr(), "the Java explorer and TLC count the states of " + m.instance()
                + " for " + describe(c.scenario()) + ": two exhaustive runs; TLC stops after " + tlcOptions.timeout
                + " s (--tlc-timeout)");
        StateCounts.Comparison cmp = StateCounts.compare(m, c.scenario(), dir,
                tlcOptions.duration(), maxStates);
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
        int code = statesCode(cmp);
        report.put("verdict", switch (code) {
            case ExitCode.OK -> "equal";
            case ExitCode.FOUND -> "different";
            case ExitCode.INCONCLUSIVE -> "inconclusive";
            default -> "tlc-failed";
        });
        report.put("maxStates", maxStates);
        report.put("statewise", cmp.javaStates() <= StateCounts.MAX_COMPARED);
        report.put("maxCompared", StateCounts.MAX_COMPARED);
        PrintWriter o = spec.commandLine().getOut();
        if (output.json) {
            o.println(new ObjectMapper().writeValueAsString(report));
        } else {
            o.print(Templates.render("states", report));
        }
        o.flush();
        return code;
    }

    /**
     * Equal or different only when both searches saw every state: a Java search stopped at
     * --max-states, or TLC stopped at --tlc-timeout, compares nothing (inconclusive, never "different").
     */
    static int statesCode(StateCounts.Comparison cmp) {
        int tlc = ExitCode.ofTlc(cmp.tlc().verdict());
        if (tlc == ExitCode.TLC_FAILED) {
            return tlc;
        }
        if (!cmp.javaComplete() || tlc == ExitCode.INCONCLUSIVE) {
            return ExitCode.INCONCLUSIVE;
        }
        return cmp.equal() ? ExitCode.OK : ExitCode.FOUND;
    }

    @Override
    public Integer call() throws Exception {
        tlcOptions.validate();
        Checks.count("--max-states", maxStates, 1, 1_000_000_000_000L, "states");
        Case c = scenario();
        if (states) {
            if (invariant != null) {
                throw new BadInputException("--states counts states without invariants; drop --invariant");
            }
            return compareStates(c);
        }
        if (invariant != null) {
            c = c.focusedOn(invariant);
        }
        // BFS finds the shortest violation of whatever invariants the .cfg lists: a case about one
        // invariant is checked against that one alone.
        // A deadlock the hunt found is TLC's own check: the spec without invariants, deadlock on.
        Model<?> m = Deadlocks.isAdded(c.model(), c.focus()) ? FocusedModel.none(Deadlocks.base(c.model()))
                : c.focusedModel();
        if (m.tlaModule() == null) {
            throw new BadInputException(ModelPathOption.noSpec(m, "tlc"));
        }
        tlcOptions.requireOut();
        Path dir = tlcOptions.out.resolve(Confirmations.dirName(m.instance())).resolve("tlc");
        OutputDirectory.clearGenerated(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new TlcFailure("cannot create " + dir + " (" + OutputDirectory.reason(e) + ")");
        }
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Racetrace.note(err, "TLC model-checks " + m.instance() + " for " + describe(c.scenario()) + ": one TLC run, "
                + "breadth-first over every reachable state with one worker; the time grows quickly with threads and "
                + "ops; stopped after " + tlcOptions.timeout + " s (--tlc-timeout)");
        // Deadlock is checked, as TLC does by default and the hunt does: a spec whose runs end
        // stutters there (its Next), so that only a real deadlock is one.
        TlcResult r = SpecChecker.standard().check(m, c.scenario(), dir, tlcOptions.duration(), true);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("model", m.instance().model());
        report.put("variant", m.instance().variant());
        Map<String, Object> cfg = new LinkedHashMap<>(m.instance().options());
        cfg.putAll(c.scenario().config().values());
        report.put("config", cfg);
        report.put("threads", c.scenario().threads().stream().map(Object::toString).toList());
        report.put("checked", m.invariants().stream().map(Invariant::name).toList());
        report.put("verdict", verdictWord(r.verdict()));
        report.put("invariant", r.violatedInvariant());
        report.put("shortest", r.verdict() == TlcVerdict.INVARIANT_VIOLATED ? r.trace().size() - 1 : null);
        report.put("statesGenerated", r.statesGenerated() < 0 ? null : r.statesGenerated());
        report.put("distinctStates", r.distinctStates() < 0 ? null : r.distinctStates());
        report.put("depth", r.depth() < 0 ? null : r.depth());
        report.put("millis", r.wallTime().toMillis());
        report.put("tlcMillis", r.tlcMillis() < 0 ? null : r.tlcMillis());
        report.put("traceFile", null);
        report.put("schedule", null);
        report.put("table", null);
        report.put("importError", null);
        report.put("error", r.verdict().isFailure() ? r.message() : null);
        int code = ExitCode.ofTlc(r.verdict());
        if (r.verdict() == TlcVerdict.INVARIANT_VIOLATED) {
            try {
                Case imported = TlcTraceFile.imported(c, r);
                report.put("schedule", imported.toString());
                report.put("table", HuntReport.table(imported));
            } catch (TlcTraceFile.TraceRejectedException e) {
                report.put("importError", e.getMessage());
            }
            Path file = dir.resolve("tlc-trace.txt");
            try {
                TlcTraceFile.write(file, c, r.output());
                report.put("traceFile", file.toString());
            } catch (UncheckedIOException e) {
                report.put("error", e.getMessage() + " (" + OutputDirectory.reason(e.getCause()) + ")");
                code = ExitCode.TLC_FAILED;
            }
        }
        if (output.json) {
            o.println(new ObjectMapper().writeValueAsString(report));
        } else {
            print(o, c, r, report, selection.variantInputs().asArguments()
                    + ModelOrigin.arguments(c.model()));
        }
        o.flush();
        return code;
    }

    private static void print(PrintWriter o, Case c, TlcResult r, Map<String, Object> report, String replayOptions) {
        o.println("TLC on " + c.focusedModel().instance() + ", " + describe(c.scenario()) + ", checking "
                + report.get("checked") + ":");
        o.println("   verdict: " + report.get("verdict") + (r.violatedInvariant() == null ? "" : " " + r.violatedInvariant()));
        if (report.get("shortest") != null) {
            o.println("   shortest counterexample: " + report.get("shortest") + " steps (BFS, one worker)");
        }
        if (r.statesGenerated() >= 0) {
            o.println("   states: " + r.statesGenerated() + " generated, " + r.distinctStates() + " distinct, depth "
                    + r.depth() + "; " + r.wallTime().toMillis() + " ms");
        }
        if (r.verdict() == TlcVerdict.TIMEOUT) {
            o.println("   inconclusive: --tlc-timeout stopped TLC before it had seen every state; no violation among "
                    + "the states it saw, nothing is claimed about the rest (exit 4): give a larger --tlc-timeout");
        }
        if (report.get("error") != null) {
            o.println("   " + report.get("error"));
        }
        if (report.get("importError") != null) {
            o.println("   the counterexample does not replay in Java: " + report.get("importError"));
        }
        if (report.get("schedule") != null) {
            o.println("   replay:  racetrace replay" + replayOptions + " " + report.get("schedule"));
            if (report.get("traceFile") != null) {
                o.println("   or:      racetrace replay" + replayOptions + " " + report.get("traceFile"));
            }
            o.println();
            o.print(report.get("table"));
        }
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
            if (selection.anyGiven() || !config.isEmpty() || !threads.isEmpty()) {
                throw new BadInputException("--from gives the whole scenario; do not combine it with a model, --all, "
                        + "--variant, --option, --granularity, --config or --thread (--layout and --model-path "
                        + "are fine: they say where the string's variant or model comes from)");
            }
            selection.variantInputs().prepareFor(from, "the --from string");
            Case c = ScheduleString.decode(from);
            return new Case(c.model(), c.scenario(), Schedule.empty(), c.focus());
        }
        if (!selection.anyGiven()) {
            throw new BadInputException("tlc needs a scenario: a model with --variant and --thread, or --from "
                    + "<schedule-string>");
        }
        Model<?> m = selection.single("tlc");
        return new Case(m, ScenarioArguments.scenario(m, config, threads), Schedule.empty());
    }
}
