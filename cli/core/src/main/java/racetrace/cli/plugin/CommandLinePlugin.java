package racetrace.cli.plugin;

import java.util.List;

/**
 * What a model family adds to the command line: commands of its own, and a way to name a variant
 * from input (a file) instead of from the bundled list. Found with {@link java.util.ServiceLoader}
 * on racetrace's class path ({@code META-INF/services/racetrace.cli.plugin.CommandLinePlugin}); the
 * generic command line names no family. A family that needs neither contributes no plug-in: its
 * {@link racetrace.engine.ModelFamily} is all the command line needs.
 */
public interface CommandLinePlugin {

    /**
     * Commands of the family's own: picocli {@code @Command} objects, created anew on every call
     * (a command line is built once per run). They may mix in the command line's public parts
     * ({@link racetrace.cli.InstanceSelection}, {@link racetrace.cli.TlcOptions}, {@link
     * racetrace.cli.JsonOutput}) and must report bad input with a {@link
     * racetrace.engine.BadInputException} and return the codes of {@link racetrace.cli.ExitCode}.
     */
    default List<Object> commands() {
        return List.of();
    }

    /**
     * An option that makes a variant from input (for the flags families, {@code --layout FILE}), as
     * a new picocli mixin object; null when the family has none. It is added to every command that
     * takes an instance ({@code hunt}, {@code tlc}, {@code conform}, {@code bench}, {@code replay}
     * and the plug-ins' own that mix in {@link racetrace.cli.InstanceSelection}).
     */
    default VariantInput variantInput() {
        return null;
    }
}
