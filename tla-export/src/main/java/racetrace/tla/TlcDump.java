package racetrace.tla;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The states TLC writes with {@code -dump <file>} ({@code <file>.dump}): blocks {@code State n:}
 * followed by the state as a conjunction of {@code var = value}. Used to name a state that TLC
 * reaches and a Java search does not, or the other way round.
 */
public final class TlcDump {

    private static final Pattern BLOCK = Pattern.compile("(?m)^State \\d+:\\s*$");

    private TlcDump() {
    }

    /** The file TLC writes for {@code -dump base}. */
    public static Path fileOf(Path base) {
        return base.resolveSibling(base.getFileName() + ".dump");
    }

    /** Every state of the dump, as TLA+ values ({@link TlaValueParser}), in TLC's order. */
    public static List<Map<String, Object>> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read TLC's state dump " + file, e);
        }
        List<Map<String, Object>> states = new ArrayList<>();
        for (String block : BLOCK.split(text)) {
            if (!block.isBlank()) {
                states.add(TlaValueParser.parseState(block.strip()));
            }
        }
        return states;
    }
}
