package racetrace.flags.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import racetrace.engine.BadInputException;
import racetrace.flags.dwarf.Toolchain;

/**
 * How a C declaration becomes a layout: which struct of the file, compiled by which target's GCC.
 * Used wherever a C file can be given ({@code --layout FILE.h}, {@code layout <model> FILE.h}).
 */
public final class CDeclarationOptions {

    static final String DEFAULT_ARCH = "x86-64";

    @Option(names = "--struct", paramLabel = "NAME",
            description = "with a C declaration (.h, .c): the struct to read (default: the last one in the file)")
    String struct;

    @Option(names = "--arch", paramLabel = "x86-64|arm64",
            description = "with a C declaration: the target whose GCC compiles it (default: x86-64; arm64 needs "
                    + "aarch64-linux-gnu-gcc)")
    String arch;

    /** Whether a file is read as a C declaration (by its name) rather than as a layout file. */
    static boolean isC(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        return name.endsWith(".h") || name.endsWith(".c");
    }

    /**
     * Refuses --struct or --arch without a C declaration to apply them to, and an unknown target;
     * before any work.
     *
     * @param file the C or layout file given, or null
     * @param fileOption how the command names that file, for the message
     */
    void validate(Path file, String fileOption) {
        List<String> given = new ArrayList<>();
        if (struct != null) {
            given.add("--struct");
        }
        if (arch != null) {
            given.add("--arch");
        }
        if (!given.isEmpty() && (file == null || !isC(file))) {
            throw new BadInputException(String.join(" and ", given) + (given.size() == 1 ? " applies" : " apply")
                    + " to a C declaration (.h, .c) given as " + fileOption + "; give one or drop "
                    + String.join(" and ", given));
        }
        if (arch != null && !Toolchain.ARCHES.contains(arch)) {
            throw new BadInputException("--arch " + arch + " is not a target; use one of " + Toolchain.ARCHES);
        }
        if (struct != null && !struct.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new BadInputException("--struct " + struct + " is not a C struct name (letters, digits, _)");
        }
    }

    String arch() {
        return arch == null ? DEFAULT_ARCH : arch;
    }

    /** The options as they must be given again (replay of a layout variant), each preceded by a space. */
    String asArguments() {
        return (struct == null ? "" : " --struct " + struct) + (arch == null ? "" : " --arch " + arch);
    }
}
