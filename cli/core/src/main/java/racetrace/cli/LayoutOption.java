package racetrace.cli;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import racetrace.engine.BadInputException;

/**
 * {@code --layout FILE}: a flags layout read from a file (a {@code .layout} file, or a C
 * declaration compiled with GCC and read from its DWARF) as a variant of the model a command works
 * on. That variant is named {@code <layout name>@<digest of its content>}, and so are the schedule
 * strings made with it: such a string replays when the same layout is given again ({@code replay
 * --layout FILE}, {@code tlc --from ... --layout FILE}); with a file whose content differs it is
 * refused, naming both variants.
 */
public final class LayoutOption {

    @Option(names = "--layout", paramLabel = "FILE",
            description = "a flags layout file (.layout), or a C declaration (.h, .c) compiled with GCC and read from "
                    + "its DWARF: the variant to run, named <layout>@<digest>; its schedule strings replay with the "
                    + "same --layout (default: none, the bundled variants)")
    Path file;

    @Mixin
    CDeclarationOptions c;

    boolean given() {
        return file != null;
    }

    /** Checks what can be checked without reading the file: --struct and --arch need a C file. */
    void validate() {
        c.validate(file, "--layout");
    }

    /** Reads the file and makes it a variant of {@code model}; returns the variant's name. */
    String register(String model) {
        validate();
        return LayoutInput.register(file, model, c.struct, c.arch());
    }

    /**
     * Registers the layout for the model a schedule string (or a file holding one) names, before
     * that string is decoded, and refuses a layout that is not the one the string was made with.
     *
     * @param text a schedule string, or the text of a file holding one (TLC trace, JSON)
     * @param name how messages call that input
     */
    void registerFor(String text, String name) {
        validate();
        String[] named = named(text);
        if (named == null) {
            return; // not a string or file that names an instance: decoding says what it is instead
        }
        if (file == null) {
            // In a command of its own, a flags variant <name>@<digest> exists only once --layout read its file.
            if (named[1].contains("@") && isFlagsModel(named[0])) {
                throw new BadInputException(name + " names variant " + named[1] + " of " + named[0] + ", a layout "
                        + "read from a file (<layout>@<digest>): give that file again with --layout FILE");
            }
            return;
        }
        String variant = register(named[0]);
        String wanted = named[1];
        if (!variant.equals(wanted)) {
            throw new BadInputException(name + " was made with variant " + wanted + ", but --layout " + file
                    + " is variant " + variant + (wanted.contains("@")
                            ? ": the layout differs from the one the string was made with; give that file"
                                    + (CDeclarationOptions.isC(file) ? " (with the same --struct and --arch)" : "")
                            : ": drop --layout (the string names a bundled variant)"));
        }
    }

    private static boolean isFlagsModel(String model) {
        try {
            racetrace.flags.Layouts.bundledVariants(model);
            return true;
        } catch (BadInputException e) {
            return false;
        }
    }

    /** {@code --layout FILE [--struct S] [--arch A]}, each with a leading space, or "" without a layout. */
    String asArguments() {
        return file == null ? "" : " --layout " + shellWord(file.toString()) + c.asArguments();
    }

    /**
     * Copies the layout file into {@code dir} (a report's directory) and returns the arguments
     * that name it there, relative to that directory; "" without a layout.
     *
     * @throws java.io.UncheckedIOException when the copy cannot be written
     */
    String copyInto(Path dir) {
        if (file == null) {
            return "";
        }
        Path copy = dir.resolve(file.getFileName());
        try {
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot copy " + file + " to " + dir, e);
        }
        return " --layout " + shellWord(file.getFileName().toString()) + c.asArguments();
    }

    /** A path as one shell word: as it is when the shell leaves it alone, else in single quotes. */
    static String shellWord(String s) {
        return s.matches("[A-Za-z0-9_./+@=,:-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    /** Model and variant the first schedule string of a text names, else its JSON keys; null when neither. */
    static String[] named(String text) {
        String s = racetrace.search.ScheduleString.looksLikeOne(text) ? racetrace.search.ScheduleString.clean(text)
                : text;
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
