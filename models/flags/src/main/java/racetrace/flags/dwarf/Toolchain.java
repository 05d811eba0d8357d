package racetrace.flags.dwarf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

    /** Runs a command in a directory; a missing program is bad input that names the package. */
    static Result run(List<String> command, Path dir) {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            String pkg = command.get(0).startsWith("aarch64") ? "gcc-aarch64-linux-gnu"
                    : command.get(0).equals("readelf") ? "binutils" : "gcc";
            throw new BadInputException(command.get(0) + " is not installed: a C layout needs it (Debian package "
                    + pkg + ")");
        }
        try {
            p.getOutputStream().close();
            // Outputs are small (a struct's DWARF, a few functions): read them after the exit.
            var out = new java.io.ByteArrayOutputStream();
            var err = new java.io.ByteArrayOutputStream();
            Thread t = new Thread(() -> {
                try {
                    p.getErrorStream().transferTo(err);
                } catch (IOException ignored) {
                    // the process is gone; what was read is kept
                }
            });
            t.start();
            p.getInputStream().transferTo(out);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new BadInputException(command.get(0) + " did not finish within 120 s");
            }
            t.join();
            return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }
}
