package racetrace.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import racetrace.engine.BadInputException;
import racetrace.engine.Instance;
import racetrace.engine.Invariant;
import racetrace.engine.Measure;
import racetrace.engine.ModelFamily;
import racetrace.engine.Models;
import racetrace.search.Assumptions;
import racetrace.search.hunt.Finding;
import racetrace.search.hunt.HuntResult;

/**
 * The comparison page of a hunt with {@code --out} ({@code index.html} and {@code index.md}, from
 * {@code index.html.ftl} and {@code index.md.ftl}): per model, its versions against its invariants,
 * each cell a link to the counterexample's bundle or to the evidence of the held verdict; the
 * assumptions each verdict rests on; for each pair of consecutive versions the counterexamples
 * the change removed and added; every bundle with its sentence. Self-contained (no script, no
 * style or font from elsewhere) and without times, so the same hunt gives the same page.
 */
public final class ComparisonPage {

    public static final String HTML = "index.html";
    public static final String MARKDOWN = "index.md";

    private ComparisonPage() {
    }

    /**
     * One hunted instance and where its bundles are.
     *
     * @param result the hunt's result
     * @param bundles the invariant of each finding to its bundle directory, relative to the page
     *     ('/'-separated)
     */
    public record Entry(HuntResult result, Map<String, String> bundles) {
    }

