package racetrace.flags.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;
import racetrace.cli.ExitCode;
import racetrace.engine.BadInputException;
import racetrace.engine.Models;
import racetrace.engine.Records;
import racetrace.flags.FlagsModel;
import racetrace.flags.Layout;
import racetrace.flags.Layouts;
import racetrace.flags.WritersFile;
import racetrace.flags.dwarf.StructLayouts;

/**
 * Prints the layout file of a C struct as the compiler lays it out (DWARF), or of a bundled
 * variant: a start for a layout of one's own, e.g. the one a reply to a patch proposes, to give
 * back with {@code --layout FILE}.
 */
@Command(name = "layout", mixinStandardHelpOptions = true,
        description = {"Prints a layout file: of a C struct (compiled with GCC, read from DWARF and the generated "
                + "stores), or of a bundled variant. Edit it and give it back with --layout FILE to hunt, replay, tlc, "
                + "conform, bench or fields.",
            "Example: racetrace layout vfio-pci --variant pre-c > mine.layout"},
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {LayoutCommand.L0, ExitCode.L2, ExitCode.L70})
public final class LayoutCommand implements Callable<Integer> {

    static final String L0 = "0:the layout was printed";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<model>", description = "a flags model: vfio-pci or mlx5")
    String model;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE",
            description = "a C declaration (.h, .c) holding the struct (default: none; give FILE or --variant)")
    Path file;

    @Option(names = "--variant", paramLabel = "V",
            description = "a bundled variant instead of a C file (default: none; give FILE or --variant)")
    String variant;

    @Option(names = "--writers", description = "with --variant: print the variant's writers table as a writers file "
            + "(the format --writers FILE reads) instead of its layout (default: off)")
    boolean writers;

    @Mixin
    CDeclarationOptions c;

    @Override
    public Integer call() {
        Layouts.flagNames(model);
        if ((file == null) == (variant == null)) {
            throw new BadInputException("layout needs a C file or --variant V (one of them, not "
                    + (file == null ? "neither" : "both") + ")");
        }
        c.validate(file, "FILE");
        if (writers) {
            if (variant == null) {
                throw new BadInputException("layout --writers prints a bundled variant's writers table: give --variant V");
            }
            if (!Layouts.bundledVariants(model).contains(variant)) {
                throw new BadInputException("unknown variant '" + variant + "' of model " + model + "; its variants are "
                        + Layouts.bundledVariants(model));
            }
            spec.commandLine().getOut().print(WritersFile.format((FlagsModel) Models.create(model, variant,
                    Map.of())));
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }
        Layout l;
        if (variant != null) {
            if (!Layouts.bundledVariants(model).contains(variant)) {
                throw new BadInputException("unknown variant '" + variant + "' of model " + model + "; its variants are "
                        + Layouts.bundledVariants(model));
            }
            l = Layouts.bundled(model, variant);
        } else {
            if (!CDeclarationOptions.isC(file)) {
                throw new BadInputException("layout reads a C declaration (.h, .c), and " + file + " is none; a "
                        + ".layout file is a layout already: give it to the other commands with --layout");
            }
            if (!Files.isRegularFile(file)) {
                throw new BadInputException("C file " + file + " does not exist or is not a file");
            }
            l = StructLayouts.fromC(file, model, c.struct, c.arch());
        }
        spec.commandLine().getOut().print(FlagsPlugin.render("layout", data(l)));
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }

    /** The layout's components (model, name, about, sizeof, origin), its members as lines, its store rules as text. */
    static Map<String, Object> data(Layout l) {
        Map<String, Object> d = new LinkedHashMap<>(Records.components(l));
        List<Map<String, Object>> lines = new ArrayList<>();
        String open = null;
        for (Layout.Field f : l.fields()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f.name());
            m.put("width", f.width());
            if (f.isBitfield()) {
                m.put("kind", "field");
                m.put("run", f.run().equals(open) ? "" : f.run());
                m.put("runBytes", l.run(f.run()).bytes());
                m.put("at", f.byteIndex() + "." + f.bit());
                open = f.run();
            } else {
                m.put("kind", "plain");
                open = null;
            }
            lines.add(m);
        }
        d.put("members", lines);
        List<Map<String, Object>> stores = new ArrayList<>();
        for (Layout.StoreRule r : l.stores()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("profile", r.profile());
            m.put("field", r.field());
            m.put("kind", r.kind());
            m.put("reach", r.reach().toString());
            stores.add(m);
        }
        d.put("stores", stores);
        return d;
    }
}
