package racetrace.flags.dwarf;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import racetrace.engine.BadInputException;

/**
 * The machine's GCC for one target, and binutils' readelf: run as child processes. x86-64 is the
 * native compiler on an x86-64 machine; arm64 is Debian's cross compiler {@code
 * aarch64-linux-gnu-gcc} (package gcc-aarch64-linux-gnu), or the native one on an arm64 machine.
 *
 * @param arch {@code x86-64} or {@code arm64}
 * @param gcc the compiler command
 */
public record Toolchain(String arch, String gcc) {

    public static final List<String> ARCHES = List.of("x86-64", "arm64");

    /** The toolchain for a target on this machine. */
    public static Toolchain of(String arch) {
        String host = System.getProperty("os.arch");
        boolean x86Host = host.equals("amd64") || host.equals("x86_64");
        boolean armHost = host.equals("aarch64") || host.equals("arm64");
        return switch (arch) {
            case "x86-64" -> new Toolchain(arch, x86Host ? "gcc" : "x86_64-linux-gnu-gcc");
            case "arm64" -> new Toolchain(arch, armHost ? "gcc" : "aarch64-linux-gnu-gcc");
            default -> throw new BadInputException("--arch " + arch + " is not one of " + ARCHES);
        };
    }

    /** The compiler profile of the stores it emits, as layout files name it. */
    public String profile() {
        return "gcc-" + arch;
    }

    /** Whether the compiler is installed here. */
    public boolean available() {
        try {
            return run(List.of(gcc, "--version"), Path.of(".")).code() == 0;
        } catch (BadInputException e) {
            return false;
        }
    }

    /** The compiler's version line, e.g. {@code gcc (Debian 12.2.0-14) 12.2.0}. */
    public String version() {
        Result r = run(List.of(gcc, "--version"), Path.of("."));
        return r.out().lines().findFirst().orElse(gcc);
    }

    /** What a child process printed and how it ended. */
    public record Result(int code, String out, String err) {
    }

    /** Seconds a compiler or readelf run may take: {@code -Dracetrace.gcc.timeout=S}, default 120. */
    static final String TIMEOUT_PROPERTY = "racetrace.gcc.timeout";
    static final long DEFAULT_TIMEOUT_SECONDS = 120;

    /** Output kept of a child process, per stream: more is no DWARF of one struct. */
    static final long MAX_OUTPUT = 256L << 20;

    /** Runs a command in a directory; a missing program is bad input that names the package. */
    static Result run(List<String> command, Path dir) {
        return run(command, dir, null);
    }

    /**
     * Runs a command in a directory, bounded in time whatever it prints or withholds: its output goes
     * to files (never a pipe it could fill), its input is empty, and at the timeout it is stopped
     * with every process it started (cc1, as).
     *
     * @param input the file the command reads, for messages (null when it reads none)
     * @throws BadInputException when the program is missing, when it does not finish in time (naming
     *     the input, which is what makes a compiler wait), or when it prints more than a struct's worth
     */
    static Result run(List<String> command, Path dir, Path input) {
        long timeout = timeoutSeconds();
        Path out;
        Path err;
        try {
            out = Files.createTempFile("racetrace-gcc", ".out");
            err = Files.createTempFile("racetrace-gcc", ".err");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file for " + command.get(0), e);
        }
        try {
            ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                String pkg = command.get(0).startsWith("aarch64") ? "gcc-aarch64-linux-gnu"
                        : command.get(0).equals("readelf") ? "binutils" : "gcc";
                throw new BadInputException(command.get(0) + " is not installed: a C layout needs it (Debian package "
                        + pkg + ")");
            }
            boolean done;
            try {
                done = p.waitFor(timeout, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                stop(p);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running " + command.get(0), e);
            }
            if (!done) {
                stop(p);
                throw new BadInputException(command.get(0) + " did not finish within " + timeout + " s"
                        + (input == null ? "" : " on " + input + ": it waits for input or never ends; does the file "
                                + "#include a FIFO, a device or standard input?")
                        + " racetrace stopped it (-D" + TIMEOUT_PROPERTY + "=S in RACETRACE_JAVA_OPTS gives it longer)");
            }
            return new Result(p.exitValue(), read(out, command, input), read(err, command, input));
        } finally {
            try {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            } catch (IOException ignored) {
                // temporary files: the system cleans them up
            }
        }
    }

    /** The process and every process it started, stopped now. */
    private static void stop(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String read(Path file, List<String> command, Path input) {
        try {
            if (Files.size(file) > MAX_OUTPUT) {
                throw new BadInputException(command.get(0) + " printed " + (Files.size(file) >> 20) + " MiB"
                        + (input == null ? "" : " on " + input) + ", more than the DWARF of one struct can take; give "
                        + "a file that declares the struct and little else");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            try {
                return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            } catch (IOException again) {
                throw new UncheckedIOException(again);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long timeoutSeconds() {
        String v = System.getProperty(TIMEOUT_PROPERTY);
        if (v == null || v.isBlank()) {
            return DEFAULT_TIMEOUT_SECONDS;
        }
        try {
            long s = Long.parseLong(v.strip());
            if (s < 1 || s > 604_800) {
                throw new NumberFormatException();
            }
            return s;
        } catch (NumberFormatException e) {
            throw new BadInputException("-D" + TIMEOUT_PROPERTY + "=" + v + " is not a number of seconds from 1 to "
                    + "604800");
        }
    }
}
