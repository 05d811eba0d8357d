package racetrace.flags.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import racetrace.engine.BadInputException;
import racetrace.engine.Models;
import racetrace.flags.FlagsModel;
import racetrace.flags.Layout;
import racetrace.flags.Layouts;
import racetrace.flags.Writer;
import racetrace.flags.WritersFile;
import racetrace.flags.dwarf.StructLayouts;

/**
 * A {@code --layout FILE}: a layout file ({@code .layout}) read as it is, or a C declaration
 * ({@code .h}, {@code .c}) compiled with GCC and read from its DWARF and generated code. Either
 * becomes a variant of the model, whose name the caller then selects.
 */
final class LayoutInput {

    private LayoutInput() {
    }

    /**
     * Reads the file (and the writers file, or null) and makes them a variant of {@code model};
     * returns the variant's name.
     */
    static String register(Path file, String model, String struct, String arch, Path writers) {
        Layouts.bundledVariants(model); // refuses a model that takes no layout, before the file is read
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("layout file " + file + " does not exist or is not a file");
        }
        Layout layout;
        if (CDeclarationOptions.isC(file)) {
            layout = StructLayouts.fromC(file, model, struct, arch);
        } else {
            layout = Layouts.read(file);
        }
        if (!layout.model().equals(model)) {
            throw new BadInputException(file + ": the layout is for model " + layout.model() + " (its 'model' line), not "
                    + model + "; change that line or run it with " + layout.model());
        }
        String variant = Layouts.register(layout);
        if (writers == null) {
            return variant;
        }
        if (!Files.isRegularFile(writers)) {
            throw new BadInputException("writers file " + writers + " does not exist or is not a file");
        }
        String text;
        try {
            text = Files.readString(writers, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            throw new BadInputException("cannot read writers file " + writers + ": " + e.getMessage());
        }
        FlagsModel base = (FlagsModel) Models.create(model, variant, Map.of());
        List<Writer> rows = WritersFile.parse(text, writers.toString(), base);
        return rows.isEmpty() ? variant : Layouts.addWithWriters(base.layout(), rows);
    }
}
