package racetrace.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import racetrace.engine.Instance;
import racetrace.engine.Invariant;
import racetrace.engine.Model;
import racetrace.search.Deadlocks;
import racetrace.tlc.Confirmations;

/**
 * What a hunt writes under {@code --out}, in one place: per instance a directory
 * ({@link Confirmations#dirName}) with {@code hunt.txt} (everything about the instance: how each
 * violation was found, its minimality, the shortest run, the scenario, deadlocks and give-ups) and
 * {@code hunt.json} (its JSON line); per violated invariant a directory with {@code found.txt} (the
 * counterexample as found, written before minimisation starts) and, with {@code --tlc}, the TLA+
 * trace, TLC's output and {@code report.md}.
 */
final class HuntFiles {

    static final String DETAILS = "hunt.txt";
    static final String JSON = "hunt.json";
    static final String FOUND = "found.txt";

    private final Path out;

    HuntFiles(Path out) {
        this.out = out;
    }

    Path instanceDir(Instance id) {
        return out.resolve(Confirmations.dirName(id));
    }

    Path findingDir(Instance id, String invariant) {
        return instanceDir(id).resolve(invariant);
    }

    /** A reused --out keeps only this run's files: an invariant found last time and not now leaves nothing behind. */
    void clearOld(Model<?> m) {
        List<String> names = new ArrayList<>(m.invariants().stream().map(Invariant::name).toList());
        if (!names.contains(Deadlocks.NAME)) {
            names.add(Deadlocks.NAME);
        }
        for (String name : names) {
            Path dir = findingDir(m.instance(), name);
            delete(dir.resolve(FOUND));
            OutputDirectory.clearGenerated(dir);
        }
        delete(instanceDir(m.instance()).resolve(DETAILS));
        delete(instanceDir(m.instance()).resolve(JSON));
    }

    /** The counterexample as found (text from {@link racetrace.report.HuntReport#found}). */
    void found(Instance id, String invariant, String text) {
        write(findingDir(id, invariant).resolve(FOUND), text);
    }

    /**
     * The cases the invariant's minimisation starts from, when they are not the one found first
     * (text from {@link racetrace.report.HuntReport#minimising}): added to the found file.
     */
    void minimising(Instance id, String invariant, String text) {
        Path file = findingDir(id, invariant).resolve(FOUND);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "\n" + text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The instance's details and JSON line, once its hunt is over. */
    void instance(Instance id, String details, String jsonLine) {
        write(instanceDir(id).resolve(DETAILS), details);
        write(instanceDir(id).resolve(JSON), jsonLine + "\n");
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the old file " + file, e);
        }
    }
}
