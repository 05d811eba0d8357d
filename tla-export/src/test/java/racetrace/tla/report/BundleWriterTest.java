package racetrace.tla.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racetrace.engine.Execution;
import racetrace.tla.ItfTrace;

class BundleWriterTest {

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theSameCounterexampleWrittenTwiceGivesTheSameBytes(@TempDir Path tmp) throws IOException {
        Execution<?> ex = ExplainerTest.lostIncrement(new ReadingCounterModel(false));
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        BundleWriter.write(a, ex, null, "rt2:not-decoded-here", "a test", "", null, "not run: a test");
        BundleWriter.write(b, ExplainerTest.lostIncrement(new ReadingCounterModel(false)), null,
                "rt2:not-decoded-here", "a test", "", null, "not run: a test");
        assertThat(names(a)).containsExactly(BundleWriter.MANIFEST, BundleWriter.COUNTEREXAMPLE, BundleWriter.REPORT,
                ItfTrace.FILE, BundleWriter.SVG);
        for (String f : names(a)) {
            assertThat(Files.readAllBytes(b.resolve(f))).as(f).isEqualTo(Files.readAllBytes(a.resolve(f)));
        }
        String report = Files.readString(a.resolve(BundleWriter.REPORT));
        assertThat(report).startsWith("# NoLostIncrement violated in counter/racy\n\ncpu A's store of counter at step 4 "
                + "overwrote cpu B's store");
        assertThat(report).contains("![The counterexample as swimlanes", "(trace.svg)", "The whole bundle replays too");
        assertThat(Files.readString(a.resolve(BundleWriter.MANIFEST))).contains("\"racingSteps\" : [ 1, 3, 4 ]",
                "\"preemptions\" : [ 2 ]", BundleWriter.sha256(a.resolve(ItfTrace.FILE)));
    }
}
