package racetrace.tlc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import racetrace.engine.BadInputException;
import racetrace.engine.Execution;
import racetrace.engine.FocusedModel;
import racetrace.engine.Model;
import racetrace.engine.Outcome;
import racetrace.search.Case;
import racetrace.search.ScheduleString;
import racetrace.tla.CounterexampleImporter;
import racetrace.tla.ImportedTrace;
import racetrace.tla.TlaExportException;
import racetrace.tla.TlaValueParser;
import racetrace.tla.TlcOutputParser;
import racetrace.tla.TlcResult;
import racetrace.tla.TlcVerdict;
import racetrace.tla.TraceImportException;

/**
 * A TLC counterexample as a file: one header line naming the instance and scenario (a schedule
 * string without choices) and a digest of the rest, then TLC's own {@code -tool} output. {@code
 * racetrace replay <file>} imports it back into Java.
 *
 * <p>The digest covers the header's schedule string and TLC's output, so that an edited or cut-off
 * file is a refusal (bad input, exit 2: "this file was edited") and never taken for a finding; only
 * an intact file whose trace the Java model does not take is a disagreement between model and spec
 * (exit 1). The replay also checks that the imported Java run violates TLC's invariant after
 * TLC's last step.
 */
public final class TlcTraceFile {

    public static final String MAGIC = "# racetrace-tlc-trace ";
    public static final String FORMAT = "3";
    /** The first line of a file written by this racetrace, up to the schedule string. */
    public static final String HEADER = MAGIC + FORMAT + " ";

    private static final Pattern STATE_START = Pattern.compile("^@!@!@STARTMSG (2217|2218):\\d+ @!@!@$");
    private static final Pattern MSG_END = Pattern.compile("^@!@!@ENDMSG \\d+ @!@!@$");

    private TlcTraceFile() {
    }

    public static void write(Path file, Case scenario, String tlcOutput) {
        try {
            Files.writeString(file, text(scenario, tlcOutput), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The content of a trace file for a scenario and TLC's output. */
    public static String text(Case scenario, String tlcOutput) {
        String body = normalise(tlcOutput);
        String string = ScheduleString.encode(scenario.unfocused());
        return HEADER + string + " sha256=" + digest(string, body) + "\n" + body;
    }

    public static boolean looksLikeOne(String text) {
        return text.startsWith(MAGIC);
    }

    /** Reads a trace file and imports its counterexample into a Java case focused on TLC's invariant. */
    public static Case read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage());
        }
        return read(file.toString(), text);
    }

    /**
     * Reads the text of a trace file.
     *
     * @param name the file's name, for messages
     * @throws BadInputException naming the file (and line) when the text is no intact trace file
     * @throws TraceRejectedException when the intact file's trace does not replay in Java (model
     *     and spec disagree)
     */
    public static Case read(String name, String text) {
        if (!looksLikeOne(text)) {
            throw new BadInputException(name + " is not a racetrace TLC trace file: its first line should start with '"
                    + MAGIC.strip() + "' (racetrace tlc writes them as tlc-trace.txt)");
        }
        int nl = text.indexOf('\n');
        String header = nl < 0 ? text : text.substring(0, nl);
        String[] words = header.substring(MAGIC.length()).strip().split(" +");
        if (!words[0].equals(FORMAT)) {
            throw new BadInputException(name + " line 1: this is a format-" + abbreviate(words[0]) + " TLC trace file; "
                    + "this racetrace reads format " + FORMAT + ", whose check covers line 1 and TLC's output against "
                    + "cuts and edits: re-run the racetrace tlc command that wrote it");
        }
        if (words.length != 3 || !words[2].matches("sha256=[0-9a-f]{16}")) {
            throw new BadInputException(name + " line 1 should be '" + HEADER + "<schedule string> sha256=<16 hex "
                    + "digits>'; it is cut short or edited: re-run the racetrace tlc command that wrote the file");
        }
        String body = nl < 0 ? "" : normalise(text.substring(nl + 1));
        if (!digest(words[1], body).equals(words[2].substring(7))) {
            throw new BadInputException(name + (body.contains("@!@!@STARTMSG 2186:")
                    ? " was edited after racetrace tlc wrote it (line 1 or TLC's output): its content no longer matches "
                            + "the sha256 on line 1, so what it holds is no finding"
                    : " is cut short: TLC's output ends at line " + (body.split("\n", -1).length)
                            + " before TLC's 'Finished' message, and no longer matches the sha256 on line 1")
                    + "; re-run the racetrace tlc command that wrote it");
        }
        Case scenario;
        try {
            scenario = ScheduleString.decode(words[1]);
        } catch (BadInputException e) {
            throw new BadInputException(name + " line 1: " + e.getMessage());
        }
        checkStates(name, body);
        TlcResult r;
        try {
            r = TlcOutputParser.parse(body, List.of(), 0, Duration.ZERO, false, Duration.ZERO);
        } catch (RuntimeException e) {
            throw new BadInputException(name + ": TLC's output in it cannot be read: " + e.getMessage());
        }
        if (r.trace().isEmpty() || r.violatedInvariant() == null) {
            throw new BadInputException(name + " holds no TLC counterexample (TLC's verdict: "
                    + r.verdict().name().toLowerCase().replace('_', ' ') + "); replay reads the trace files racetrace tlc "
                    + "writes when TLC finds an invariant violated");
        }
        try {
            return imported(name, scenario, r);
        } catch (BadInputException e) {
            throw new BadInputException(name + ": " + e.getMessage());
        }
    }

