package racetrace.properties;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import racetrace.engine.Config;
import racetrace.engine.Scenario;
import racetrace.engine.ThreadScript;
import racetrace.search.ScheduleString;
import racetrace.search.hunt.Finding;
import racetrace.search.hunt.HuntResult;

/**
 * The record of what the default hunt (seed 1) finds in every version of a bundled model: one line
 * per violated invariant with its minimal counterexample's scenario, or the version's verdict when
 * nothing was violated. {@link HistoryScopeTest} (opt-in: it hunts every version) writes and checks
 * it; {@link HistoryRecordTest} checks in every {@code mvn test} that the model's default scope
 * contains each recorded scenario, so a default scope cut below history fails at once, not only
 * when someone runs the slow test. Lines: {@code variant invariant measure config threads}, the
 * config and threads in the notation of schedule strings ({@code -} for none).
 */
final class HistoryRecord {

    static final String GROUP = "history";

    /** One recorded line, parsed. {@code scenario} is null on a verdict line. */
    record Entry(String variant, String invariant, String measure, Scenario scenario, String verdict) {
    }

    private HistoryRecord() {
    }

    static String file(String family) {
        return family + ".txt";
    }

    /** The record text of one family: a header, then each version's lines in the family's order. */
    static String text(String family, Map<String, HuntResult> byVariant) {
        StringBuilder b = new StringBuilder();
        b.append("# What the default hunt (seed 1) finds in each version of ").append(family)
                .append(": per violated invariant, its minimal\n")
                .append("# counterexample's measure (threads/ops/preemptions/steps), configuration and threads; or the\n")
                .append("# version's verdict. Written by HistoryScopeTest with -Dracetrace.history=true ")
                .append("-D").append(Golden.UPDATE).append("=true;\n")
                .append("# HistoryRecordTest checks in every mvn test that the default scope contains each scenario.\n");
        byVariant.forEach((variant, r) -> {
            if (r.findings().isEmpty()) {
                b.append(variant).append(' ').append(r.verdict().id()).append('\n');
            }
            for (Finding f : r.findings()) {
                b.append(line(variant, f)).append('\n');
            }
        });
        return b.toString();
    }

    static String line(String variant, Finding f) {
        // Fields 5 and 6 of the case's schedule string (configuration, threads): the notation replay reads.
        String[] fields = ScheduleString.encode(f.shrunk()).split(":", -1);
        var m = f.measure();
        String measure = m.threads() + "/" + m.ops() + "/" + m.preemptions() + "/" + m.steps();
        return String.join(" ", variant, f.invariant(), measure, fields[5], fields[6]);
    }

    /** The recorded lines of {@code family}, parsed; an unreadable line fails with its text. */
    static List<Entry> read(String family) {
        List<Entry> out = new ArrayList<>();
        for (String l : Golden.table(GROUP, file(family))) {
            String[] w = l.split(" ");
            if (w.length == 2) {
                out.add(new Entry(w[0], null, null, null, w[1]));
                continue;
            }
            if (w.length != 5) {
                throw new IllegalArgumentException("history record of " + family + ": line '" + l
                        + "' should be 'variant invariant measure config threads' or 'variant verdict'");
            }
            Map<String, Integer> cfg = new LinkedHashMap<>();
            if (!w[3].equals("-")) {
                for (String kv : w[3].split(",")) {
                    int eq = kv.indexOf('=');
                    cfg.put(kv.substring(0, eq), Integer.parseInt(kv.substring(eq + 1)));
                }
            }
            List<ThreadScript> threads = new ArrayList<>();
            if (!w[4].equals("-")) {
                for (String t : w[4].split(",")) {
                    threads.add(ScheduleString.parseThread(t));
                }
            }
            out.add(new Entry(w[0], w[1], w[2], new Scenario(new Config(cfg), threads), null));
        }
        return out;
    }
}
