package racetrace.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import racetrace.engine.Model;
import racetrace.engine.Models;

/**
 * {@code --model-path}: jars or class directories holding models of one's own, each registered in
 * {@code META-INF/services/racetrace.engine.ModelFamily}, with their TLA+ specs (if any) as
 * resources {@code tla/<Name>.tla}. A picocli mixin of the top command, of {@link InstanceSelection}
 * (so of every command that takes a model) and of list and replay; the entries of all of them make
 * one class loader, installed before the command looks up any model (see {@link #install}).
 */
public final class ModelPathOption {

    /** The services files a model path must hold at least one of: programs (racetrace.api), and families. */
    static final List<String> SERVICES = List.of("META-INF/services/racetrace.api.Program",
            "META-INF/services/racetrace.engine.ModelFamily");

    @Option(names = "--model-path", paramLabel = "PATH",
            description = "jars or class directories with models of your own, separated by '${sys:path.separator}' "
                    + "(repeatable; also before the command); their TLA+ specs are found there too, under tla/ "
                    + "(default: the bundled models only)")
    List<String> paths = new ArrayList<>();

    /** The entries in the order given, split at the platform's path separator. */
    List<Path> entries() {
        List<Path> out = new ArrayList<>();
        for (String p : paths) {
            for (String part : p.split(Pattern.quote(File.pathSeparator))) {
                if (!part.isBlank()) {
                    out.add(Path.of(part.strip()));
                }
            }
        }
        return out;
    }

    /**
     * Collects the {@code --model-path} entries of every command on the parsed command line, checks
     * them and, if there are any, makes {@link Models} look up families and specs through a class
     * loader over them (racetrace's own loader as parent).
     *
     * @return the loader to close after the command, or null when no model path was given
     * @throws CommandLine.ParameterException naming the entry that is wrong and what would be right
     */
    static synchronized URLClassLoader install(CommandLine.ParseResult parsed) {
        List<Path> entries = new ArrayList<>();
        CommandLine last = parsed.commandSpec().commandLine();
        boolean given = false;
        for (CommandLine cl : parsed.asCommandLineList()) {
            last = cl;
            given |= collect(cl.getCommandSpec(), entries);
        }
        if (entries.isEmpty()) {
            if (given) {
                throw new CommandLine.ParameterException(last, "--model-path is empty; give jars or class directories "
                        + "(e.g. target/classes), separated by '" + File.pathSeparator + "'");
            }
            return null;
        }
        List<URL> urls = new ArrayList<>();
        for (Path p : entries) {
            urls.add(check(last, p));
        }
        URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ModelPathOption.class.getClassLoader());
        try {
            List<URL> files = new ArrayList<>();
            for (String services : SERVICES) {
                files.addAll(Collections.list(loader.findResources(services)));
            }
            if (files.isEmpty()) {
                close(loader);
                throw new CommandLine.ParameterException(last, "--model-path " + describe(entries)
                        + " registers no model family: none of its jars or directories has " + SERVICES.get(0)
                        + " or " + SERVICES.get(1) + " (racetrace new-model writes the first)");
            }
            if (files.stream().noneMatch(ModelPathOption::namesAClass)) {
                close(loader);
                throw new CommandLine.ParameterException(last, "--model-path " + describe(entries)
                        + " registers no model family: its " + String.join(" and ", files.stream()
                                .map(u -> u.getPath().substring(u.getPath().lastIndexOf("META-INF/"))).distinct().toList())
                        + " names no class (it is empty); list your Program (or ModelFamily) class in it, one fully"
                        + " qualified name a line");
            }
        } catch (IOException e) {
            close(loader);
            throw new CommandLine.ParameterException(last, "--model-path " + describe(entries) + " cannot be read ("
                    + OutputDirectory.reason(e) + ")");
        }
        uninstall();
        Models.useClassLoader(loader);
        installed = loader;
        return loader;
    }

    /** Whether a services file names at least one class: a line that is not blank or a comment. */
    private static boolean namesAClass(URL file) {
        try (InputStream in = file.openStream()) {
            String text = new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
            return text.lines().map(l -> l.replaceAll("#.*", "").strip()).anyMatch(l -> !l.isEmpty());
        } catch (IOException e) {
            return false;
        }
    }

    private static void close(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            // nothing was loaded from it
        }
    }

    /** The loader {@link #install} made, until {@link #uninstall}. */
    private static URLClassLoader installed;

    /** Restores racetrace's own models and closes the loader {@link #install} made, if any. */
    static synchronized void uninstall() {
        Models.useClassLoader(null);
        if (installed != null) {
            try {
                installed.close();
            } catch (IOException e) {
                // nothing more is read from it
            }
            installed = null;
        }
    }

    /** The entries of every ModelPathOption mixed into a command, also inside its mixins (InstanceSelection). */
    private static boolean collect(CommandLine.Model.CommandSpec spec, List<Path> entries) {
        boolean given = false;
        for (CommandLine.Model.CommandSpec mixin : spec.mixins().values()) {
            if (mixin.userObject() instanceof ModelPathOption o) {
                entries.addAll(o.entries());
                given |= !o.paths.isEmpty();
            }
            given |= collect(mixin, entries);
        }
        return given;
    }

    private static URL check(CommandLine cl, Path p) {
        if (!Files.exists(p)) {
            throw new CommandLine.ParameterException(cl, "--model-path entry " + p + " does not exist; give jars or "
                    + "class directories (e.g. target/classes)");
        }
        if (Files.isRegularFile(p)) {
            try (ZipFile zip = new ZipFile(p.toFile())) {
                zip.size();
            } catch (IOException e) {
                throw new CommandLine.ParameterException(cl, "--model-path entry " + p + " is neither a jar nor a "
                        + "directory; give jars or class directories (e.g. target/classes)");
            }
        } else if (!Files.isDirectory(p)) {
            throw new CommandLine.ParameterException(cl, "--model-path entry " + p + " is neither a jar nor a "
                    + "directory");
        }
        try {
            return p.toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new CommandLine.ParameterException(cl, "--model-path entry " + p + " cannot be used: " + e.getMessage());
        }
    }

    private static String describe(List<Path> entries) {
        return String.join(File.pathSeparator, entries.stream().map(Path::toString).toList());
    }

    /**
     * The one line for a command that needs a TLA+ spec and a model (of one's own, typically) that
     * has none: a spec is optional, and only TLC needs it.
     */
    public static String noSpec(Model<?> m, String what) {
        return noSpec(List.of(m), what);
    }

    /** As {@link #noSpec(racetrace.engine.Model, String)}, for every instance without a spec. */
    public static String noSpec(List<? extends Model<?>> without, String what) {
        List<String> names = without.stream().map(m -> m.instance().toString()).distinct().toList();
        return what + " needs the model's TLA+ spec, and " + (names.size() == 1 ? names.get(0) + " has"
                : String.join(", ", names) + " have") + " none (tlaModule() is null); every command without TLC "
                + "works without one (conventions for a spec: tla-export/README.md)";
    }
}
