package racetrace.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import racetrace.report.ComparisonPage;

/**
 * The documentation holds together inside the repository: every relative link and anchor of the
 * Markdown files resolves, the README stays short and shows the two commands, and every citation
 * of the research notes in the code (a path under docs/research, a section number, a step name)
 * names something those notes have. A clone can follow every one of them.
 */
class DocsLinksTest {

    /** The repository: the tests run in cli/app. */
    private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();

    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern SECTION_HEADING = Pattern.compile("^#{2,4}\\s+(\\d+(?:\\.\\d+)?)[.\\s]");

    @Test
    void readmeIsShortAndShowsTheTwoCommands() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("README.md"));
        String text = String.join("\n", lines);
        assertThat(lines.size()).as("README.md lines").isLessThanOrEqualTo(250);
        assertThat(text).contains("./racetrace hunt --all").contains("mvn -B test");
    }

    @Test
    void everyRelativeLinkAndAnchorResolves() {
        List<String> broken = new ArrayList<>();
        List<Path> files = markdownFiles();
        assertThat(files).contains(ROOT.resolve("README.md"), ROOT.resolve("docs/guide.md"),
                ROOT.resolve("docs/architecture.md"), ROOT.resolve("docs/research/xen-evtchn-fifo.md"));
        int links = 0;
        for (Path file : files) {
            for (Link link : links(file)) {
                links++;
                String problem = resolve(file, link.target());
                if (problem != null) {
                    broken.add(ROOT.relativize(file) + ":" + link.line() + ": (" + link.target() + ") " + problem);
                }
            }
        }
        assertThat(links).as("links found").isGreaterThan(50);
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void everyPathUnderDocsResearchThatTheSourcesNameExists() throws IOException {
        Pattern cited = Pattern.compile("docs/research/[A-Za-z0-9_./-]*[A-Za-z0-9_/]");
        List<String> missing = new ArrayList<>();
        for (Path f : sources()) {
            Matcher m = cited.matcher(read(f));
            while (m.find()) {
                String p = m.group();
                if (!Files.exists(ROOT.resolve(p))) {
                    missing.add(ROOT.relativize(f) + ": " + p);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void theSectionsTheModelsCiteExistInTheirNotes() throws IOException {
        Set<String> xen = sections(ROOT.resolve("docs/research/xen-evtchn-fifo.md"));
        Set<String> flags = sections(ROOT.resolve("docs/research/vfio-pci-bitfields.md"));
        assertThat(xen).contains("1.7", "2.6", "3.3");
        assertThat(flags).contains("2.1", "3", "5.3");
        List<String> unknown = new ArrayList<>();
        int citations = 0;
        for (Path f : sources()) {
            String rel = ROOT.relativize(f).toString().replace('\\', '/');
            Set<String> notes = rel.startsWith("models/xen-fifo/") || rel.startsWith("spec/xen-fifo/") ? xen
                    : rel.startsWith("models/flags/") || rel.startsWith("spec/flags/")
                            || rel.contains("/racetrace/flags/") || rel.contains("/racetrace/fields/") ? flags : null;
            if (notes == null || rel.endsWith(".md")) {
                continue;
            }
            for (String section : citedSections(read(f))) {
                citations++;
                if (!notes.contains(section)) {
                    unknown.add(rel + ": " + section);
                }
            }
        }
        assertThat(citations).as("section citations found").isGreaterThan(40);
        assertThat(unknown).as("sections cited that the notes do not have").isEmpty();
    }

    @Test
    void everyXenStepLabelNamesAStepOfTheNotes() throws IOException {
        String pc = read(ROOT.resolve("models/xen-fifo/src/main/java/racetrace/xen/Pc.java"));
        String notes = read(ROOT.resolve("docs/research/xen-evtchn-fifo.md"));
        // The model's own steps, which the notes do not list: the caller's lock of the era
        // (models/xen-fifo.md), fix 1's per-event lock, and the misbehaving guest.
        Set<String> own = Set.of("XL", "F1", "R1");
        Matcher m = Pattern.compile("\\b([A-Z][A-Za-z]*\\d*[a-z]?'?)_[a-z][A-Za-z]*\\(").matcher(pc);
        Set<String> steps = new TreeSet<>();
        while (m.find()) {
            steps.add(m.group(1));
        }
        assertThat(steps).contains("D6", "E1c", "G5", "S7");
        List<String> missing = new ArrayList<>();
        for (String step : steps) {
            if (!own.contains(step) && !Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(step) + "(?![A-Za-z0-9])")
                    .matcher(notes).find()) {
                missing.add(step);
            }
        }
        assertThat(missing).as("step names the notes do not have").isEmpty();
    }

    // --- links

    record Link(int line, String target) {
    }

    private static List<Path> markdownFiles() {
        try (Stream<Path> s = Files.walk(ROOT)) {
            return s.filter(p -> p.toString().endsWith(".md") && Files.isRegularFile(p))
                    .filter(p -> !skipped(ROOT.relativize(p)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Build output, version control and work files are not documentation. */
    private static boolean skipped(Path rel) {
        for (Path part : rel) {
            String n = part.toString();
            if (n.equals("target") || n.startsWith(".") || n.equals("racetrace-out") || n.equals("node_modules")) {
                return true;
            }
        }
        return false;
    }

    /** The inline links of a Markdown file, outside fenced code blocks and inline code. */
    static List<Link> links(Path file) {
        List<Link> out = new ArrayList<>();
        boolean fenced = false;
        List<String> lines = readLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.stripLeading().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                continue;
            }
            Matcher m = LINK.matcher(line.replaceAll("`[^`]*`", "``"));
            while (m.find()) {
                out.add(new Link(i + 1, m.group(2)));
            }
        }
        return out;
    }

    /** Null when {@code target}, linked from {@code from}, resolves; else what is wrong. */
    private static String resolve(Path from, String target) {
        if (target.matches("(?i)(https?|mailto|ftp):.*")) {
            return null;
        }
        String path = target;
        String anchor = null;
        int hash = target.indexOf('#');
        if (hash >= 0) {
            path = target.substring(0, hash);
            anchor = target.substring(hash + 1);
        }
        Path file = path.isEmpty() ? from : from.getParent().resolve(path).normalize();
        if (!file.startsWith(ROOT)) {
            return "points outside the repository";
        }
        if (!Files.exists(file)) {
            return "no such file";
        }
        if (anchor == null) {
            return null;
        }
        if (!file.toString().endsWith(".md")) {
            return "an anchor into a file that is not Markdown";
        }
        Set<String> anchors = anchors(file);
        return anchors.contains(anchor) ? null : "no heading with anchor #" + anchor + " (there are " + anchors + ")";
    }

    private static final Map<Path, Set<String>> ANCHORS = new HashMap<>();

    /** The anchors GitHub gives a file's headings. */
    static synchronized Set<String> anchors(Path file) {
        return ANCHORS.computeIfAbsent(file, f -> {
            Set<String> out = new LinkedHashSet<>();
            Map<String, Integer> seen = new HashMap<>();
            boolean fenced = false;
            for (String line : readLines(f)) {
                if (line.stripLeading().startsWith("```")) {
                    fenced = !fenced;
                    continue;
                }
                Matcher m = HEADING.matcher(line);
                if (fenced || !m.matches()) {
                    continue;
                }
                String slug = slug(m.group(2));
                int n = seen.merge(slug, 1, Integer::sum) - 1;
                out.add(n == 0 ? slug : slug + "-" + n);
            }
            return out;
        });
    }

    /** GitHub's rule: the text without markup, lower case, punctuation dropped, spaces as hyphens. */
    static String slug(String heading) {
        return ComparisonPage.slug(heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("`", ""));
    }

    @Test
    void slugsAreGitHubs() {
        assertThat(slug("What \"held\" means")).isEqualTo("what-held-means");
        assertThat(slug("1.7 Who calls set_pending, under which locks")).isEqualTo("17-who-calls-set_pending-under-which-locks");
        assertThat(slug("Which fields race: `racetrace fields`")).isEqualTo("which-fields-race-racetrace-fields");
        assertThat(slug("Adding a model to racetrace's bundled models")).isEqualTo("adding-a-model-to-racetraces-bundled-models");
    }

    // --- citations

    /** Source files that may cite the notes: code, specs, templates, layouts, C stand-ins, Markdown. */
    private static List<Path> sources() {
        Pattern kinds = Pattern.compile(".*\\.(java|tla|cfg|ftl|layout|h|c|md|json|properties)$");
        try (Stream<Path> s = Files.walk(ROOT)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> kinds.matcher(p.getFileName().toString()).matches())
                    .filter(p -> !skipped(ROOT.relativize(p)))
                    .filter(p -> !p.startsWith(ROOT.resolve("docs/research")))
                    .filter(p -> !p.endsWith("DocsLinksTest.java"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The numbered sections of a notes file ("0", "1.7", "5.3"). */
    static Set<String> sections(Path notes) {
        Set<String> out = new TreeSet<>();
        for (String line : readLines(notes)) {
            Matcher m = SECTION_HEADING.matcher(line);
            if (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /**
     * The section numbers a text cites: "§2.1", "notes 1.7", "notes §3", "section 2", "sections
     * 2.2 to 2.7", "notes 2.2 and 2.3", "notes 1.5, G0..G9" (2.2, 2.3, 2.7 and so on).
     */
    static List<String> citedSections(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?:§|\\bnotes'?\\s+(?:section\\s+|§)?|\\bsections?\\s+)(\\d+(?:\\.\\d+)?"
                + "(?:\\s*(?:,\\s*§?|and\\s+§?|to\\s+§?)\\d+(?:\\.\\d+)?(?![\\d.]*\\d))*)").matcher(text);
        while (m.find()) {
            Matcher n = Pattern.compile("\\d+(?:\\.\\d+)?").matcher(m.group(1));
            while (n.find()) {
                out.add(n.group());
            }
        }
        return out;
    }

    @Test
    void citationsAreReadAsTheCodeWritesThem() {
        assertThat(citedSections("(notes §2.1, §3) and §3 bardirty row 2")).containsExactly("2.1", "3", "3");
        assertThat(citedSections("sections 2.2 to 2.7 of the notes; notes 1.5, G0..G9")).containsExactly("2.2", "2.7", "1.5");
        assertThat(citedSections("the notes' §3 and §4 tables; notes section 2")).containsExactly("3", "4", "2");
    }

    private static String read(Path f) throws IOException {
        return Files.readString(f);
    }

    private static List<String> readLines(Path f) {
        try {
            return Files.readAllLines(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
