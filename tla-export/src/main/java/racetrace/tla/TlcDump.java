package racetrace.tla;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import racetrace.engine.BadInputException;

/**
 * Reads the file TLC writes with {@code -dump <file>}: every distinct state it reached, as
 * {@code State n:} followed by the conjunction of the variables' values.
 */
public final class TlcDump {

    private TlcDump() {
    }

    /**
     * Where TLC should write its dump in {@code dir}: the directory made if missing, and a dump
     * of an earlier run removed, so what is read afterwards is this run's.
     */
    public static Path freshFile(Path dir) {
        Path dump = dir.resolve("states.dump");
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(dump);
        } catch (IOException e) {
            throw new BadInputException("cannot use directory " + dir + ": " + e.getMessage());
        }
        return dump;
    }

    /** The states in the order TLC wrote them, each variable's value read by {@link TlaValueParser}. */
    public static List<Map<String, Object>> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TraceImportException(0, "cannot read TLC's state dump " + file + ": " + e.getMessage());
        }
        List<Map<String, Object>> states = new ArrayList<>();
        StringBuilder body = null;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("State ") && line.strip().endsWith(":")) {
                if (body != null) {
                    states.add(TlaValueParser.parseState(body.toString()));
                }
                body = new StringBuilder();
            } else if (body != null && !line.isBlank()) {
                body.append(line).append('\n');
            }
        }
        if (body != null) {
            states.add(TlaValueParser.parseState(body.toString()));
        }
        return states;
    }
}
