package racetrace.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import racetrace.cli.plugin.VariantInput;
import racetrace.engine.BadInputException;
import racetrace.search.ScheduleString;

/**
 * The variant-input options the plug-ins added to one command ({@code --layout FILE} of the flags
 * families): at most one of them given, and what each needs to replay what it made.
 */
public final class VariantInputs {

    private final List<VariantInput> inputs = new ArrayList<>();

    void add(VariantInput in) {
        inputs.add(in);
    }

    /** The one option given, or null; two given are refused. */
    public VariantInput given() {
        List<VariantInput> given = inputs.stream().filter(VariantInput::given).toList();
        if (given.size() > 1) {
            throw new BadInputException("give one of " + given.stream().map(VariantInput::usage).toList()
                    + ", not several: each makes a variant of its own");
        }
        return given.isEmpty() ? null : given.get(0);
    }

    /** Checks every option's arguments, without reading any input. */
    public void validate() {
        inputs.forEach(VariantInput::validate);
        given();
    }

    /** How the options are typed, for messages ("--layout FILE"); "" when no plug-in adds one. */
    public String usage() {
        return String.join(" or ", inputs.stream().map(VariantInput::usage).toList());
    }

    /**
     * Before a schedule string, or a file holding one, is decoded: lets every option make the
     * variant it names available, or refuse.
     *
     * @param text a schedule string, or the text of a file holding one (TLC trace, JSON)
     * @param name how messages call that input
     */
    public void prepareFor(String text, String name) {
        validate();
        String[] named = named(text);
        if (named == null) {
            return; // not a string or file that names an instance: decoding says what it is instead
        }
        for (VariantInput in : inputs) {
            in.prepareFor(named[0], named[1], name);
        }
    }

    /** What a printed replay command needs besides the string, with a leading space; "" when none given. */
    public String asArguments() {
        VariantInput in = given();
        return in == null ? "" : in.asArguments();
    }

    /** Copies the given input next to a report; the arguments that name the copy there, or "". */
    public String copyInto(Path dir) {
        VariantInput in = given();
        return in == null ? "" : in.copyInto(dir);
    }

    /** Model and variant the first schedule string of a text names, else its JSON keys; null when neither. */
    static String[] named(String text) {
        String s = ScheduleString.looksLikeOne(text) ? ScheduleString.clean(text) : text;
        Matcher m = SCHEDULE.matcher(s);
        if (m.find()) {
            return new String[] {m.group(1), m.group(2)};
        }
        Matcher model = JSON_MODEL.matcher(text);
        Matcher variant = JSON_VARIANT.matcher(text);
        return model.find() && variant.find() ? new String[] {model.group(1), variant.group(1)} : null;
    }

    private static final Pattern SCHEDULE = Pattern.compile(
            "(?<![A-Za-z0-9])rt[0-9]+:([A-Za-z0-9_.-]+):([A-Za-z0-9_.+@-]+)(?::|$)");
    private static final Pattern JSON_MODEL = Pattern.compile("\"model\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern JSON_VARIANT = Pattern.compile("\"variant\"\\s*:\\s*\"([^\"]+)\"");
}
