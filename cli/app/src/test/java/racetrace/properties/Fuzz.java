package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import racetrace.engine.BadInputException;
import racetrace.engine.Execution;
import racetrace.search.Case;
import racetrace.tla.TlaValueWriter;

/** Mutations of valid inputs for the reader fuzz properties, and what a reader may do with them. */
final class Fuzz {

    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCXYZ:.,=+/-_ \n\t\"'{}[]<>()|\\@!#~*";

    private Fuzz() {
    }

    /** One to three random edits: delete, insert, replace, cut, duplicate, drop a run, swap, stray characters. */
    static String mutate(String s, Random r) {
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            s = mutateOnce(s, r);
        }
        return s;
    }

    private static String mutateOnce(String s, Random r) {
        int len = s.length();
        int at = len == 0 ? 0 : r.nextInt(len);
        switch (r.nextInt(10)) {
            case 0:
                return len == 0 ? s : s.substring(0, at) + s.substring(at + 1);
            case 1:
                return s.substring(0, at) + ALPHABET.charAt(r.nextInt(ALPHABET.length())) + s.substring(at);
            case 2:
                return len == 0 ? s : s.substring(0, at) + ALPHABET.charAt(r.nextInt(ALPHABET.length())) + s.substring(at + 1);
            case 3:
                return s.substring(0, at);
            case 4: {
                int to = Math.min(len, at + 1 + r.nextInt(20));
                return s.substring(0, to) + s.substring(at, to) + s.substring(to);
            }
            case 5: {
                int to = Math.min(len, at + 1 + r.nextInt(20));
                return s.substring(0, at) + s.substring(to);
            }
            case 6: {
                if (len < 2) {
                    return s;
                }
                int b = r.nextInt(len);
                char[] c = s.toCharArray();
                char t = c[at];
                c[at] = c[b];
                c[b] = t;
                return new String(c);
            }
            case 7:
                return s.substring(0, at) + (r.nextBoolean() ? "\n" : " ") + s.substring(at);
            case 8: {
                if (len == 0) {
                    return s;
                }
                char c = s.charAt(at);
                char d = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
                return s.substring(0, at) + d + s.substring(at + 1);
            }
            default: {
                String[] odd = {"\u0000", "\u00e9", "\u00a0", "\u200b", "\uffff", "\u0007", "\r\n", "9999999999999",
                    "-1", "\ud83d\ude00"};
                return s.substring(0, at) + odd[r.nextInt(odd.length)] + s.substring(at);
            }
        }
    }

    /** A reader's refusal: bad input, one non-empty line, no exception's name. */
    static void assertClearRefusal(Throwable t, String input) {
        if (!(t instanceof BadInputException)) {
            throw new AssertionError("input " + show(input) + " gave " + t + " instead of a clear refusal", t);
        }
        String m = t.getMessage();
        assertThat(m).as("message for %s", show(input)).isNotBlank().doesNotContain("\tat ")
                .doesNotContain("Exception");
    }

    /** A reader of a mutated input; it may throw whatever it throws. */
    interface Reader<T> {
        T read() throws Exception;
    }

    /**
     * What {@code reader} makes of {@code input}, or null when it refused it clearly (a one-line
     * {@code BadInputException} that names {@code file}, when one is given).
     */
    static <T> T readOrRefused(String input, String file, Reader<T> reader) {
        try {
            return reader.read();
        } catch (Throwable t) {
            assertClearRefusal(t, input);
            if (file != null) {
                assertThat(t.getMessage()).contains(file);
            }
            return null;
        }
    }

    static String show(String s) {
        String t = s.length() > 300 ? s.substring(0, 300) + "..." : s;
        return "'" + t.replace("\n", "\\n") + "'";
    }

    /**
     * TLC's {@code -tool} output for a violating Java run, as TLC prints its counterexample: what a
     * trace file of racetrace tlc holds after its first line.
     */
    static String tlcOutput(Case c) {
        Execution<?> ex = c.run();
        StringBuilder b = new StringBuilder();
        b.append("@!@!@STARTMSG 2262:0 @!@!@\nTLC2 Version 2.18 of 20 March 2023\n@!@!@ENDMSG 2262 @!@!@\n");
        b.append("@!@!@STARTMSG 2110:1 @!@!@\nInvariant ").append(ex.outcome().invariantOrNull())
                .append(" is violated.\n@!@!@ENDMSG 2110 @!@!@\n");
        for (int i = 0; i <= ex.steps().size(); i++) {
            b.append("@!@!@STARTMSG 2217:4 @!@!@\n").append(i + 1).append(": ")
                    .append(i == 0 ? "<Initial predicate>" : "<Step line 1, col 1 to line 2, col 2 of module M>")
                    .append('\n');
            variables(ex, i).forEach((k, v) -> b.append("/\\ ").append(k).append(" = ")
                    .append(TlaValueWriter.standard().write(v)).append('\n'));
            b.append("\n@!@!@ENDMSG 2217 @!@!@\n");
        }
        b.append("@!@!@STARTMSG 2186:0 @!@!@\nFinished in 1500ms at (2026-11-29 22:15:07)\n@!@!@ENDMSG 2186 @!@!@\n");
        return b.toString();
    }

    private static <S> Map<String, Object> variables(Execution<S> ex, int i) {
        return ex.model().variables(ex.stateAt(i));
    }
}
