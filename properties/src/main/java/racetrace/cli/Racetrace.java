package racetrace.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import racetrace.engine.ActorKind;
import racetrace.engine.BadInputException;
import racetrace.engine.Config;
import racetrace.engine.Execution;
import racetrace.engine.Invariant;
import racetrace.engine.Model;
import racetrace.engine.ModelFamily;
import racetrace.engine.Models;
import racetrace.engine.Param;
import racetrace.hunt.HuntOptions;
import racetrace.hunt.HuntReport;
import racetrace.hunt.HuntResult;
import racetrace.hunt.Hunter;
import racetrace.report.Templates;
import racetrace.search.Case;
import racetrace.search.ScheduleString;

/** The racetrace command: list, hunt, replay. */
@Command(name = "racetrace", mixinStandardHelpOptions = true, version = "racetrace 0.1.0",
        description = "Finds races in step-level models of concurrent kernel and hypervisor code.",
        subcommands = {Racetrace.ListCommand.class, Racetrace.HuntCommand.class, Racetrace.ReplayCommand.class,
                BenchCommand.class, TlcCommand.class, ConformCommand.class, FieldsCommand.class, LayoutCommand.class,
                NewModelCommand.class})
public final class Racetrace implements Callable<Integer> {

    static final int BAD_INPUT = 2;

