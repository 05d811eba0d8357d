package racetrace.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import racetrace.engine.BadInputException;

/**
 * An output directory: checked (created, written to) before any work starts, so that a long hunt
 * is never lost to an unusable {@code --out}; and cleared of the files an earlier run generated
 * there, so that a reused directory holds only the current files.
 */
public final class OutputDirectory {

    /** The lock file in a locked output directory; it names its holder while a run writes, and is empty between runs. */
    public static final String LOCK = ".racetrace-lock";

    /** A lock this process holds, and the thread (the command) that took it. */
    private record Held(FileLock lock, Thread owner) {
    }

    /** The locks this process holds, by directory, until {@link #unlockAll}. */
    private static final Map<Path, Held> LOCKS = new ConcurrentHashMap<>();

    private OutputDirectory() {
    }

    /**
     * Locks {@code dir} for this run, so that two runs never write one directory (their files would
     * mix: one run's report.md beside the other's modules). A directory another run holds is refused,
     * naming that run. The lock goes with the process (any exit, Ctrl-C included) or {@link #unlockAll}.
     */
    public static synchronized void lock(String option, Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        Held held = LOCKS.get(abs);
        if (held != null && held.owner() == Thread.currentThread()) {
            return; // this command took it already
        }
        if (held != null) {
            throw new BadInputException(option + " " + dir + " is being written by another racetrace run (in this "
                    + "process); wait for it to finish, or give another " + option);
        }
        Path file = abs.resolve(LOCK);
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // another command of this process holds it
            }
            if (lock == null) {
                String holder = holder(ch);
                ch.close();
                throw new BadInputException(option + " " + dir + " is being written by another racetrace run"
                        + (holder.isEmpty() ? "" : " (" + holder + ")") + "; wait for it to finish, or give another "
                        + option);
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", since "
                    + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n")
                    .getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(false);
            LOCKS.put(abs, new Held(lock, Thread.currentThread()));
        } catch (IOException e) {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // the lock was not taken
                }
            }
            throw new BadInputException(option + " " + dir + " cannot be locked for this run (" + reason(e)
                    + "); give a directory racetrace can write to");
        }
    }

    private static String holder(FileChannel ch) {
        try {
            ByteBuffer b = ByteBuffer.allocate(200);
            ch.read(b, 0);
            return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Releases every lock the current thread took with {@link #lock} (the command line does, after
     * each command).
     */
    public static synchronized void unlockAll() {
        for (Iterator<Held> it = LOCKS.values().iterator(); it.hasNext();) {
            Held h = it.next();
            if (h.owner() != Thread.currentThread()) {
                continue;
            }
            try {
                // Emptied before release: the holder's pid and time are no content of the output,
                // so two runs that write the same files leave byte-identical directories.
                h.lock().channel().truncate(0);
                h.lock().release();
                h.lock().channel().close();
            } catch (IOException e) {
                // the process ends soon; the lock goes with it
            }
            it.remove();
        }
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
                if (!left.iterator().hasNext() && !LOCKS.containsKey(dir.toAbsolutePath().normalize())) {
                    Files.delete(dir);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the old files in " + dir + ": " + reason(e), e);
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
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
