package racetrace.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import racetrace.engine.BadInputException;
import racetrace.report.Templates;
import racetrace.tla.TraceExporter;

/**
 * Writes the skeleton of a model of one's own as a Maven project: a small working model (a shared
 * counter, variants buggy and fixed), its family and services registration, its TLA+ spec, a
 * property class, and a pom that imports racetrace's BOM.
 */
@Command(name = "new-model", mixinStandardHelpOptions = true,
        description = {"Writes a Maven project with a model of your own to start from: model, family, registration, "
                + "TLA+ spec, property class, and a pom importing racetrace-bom.",
            "Then: mvn -q package in it, and racetrace --model-path <dir>/target/classes hunt NAME."},
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {NewModelCommand.L0, ExitCode.L2, ExitCode.L70})
final class NewModelCommand implements Callable<Integer> {

    static final String L0 = "0:the project was written";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "the model's name on the command line: lower case, digits and '-', "
            + "starting with a letter (e.g. seqlock, lost-wakeup)")
    String name;

    @Option(names = "--dir", paramLabel = "D", description = "where to write the project; it must not exist or be "
            + "empty (default: ./NAME)")
    Path dir;

    @Option(names = "--package", paramLabel = "P",
            description = "the Java package, lower case, e.g. com.example.seqlock (default: NAME without '-')")
    String javaPackage;

    @Override
    public Integer call() {
        ScaffoldNames names = ScaffoldNames.check(name, javaPackage);
        String pkg = names.javaPackage();
        String prefix = names.prefix();
        Path target = dir != null ? dir : Path.of(name);
        checkEmpty(target);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", name);
        data.put("package", pkg);
        data.put("groupId", pkg.contains(".") ? pkg.substring(0, pkg.lastIndexOf('.')) : "models");
        data.put("prefix", prefix);
        data.put("module", prefix);
        data.put("racetraceVersion", version());
        String pkgDir = pkg.replace('.', '/');
        Map<String, String> files = new LinkedHashMap<>();
        files.put("pom.xml", "pom.xml");
        files.put(".gitignore", "gitignore");
        files.put("src/main/java/" + pkgDir + "/" + prefix + "Model.java", "Model.java");
        files.put("src/main/tla/" + prefix + ".tla", "Spec.tla");
        files.put("src/test/java/" + pkgDir + "/" + prefix + "Properties.java", "Properties.java");
        files.put("src/test/java/" + pkgDir + "/" + prefix + "SpecTest.java", "SpecTest.java");
        // The spec's MC models and its manifest, out of the jar (docs/tla.md, the house style).
        files.put("src/test/tla/MC" + prefix + "Buggy.tla", "MCBuggy.tla");
        files.put("src/test/tla/MC" + prefix + "Buggy.cfg", "MC.cfg");
        files.put("src/test/tla/MC" + prefix + "Fixed.tla", "MCFixed.tla");
        files.put("src/test/tla/MC" + prefix + "Fixed.cfg", "MC.cfg");
        files.put("src/test/tla/MC.manifest", "MC.manifest");
        files.put("src/test/resources/junit-platform.properties", "junit-platform.properties");
        Map<String, String> texts = new LinkedHashMap<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            texts.put(f.getKey(), Templates.render("new-model/" + f.getValue(), data));
        }
        // Checked against the sources themselves: whatever the templates import, a class of the
        // project must not take its name.
        names.checkAgainst(texts);
        // Created and proved writable before the first file, so that a failure leaves no half project.
        OutputDirectory.require("--dir", target);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, String> f : texts.entrySet()) {
            written.add(write(target.resolve(f.getKey()), f.getValue()));
        }
        written.add(write(target.resolve("src/main/resources/META-INF/services/racetrace.api.Program"),
                pkg + "." + prefix + "Model\n"));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("name", name);
        summary.put("dir", target.toString());
        summary.put("files", written.stream().map(p -> target.relativize(p).toString()).toList());
        summary.put("prefix", prefix);
        PrintWriter out = spec.commandLine().getOut();
        out.print(Templates.render("new-model/done", summary));
        out.flush();
        return ExitCode.OK;
    }

    private static void checkEmpty(Path target) {
        if (Files.isRegularFile(target)) {
            throw new BadInputException("--dir " + target + " is a file; name a new or empty directory");
        }
        if (Files.isDirectory(target)) {
            try (Stream<Path> s = Files.list(target)) {
                if (s.findAny().isPresent()) {
                    throw new BadInputException("directory " + target + " is not empty; new-model writes only into a "
                            + "new or empty directory (use --dir)");
                }
            } catch (IOException e) {
                throw new BadInputException("cannot read directory " + target + " (" + OutputDirectory.reason(e) + ")");
            }
        }
    }

    private static Path write(Path file, String text) {
        try {
            return TraceExporter.write(file, text);
        } catch (UncheckedIOException e) {
            // The directory was writable a moment ago: a full disk, or another process.
            throw new BadInputException("cannot write " + file + " (" + OutputDirectory.reason(e.getCause()) + ")");
        }
    }

    /** racetrace's own version, which the skeleton's pom asks the BOM for. */
    static String version() {
        Properties p = new Properties();
        try (InputStream in = NewModelCommand.class.getResourceAsStream("/racetrace/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "0.1.0-SNAPSHOT");
    }
}