    @CommandLine.Mixin
    ModelPathOption modelPath = new ModelPathOption();

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line; bad input gives one line on stderr and exit code 2, never a stack trace. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Racetrace());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("racetrace: " + ex.getMessage() + " (see racetrace "
                    + (ex.getCommandLine().getCommandName().equals("racetrace") ? "" : ex.getCommandLine().getCommandName() + " ")
                    + "--help)");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, p) -> {
            if (ex instanceof BadInputException) {
                err.println("racetrace: " + ex.getMessage());
                return BAD_INPUT;
            }
            if (ex instanceof racetrace.tla.TlaExportException || ex instanceof racetrace.tla.TraceImportException) {
                err.println("racetrace: " + ex.getMessage());
                return TlcCommand.TLC_FAILED;
            }
            err.println("racetrace: internal error: " + ex);
            if (System.getenv("RACETRACE_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            return 70;
        });
        // --model-path (of any command on the line) decides where models come from, before any runs.
        java.net.URLClassLoader[] modelLoader = new java.net.URLClassLoader[1];
        cl.setExecutionStrategy(parsed -> {
            modelLoader[0] = ModelPathOption.install(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        try {
            return cl.execute(args);
        } finally {
            Models.useClassLoader(null);
            if (modelLoader[0] != null) {
                try {
                    modelLoader[0].close();
                } catch (java.io.IOException e) {
                    // nothing left to read from it
                }
            }
            out.flush();
            err.flush();
        }
    }

    @Command(name = "list", description = "Lists models, variants, options, invariants and bounds.")
    static final class ListCommand implements Callable<Integer> {

        @CommandLine.Mixin
        ModelPathOption modelPath = new ModelPathOption();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            List<Map<String, Object>> families = new ArrayList<>();
            for (ModelFamily f : Models.families()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", f.name());
                m.put("description", f.description());
                List<String> variants = new ArrayList<>();
                for (String v : f.variants()) {
                    variants.add(v + ": " + f.describeVariant(v));
                }
                m.put("variants", variants);
                List<String> options = new ArrayList<>();
                f.options().forEach((k, vs) -> {
                    java.util.Set<String> defaults = new java.util.LinkedHashSet<>();
                    f.variants().forEach(v -> defaults.add(f.defaultOption(v, k)));
                    options.add(k + " in " + String.join("|", vs) + " (default " + (defaults.size() == 1
                            ? defaults.iterator().next() : "per variant: " + f.variants().stream()
                                    .map(v -> v + "=" + f.defaultOption(v, k))
                                    .collect(java.util.stream.Collectors.joining(", "))) + ")");
                });
                m.put("options", options);
                Model<?> sample = Models.create(f.name(), f.variants().get(f.variants().size() - 1), Map.of());
                // An invariant may read differently in some variants: say in which.
                Map<String, List<String>> variantsOf = new LinkedHashMap<>();
                for (String v : f.variants()) {
                    Model<?> mv = Models.create(f.name(), v, Map.of());
                    for (Invariant<?> i : mv.invariants()) {
                        variantsOf.computeIfAbsent(i.name() + ": " + i.description(), k -> new ArrayList<>()).add(v);
                    }
                }
                List<String> invariants = new ArrayList<>();
                variantsOf.forEach((line, vs) -> invariants.add(vs.size() == f.variants().size() ? line
                        : line + " [" + String.join(", ", vs) + "]"));
                m.put("invariants", invariants);
                List<String> params = new ArrayList<>();
                for (Param p : sample.space().params()) {
                    params.add(p.name() + " " + p.min() + ".." + p.max() + (p.description().isEmpty() ? "" : " (" + p.description() + ")"));
                }
                m.put("params", params);
                // Actors can depend on the configuration: list each with its widest alphabet.
                Map<String, ActorKind> kinds = new LinkedHashMap<>();
                Map<String, List<racetrace.engine.Op>> alphabets = new LinkedHashMap<>();
                for (Config c : configs(sample.space().params())) {
                    for (ActorKind k : sample.space().actors(c)) {
                        List<racetrace.engine.Op> a = sample.space().alphabet(c, k.name());
                        ActorKind seen = kinds.get(k.name());
                        if (seen == null || k.maxThreads() > seen.maxThreads()) {
                            kinds.put(k.name(), k);
                        }
                        if (!alphabets.containsKey(k.name()) || a.size() > alphabets.get(k.name()).size()) {
                            alphabets.put(k.name(), a);
                        }
                    }
                }
                List<String> actors = new ArrayList<>();
                for (ActorKind k : kinds.values()) {
                    actors.add(k.name() + ": " + k.minThreads() + ".." + k.maxThreads() + " threads, scripts of "
                            + k.minOps() + ".." + k.maxOps() + " ops from " + alphabets.get(k.name()));
                }
                m.put("actors", actors);
                families.add(m);
            }
            spec.commandLine().getOut().print(Templates.render("list", Map.of("families", families)));
            return 0;
        }
    }

    /** Every configuration of the parameters, or only the extremes when there are too many. */
    static List<Config> configs(List<Param> params) {
        List<Map<String, Integer>> all = new ArrayList<>();
        all.add(new LinkedHashMap<>());
        for (Param p : params) {
            List<Map<String, Integer>> next = new ArrayList<>();
            for (Map<String, Integer> c : all) {
                for (int v = p.min(); v <= p.max(); v++) {
                    Map<String, Integer> m = new LinkedHashMap<>(c);
                    m.put(p.name(), v);
                    next.add(m);
                }
            }
            all = next;
            if (all.size() > 5000) {
                Map<String, Integer> min = new LinkedHashMap<>();
                Map<String, Integer> max = new LinkedHashMap<>();
                params.forEach(q -> {
                    min.put(q.name(), q.min());
                    max.put(q.name(), q.max());
                });
                return List.of(new Config(min), new Config(max));
            }
        }
        return all.stream().map(Config::new).toList();
    }

    @Command(name = "hunt", description = "Searches model instances for invariant violations, shrinks what it finds "
            + "and prints the CPU tables.")
    static final class HuntCommand implements Callable<Integer> {

        @CommandLine.Mixin
        ModelPathOption modelPath = new ModelPathOption();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "<model>", description = "the model to hunt (see racetrace list)")
        String model;

        @Option(names = "--all", description = "hunt every model")
        boolean all;

        @Option(names = "--variant", paramLabel = "V", description = "only this variant (repeatable)")
        List<String> variants = new ArrayList<>();

        @Option(names = "--layout", paramLabel = "FILE",
                description = "a flags layout file (.layout), or a C declaration (.h, .c) compiled with GCC: hunt it "
                        + "as a variant of <model>")
        java.nio.file.Path layout;

        @Option(names = "--granularity", paramLabel = "byte|location",
                description = "storage-unit granularity of the flags models (default: both)")
        String granularity;

        @Option(names = "--option", paramLabel = "k=v",
                description = "a model option, e.g. callers=none for xen-fifo (default: each variant's own)")
        Map<String, String> modelOptions = new LinkedHashMap<>();

        @Option(names = "--tries", paramLabel = "N", description = "random runs per instance (default ${DEFAULT-VALUE})")
        int tries = HuntOptions.DEFAULT_TRIES;

        @Option(names = "--seconds", paramLabel = "S", description = "time limit per instance (default ${DEFAULT-VALUE})")
        double seconds = HuntOptions.DEFAULT_SECONDS;

        @Option(names = "--seed", paramLabel = "N", description = "random seed (default ${DEFAULT-VALUE})")
        long seed = HuntOptions.DEFAULT_SEED;

        @Option(names = "--states", paramLabel = "N",
                description = "states each exhaustive strategy (scope ladder, swarm) may explore per instance "
                        + "(default ${DEFAULT-VALUE})")
        long states = HuntOptions.DEFAULT_STATES;

        @Option(names = "--scope", paramLabel = "S",
                description = "the largest scope of the ladder, threads<=S,ops<=S (default: as far as --states goes)")
        int scope;

        @Option(names = "--strategy", paramLabel = "NAME",
                description = "portfolio (default), random, uniform, pct, scope or swarm")
        String strategy = "portfolio";

        @Option(names = "--workers", paramLabel = "N",
                description = "threads to search on (default: every core; results do not depend on it)")
        int workers = racetrace.search.Parallel.cores();

        @Option(names = "--json", description = "one JSON object per line per hunted instance")
        boolean json;

        @Option(names = "--tlc", description = "export every counterexample as a TLA+ trace and have TLC confirm it")
        boolean tlc;

        @Option(names = "--out", paramLabel = "DIR", description = "where --tlc writes its files (default ${DEFAULT-VALUE})")
        java.nio.file.Path out = java.nio.file.Path.of("racetrace-out");

        @Option(names = "--tlc-timeout", paramLabel = "S", description = "seconds per TLC run (default ${DEFAULT-VALUE})")
        int tlcTimeout = 300;

        @Override
        public Integer call() throws Exception {
            if (all == (model != null)) {
                throw new BadInputException("hunt needs either a model name or --all (models: "
                        + Models.families().stream().map(ModelFamily::name).toList() + ")");
            }
            if (tries < 1 || seconds <= 0) {
                throw new BadInputException("--tries must be at least 1 and --seconds more than 0");
            }
            if (layout != null) {
                if (model == null || !variants.isEmpty()) {
                    throw new BadInputException("--layout needs the model it is a layout of, and no --variant");
                }
                variants = List.of(LayoutInput.register(layout, model, null, "x86-64"));
            }
            List<Model<?>> instances = Options.select(all ? null : model, variants, granularity, modelOptions);
            if (tlc && !all) {
                for (Model<?> m : instances) {
                    if (m.tlaModule() == null) {
                        throw new BadInputException(ModelPathOption.noSpec(m, "hunt --tlc"));
                    }
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (tlcTimeout < 1) {
                throw new BadInputException("--tlc-timeout must be at least 1 second");
            }
            ObjectMapper mapper = new ObjectMapper();
            if (states < 1 || scope < 0 || workers < 1) {
                throw new BadInputException("--states and --workers must be at least 1, --scope at least 0");
            }
            HuntOptions options = new HuntOptions(seed, tries, states, seconds, racetrace.hunt.Strategy.parse(strategy),
                    scope, workers, racetrace.search.RandomCases.DEFAULT_SCHEDULE_LENGTH);
            List<HuntResult> results = new ArrayList<>();
            for (Model<?> m : instances) {
                HuntResult r = Hunter.hunt(m, options, (mm, n, st, ms) ->
                        err.printf("racetrace: hunting %s: %d runs, %d states, %.1f s%n", mm.instance(), n, st,
                                ms / 1000.0));
                results.add(r);
                List<racetrace.tla.TlcConfirmation> confirmations = new ArrayList<>();
                if (tlc) {
                    for (racetrace.hunt.Finding f : r.findings()) {
                        java.nio.file.Path dir = this.out.resolve(racetrace.tlc.Confirmations.dirName(m.instance()))
                                .resolve(f.invariant());
                        err.printf("racetrace: TLC checks the %s counterexample of %s%n", f.invariant(), m.instance());
                        racetrace.tla.TlcConfirmation c = racetrace.tlc.Confirmations.confirm(f.shrunk(), dir,
                                java.time.Duration.ofSeconds(tlcTimeout));
                        confirmations.add(c);
                        racetrace.tlc.Confirmations.writeReport(r, f, c, dir.resolve("report.md"));
                    }
                }
                if (json) {
                    Map<String, Object> o = HuntReport.json(r);
                    if (tlc && r.violated()) {
                        @SuppressWarnings("unchecked")
                        List<Map<String, Object>> fs = (List<Map<String, Object>>) o.get("findings");
                        for (int i = 0; i < fs.size(); i++) {
                            fs.get(i).putAll(racetrace.tlc.Confirmations.json(confirmations.get(i)));
                        }
                        Map<String, Object> first = racetrace.tlc.Confirmations.json(confirmations.get(0));
                        o.put("tlcConfirmed", first.get("tlcConfirmed"));
                        o.put("tlc", first.get("tlc"));
                        o.put("tlcFiles", first.get("tlcFiles"));
                    }
                    out.println(mapper.writeValueAsString(o));
                } else {
                    out.print(HuntReport.text(r));
                    for (int i = 0; i < confirmations.size(); i++) {
                        racetrace.tla.TlcConfirmation c = confirmations.get(i);
                        out.println("   TLC, " + r.findings().get(i).invariant() + ": " + c.describe());
                        if (c.export() != null) {
                            out.println("        files: " + c.export().tla() + " (run: cd " + c.export().directory()
                                    + " && " + c.export().tlcCommand() + ")");
                        }
                    }
                }
                out.flush();
            }
            if (!json) {
                out.print(HuntReport.verdicts(results));
            }
            return 0;
        }

    }

    @Command(name = "replay", description = "Re-executes a schedule string and prints the CPU table and the verdict.")
    static final class ReplayCommand implements Callable<Integer> {

        @CommandLine.Mixin
        ModelPathOption modelPath = new ModelPathOption();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "<schedule-string>|<tlc-trace-file>",
                description = "as printed by racetrace hunt (rt1:...), or a TLC trace file written by racetrace tlc")
        String schedule;

        @Option(names = "--layout", paramLabel = "FILE",
                description = "the layout file a schedule string of a layout variant (name@digest) was made with")
        java.nio.file.Path layout;

        @Override
        public Integer call() {
            if (layout != null) {
                String[] f = schedule.strip().split(":");
                if (f.length < 2) {
                    throw new BadInputException("malformed schedule string: expected rt1:model:...");
                }
                LayoutInput.register(layout, f[1], null, "x86-64");
            }
            java.nio.file.Path file = java.nio.file.Path.of(schedule.strip());
            Case c = !schedule.strip().startsWith("rt") && java.nio.file.Files.isRegularFile(file)
                    ? racetrace.tlc.TlcTraceFile.read(file)
                    : ScheduleString.decode(schedule);
            Execution<?> ex = c.run();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("instance", c.model().instance().toString());
            data.put("scenario", c.scenario().threads().toString() + " " + c.scenario().config());
            data.put("schedule", c.toString());
            data.put("table", HuntReport.table(c));
            data.put("measure", ex.measure().toString());
            data.put("notices", ex.notices());
            spec.commandLine().getOut().print(Templates.render("replay", data));
            return 0;
        }
    }
}
