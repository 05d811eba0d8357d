package racetrace.tla;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the output of {@code tlc2.TLC -tool}: messages framed by {@code @!@!@STARTMSG code:severity}
 * and {@code @!@!@ENDMSG code} lines, with SANY's plain text in between. The codes used are those
 * of TLC 2.18 ({@code tlc2.output.EC}).
 */
public final class TlcOutputParser {

    // Message codes of TLC 2.18 (tlc2.output.EC).
    static final int GENERAL = 1000;
    static final int OUT_OF_MEMORY = 1001;
    static final int OUT_OF_MEMORY_TOO_MANY_INIT = 1002;
    static final int OUT_OF_MEMORY_LIVENESS = 1003;
    static final int STACK_OVERFLOW = 1005;
    static final int NESTED_EXPRESSION = 2103;
    static final int INVARIANT_VIOLATED_INITIAL = 2107;
    static final int INVARIANT_VIOLATED_BEHAVIOR = 2110;
    static final int DEADLOCK_REACHED = 2114;
    static final int PARSING_FAILED2 = 2171;
    static final int SUCCESS = 2193;
    static final int SEARCH_DEPTH = 2194;
    static final int STATS = 2199;
    static final int FINISHED = 2186;
    static final int STATE_PRINT2 = 2217;
    static final int STATE_PRINT3 = 2218;
    static final int VERSION = 2262;
    static final int PARSING_FAILED = 3002;

    private static final Pattern START = Pattern.compile("^@!@!@STARTMSG (\\d+):(\\d+) @!@!@$");
    private static final Pattern END = Pattern.compile("^@!@!@ENDMSG (\\d+) @!@!@$");
    private static final Pattern INVARIANT = Pattern.compile("Invariant (\\S+) is violated");
    private static final Pattern STATS_LINE = Pattern.compile(
            "([\\d,]+) states? generated, ([\\d,]+) distinct states? found");
    private static final Pattern DEPTH_LINE = Pattern.compile("search is (\\d+)");
    private static final Pattern FINISHED_LINE = Pattern.compile(
            "Finished in (?:(\\d+)h )?(?:(\\d+)min )?(?:(\\d+)s)?(?:(\\d+)ms)?");
    private static final Pattern STATE_HEAD = Pattern.compile("^(\\d+): (.*)$");

    private TlcOutputParser() {
    }

    /** One framed message. */
    record Message(int code, int severity, String body) {
    }

    static List<Message> messages(String output, List<String> plainOut) {
        List<Message> out = new ArrayList<>();
        Integer code = null;
        int severity = 0;
        StringBuilder body = new StringBuilder();
        for (String line : output.split("\\R", -1)) {
            if (code == null) {
                Matcher m = START.matcher(line);
                if (m.matches()) {
                    code = Integer.parseInt(m.group(1));
                    severity = Integer.parseInt(m.group(2));
                    body.setLength(0);
                } else {
                    plainOut.add(line);
                }
            } else if (END.matcher(line).matches()) {
                out.add(new Message(code, severity, body.toString().strip()));
                code = null;
            } else {
                body.append(line).append('\n');
            }
        }
        if (code != null) {
            out.add(new Message(code, severity, body.toString().strip()));
        }
        return out;
    }

