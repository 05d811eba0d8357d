package racetrace.flags.cli;

import java.util.List;
import java.util.Map;
import racetrace.cli.plugin.CommandLinePlugin;
import racetrace.cli.plugin.VariantInput;
import racetrace.report.Templates;

/**
 * The flags families' part of the command line: {@code --layout FILE} (a layout file, or a C
 * declaration compiled with GCC and read from its DWARF, as a variant), and the commands {@code
 * fields} (which pairs of flags race) and {@code layout} (a layout file to start from).
 */
public final class FlagsPlugin implements CommandLinePlugin {

    @Override
    public List<Object> commands() {
        return List.of(new FieldsCommand(), new LayoutCommand());
    }

    @Override
    public VariantInput variantInput() {
        return new LayoutOption();
    }

    /** Renders one of the plug-in's templates ({@code racetrace/flags/templates/<name>.ftl}). */
    static String render(String name, Map<String, ?> data) {
        return Templates.render(FlagsPlugin.class, "/racetrace/flags/templates", name, data);
    }
}
