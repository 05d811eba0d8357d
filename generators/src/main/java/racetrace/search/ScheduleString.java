package racetrace.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import racetrace.engine.BadInputException;
import racetrace.engine.Config;
import racetrace.engine.Instance;
import racetrace.engine.Invariant;
import racetrace.engine.Model;
import racetrace.engine.ModelFamily;
import racetrace.engine.Models;
import racetrace.engine.Op;
import racetrace.engine.Param;
import racetrace.engine.Scenario;
import racetrace.engine.Schedule;
import racetrace.engine.ThreadScript;

/**
 * The copy-pasteable text form of a {@link Case}: ten ':'-separated fields, using only characters
 * a shell leaves alone.
 *
 * <pre>
 * rt2:vfio-pci:pre-a:granularity=byte:1.9c1e44a0:phase=0:user/cfgCmd.1,user/cfgBar:0110:only=NoLostUpdate:k3f9a1c2.x7p0b2m
 *  |   |        |     |                |          |       |                          |    |                 |
 *  |   model    |     options or -     |          |       threads: actor/op.arg+op,  |    only=<invariant>  check
 *  format 2     variant                |          config k=v,... or -                |    or -
 *                                      model version . hash of model, variant,       choices, base 36
 *                                      options, version and bounds
 * </pre>
 *
 * <p>The last field guards the string against edits and cuts (a mail client wrapping the line):
 * one base-36 character per field, so a refusal can name the field that changed, then seven
 * characters over the whole string. Whitespace inside a pasted string is ignored. Format-1 strings
 * ({@code rt1:}) had no such check: a cut-off one replayed another run, so they are refused with
 * the command that prints a current one.
 */
public final class ScheduleString {

    public static final String PREFIX = "rt2";
    private static final String OLD_PREFIX = "rt1";
    private static final int FIELDS = 10;
    private static final String[] FIELD_NAMES = {"format", "model", "variant", "options", "model version and hash",
        "config", "threads", "choices", "only", "check"};
    private static final int CHECKED = FIELDS - 2;
    private static final int OVERALL = 7;
    private static final String DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final Pattern SHAPE = Pattern.compile("rt[0-9]+:");
    private static final Pattern CHECK = Pattern.compile(
            "[0-9a-z]{" + CHECKED + "}\\.[0-9a-z]{" + OVERALL + "}");

    private ScheduleString() {
    }

    public static String encode(Case c) {
        Model<?> m = c.model();
        Instance id = m.instance();
        String options = id.options().isEmpty() ? "-" : id.options().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
        Config config = c.scenario().config();
        String cfg = config.values().isEmpty() ? "-" : config.values().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
        String threads = c.scenario().threads().isEmpty() ? "-" : c.scenario().threads().stream()
                .map(t -> t.actor() + "/" + t.ops().stream().map(ScheduleString::op)
                        .collect(Collectors.joining("+")))
                .collect(Collectors.joining(","));
        int n = c.scenario().threadCount();
        int width = digitsPerChoice(n);
        StringBuilder choices = new StringBuilder();
        // The engine takes a choice modulo the thread count: writing it so is the same run, and
        // lets decode refuse any choice that names a thread the scenario does not have.
        for (int i = 0; n > 0 && i < c.schedule().length(); i++) {
            int ch = c.schedule().choice(i) % n;
            if (width == 2) {
                choices.append(DIGITS.charAt(ch / DIGITS.length()));
            }
            choices.append(DIGITS.charAt(ch % DIGITS.length()));
        }
        String[] f = {PREFIX, id.model(), id.variant(), options, m.version() + "." + hash(m), cfg, threads,
            choices.length() == 0 ? "-" : choices.toString(), c.focus() == null ? "-" : "only=" + c.focus()};
        return String.join(":", f) + ":" + check(f);
    }

    private static String op(Op op) {
        StringBuilder b = new StringBuilder(op.name());
        for (int a : op.args()) {
            b.append('.').append(a);
        }
        return b.toString();
    }

    /** Eight hex digits binding a string to model, variant, options and model version. */
    public static String hash(Model<?> m) {
        Instance id = m.instance();
        StringBuilder sig = new StringBuilder();
        sig.append(id.model()).append('|').append(id.variant()).append('|').append(id.options())
                .append('|').append(m.version()).append('|');
        for (Param p : m.space().params()) {
            sig.append(p.name()).append(p.min()).append(p.max()).append(';');
        }
        return HexFormat.of().formatHex(sha256(sig.toString()), 0, 4);
    }

