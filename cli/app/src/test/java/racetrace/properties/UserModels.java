package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Models of one's own for the tests, made as a user makes them: {@code racetrace new-model}, an
 * edit of the model's source (a model that throws, loops or declares less), compiled the way the
 * skeleton's pom does (classes, services file, the spec under tla/).
 */
final class UserModels {

    private UserModels() {
    }

    /**
     * Writes the skeleton of {@code name} under {@code work}, applies the edits to its model class
     * (each text must occur) and compiles it.
     *
     * @return the class directory, for --model-path
     */
    static Path make(Path work, String name, Map<String, String> modelEdits) {
        Path project = work.resolve(name);
        CommandLineTest.Run r = CommandLineTest.run("new-model", name, "--dir", project.toString());
        assertThat(r.code()).as(r.err()).isZero();
        try {
            for (Map.Entry<String, String> e : modelEdits.entrySet()) {
                // "Family:<text>" edits the family's class; any other key the model's.
                boolean family = e.getKey().startsWith("Family:");
                String from = family ? e.getKey().substring("Family:".length()) : e.getKey();
                Path file;
                try (Stream<Path> s = Files.walk(project.resolve("src/main/java"))) {
                    file = s.filter(p -> p.toString().endsWith(family ? "Family.java" : "Model.java")).findFirst()
                            .orElseThrow();
                }
                String text = Files.readString(file);
                assertThat(text).as("the skeleton's %s has the text to edit", file.getFileName()).contains(from);
                Files.writeString(file, text.replace(from, e.getValue()));
            }
            return compile(project, project.resolve("target/classes"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** javac over src/main/java, then the resources and src/main/tla (as tla/), like the skeleton's pom. */
    static Path compile(Path project, Path out) throws IOException {
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-cp", System.getProperty("java.class.path"),
                "--release", "17", "-proc:none"));
        try (Stream<Path> s = Files.walk(project.resolve("src/main/java"))) {
            s.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).as("javac " + args).isZero();
        copyTree(project.resolve("src/main/resources"), out);
        copyTree(project.resolve("src/main/tla"), out.resolve("tla"));
        return out;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
            }
        }
    }
}