    /**
     * Parses a complete (or cut-off) TLC output.
     *
     * @param timedOut whether the runner stopped TLC at its timeout
     */
    public static TlcResult parse(String output, List<String> command, int exitCode, Duration wallTime,
            boolean timedOut, Duration timeout) {
        List<String> plain = new ArrayList<>();
        List<Message> msgs = messages(output, plain);
        String version = null;
        String invariant = null;
        List<List<TlcState>> traces = new ArrayList<>();
        long generated = -1;
        long distinct = -1;
        int depth = -1;
        long tlcMillis = -1;
        boolean success = false;
        boolean deadlock = false;
        boolean parseFailed = false;
        boolean finished = false;
        String oom = null;
        List<String> errors = new ArrayList<>();
        for (Message m : msgs) {
            switch (m.code()) {
                case VERSION -> version = m.body().lines().findFirst().orElse(null);
                case INVARIANT_VIOLATED_INITIAL -> {
                    invariant = invariantName(m.body());
                    int nl = m.body().indexOf('\n');
                    if (nl > 0) {
                        traces.add(new ArrayList<>(List.of(
                                new TlcState(1, "Init", TlaValueParser.parseState(m.body().substring(nl + 1))))));
                    }
                }
                case INVARIANT_VIOLATED_BEHAVIOR -> invariant = invariantName(m.body());
                case DEADLOCK_REACHED -> deadlock = true;
                case STATE_PRINT2, STATE_PRINT3 -> {
                    TlcState s = state(m.body());
                    if (s != null) {
                        if (traces.isEmpty() || s.number() == 1) {
                            traces.add(new ArrayList<>());
                        }
                        traces.get(traces.size() - 1).add(s);
                    }
                }
                case STATS -> {
                    Matcher s = STATS_LINE.matcher(m.body());
                    if (s.find()) {
                        generated = Long.parseLong(s.group(1).replace(",", ""));
                        distinct = Long.parseLong(s.group(2).replace(",", ""));
                    }
                }
                case SEARCH_DEPTH -> {
                    Matcher d = DEPTH_LINE.matcher(m.body());
                    if (d.find()) {
                        depth = Integer.parseInt(d.group(1));
                    }
                }
                case SUCCESS -> success = true;
                case FINISHED -> {
                    finished = true;
                    tlcMillis = millis(m.body());
                }
                case PARSING_FAILED, PARSING_FAILED2 -> parseFailed = true;
                case OUT_OF_MEMORY, OUT_OF_MEMORY_TOO_MANY_INIT, OUT_OF_MEMORY_LIVENESS -> oom = m.body();
                default -> {
                    if (m.severity() == 1 && m.code() != 2121) {
                        errors.add(m.body());
                    }
                }
            }
        }
        List<TlcState> trace = traces.isEmpty() ? List.of() : traces.get(0);
        if (oom == null && output.contains("java.lang.OutOfMemoryError")) {
            oom = "java.lang.OutOfMemoryError";
        }
        TlcVerdict verdict;
        String message;
        if (timedOut) {
            verdict = TlcVerdict.TIMEOUT;
            message = "TLC did not finish within " + timeout.toMillis() + " ms and was stopped"
                    + (generated >= 0 ? " (" + distinct + " distinct states so far)" : "")
                    + "; give it more time or smaller constants";
        } else if (oom != null) {
            verdict = TlcVerdict.OUT_OF_MEMORY;
            message = "TLC ran out of memory: " + firstLine(oom)
                    + "; give the TLC JVM more heap (-Xmx) or check smaller constants";
        } else if (parseFailed) {
            verdict = TlcVerdict.PARSE_ERROR;
            message = "SANY rejected the modules:\n" + sanyErrors(plain);
        } else if (invariant != null) {
            verdict = TlcVerdict.INVARIANT_VIOLATED;
            message = "invariant " + invariant + " is violated in state " + trace.size() + " of the trace";
        } else if (deadlock) {
            verdict = TlcVerdict.DEADLOCK;
            message = "deadlock reached in state " + trace.size() + " of the trace";
        } else if (!errors.isEmpty()) {
            verdict = TlcVerdict.ERROR;
            message = "TLC reported an error:\n" + String.join("\n", errors);
        } else if (success) {
            verdict = TlcVerdict.OK;
            message = "no error found";
        } else {
            verdict = TlcVerdict.ERROR;
            String tail = lastLines(output, 15);
            message = (finished ? "TLC finished without a verdict" : "TLC exited (code " + exitCode
                    + ") before finishing") + (tail.isBlank() ? "" : "; its last output:\n" + tail);
        }
        return new TlcResult(verdict, message, invariant, trace, List.copyOf(traces), generated, distinct, depth, wallTime, tlcMillis,
                version, command, output, exitCode);
    }

    private static String invariantName(String body) {
        Matcher m = INVARIANT.matcher(body);
        return m.find() ? m.group(1) : "?";
    }

    private static TlcState state(String body) {
        int nl = body.indexOf('\n');
        String head = nl < 0 ? body : body.substring(0, nl);
        Matcher m = STATE_HEAD.matcher(head.strip());
        if (!m.matches()) {
            return null;
        }
        int number = Integer.parseInt(m.group(1));
        String what = m.group(2).strip();
        String action;
        if (what.startsWith("<Initial predicate")) {
            action = "Init";
        } else if (what.startsWith("<")) {
            int end = what.indexOf(' ');
            int gt = what.indexOf('>');
            action = what.substring(1, end > 0 && (gt < 0 || end < gt) ? end : Math.max(gt, 1));
        } else {
            action = what;
        }
        String vars = nl < 0 ? "" : body.substring(nl + 1);
        return new TlcState(number, action, TlaValueParser.parseState(vars));
    }

    private static long millis(String body) {
        Matcher m = FINISHED_LINE.matcher(body);
        if (!m.find() || m.group(0).equals("Finished in ")) {
            return -1;
        }
        long h = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        long min = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
        long s = m.group(3) == null ? 0 : Long.parseLong(m.group(3));
        long ms = m.group(4) == null ? 0 : Long.parseLong(m.group(4));
        return ((h * 60 + min) * 60 + s) * 1000 + ms;
    }

    /** SANY's error text: from its first error marker on, without the module-by-module progress lines. */
    static String sanyErrors(List<String> plain) {
        List<String> keep = new ArrayList<>();
        boolean on = false;
        for (String line : plain) {
            String t = line.strip();
            if (!on && (t.startsWith("***") || t.startsWith("Semantic errors") || t.contains("Parse Error")
                    || t.startsWith("Lexical error") || t.startsWith("Cannot find source file")
                    || t.startsWith("File name"))) {
                on = true;
            }
            if (on && !t.isEmpty() && !t.startsWith("Residual stack trace") && !t.startsWith("tla2sany.")) {
                keep.add(line);
            }
        }
        if (keep.isEmpty()) {
            for (String line : plain) {
                if (!line.isBlank() && !line.startsWith("Parsing file") && !line.startsWith("Semantic processing")) {
                    keep.add(line);
                }
            }
        }
        return String.join("\n", keep);
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse(s);
    }

    private static String lastLines(String s, int n) {
        List<String> lines = s.lines().filter(l -> !l.startsWith("@!@!@")).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }
}
