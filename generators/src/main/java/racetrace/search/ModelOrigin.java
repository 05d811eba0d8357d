package racetrace.search;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import racetrace.engine.Adapted;
import racetrace.engine.BadInputException;
import racetrace.engine.Model;
import racetrace.engine.ModelFamily;
import racetrace.engine.Models;

/**
 * Where a model comes from, for the commands racetrace prints: a {@code racetrace replay} or
 * {@code racetrace tlc --from} of a model of one's own needs {@code --model-path} with the classes
 * or jar that hold it, so every printed command carries it and replays as printed, from any
 * directory. racetrace's own models need nothing.
 */
public final class ModelOrigin {

    private ModelOrigin() {
    }

    /**
     * {@code " --model-path <path>"} (with a leading space) when the model is not one of racetrace's
     * own, else {@code ""}: the entries the command line was given (the loader that found the
     * model), or else the class directory or jar its family was loaded from (mvn test of a project
     * of one's own: its target/classes).
     */
    public static String arguments(Model<?> model) {
        List<Path> path = modelPath(model);
        return path.isEmpty() ? "" : " --model-path " + shellWord(String.join(File.pathSeparator,
                path.stream().map(Path::toString).toList()));
    }

    /** The entries of {@link #arguments}, absolute; empty for racetrace's own models. */
    public static List<Path> modelPath(Model<?> model) {
        ModelFamily family;
        try {
            family = Models.family(model.instance().model());
        } catch (BadInputException e) {
            return List.of(); // not registered (a test's own model): nothing a command line could name
        }
        // a program of one's own is run by racetrace's adapter: where it comes from is the program's class
        Class<?> origin = family instanceof Adapted a ? a.adaptedClass() : family.getClass();
        ClassLoader loader = origin.getClassLoader();
        if (loader instanceof URLClassLoader u && loader == Models.classLoader()) {
            List<Path> out = new ArrayList<>();
            for (URL url : u.getURLs()) {
                Path p = path(url);
                if (p != null) {
                    out.add(p);
                }
            }
            return out;
        }
        if (origin.getName().startsWith("racetrace.")) {
            return List.of();
        }
        CodeSource source = origin.getProtectionDomain().getCodeSource();
        Path p = source == null ? null : path(source.getLocation());
        return p == null ? List.of() : List.of(p);
    }

    private static Path path(URL url) {
        try {
            return url == null || !url.getProtocol().equals("file") ? null : Path.of(url.toURI()).toAbsolutePath();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** A word a POSIX shell reads back unchanged: as it is when it needs no quoting, else in single quotes. */
    public static String shellWord(String s) {
        if (!s.isEmpty() && s.matches("[A-Za-z0-9_./:@%+=,-]+")) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