    /** Reads every state TLC printed, so that an unreadable one is named by its line. */
    private static void checkStates(String name, String body) {
        String[] lines = body.split("\n", -1);
        Set<String> variables = null;
        for (int i = 0; i < lines.length; i++) {
            if (STATE_START.matcher(lines[i]).matches()) {
                int first = i + 2;
                StringBuilder vars = new StringBuilder();
                int j = i + 2;
                for (; j < lines.length && !MSG_END.matcher(lines[j]).matches(); j++) {
                    vars.append(lines[j]).append('\n');
                }
                Set<String> names;
                try {
                    names = TlaValueParser.parseState(vars.toString()).keySet();
                } catch (RuntimeException e) {
                    throw new BadInputException(name + " line " + (first + 1) + ": the state TLC printed there cannot "
                            + "be read: " + e.getMessage());
                }
                if (variables == null) {
                    variables = names;
                } else if (!variables.equals(names)) {
                    throw new BadInputException(name + " line " + (first + 1) + ": the state TLC printed there has the "
                            + "variables " + names + ", the first state " + variables + ": the file is cut short or "
                            + "edited; re-run the racetrace tlc command that wrote it");
                }
                i = j;
            }
        }
    }

    /** TLC's error trace as a Java case: the schedule that reproduces every TLC state. */
    public static Case imported(Case scenario, TlcResult r) {
        return imported("TLC's output", scenario, r);
    }

    private static Case imported(String name, Case scenario, TlcResult r) {
        Model<?> m = scenario.model();
        Model<?> focused = r.violatedInvariant() == null ? m : FocusedModel.of(m, r.violatedInvariant());
        ImportedTrace<?> t;
        try {
            t = CounterexampleImporter.replay(focused, scenario.scenario(), r);
        } catch (TraceImportException e) {
            throw new TraceRejectedException(name + ": TLC's counterexample does not replay in Java at TLC state "
                    + e.step() + ": " + e.getMessage() + " (the Java model and its TLA+ spec disagree)");
        } catch (IllegalArgumentException e) {
            throw new TraceRejectedException(name + ": TLC's counterexample does not replay in Java: " + e.getMessage());
        }
        Case c = new Case(m, scenario.scenario(), t.schedule(), r.violatedInvariant());
        if (r.verdict() == TlcVerdict.INVARIANT_VIOLATED) {
            Execution<?> ex = c.run();
            int steps = r.trace().size() - 1;
            if (!(ex.outcome() instanceof Outcome.Violated v) || !v.invariant().equals(r.violatedInvariant())
                    || v.steps() != steps) {
                throw new TraceRejectedException(name + ": TLC reports " + r.violatedInvariant() + " violated after step "
                        + steps + ", but the Java run of the same steps ends " + describe(ex.outcome())
                        + " (the Java model and its TLA+ spec disagree)");
            }
        }
        return c;
    }

    private static String describe(Outcome o) {
        return o instanceof Outcome.Violated v ? "with " + v.invariant() + " violated after step " + v.steps()
                : o.getClass().getSimpleName().toLowerCase() + " after step " + o.steps();
    }

    /** Line ends as LF: a file that went through a CRLF editor or mailer is still the same file. */
    private static String normalise(String s) {
        return s.replace("\r\n", "\n");
    }

    /** The check of line 1: the schedule string and TLC's output together, so that neither can be swapped alone. */
    static String digest(String string, String body) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((string + "\n" + body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String s) {
        String shown = s.replaceAll("[^\\x20-\\x7e]", "?");
        return shown.length() <= 20 ? shown : shown.substring(0, 17) + "...";
    }

    /** The file is intact, and its trace is not one the Java model takes: a finding, exit code 1. */
    public static final class TraceRejectedException extends RuntimeException {
        public TraceRejectedException(String message) {
            super(message);
        }
    }
}
