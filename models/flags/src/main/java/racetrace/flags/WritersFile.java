package racetrace.flags;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import racetrace.engine.BadInputException;
import racetrace.search.CommentedLine;

/**
 * A writers file: rows of a flags model's writers table, in the format {@code racetrace layout
 * <model> --writers} prints the bundled table in. One row per line, seven columns separated by
 * {@code |}: the field, the context (as the table names it: {@code ioctl}, {@code config write},
 * ...), the kernel function, the value stored (in words; {@code false} or {@code 0} for a constant
 * row that clears the flag), the kind ({@code constant} or {@code computed}), the locks held at the
 * store (the model's lock names joined by {@code +}, or {@code none}), and the runtime-PM state
 * ({@code holds a usage reference} or {@code none}). {@code #} starts a comment.
 *
 * <p>A row the bundled table already has (same field, context and function) is the bundled row and
 * adds nothing; every other row becomes a writer the model runs: an op of its own ({@code w1},
 * {@code w2}, ...), by the actor of its context, that takes the row's locks, stores the field and
 * releases them (see {@code FlagsDefinition.extraProgram}). A row in a context whose framing the
 * model lacks is refused, naming the contexts it has.
 */
public final class WritersFile {

    static final String HOLDS = "holds a usage reference";

    private WritersFile() {
    }

    /** Whether a row's runtime-PM column says the writer holds a usage reference. */
    static boolean holdsReference(String pm) {
        return pm.startsWith(HOLDS) || pm.equals("reference");
    }

    /**
     * The rows a file adds to an instance's table, each with its op name as its site; errors name
     * the file and line.
     */
    public static List<Writer> parse(String text, String origin, FlagsModel base) {
        FlagsDefinition def = base.definition();
        List<Writer> out = new ArrayList<>();
        for (CommentedLine line : CommentedLine.of(text)) {
            String where = origin + ":" + line.number() + ": ";
            String[] c = Arrays.stream(line.text().split("\\|", -1)).map(String::strip).toArray(String[]::new);
            if (c.length != 7) {
                throw new BadInputException(where + "a row has 7 columns separated by |: field | context | function "
                        + "| value | kind | locks | pm; this one has " + c.length);
            }
            String field = c[0];
            if (!base.units().has(field)) {
                throw new BadInputException(where + "layout " + base.layout().name() + " has no member " + field
                        + "; its members are " + base.layout().fields().stream().map(Layout.Field::name).toList());
            }
            Context context = Arrays.stream(Context.values()).filter(x -> x.toString().equals(c[1])).findFirst()
                    .orElseThrow(() -> new BadInputException(where + "unknown context '" + c[1] + "'; contexts are "
                            + Arrays.stream(Context.values()).map(Context::toString).toList()));
            if (c[2].isEmpty() || c[3].isEmpty()) {
                throw new BadInputException(where + "give the kernel function and the value stored");
            }
            if (!c[4].equals(UnitMap.CONSTANT) && !c[4].equals(UnitMap.COMPUTED)) {
                throw new BadInputException(where + "kind '" + c[4] + "' is neither " + UnitMap.CONSTANT + " nor "
                        + UnitMap.COMPUTED);
            }
            List<String> locks = new ArrayList<>();
            if (!c[5].equals("none")) {
                for (String l : c[5].split("\\+")) {
                    String lock = l.strip();
                    if (!def.locks().contains(lock)) {
                        throw new BadInputException(where + "unknown lock '" + lock + "'; the " + def.family()
                                + " model's locks are " + def.locks() + " (or none)");
                    }
                    if (locks.contains(lock)) {
                        throw new BadInputException(where + "lock " + lock + " is named twice");
                    }
                    locks.add(lock);
                }
            }
            if (!holdsReference(c[6]) && !c[6].equals("none") && !c[6].equals("-")) {
                throw new BadInputException(where + "runtime PM '" + c[6] + "' is neither '" + HOLDS + "' nor none");
            }
            boolean bundled = def.buildWriters().stream().anyMatch(w -> w.field().equals(field)
                    && w.context() == context && w.function().equals(c[2]));
            if (bundled) {
                continue;
            }
            if (def.frame(context) == null) {
                throw new BadInputException(where + "a writer in context '" + context + "' cannot be added to "
                        + def.family() + " (the model has no thread that runs it); contexts a writers file may "
                        + "name: " + def.supportedContexts().stream().map(Context::toString).toList());
            }
            out.add(new Writer(field, "w" + (out.size() + 1), context, c[2], c[3], c[4], locks,
                    holdsReference(c[6]) ? HOLDS : "none", null));
        }
        return List.copyOf(out);
    }

    /** A table as a writers file: every row of an instance's writers table, one line each. */
    public static String format(FlagsModel m) {
        StringBuilder b = new StringBuilder();
        b.append("# the writers table of ").append(m.instance()).append(" (racetrace layout ")
                .append(m.instance().model()).append(" --writers); add rows for flags it lacks, give it with --writers\n");
        b.append("# field | context | function | value | kind | locks (").append(String.join(", ", m.definition().locks()))
                .append(", joined by +, or none) | pm (").append(HOLDS).append(" or none)\n");
        for (Writer w : m.writers()) {
            List<String> locks = w.locks().stream().filter(l -> !l.equals("+")).toList();
            b.append(String.join(" | ", List.of(w.field(), w.context().toString(), w.function(), w.value(), w.kind(),
                    locks.isEmpty() ? "none" : String.join("+", locks), holdsReference(w.pm()) ? HOLDS : "none")))
                    .append('\n');
        }
        return b.toString();
    }

    /** A digest of rows (for the variant's name): field, context, function, value, kind, locks, pm. */
    static String canonical(List<Writer> rows) {
        StringBuilder b = new StringBuilder();
        for (Writer w : rows) {
            b.append(String.join("|", List.of(w.field(), w.context().name(), w.function(), w.value(), w.kind(),
                    String.join("+", w.locks()), w.pm()))).append('\n');
        }
        return b.toString();
    }
}
