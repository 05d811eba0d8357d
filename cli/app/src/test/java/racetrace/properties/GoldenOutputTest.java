package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files ({@link Golden}) of what the commands print on standard output: {@code list}, the
 * hunt's text per instance and its closing summary (the verdict table, with each verdict:
 * violated, held, inconclusive), {@code replay}'s table and verdict of both model families, and
 * the {@code fields} tables (one instance, and {@code --compare}). The commands are the table
 * {@code golden/commands/commands.txt}, each work-bounded with a fixed seed so that it prints the
 * same on any machine; wall times are masked. Each golden file {@code <name>.txt} holds the
 * command line, its exit code and its standard output.
 */
class GoldenOutputTest {

    private static final String GROUP = "commands";

    @TestFactory
    Stream<DynamicTest> commands() {
        List<String> rows = Golden.table(GROUP, "commands.txt");
        assertThat(rows).hasSizeGreaterThanOrEqualTo(8);
        return rows.stream().map(row -> {
            String[] f = row.split(" +");
            String name = f[0];
            String[] args = List.of(f).subList(1, f.length).toArray(new String[0]);
            return DynamicTest.dynamicTest(name, () -> {
                CommandLineTest.Run r = CommandLineTest.run(args);
                assertThat(r.code()).as(r.err()).isIn(0, 1, 4);
                Golden.check(GROUP, name + ".txt", "$ racetrace " + String.join(" ", args) + "\n"
                        + "exit " + r.code() + "\n" + Golden.masked(r.out()));
            });
        });
    }
}
