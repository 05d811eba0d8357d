package racetrace.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import racetrace.engine.BadInputException;
import racetrace.engine.Config;
import racetrace.engine.Instance;
import racetrace.engine.Model;
import racetrace.engine.ModelFamily;
import racetrace.engine.Models;
import racetrace.engine.Op;
import racetrace.engine.Param;
import racetrace.engine.Scenario;
import racetrace.engine.Schedule;
import racetrace.engine.ThreadScript;

/**
 * The copy-pasteable text form of a {@link Case}: eight ':'-separated fields, using only
 * characters a shell leaves alone.
 *
 * <p>A shrunk case carries the invariant it is about as a ninth field, {@code only=<name>}: the
 * replay checks that invariant alone, as the shrinker did.
 *
 * <pre>
 * rt1:vfio-pci:pre-a:granularity=byte:2.9c1e44a0:-:cpu/cfgCommand.1+cfgReadBar,cpu/lowPowerEntry:0110
 *  |   |        |     |                 |         |  |                                           |
 *  |   model    |     options or -      |         |  threads: actor/op.arg.arg+op,...           choices, base 36
 *  format 1     variant                 |         config k=v,... or -
 *                                       model version . hash of model, variant, options, version
 * </pre>
 */
public final class ScheduleString {

    public static final String PREFIX = "rt1";
    private static final int FIELDS = 8;
    private static final String DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";

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
        StringBuilder choices = new StringBuilder();
        for (int i = 0; i < c.schedule().length(); i++) {
            int ch = c.schedule().choice(i);
            if (ch >= DIGITS.length()) {
                throw new IllegalArgumentException("schedule choice " + ch + " needs more than 36 threads");
            }
            choices.append(DIGITS.charAt(ch));
        }
        String text = String.join(":", PREFIX, id.model(), id.variant(), options,
                m.version() + "." + hash(m), cfg, threads, choices.length() == 0 ? "-" : choices);
        return c.focus() == null ? text : text + ":only=" + c.focus();
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
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(sig.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a schedule string, resolving its model instance; bad strings get a message naming the problem. */
    public static Case decode(String text) {
        String s = text.strip();
        if (!s.startsWith("rt")) {
            throw new BadInputException("'" + abbreviate(s) + "' is not a racetrace schedule string: one starts with '"
                    + PREFIX + ":'");
        }
        String[] f = s.split(":", -1);
        if (!f[0].equals(PREFIX)) {
            throw new BadInputException("schedule string has format '" + f[0] + "'; this racetrace reads '" + PREFIX
                    + "' (was it made by another racetrace version?)");
        }
        if (f.length != FIELDS && f.length != FIELDS + 1) {
            throw new BadInputException("malformed schedule string: expected " + FIELDS
                    + " ':'-separated fields (rt1:model:variant:options:version.hash:config:threads:choices), found "
                    + f.length);
        }
        String focus = null;
        if (f.length == FIELDS + 1) {
            if (!f[FIELDS].startsWith("only=") || f[FIELDS].length() == 5) {
                throw new BadInputException("malformed schedule string: the optional ninth field should be only=<invariant>, not '"
                        + f[FIELDS] + "'");
            }
            focus = f[FIELDS].substring(5);
        }
        ModelFamily family = Models.family(f[1]);
        Map<String, String> options = pairs(f[3], "options");
        Map<String, String> resolved = Models.resolveOptions(family, f[2], options);
        Model<?> model = family.create(f[2], resolved);
        String stamp = f[4];
        int dot = stamp.indexOf('.');
        if (dot < 0) {
            throw new BadInputException("malformed schedule string: field 5 '" + stamp
                    + "' should be <model version>.<hash>");
        }
        String here = model.version() + "." + hash(model);
        if (!stamp.equals(here)) {
            String version = stamp.substring(0, dot);
            String why = version.equals(String.valueOf(model.version()))
                    ? "its hash " + stamp.substring(dot + 1) + " does not match (the string was edited, or the model's bounds changed)"
                    : "it was made for model version " + version + ", this racetrace has version " + model.version();
            throw new BadInputException("schedule string was made for " + model.instance() + " " + stamp
                    + " but this racetrace's " + model.instance() + " is " + here + ": " + why
                    + "; re-run the hunt to get a current string");
        }
        Map<String, Integer> cfg = new LinkedHashMap<>();
        pairs(f[5], "config").forEach((k, v) -> {
            try {
                cfg.put(k, Integer.parseInt(v));
            } catch (NumberFormatException e) {
                throw new BadInputException("malformed schedule string: config value " + k + "=" + v + " is not an integer");
            }
        });
        List<ThreadScript> threads = new ArrayList<>();
        if (!f[6].equals("-")) {
            for (String t : f[6].split(",", -1)) {
                threads.add(parseThread(t));
            }
        }
        int[] choices = new int[f[7].equals("-") ? 0 : f[7].length()];
        for (int i = 0; i < choices.length; i++) {
            int d = DIGITS.indexOf(f[7].charAt(i));
            if (d < 0) {
                throw new BadInputException("malformed schedule string: choice '" + f[7].charAt(i)
                        + "' at position " + (i + 1) + " is not a base-36 digit (0-9, a-z)");
            }
            choices[i] = d;
        }
        Scenario scenario = new Scenario(new Config(cfg), threads);
        model.space().validate(scenario);
        if (focus != null) {
            String name = focus;
            if (model.invariants().stream().noneMatch(i -> i.name().equals(name))) {
                throw new BadInputException("schedule string names invariant '" + focus + "', which "
                        + model.instance() + " does not have; it has "
                        + model.invariants().stream().map(racetrace.engine.Invariant::name).toList());
            }
        }
        return new Case(model, scenario, Schedule.of(choices), focus);
    }

    /** One thread in schedule-string form: {@code actor/op.arg+op}. */
    public static ThreadScript parseThread(String t) {
        int slash = t.indexOf('/');
        if (slash <= 0) {
            throw new BadInputException("malformed thread '" + t + "': it should be actor/op+op... (e.g. xen-cpu/send.1+unmask.1)");
        }
        List<Op> ops = new ArrayList<>();
        String body = t.substring(slash + 1);
        if (!body.isEmpty()) {
            for (String o : body.split("\\+", -1)) {
                ops.add(parseOp(o));
            }
        }
        return new ThreadScript(t.substring(0, slash), ops);
    }

    private static Op parseOp(String o) {
        String[] parts = o.split("\\.", -1);
        if (parts[0].isEmpty()) {
            throw new BadInputException("malformed schedule string: empty op name in '" + o + "'");
        }
        List<Integer> args = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            try {
                args.add(Integer.parseInt(parts[i]));
            } catch (NumberFormatException e) {
                throw new BadInputException("malformed schedule string: op '" + o + "' has a non-integer argument '"
                        + parts[i] + "'");
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
                throw new BadInputException("malformed schedule string: " + what + " entry '" + kv + "' should be name=value");
            }
            out.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