    /** Writes index.html and index.md into {@code out}; returns their paths. */
    public static List<Path> write(Path out, List<Entry> entries) {
        Map<String, Object> data = data(entries);
        Path html = out.resolve(HTML);
        Path md = out.resolve(MARKDOWN);
        try {
            Files.createDirectories(out);
            Files.writeString(html, Templates.render(HTML, data), StandardCharsets.UTF_8);
            Files.writeString(md, Templates.render(MARKDOWN, data), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the comparison page in " + out, e);
        }
        return List.of(html, md);
    }

    static Map<String, Object> data(List<Entry> entries) {
        // models in the hunt's order; within a model, groups of instances that differ only by variant
        Map<String, Map<String, List<Entry>>> byModel = new LinkedHashMap<>();
        for (Entry e : entries) {
            Instance id = e.result().model().instance();
            byModel.computeIfAbsent(id.model(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(groupKey(id), k -> new ArrayList<>()).add(e);
        }
        List<Map<String, Object>> models = new ArrayList<>();
        List<Map<String, Object>> bundles = new ArrayList<>();
        List<Map<String, Object>> held = new ArrayList<>();
        int found = 0;
        for (Map.Entry<String, Map<String, List<Entry>>> m : byModel.entrySet()) {
            List<Map<String, Object>> groups = new ArrayList<>();
            for (Map.Entry<String, List<Entry>> g : m.getValue().entrySet()) {
                groups.add(group(g.getKey(), g.getValue()));
            }
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("name", m.getKey());
            model.put("anchor", anchor("model-" + m.getKey()));
            model.put("groups", groups);
            models.add(model);
        }
        for (Entry e : entries) {
            HuntResult r = e.result();
            for (Finding f : r.findings()) {
                found++;
                String dir = e.bundles().get(f.invariant());
                Map<String, Object> b = new LinkedHashMap<>();
                b.put("instance", r.model().instance().toString());
                b.put("invariant", f.invariant());
                b.put("explanation", HuntReport.explanation(f.shrunk()));
                b.put("measure", measure(f.measure()));
                b.put("anchor", anchor("cx-" + r.model().instance() + "-" + f.invariant()));
                b.put("mdAnchor", slug(f.invariant() + " in " + r.model().instance()));
                b.put("dir", dir == null ? "" : href(dir));
                b.put("assumptions", VerdictAssumptions.of(r, f));
                bundles.add(b);
            }
            if (!r.violated() || r.findings().size() < invariantNames(r).size()) {
                Map<String, Object> h = new LinkedHashMap<>();
                h.put("instance", r.model().instance().toString());
                h.put("anchor", evidenceAnchor(r));
                h.put("mdAnchor", slug(r.model().instance().toString()));
                h.put("evidence", HuntReport.evidenceText(r.evidence(), false));
                h.put("cutShort", r.shortfall() == null ? "" : HuntReport.why(r));
                h.put("assumptions", VerdictAssumptions.of(r, null));
                h.put("invariants", invariantNames(r).stream()
                        .filter(i -> r.findings().stream().noneMatch(f -> f.invariant().equals(i))).toList());
                held.add(h);
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("models", models);
        data.put("bundles", bundles);
        data.put("held", held);
        data.put("instances", entries.size());
        data.put("counterexamples", found);
        data.put("seeds", entries.stream().map(e -> e.result().seed()).distinct().toList());
        data.put("strategies", entries.stream().map(e -> e.result().strategy().id()).distinct().toList());
        data.put("assumptionsNote", VerdictAssumptions.NOTE);
        return data;
    }

    /** One table: the instances of a model that differ only by variant (and the options each variant defaults). */
    private static Map<String, Object> group(String key, List<Entry> entries) {
        Set<String> invariants = new LinkedHashSet<>();
        for (Entry e : entries) {
            invariants.addAll(invariantNames(e.result()));
        }
        List<Map<String, Object>> columns = new ArrayList<>();
        for (Entry e : entries) {
            Instance id = e.result().model().instance();
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("variant", id.variant());
            c.put("options", options(id));
            c.put("instance", id.toString());
            c.put("assumptions", VerdictAssumptions.of(e.result(), null));
            columns.add(c);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String inv : invariants) {
            List<Map<String, Object>> cells = new ArrayList<>();
            for (Entry e : entries) {
                cells.add(cell(e, inv));
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("invariant", inv);
            row.put("cells", cells);
            rows.add(row);
        }
        List<Map<String, Object>> changes = new ArrayList<>();
        for (int i = 0; i + 1 < entries.size(); i++) {
            changes.add(change(entries.get(i), entries.get(i + 1), invariants));
        }
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("key", key);
        g.put("columns", columns);
        g.put("rows", rows);
        g.put("changes", changes);
        return g;
    }

    private static Map<String, Object> cell(Entry e, String invariant) {
        HuntResult r = e.result();
        Map<String, Object> c = new LinkedHashMap<>();
        Finding f = finding(r, invariant);
        if (!invariantNames(r).contains(invariant)) {
            c.put("kind", "unchecked");
            c.put("text", "-");
            c.put("href", "");
            c.put("title", r.model().instance() + " has no invariant " + invariant);
        } else if (f != null) {
            String dir = e.bundles().get(invariant);
            c.put("kind", "violated");
            c.put("text", "violated " + measure(f.measure()) + (f.assumptions().isEmpty() ? ""
                    : " if " + Assumptions.conditions(f.assumptions())));
            c.put("href", dir == null ? "" : href(dir) + "/report.md");
            c.put("svg", dir == null ? "" : href(dir) + "/trace.svg");
            c.put("title", HuntReport.explanation(f.shrunk()));
        } else {
            boolean held = r.shortfall() == null; // a violated instance's other invariants held in the whole work
            c.put("kind", held ? "held" : "cut");
            c.put("text", held ? (r.evidence().exhaustive() ? "held (exhaustive)" : "held (random)") : "inconclusive");
            c.put("href", "#" + evidenceAnchor(r));
            c.put("mdHref", "#" + slug(r.model().instance().toString()));
            c.put("title", HuntReport.evidenceText(r.evidence(), false));
        }
        c.putIfAbsent("svg", "");
        c.putIfAbsent("mdHref", c.get("href"));
        return c;
    }

    /** What the change from one version to the next removed and added, by invariant. */
    private static Map<String, Object> change(Entry from, Entry to, Set<String> invariants) {
        List<Map<String, Object>> removed = new ArrayList<>();
        List<Map<String, Object>> added = new ArrayList<>();
        List<String> still = new ArrayList<>();
        for (String inv : invariants) {
            Finding before = finding(from.result(), inv);
            Finding after = finding(to.result(), inv);
            if (before != null && after == null) {
                removed.add(link(from, inv, before, invariantNames(to.result()).contains(inv) ? ""
                        : " (the later version has no such invariant)"));
            } else if (before == null && after != null) {
                added.add(link(to, inv, after, invariantNames(from.result()).contains(inv) ? ""
                        : " (the earlier version has no such invariant)"));
            } else if (before != null) {
                still.add(inv);
            }
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("from", from.result().model().instance().toString());
        c.put("to", to.result().model().instance().toString());
        c.put("fromVariant", from.result().model().instance().variant());
        c.put("toVariant", to.result().model().instance().variant());
        c.put("removed", removed);
        c.put("added", added);
        c.put("still", still);
        return c;
    }

    private static Map<String, Object> link(Entry e, String invariant, Finding f, String note) {
        String dir = e.bundles().get(invariant);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("invariant", invariant);
        m.put("instance", e.result().model().instance().toString());
        m.put("href", dir == null ? "" : href(dir) + "/report.md");
        m.put("measure", measure(f.measure()));
        m.put("note", note);
        return m;
    }

    private static Finding finding(HuntResult r, String invariant) {
        return r.findings().stream().filter(f -> f.invariant().equals(invariant)).findFirst().orElse(null);
    }

    private static List<String> invariantNames(HuntResult r) {
        return r.model().invariants().stream().map(Invariant::name).toList();
    }

    /** The options that are not the variant's default: instances differing only by variant share a table. */
    static String groupKey(Instance id) {
        Map<String, String> kept = new TreeMap<>();
        ModelFamily family;
        try {
            family = Models.family(id.model());
        } catch (BadInputException e) {
            family = null;
        }
        for (Map.Entry<String, String> o : id.options().entrySet()) {
            String dflt = null;
            if (family != null && family.options().containsKey(o.getKey())) {
                dflt = family.defaultOption(id.variant(), o.getKey());
            }
            if (!o.getValue().equals(dflt)) {
                kept.put(o.getKey(), o.getValue());
            }
        }
        return kept.isEmpty() ? "" : kept.toString();
    }

    private static String options(Instance id) {
        List<String> parts = new ArrayList<>();
        id.options().forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(", ", parts);
    }

    static String measure(Measure m) {
        return m.threads() + "/" + m.ops() + "/" + m.preemptions() + "/" + m.steps();
    }

    private static String evidenceAnchor(HuntResult r) {
        return anchor("held-" + r.model().instance());
    }

    /** An HTML id: letters, digits and '-' only. */
    static String anchor(String s) {
        return s.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "").toLowerCase(Locale.ROOT);
    }

    /**
     * The anchor a Markdown renderer (GitHub's rule) gives a heading: lower case, letters, digits,
     * '-' and '_' kept, spaces as '-', anything else dropped (the docs' link check uses it too).
     */
    public static String slug(String heading) {
        StringBuilder b = new StringBuilder();
        for (char c : heading.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                b.append(c);
            } else if (c == ' ') {
                b.append('-');
            }
        }
        return b.toString();
    }

    /** A relative path as a link: '/'-separated, anything but [A-Za-z0-9._~/-] percent-encoded. */
    static String href(String path) {
        StringBuilder b = new StringBuilder();
        for (byte c : path.replace('\\', '/').getBytes(StandardCharsets.UTF_8)) {
            char ch = (char) (c & 0xff);
            if (Character.isLetterOrDigit(ch) && ch < 128 || "._~/-".indexOf(ch) >= 0) {
                b.append(ch);
            } else {
                b.append('%').append(String.format("%02X", c & 0xff));
            }
        }
        return b.toString();
    }
}
