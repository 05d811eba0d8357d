package racetrace.engine;

import java.util.List;
import java.util.Map;

/**
 * A model with its variants and options, e.g. {@code vfio-pci} with variants {@code pre-a ..
 * merged} and option {@code granularity} in {@code byte|location}. Registered through {@link
 * java.util.ServiceLoader}, so a new model is a new package plus one services line.
 */
public interface ModelFamily {

    /** The model name used on the command line. */
    String name();

    /** One line: what code the model describes. */
    String description();

    /** Variant names, oldest first. */
    List<String> variants();

    /** One line per variant: which commit or patch it is. */
    default String describeVariant(String variant) {
        return variant;
    }

    /** Option names and their allowed values; the first value is the default unless {@link #defaultOption} says otherwise. */
    default Map<String, List<String>> options() {
        return Map.of();
    }

    /** The value an option takes for a variant when none is given (e.g. the era a version shipped in). */
    default String defaultOption(String variant, String option) {
        return options().get(option).get(0);
    }

    /**
     * Whether an option is an assumption: a modelling choice the sources leave open (which lock a
     * caller holds, whether a window exists), as opposed to a fact of the instance such as a
     * compiler's store width. A counterexample is re-checked under an assumption's other values and
     * names the ones it depends on ({@code violated (if probe-window=open)}).
     */
    default boolean isAssumption(String option) {
        return false;
    }

    /** What an option's value says, in a few words, or null when the name says it. */
    default String describeOption(String option, String value) {
        return null;
    }

    /**
     * The options a command over many instances ({@code hunt --all}) runs at several values when
     * not given, with those values (the flags families: {@code granularity} at {@code byte} and
     * {@code location}); every other option runs at its default only.
     */
    default Map<String, List<String>> sweeps() {
        return Map.of();
    }

    /** Builds an instance; options not given take their default. */
    Model<?> create(String variant, Map<String, String> options);
}
