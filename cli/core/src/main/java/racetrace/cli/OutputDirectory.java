package racetrace.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import racetrace.engine.BadInputException;

/**
 * An output directory: checked (created, written to) before any work starts, so that a long hunt
 * is never lost to an unusable {@code --out}; and cleared of the files an earlier run generated
 * there, so that a reused directory holds only the current files.
 */
public final class OutputDirectory {

    private OutputDirectory() {
    }

    /** Creates {@code dir} if needed and proves it writable; refuses it with one line otherwise. */
    public static void require(String option, Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new BadInputException(option + " " + dir + " is a file, not a directory; give a directory "
                    + "(it is created if missing)");
        }
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new BadInputException(option + " " + dir + " cannot be created: " + existing
                    + " is a file, not a directory");
        }
        try {
            Files.createDirectories(abs);
            Path probe = Files.createTempFile(abs, ".racetrace-probe", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            throw new BadInputException(option + " " + dir + " is not a writable directory ("
                    + reason(e) + "); give one racetrace can write to");
        }
    }

    /**
     * Removes what racetrace generates in {@code dir} (modules, cfgs, JSON and ITF, report.md,
     * trace.svg, a copied layout file, TLC trace, TLC's metadir); keeps anything else.
     */
    public static void clearGenerated(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path p : files) {
                String name = p.getFileName().toString();
                if (Files.isDirectory(p) && name.equals("tlc-meta")) {
                    deleteTree(p);
                } else if (Files.isRegularFile(p) && (name.endsWith(".tla") || name.endsWith(".cfg")
                        || name.endsWith(".json") || name.endsWith(".layout") || name.equals("report.md")
                        || name.equals("trace.svg")
                        || name.equals("tlc-trace.txt"))) {
                    Files.delete(p);
                }
            }
            try (DirectoryStream<Path> left = Files.newDirectoryStream(dir)) {
                if (!left.iterator().hasNext()) {
                    Files.delete(dir);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot clear the old files in " + dir + ": " + reason(e), e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    public static String reason(Exception e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