    /** The check field of the first nine fields: one character per checked field, a dot, seven over all. */
    private static String check(String[] f) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= CHECKED; i++) {
            b.append(fieldDigit(i, f[i]));
        }
        b.append('.');
        byte[] all = sha256(String.join(":", Arrays.copyOf(f, FIELDS - 1)));
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (all[i] & 0xff);
        }
        v >>>= 1;
        for (int i = 0; i < OVERALL; i++) {
            b.append(DIGITS.charAt((int) (v % 36)));
            v /= 36;
        }
        return b.toString();
    }

    private static char fieldDigit(int index, String field) {
        byte[] d = sha256(index + "=" + field);
        return DIGITS.charAt(((d[0] & 0xff) << 8 | (d[1] & 0xff)) % 36);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The first nine fields of a string with a freshly computed check field. The check guards
     * against accidents (cuts, edits), not against intent: only tests write strings by hand, so
     * this is package-private (cli/app's tests reach it through their {@code racetrace.search.Resealed}).
     */
    static String reseal(String nineFields) {
        String[] f = Arrays.copyOf(clean(nineFields).split(":", -1), FIELDS);
        for (int i = 0; i < FIELDS - 1; i++) {
            if (f[i] == null) {
                throw new IllegalArgumentException("reseal needs " + (FIELDS - 1) + " fields: " + nineFields);
            }
        }
        return String.join(":", Arrays.copyOf(f, FIELDS - 1)) + ":" + check(f);
    }

    /** The text with whitespace (line breaks of a wrapped mail, indentation) and enclosing quotes removed. */
    public static String clean(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\u200B' && c != '\uFEFF') {
                b.append(c);
            }
        }
        String s = b.toString();
        if (s.length() >= 2 && (s.charAt(0) == '\'' || s.charAt(0) == '"' || s.charAt(0) == '`')
                && s.charAt(s.length() - 1) == s.charAt(0)) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** Whether the text (whitespace ignored) has the shape of a schedule string of any format: {@code rt<digits>:}. */
    public static boolean looksLikeOne(String text) {
        return SHAPE.matcher(clean(text)).lookingAt();
    }

    /** Parses a schedule string, resolving its model instance; bad strings get a message naming the problem. */
    public static Case decode(String text) {
        String s = clean(text);
        if (!s.startsWith("rt")) {
            throw new BadInputException("'" + abbreviate(s) + "' is not a racetrace schedule string: one starts with '"
                    + PREFIX + ":' and is printed by racetrace hunt or racetrace tlc");
        }
        String[] f = s.split(":", -1);
        if (f[0].equals(OLD_PREFIX)) {
            return formatOne(s, f);
        }
        if (!f[0].equals(PREFIX)) {
            throw new BadInputException("schedule string has format '" + abbreviate(f[0]) + "'; this racetrace reads '"
                    + PREFIX + "' (was it made by another racetrace version?)");
        }
        if (f.length < FIELDS) {
            String last = FIELD_NAMES[f.length - 1];
            throw new BadInputException("schedule string is cut short: it has " + f.length + " of " + FIELDS
                    + " ':'-separated fields and ends in the " + last + " field ('" + abbreviate(f[f.length - 1])
                    + "'); copy the whole string, up to its check field (e.g. ':k3f9a1c2.x7p0b2m')");
        }
        if (f.length > FIELDS) {
            throw new BadInputException("malformed schedule string: it has " + f.length + " ':'-separated fields, a "
                    + PREFIX + " string has " + FIELDS + " (" + String.join(":", FIELD_NAMES) + ")");
        }
        verify(f);
        return fromFields(f);
    }

    /**
     * A format-1 string has no check, so a cut-off one would replay another run. It is read only
     * when it proves itself: a shrunk counterexample ({@code only=<invariant>}) whose run violates
     * that invariant. Anything else is refused with the command that prints a current string.
     */
    private static Case formatOne(String s, String[] f) {
        String refusal = "'" + abbreviate(s) + "' is a format-1 schedule string, which has no check against cuts and "
                + "edits; this racetrace replays one only when it ends in the violation its only= field names. Get a "
                + "current (rt2) string by re-running " + rerun(f);
        if (f.length != FIELDS - 1 || !f[FIELDS - 2].startsWith("only=")) {
            throw new BadInputException(refusal);
        }
        String[] g = Arrays.copyOf(f, FIELDS);
        g[0] = PREFIX;
        Case c = fromFields(g);
        String broken = c.run().outcome().invariantOrNull();
        if (!c.focus().equals(broken)) {
            throw new BadInputException(refusal);
        }
        return c;
    }

    private static Case fromFields(String[] f) {
        String focus = null;
        if (!f[8].equals("-")) {
            if (!f[8].startsWith("only=") || f[8].length() == 5) {
                throw new BadInputException("malformed schedule string: the only field should be only=<invariant> "
                        + "or -, not '" + abbreviate(f[8]) + "'");
            }
            focus = f[8].substring(5);
        }
        ModelFamily family = Models.family(f[1]);
        Map<String, String> options = pairs(f[3], "options");
        Map<String, String> resolved = Models.resolveOptions(family, f[2], options);
        Model<?> model = family.create(f[2], resolved);
        String stamp = f[4];
        int dot = stamp.indexOf('.');
        if (dot < 0) {
            throw new BadInputException("malformed schedule string: the model version field '" + abbreviate(stamp)
                    + "' should be <model version>.<hash>");
        }
        String here = model.version() + "." + hash(model);
        if (!stamp.equals(here)) {
            String version = stamp.substring(0, dot);
            String why = version.equals(String.valueOf(model.version()))
                    ? "its hash " + stamp.substring(dot + 1) + " does not match (the model's bounds changed)"
                    : "it was made for model version " + version + ", this racetrace has version " + model.version();
            throw new BadInputException("schedule string was made for " + model.instance() + " " + stamp
                    + " but this racetrace's " + model.instance() + " is " + here + ": " + why
                    + "; get a current string by re-running " + rerun(f));
        }
        Map<String, Integer> cfg = new LinkedHashMap<>();
        pairs(f[5], "config").forEach((k, v) -> {
            try {
                cfg.put(k, Integer.parseInt(v));
            } catch (NumberFormatException e) {
                throw new BadInputException("malformed schedule string: config value " + k + "=" + abbreviate(v)
                        + " is not an integer");
            }
        });
        List<ThreadScript> threads = new ArrayList<>();
        if (!f[6].equals("-")) {
            for (String t : f[6].split(",", -1)) {
                threads.add(parseThread(t));
            }
        }
        int n = threads.size();
        int width = digitsPerChoice(n);
        int length = f[7].equals("-") ? 0 : f[7].length();
        if (length % width != 0) {
            throw new BadInputException("malformed schedule string: a scenario of " + n + " threads writes each choice "
                    + "as " + width + " base-36 digits, and the choices field has " + length);
        }
        int[] choices = new int[length / width];
        for (int i = 0; i < choices.length; i++) {
            int d = 0;
            for (int k = 0; k < width; k++) {
                int digit = DIGITS.indexOf(f[7].charAt(i * width + k));
                if (digit < 0) {
                    throw new BadInputException("malformed schedule string: choice '" + f[7].charAt(i * width + k)
                            + "' at position " + (i * width + k + 1) + " is not a base-36 digit (0-9, a-z)");
                }
                d = d * DIGITS.length() + digit;
            }
            if (d >= n) {
                String text = f[7].substring(i * width, i * width + width);
                throw new BadInputException("schedule string's choice '" + text + "' at position " + (i * width + 1)
                        + " names thread " + (d + 1) + ", but the scenario has " + n + " thread" + (n == 1 ? "" : "s")
                        + (n == 0 ? "" : " (choices " + choiceText(0, width) + ".." + choiceText(n - 1, width) + ")"));
            }
            choices[i] = d;
        }
        Scenario scenario = new Scenario(new Config(cfg), threads);
        model.space().validate(scenario);
        if (focus != null) {
            String name = focus;
            if (focus.equals(Deadlocks.NAME)) {
                // A deadlock found by the hunt: the same check, added to the model again.
                model = Deadlocks.checked(model);
            }
            if (model.invariants().stream().noneMatch(i -> i.name().equals(name))) {
                throw new BadInputException("schedule string names invariant '" + abbreviate(focus) + "', which "
                        + model.instance() + " does not have; it has "
                        + model.invariants().stream().map(Invariant::name).toList());
            }
        }
        return new Case(model, scenario, Schedule.of(choices), focus);
    }

    /**
     * Digits per choice: one for up to 36 threads (every string racetrace printed before), two
     * for more (up to 1296), so that a choice is a fixed-width base-36 number.
     */
    private static int digitsPerChoice(int threads) {
        if (threads > DIGITS.length() * DIGITS.length()) {
            throw new BadInputException("a scenario of " + threads + " threads has no schedule string; the most is "
                    + DIGITS.length() * DIGITS.length());
        }
        return threads > DIGITS.length() ? 2 : 1;
    }

    private static String choiceText(int choice, int width) {
        return width == 1 ? String.valueOf(DIGITS.charAt(choice))
                : "" + DIGITS.charAt(choice / DIGITS.length()) + DIGITS.charAt(choice % DIGITS.length());
    }

    /** Refuses a string whose fields do not match its check field, naming the fields that changed. */
    private static void verify(String[] f) {
        String given = f[FIELDS - 1];
        if (!CHECK.matcher(given).matches()) {
            throw new BadInputException("schedule string's check field '" + abbreviate(given) + "' is malformed: it "
                    + "should be " + CHECKED + " characters, a dot and " + OVERALL + " more (0-9, a-z); was the string "
                    + "cut short or edited? Copy the whole string again");
        }
        String expected = check(f);
        if (expected.equals(given)) {
            return;
        }
        List<String> changed = new ArrayList<>();
        for (int i = 1; i <= CHECKED; i++) {
            if (given.charAt(i - 1) != expected.charAt(i - 1)) {
                changed.add(FIELD_NAMES[i] + " field ('" + abbreviate(f[i]) + "')");
            }
        }
        throw new BadInputException(changed.isEmpty()
                ? "schedule string does not match its check field '" + given + "': the string was edited or garbled;"
                        + " copy it again from where racetrace printed it"
                : "schedule string's " + String.join(" and ", changed) + (changed.size() == 1 ? " does" : " do")
                        + " not match its check field: the string was edited or garbled; copy it again from where "
                        + "racetrace printed it");
    }

    /** For a format-1 string: the hunt command that prints a current string for its instance. */
    private static String rerun(String[] f) {
        if (f.length < 4 || !f[1].matches("[A-Za-z0-9_-]{1,40}") || !f[2].matches("[A-Za-z0-9_.-]{1,40}")) {
            return "the racetrace hunt that printed it";
        }
        StringBuilder b = new StringBuilder("racetrace hunt ").append(f[1]).append(" --variant ").append(f[2]);
        if (!f[3].equals("-") && f[3].matches("[A-Za-z0-9_=,.-]{1,80}")) {
            for (String kv : f[3].split(",")) {
                b.append(" --option ").append(kv);
            }
        }
        return b.append(" (with the --seed and work bounds that printed it, if they were not the defaults)").toString();
    }

    /** One thread in schedule-string form: {@code actor/op.arg+op}. */
    public static ThreadScript parseThread(String t) {
        int slash = t.indexOf('/');
        if (slash <= 0) {
            throw new BadInputException("malformed thread '" + abbreviate(t)
                    + "': it should be actor/op+op... (e.g. xen-cpu/send.1+unmask.1)");
        }
        List<Op> ops = new ArrayList<>();
        String body = t.substring(slash + 1);
        if (!body.isEmpty()) {
            for (String o : body.split("\\+", -1)) {
                ops.add(parseOp(o, t));
            }
        }
        return new ThreadScript(t.substring(0, slash), ops);
    }

    private static Op parseOp(String o, String thread) {
        String[] parts = o.split("\\.", -1);
        if (parts[0].isEmpty()) {
            throw new BadInputException("malformed thread '" + abbreviate(thread) + "': empty op name in '"
                    + abbreviate(o) + "'");
        }
        List<Integer> args = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            try {
                args.add(Integer.parseInt(parts[i]));
            } catch (NumberFormatException e) {
                throw new BadInputException("malformed thread '" + abbreviate(thread) + "': op '" + abbreviate(o)
                        + "' has a non-integer argument '" + abbreviate(parts[i]) + "'");
            }
        }
        return new Op(parts[0], args);
    }

    private static Map<String, String> pairs(String field, String what) {
        Map<String, String> out = new LinkedHashMap<>();
        if (field.equals("-")) {
            return out;
        }
        for (String kv : field.split(",", -1)) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new BadInputException("malformed schedule string: " + what + " entry '" + abbreviate(kv)
                        + "' should be name=value");
            }
            if (out.put(kv.substring(0, eq), kv.substring(eq + 1)) != null) {
                throw new BadInputException("malformed schedule string: " + what + " entry '" + abbreviate(kv.substring(0, eq))
                        + "' appears twice");
            }
        }
        return out;
    }

    private static String abbreviate(String s) {
        String shown = s.codePoints().allMatch(cp -> cp >= 0x20 && cp < 0x7f) ? s
                : s.codePoints().mapToObj(cp -> cp >= 0x20 && cp < 0x7f ? Character.toString(cp) : "?")
                        .collect(Collectors.joining());
        return shown.length() <= 40 ? shown : shown.substring(0, 37) + "...";
    }
}
