package racetrace.tla;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import racetrace.engine.Models;

/**
 * Where the hand-written specs are found: directories given first (e.g. {@code
 * spec/xen-fifo} while editing a spec), then classpath resources under {@code tla/} (the
 * specs packaged in the model jars). {@link #copyInto} copies a spec and the non-standard modules
 * it extends or instantiates next to a generated module, so the directory is self-contained.
 */
public final class SpecLibrary {

    /** Modules that ship inside the TLC jar. */
    public static final Set<String> STANDARD_MODULES = Set.of("Naturals", "Integers", "Sequences",
            "FiniteSets", "Bags", "TLC", "Randomization", "Reals", "RealTime", "Toolbox", "TLCExt");

    private static final Pattern EXTENDS = Pattern.compile("\\bEXTENDS\\b([\\s\\w,]*)");
    private static final Pattern INSTANCE = Pattern.compile("\\bINSTANCE\\s+(\\w+)");

    private final List<Path> directories;
    private final ClassLoader loader;

    private SpecLibrary(List<Path> directories, ClassLoader loader) {
        this.directories = List.copyOf(directories);
        this.loader = loader;
    }

    /**
     * Specs under {@code tla/} of the class loader models come from ({@link Models#classLoader()}):
     * racetrace's classpath, plus the jars and class directories of a {@code --model-path}.
     */
    public static SpecLibrary classpath() {
        return new SpecLibrary(List.of(), Models.classLoader());
    }

    /** This library with {@code dir} searched before everything else. */
    public SpecLibrary withDirectory(Path dir) {
        List<Path> dirs = new ArrayList<>();
        dirs.add(dir);
        dirs.addAll(directories);
        return new SpecLibrary(dirs, loader);
    }

    /** The text of module {@code name}, if found. */
    public Optional<String> read(String name) {
        for (Path d : directories) {
            Path f = d.resolve(name + ".tla");
            if (Files.isRegularFile(f)) {
                try {
                    return Optional.of(Files.readString(f, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read spec " + f, e);
                }
            }
        }
        try (InputStream in = loader.getResourceAsStream("tla/" + name + ".tla")) {
            if (in != null) {
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource tla/" + name + ".tla", e);
        }
        return Optional.empty();
    }

    /** Where the library looks, for messages. */
    public String describe() {
        List<String> where = new ArrayList<>();
        directories.forEach(d -> where.add(d.toString()));
        where.add("classpath tla/");
        return String.join(", ", where);
    }

    /**
     * Copies module {@code name} and the non-standard modules it depends on into {@code dir}
     * (files whose content is already there are left alone).
     *
     * @return the files of the copied modules
     * @throws TlaExportException if {@code name} itself is not in the library
     */
    public List<Path> copyInto(String name, Path dir) {
        TlaNames.requireModuleName(name, "the model's tlaModule()");
        Set<String> done = new LinkedHashSet<>();
        List<Path> files = new ArrayList<>();
        copy(name, dir, done, files, true);
        return files;
    }

    private void copy(String name, Path dir, Set<String> done, List<Path> files, boolean required) {
        if (!done.add(name) || STANDARD_MODULES.contains(name)) {
            return;
        }
        Optional<String> text = read(name);
        if (text.isEmpty()) {
            if (required) {
                throw new TlaExportException("TLA+ module " + name + " not found (looked in " + describe()
                        + "); a model's spec is the resource tla/" + name + ".tla beside its classes (in racetrace,"
                        + " spec/<family>/" + name + ".tla)");
            }
            return;
        }
        Path target = dir.resolve(name + ".tla");
        try {
            Files.createDirectories(dir);
            if (!Files.isRegularFile(target) || !Files.readString(target, StandardCharsets.UTF_8).equals(text.get())) {
                Files.writeString(target, text.get(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
        files.add(target);
        for (String dep : dependencies(text.get())) {
            copy(dep, dir, done, files, false);
        }
    }

    /** Modules named after EXTENDS and INSTANCE in a module text (comments stripped roughly). */
    static List<String> dependencies(String text) {
        String code = text.replaceAll("\\(\\*(?s:.*?)\\*\\)", " ").replaceAll("\\\\\\*[^\\n]*", " ");
        Set<String> deps = new LinkedHashSet<>();
        Matcher e = EXTENDS.matcher(code);
        while (e.find()) {
            for (String part : e.group(1).split(",")) {
                String m = part.strip();
                if (!m.isEmpty()) {
                    deps.add(m.split("\\s+")[0]);
                }
            }
        }
        Matcher i = INSTANCE.matcher(code);
        while (i.find()) {
            deps.add(i.group(1));
        }
        return new ArrayList<>(deps);
    }
}
