package racetrace.flags.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import racetrace.cli.Checks;
import racetrace.cli.plugin.VariantInput;
import racetrace.engine.BadInputException;
import racetrace.flags.Layouts;

/**
 * {@code --layout FILE}: a flags layout read from a file (a {@code .layout} file, or a C
 * declaration compiled with GCC and read from its DWARF) as a variant of the model a command works
 * on. That variant is named {@code <layout name>@<digest of its content>}, and so are the schedule
 * strings made with it: such a string replays when the same layout is given again ({@code replay
 * --layout FILE}, {@code tlc --from ... --layout FILE}); with a file whose content differs it is
 * refused, naming both variants.
 */
public final class LayoutOption implements VariantInput {

    @Option(names = "--layout", paramLabel = "FILE",
            description = "a flags layout file (.layout), or a C declaration (.h, .c) compiled with GCC and read from "
                    + "its DWARF: the variant to run, named <layout>@<digest>; its schedule strings replay with the "
                    + "same --layout (default: none, the bundled variants)")
    Path file;

    @Option(names = "--writers", paramLabel = "FILE",
            description = "with --layout: rows for the writers table, in the format racetrace layout <model> --writers "
                    + "prints: the writers of flags the bundled table lacks, each run by the model as an op of its own "
                    + "(w1, w2, ...); the variant's digest covers them (default: none)")
    Path writers;

    @Mixin
    CDeclarationOptions c;

    @Override
    public boolean given() {
        return file != null;
    }

    @Override
    public String usage() {
        return "--layout FILE";
    }

    /** Checks what can be checked without reading the file: --struct and --arch need a C file. */
    @Override
    public void validate() {
        c.validate(file, "--layout");
        if (writers != null && file == null) {
            throw new BadInputException("--writers adds writers to a layout of your own: give it with --layout FILE");
        }
    }

    /** Reads the file and makes it a variant of {@code model}; returns the variant's name. */
    @Override
    public String variantOf(String model) {
        validate();
        return LayoutInput.register(file, model, c.struct, c.arch(), writers);
    }

    @Override
    public void prepareFor(String model, String variant, String name) {
        if (file == null) {
            // In a command of its own, a flags variant <name>@<digest> exists only once --layout read its file.
            if (variant.contains("@") && isFlagsModel(model)) {
                throw new BadInputException(name + " names variant " + variant + " of " + model + ", a layout "
                        + "read from a file (<layout>@<digest>): give that file again with --layout FILE");
            }
            return;
        }
        String made = variantOf(model);
        if (!made.equals(variant)) {
            throw new BadInputException(name + " was made with variant " + variant + ", but --layout " + file
                    + " is variant " + made + (variant.contains("@")
                            ? ": the layout differs from the one the string was made with; give that file"
                                    + (CDeclarationOptions.isC(file) ? " (with the same --struct and --arch)" : "")
                            : ": drop --layout (the string names a bundled variant)"));
        }
    }

    private static boolean isFlagsModel(String model) {
        try {
            Layouts.bundledVariants(model);
            return true;
        } catch (BadInputException e) {
            return false;
        }
    }

    /** {@code --layout FILE [--struct S] [--arch A]}, each with a leading space, or "" without a layout. */
    @Override
    public String asArguments() {
        return file == null ? "" : " --layout " + shellWord(file.toString())
                + (writers == null ? "" : " --writers " + shellWord(writers.toString())) + c.asArguments();
    }

    /**
     * Copies the layout file into {@code dir} (a report's directory) and returns the arguments
     * that name it there, relative to that directory; "" without a layout.
     *
     * @throws java.io.UncheckedIOException when the copy cannot be written
     */
    @Override
    public String copyInto(Path dir) {
        if (file == null) {
            return "";
        }
        Path copy = dir.resolve(file.getFileName());
        try {
            Files.createDirectories(dir);
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            if (writers != null) {
                Files.copy(writers, dir.resolve(writers.getFileName()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + file + " to " + dir, e);
        }
        return " --layout " + shellWord(file.getFileName().toString())
                + (writers == null ? "" : " --writers " + shellWord(writers.getFileName().toString())) + c.asArguments();
    }

    /** A path as one shell word: as it is when the shell leaves it alone, else in single quotes. */
    static String shellWord(String s) {
        return s.matches("[A-Za-z0-9_./+@=,:-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
