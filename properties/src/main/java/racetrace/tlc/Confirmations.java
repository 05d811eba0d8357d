package racetrace.tlc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import racetrace.engine.Execution;
import racetrace.engine.Instance;
import racetrace.search.Case;
import racetrace.tla.ExportedTrace;
import racetrace.tla.TlcConfirmation;
import racetrace.tla.TraceConfirmer;

/** Exports counterexamples as TLA+ traces and has TLC confirm them. */
public final class Confirmations {

    private Confirmations() {
    }

    /** A directory name for an instance: {@code vfio-pci_pre-a_granularity-byte}. */
    public static String dirName(Instance id) {
        StringBuilder b = new StringBuilder(id.model()).append('_').append(id.variant());
        id.options().forEach((k, v) -> b.append('_').append(k).append('-').append(v));
        return b.toString();
    }

    /** Exports the case (checking its focus invariant alone) under {@code dir} and runs TLC on the trace. */
    public static TlcConfirmation confirm(Case c, Path dir, Duration timeout) {
        Execution<?> ex = c.run();
        return TraceConfirmer.standard().confirm(ex, dir, timeout);
    }

    /** The bug report to attach to a mail: the table, the replay string and what TLC said, in Markdown. */
    public static void writeReport(racetrace.hunt.HuntResult r, racetrace.hunt.Finding f, TlcConfirmation c,
            Path file) {
        new racetrace.tla.report.BugReport(f.invariant(), "`racetrace hunt` (seed " + r.seed() + ", try "
                + f.tryNumber() + ")", f.shrunk().run(), racetrace.hunt.HuntReport.table(f.shrunk()),
                f.shrunk().toString(), c, null).write(file);
    }

    /** JSON fields: tlcConfirmed (same invariant, same step), the verdict in words, and the exported files. */
    public static Map<String, Object> json(TlcConfirmation c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tlcConfirmed", c.isConfirmed());
        m.put("tlc", c.describe());
        if (c instanceof TlcConfirmation.Rejected r) {
            m.put("tlcRejectedAtStep", r.step());
        }
        ExportedTrace e = c.export();
        if (e != null) {
            Map<String, Object> files = new LinkedHashMap<>();
            files.put("tla", e.tla().toString());
            files.put("cfg", e.cfg().toString());
            files.put("json", e.json().toString());
            files.put("report", e.directory().resolve("report.md").toString());
            m.put("tlcFiles", files);
            m.put("tlcCommand", e.tlcCommand());
        }
        if (c.tlc() != null && c.tlc().wallTime() != null) {
            m.put("tlcMillis", c.tlc().wallTime().toMillis());
        }
        return m;
    }
}
