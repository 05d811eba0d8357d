package racetrace.cli;

import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import racetrace.report.ComparisonPage;
import racetrace.search.hunt.Finding;
import racetrace.search.hunt.HuntResult;
import racetrace.tla.TlaExportException;
import racetrace.tla.TlcConfirmation;
import racetrace.tla.report.BundleWriter;
import racetrace.tlc.Confirmations;

/**
 * What {@code hunt --out DIR} writes: a bundle per counterexample under {@code
 * DIR/<instance>/<invariant>/} and, when the hunt ends, the comparison page {@code index.html}
 * and {@code index.md} linking every bundle and the evidence of every held verdict.
 */
final class HuntBundles {

    private final Path out;
    private final List<ComparisonPage.Entry> entries = new ArrayList<>();
    private Map<String, String> current;

    HuntBundles(Path out) {
        this.out = out;
    }

    /** The directory of an instance's bundle for an invariant. */
    Path dir(HuntResult r, String invariant) {
        return out.resolve(Confirmations.dirName(r.model().instance())).resolve(invariant);
    }

    /** Starts an instance: its bundles are recorded for the page. */
    void begin(HuntResult r) {
        current = new LinkedHashMap<>();
        entries.add(new ComparisonPage.Entry(r, current));
    }

    /**
     * Writes the bundle of a finding; returns what went wrong, or null.
     *
     * @param c TLC's verdict on the trace exported into the directory, or null without --tlc
     */
    String write(HuntResult r, Finding f, TlcConfirmation c, String replayOptions) {
        Path dir = dir(r, f.invariant());
        try {
            BundleWriter.Written w = Confirmations.writeBundle(r, f, c, c == null ? "not run: add --tlc to have TLC "
                    + "confirm the trace (the TLA+ files here let anyone run it)" : null, dir, replayOptions);
            current.put(f.invariant(), out.toAbsolutePath().normalize().relativize(w.directory().toAbsolutePath()
                    .normalize()).toString().replace(File.separatorChar, '/'));
            return null;
        } catch (UncheckedIOException e) {
            return e.getMessage() + " (" + OutputDirectory.reason(e.getCause()) + ")";
        } catch (TlaExportException e) {
            return e.getMessage();
        }
    }

    /** The bundle directory written for a finding of the current instance, or null. */
    Path written(String invariant) {
        String rel = current == null ? null : current.get(invariant);
        return rel == null ? null : out.resolve(rel);
    }

    /** Writes index.html and index.md over every instance so far; returns index.html. */
    Path page() {
        return ComparisonPage.write(out, entries).get(0);
    }
}
