package racetrace.search;

import java.util.ArrayList;
import java.util.List;

/**
 * A line that says something in one of racetrace's line-oriented files (layouts, writers,
 * verdicts): {@code #} starts a comment, blank lines say nothing, and every error names the line by
 * its number in the file, counted from 1.
 *
 * @param number the line's number in the file
 * @param text the line without its comment, stripped; never empty
 */
public record CommentedLine(int number, String text) {

    /** The lines of a file that say something, in order. */
    public static List<CommentedLine> of(String file) {
        List<CommentedLine> out = new ArrayList<>();
        String[] lines = file.split("\n", -1);
        for (int n = 1; n <= lines.length; n++) {
            String raw = lines[n - 1];
            int hash = raw.indexOf('#');
            String text = (hash < 0 ? raw : raw.substring(0, hash)).strip();
            if (!text.isEmpty()) {
                out.add(new CommentedLine(n, text));
            }
        }
        return out;
    }
}
