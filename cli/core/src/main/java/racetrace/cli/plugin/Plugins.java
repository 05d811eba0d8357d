package racetrace.cli.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The command-line plug-ins on racetrace's class path, loaded once. */
public final class Plugins {

    private static final List<CommandLinePlugin> ALL = load();

    private Plugins() {
    }

    private static List<CommandLinePlugin> load() {
        List<CommandLinePlugin> out = new ArrayList<>();
        ServiceLoader.load(CommandLinePlugin.class, Plugins.class.getClassLoader()).forEach(out::add);
        return List.copyOf(out);
    }

    /** Every plug-in, in class-path order. */
    public static List<CommandLinePlugin> all() {
        return ALL;
    }

    /** A fresh variant-input option of every plug-in that has one. */
    public static List<VariantInput> variantInputs() {
        List<VariantInput> out = new ArrayList<>();
        for (CommandLinePlugin p : ALL) {
            VariantInput in = p.variantInput();
            if (in != null) {
                out.add(in);
            }
        }
        return out;
    }
}
