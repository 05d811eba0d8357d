package racetrace.cli.plugin;

import java.nio.file.Path;

/**
 * An option, contributed by a {@link CommandLinePlugin}, whose value makes a variant of a model
 * (a layout file makes variant {@code <layout>@<digest>} of a flags model). The object is a
 * picocli mixin: its {@code @Option} fields are parsed with the command it is added to.
 */
public interface VariantInput {

    /** Whether the option was given on this command line. */
    boolean given();

    /** The option as a user types it, for messages ({@code --layout FILE}). */
    String usage();

    /** Checks what can be checked without reading the input; throws {@link racetrace.engine.BadInputException}. */
    void validate();

    /**
     * Reads the input and makes it a variant of {@code model}, registered with the model's family;
     * returns the variant's name. Refuses (with a {@link racetrace.engine.BadInputException}) a
     * model the input cannot be a variant of.
     */
    String variantOf(String model);

    /**
     * Before a text that names an instance (a schedule string, a TLC trace file, a counterexample
     * JSON) is decoded: makes the variant it names available from the input, or refuses when the
     * input is not the one the text was made with, or when the text names a variant only this
     * input can make and it was not given.
     *
     * @param model the model the text names
     * @param variant the variant the text names
     * @param name how messages call the text
     */
    void prepareFor(String model, String variant, String name);

    /** What a printed replay command needs besides the string, each argument with a leading space; "" when not given. */
    String asArguments();

    /**
     * Copies the input into {@code dir} (a report's directory) and returns the arguments that name
     * the copy relative to that directory; "" when not given.
     *
     * @throws java.io.UncheckedIOException when the copy cannot be written
     */
    String copyInto(Path dir);
}
