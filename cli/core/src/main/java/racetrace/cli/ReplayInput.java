package racetrace.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import racetrace.engine.BadInputException;
import racetrace.search.Case;
import racetrace.search.ScheduleString;
import racetrace.tlc.CounterexampleFile;
import racetrace.tlc.ItfTraceFile;
import racetrace.tlc.TlcTraceFile;

/**
 * What {@code racetrace replay} was given: a schedule string, or a file holding a TLC trace
 * ({@code racetrace tlc}), a counterexample or JSON line ({@code hunt --tlc}, {@code --json}), or
 * one schedule string. A string is told from a file by its shape ({@code rt<digits>:}), never by
 * whether a file of that name happens to exist; every error about a file names it.
 */
public final class ReplayInput {

    /** Larger than any trace racetrace writes by far; a bigger file is not one of them. */
    static final long MAX_BYTES = 64L << 20;

    private static final String WHAT = "replay takes a schedule string (rt2:..., as hunt and tlc print it), - for "
            + "standard input, a bundle directory (from hunt --out), or a file: "
            + "a TLC trace file (tlc-trace.txt from racetrace tlc), an ITF trace (trace.itf.json of a bundle), a "
            + "counterexample .json (from hunt --out) or a text file holding one schedule string";

    private ReplayInput() {
    }

    /** The case the argument names; {@code -} reads this process's standard input. */
    public static Case read(String arg) {
        return read(arg, System.in);
    }

    /** The case the argument names; {@code -} reads {@code stdin}. */
    public static Case read(String arg, InputStream stdin) {
        return decode(text(arg, stdin));
    }

    /**
     * What an argument holds, read but not decoded: a schedule string itself, or the text of a file
     * or of standard input.
     *
     * @param name how messages call it: the file's name, "standard input", or "the schedule string"
     * @param text the string or the file's text
     * @param isString whether the argument was the string itself
     */
    record Text(String name, String text, boolean isString) {
    }

    /** Reads what the argument names (a file, standard input), refusing what is no text; decodes nothing. */
    static Text text(String arg, InputStream stdin) {
        if (ScheduleString.looksLikeOne(arg)) {
            return new Text("the schedule string", arg, true);
        }
        if (arg.equals("-")) {
            try {
                return new Text("standard input", textOf("standard input", stdin.readNBytes((int) MAX_BYTES)), false);
            } catch (IOException e) {
                throw new BadInputException("cannot read standard input (" + OutputDirectory.reason(e) + ")");
            }
        }
        Path file;
        try {
            file = Path.of(arg);
        } catch (InvalidPathException e) {
            throw new BadInputException("'" + abbreviate(arg) + "' is neither a schedule string nor a file name; " + WHAT);
        }
        if (arg.isBlank()) {
            throw new BadInputException("the argument is empty; " + WHAT);
        }
        if (!Files.exists(file)) {
            throw new BadInputException("there is no file " + arg + ", and it is not a schedule string either (one "
                    + "starts with '" + ScheduleString.PREFIX + ":'); " + WHAT);
        }
        if (Files.isDirectory(file)) {
            throw new BadInputException(arg + " is a directory, not a file; " + WHAT);
        }
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(arg + " is not a regular file; " + WHAT);
        }
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new BadInputException(arg + " has " + (Files.size(file) >> 20) + " MiB, more than any file replay "
                        + "reads (" + (MAX_BYTES >> 20) + " MiB); " + WHAT);
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + arg + " (" + OutputDirectory.reason(e) + "); " + WHAT);
        }
        return new Text(arg, textOf(arg, bytes), false);
    }

    /** The case a text names: the string decoded, or the file's content read as what it is. */
    static Case decode(Text t) {
        return t.isString() ? ScheduleString.decode(t.text()) : readText(t.name(), t.text());
    }

    /** The case a file's content names; {@code name} is how messages call the file. */
    public static Case readFile(String name, byte[] bytes) {
        return readText(name, textOf(name, bytes));
    }

    /** A file's bytes as text: UTF-8, no NUL byte, no byte-order mark, not blank. */
    private static String textOf(String name, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new BadInputException(name + " is a binary file (a NUL byte at offset " + i + "), not text; "
                        + WHAT);
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException(name + " is not UTF-8 text (a binary file?); " + WHAT);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new BadInputException(name + " is empty; " + WHAT);
        }
        return text;
    }

    private static Case readText(String name, String text) {
        if (TlcTraceFile.looksLikeOne(text)) {
            return TlcTraceFile.read(name, text);
        }
        if (ItfTraceFile.looksLikeOne(text)) {
            return ItfTraceFile.read(name, text);
        }
        if (CounterexampleFile.looksLikeOne(text)) {
            return CounterexampleFile.read(name, text);
        }
        if (ScheduleString.looksLikeOne(text)) {
            List<Integer> starts = new ArrayList<>();
            String[] lines = text.split("\\R", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].strip().matches("rt[0-9]+:.*")) {
                    starts.add(i + 1);
                }
            }
            if (starts.size() > 1) {
                throw new BadInputException(name + " holds " + starts.size() + " schedule strings (lines "
                        + starts.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("") + "); give "
                        + "one: a file with only that string, or the string itself");
            }
            try {
                return ScheduleString.decode(text);
            } catch (BadInputException e) {
                throw new BadInputException(name + ": " + e.getMessage());
            }
        }
        String first = text.strip().lines().findFirst().orElse("");
        throw new BadInputException(name + " is not a schedule string, TLC trace file or counterexample JSON: it "
                + "starts with '" + abbreviate(first) + "'; " + WHAT);
    }

    private static String abbreviate(String s) {
        String shown = s.replaceAll("[^\\x20-\\x7e]", "?");
        return shown.length() <= 40 ? shown : shown.substring(0, 37) + "...";
    }
}
