package racetrace.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine;
import racetrace.cli.plugin.CommandLinePlugin;
import racetrace.cli.plugin.Plugins;
import racetrace.cli.plugin.VariantInput;
import racetrace.engine.BadInputException;
import racetrace.engine.ModelFailure;
import racetrace.engine.Models;
import racetrace.tla.TlaExportException;

/**
 * The racetrace command: list, hunt, replay, tlc, conform, bench, new-model, and the commands the
 * model families' plug-ins add ({@link racetrace.cli.plugin.CommandLinePlugin}: fields and layout of
 * the flags families).
 */
@Command(name = "racetrace", mixinStandardHelpOptions = true, version = "racetrace 0.1.0",
        description = "Finds races in step-level models of concurrent kernel and hypervisor code.")
public final class Racetrace implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** {@code racetrace --model-path P <command>}: the same as giving it to the command. */
    @CommandLine.Mixin
    ModelPathOption modelPath;

    /** Standard input, for replay -. */
    private final InputStream in;

    public Racetrace() {
        this(System.in);
    }

    Racetrace(InputStream in) {
        this.in = in;
    }

    InputStream in() {
        return in;
    }

    /**
     * Without a command: the usage, on stderr, and the bad-input code (a script that says nothing is
     * wrong). Without colours: whether stderr is a terminal cannot be told from Java, and a log file
     * must not get escape codes.
     */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr(), CommandLine.Help.Ansi.OFF);
        return ExitCode.BAD_INPUT;
    }

    /** Set when main ends on its own: the shutdown hook then knows it was no signal. */
    private static volatile boolean ended;

    public static void main(String[] args) {
        // Ctrl-C (SIGINT) or SIGTERM: the JVM exits (130 or 143) and runs this hook; the child processes
        // (TLC, GCC) go with it, and what was cut short is said.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!ended) {
                ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
                System.err.println("racetrace: interrupted; the command did not finish and files it was writing "
                        + "(under --out) may be incomplete");
                System.err.flush();
            }
        }, "racetrace-interrupted"));
        int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        ended = true;
        System.exit(code);
    }

    /** The command line as picocli sees it, with racetrace's output streams and error handling. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(System.in, out, err);
    }

    /** The command line reading standard input from {@code in}. */
    public static CommandLine commandLine(InputStream in, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Racetrace(in));
        listEveryExitCode(cl);
        List<Object> commands = new ArrayList<>(List.of(new ListCommand(), new HuntCommand(), new ReplayCommand(),
                new TlcCommand(), new ConformCommand(), new BenchCommand()));
        for (CommandLinePlugin p : Plugins.all()) {
            commands.addAll(p.commands());
        }
        commands.add(new NewModelCommand());
        commands.add(new CommandLine.HelpCommand());
        for (Object c : commands) {
            CommandLine sub = new CommandLine(c);
            if (!(c instanceof CommandLine.HelpCommand)) {
                listEveryExitCode(sub);
            }
            addVariantInputs(sub);
            cl.addSubcommand(sub);
        }
        cl.setOut(out);
        cl.setErr(err);
        // An argument is what it says: "@name" is no file of further arguments.
        cl.setExpandAtFiles(false);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("racetrace: " + oneLine(parameterMessage(ex)) + " (see "
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            return ExitCode.BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, p) -> {
            ModelFailure failure = modelFailure(ex);
            if (failure != null) {
                return ModelFailures.report(failure, err);
            }
            if (codeOf(ex) == ExitCode.INTERNAL && ModelFailures.thrownByUserCode(ex)) {
                // A family of one's own failing outside a run (create, variants, options): its author's.
                return ModelFailures.reportUserCode(ex, err);
            }
            err.println("racetrace: " + oneLine(describe(ex)));
            int code = codeOf(ex);
            if (code == ExitCode.INTERNAL && System.getenv("RACETRACE_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            return code;
        });
        // --model-path (of any command on the line) decides where models come from, before the
        // command looks up any model; run() restores racetrace's own models afterwards.
        cl.setExecutionStrategy(parsed -> {
            ModelPathOption.install(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        return cl;
    }

    /** A command that lists no exit codes of its own gets every code in its --help (ExitCode.all). */
    private static void listEveryExitCode(CommandLine c) {
        CommandLine.Model.UsageMessageSpec usage = c.getCommandSpec().usageMessage();
        if (usage.exitCodeList().isEmpty()) {
            usage.exitCodeListHeading(ExitCode.HEADING).exitCodeList(ExitCode.all());
        }
    }

    /**
     * Adds every plug-in's variant-input option (--layout FILE) to a command that takes an instance:
     * one whose object, or a mixin of it, is a {@link TakesVariantInput}.
     */
    private static void addVariantInputs(CommandLine sub) {
        List<Object> holders = new ArrayList<>(sub.getMixins().values());
        holders.add(sub.getCommand());
        for (Object h : holders) {
            if (h instanceof TakesVariantInput t) {
                int i = 0;
                for (VariantInput in : Plugins.variantInputs()) {
                    sub.addMixin("variantInput" + i++, in);
                    t.variantInputs().add(in);
                }
            }
        }
    }

    /** Runs the command line; bad input gives one line on stderr and exit code 2, never a stack trace. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, System.in, out, err);
    }

    /** As {@link #run(String[], PrintWriter, PrintWriter)}, with standard input from {@code in}. */
    public static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
        int code;
        try {
            code = commandLine(in, out, err).execute(args);
        } catch (OutOfMemoryError e) {
            // Errors pass through picocli. Whatever was found before is printed already (a hunt
            // prints each counterexample as found, before minimising it).
            err.println("racetrace: out of memory (" + oneLine(e.getMessage()) + "): give Java more heap, e.g. "
                    + "RACETRACE_JAVA_OPTS=-Xmx8g, or less work (hunt --states, --swarm); what was found before is "
                    + "printed above");
            if (System.getenv("RACETRACE_DEBUG") != null) {
                e.printStackTrace(err);
            }
            code = ExitCode.INTERNAL;
        } catch (RuntimeException | StackOverflowError e) {
            // picocli handles exceptions of parsing and execution; this is anything else
            err.println("racetrace: internal error: " + oneLine(String.valueOf(e)));
            if (System.getenv("RACETRACE_DEBUG") != null) {
                e.printStackTrace(err);
            }
            code = ExitCode.INTERNAL;
        } finally {
            ModelPathOption.uninstall();
            OutputDirectory.unlockAll();
        }
        out.flush();
        err.flush();
        return code;
    }

    private static String parameterMessage(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u && ex.getCommandLine().getParent() == null
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            return "unknown command '" + u.getUnmatched().get(0) + "'; commands: "
                    + String.join(", ", ex.getCommandLine().getSubcommands().keySet());
        }
        return ex.getMessage();
    }

    /** The model's failure behind an exception (it may come wrapped by a worker thread), or null. */
    static ModelFailure modelFailure(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof ModelFailure f) {
                return f;
            }
        }
        return null;
    }

    static int codeOf(Throwable ex) {
        if (ex instanceof BadInputException) {
            return ExitCode.BAD_INPUT;
        }
        if (ex instanceof TlcFailure || ex instanceof TlaExportException
                || ex instanceof UncheckedIOException || ex instanceof IOException) {
            return ExitCode.TLC_FAILED;
        }
        return ExitCode.INTERNAL;
    }

    private static String describe(Throwable ex) {
        int code = codeOf(ex);
        if (code == ExitCode.INTERNAL) {
            return "internal error: " + ex;
        }
        if (ex instanceof BadInputException && ex.getMessage() != null && ex.getMessage().contains("; known models: ")
                && Models.classLoader() == Racetrace.class.getClassLoader()) {
            // A model of one's own is found only through the model path.
            return ex.getMessage() + " (a model of your own: add --model-path <its target/classes or jar>)";
        }
        if (ex instanceof UncheckedIOException u) {
            return ex.getMessage() + (u.getCause() == null ? "" : " (" + OutputDirectory.reason(u.getCause()) + ")");
        }
        return String.valueOf(ex.getMessage());
    }

    /** Error messages are one line: a multi-line reason (SANY's errors) is joined. */
    public static String oneLine(String s) {
        return s == null ? "" : String.join(" | ", s.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
    }

    /** Commands' text for progress and warnings, on stderr. */
    public static void note(PrintWriter err, String text) {
        err.println("racetrace: " + text);
        err.flush();
    }
}
