package racetrace.tlc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import racetrace.engine.BadInputException;
import racetrace.engine.FocusedModel;
import racetrace.engine.Model;
import racetrace.search.Case;
import racetrace.search.ScheduleString;
import racetrace.tla.CounterexampleImporter;
import racetrace.tla.ImportedTrace;
import racetrace.tla.TlcOutputParser;
import racetrace.tla.TlcResult;

/**
 * A TLC counterexample as a file: one header line naming the instance and scenario (a schedule
 * string without choices), then TLC's own {@code -tool} output. {@code racetrace replay <file>}
 * imports it back into Java.
 */
public final class TlcTraceFile {

    public static final String HEADER = "# racetrace-tlc-trace 1 ";

    private TlcTraceFile() {
    }

    public static void write(Path file, Case scenario, String tlcOutput) {
        try {
            Files.writeString(file, HEADER + ScheduleString.encode(scenario.unfocused()) + "\n" + tlcOutput,
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static boolean looksLikeOne(String text) {
        return text.startsWith(HEADER);
    }

    /** Reads a trace file and imports its counterexample into a Java case focused on TLC's invariant. */
    public static Case read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage());
        }
        if (!looksLikeOne(text)) {
            throw new BadInputException(file + " is not a racetrace TLC trace file (its first line should start with '"
                    + HEADER.strip() + "'); racetrace tlc writes them");
        }
        int nl = text.indexOf('\n');
        Case scenario = ScheduleString.decode(text.substring(HEADER.length(), nl < 0 ? text.length() : nl).strip());
        TlcResult r = TlcOutputParser.parse(nl < 0 ? "" : text.substring(nl + 1), List.of(), 0, Duration.ZERO, false,
                Duration.ZERO);
        if (r.trace().isEmpty()) {
            throw new BadInputException(file + " holds no TLC error trace (" + r.summary() + ")");
        }
        return imported(scenario, r);
    }

    /** TLC's error trace as a Java case: the schedule that reproduces every TLC state. */
    public static Case imported(Case scenario, TlcResult r) {
        Model<?> m = scenario.model();
        Model<?> focused = r.violatedInvariant() == null ? m : FocusedModel.of(m, r.violatedInvariant());
        ImportedTrace<?> t = CounterexampleImporter.replay(focused, scenario.scenario(), r);
        return new Case(m, scenario.scenario(), t.schedule(), r.violatedInvariant());
    }
}
