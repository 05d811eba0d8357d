package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import racetrace.report.ComparisonPage;
import racetrace.tla.ItfTraceTest;
import racetrace.tla.report.BundleWriter;

/**
 * What {@code hunt --out DIR} writes, end to end: a bundle per counterexample with its sentence,
 * CPU table markers, swimlane picture and ITF trace; the comparison page linking every one; the
 * same bytes when written again; {@code replay DIR} and {@code replay trace.itf.json} giving the
 * same violation; a bundle whose model has changed since refused with what changed.
 */
class BundleCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");

    private static JsonNode manifest(Path bundle) throws IOException {
        return JSON.readTree(Files.readString(bundle.resolve(BundleWriter.MANIFEST)));
    }

    static Document svg(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(Files.readString(file))));
    }

    static int count(Document d, String xpath) throws Exception {
        return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, d, XPathConstants.NODESET)).getLength();
    }

    @Test
    void everyCounterexampleHasItsSentenceTableMarkersPictureAndItfTrace() throws Exception {
        int bundles = 0;
        int racing = 0;
        for (Map.Entry<String, CommandLineTest.Run> e : BundleFixture.runs().entrySet()) {
            for (String line : e.getValue().out().strip().split("\n")) {
                JsonSchemas.assertValid("hunt", line);
                JsonNode o = JSON.readTree(line);
                assertThat(o.get("bundle").isNull()).isEqualTo(o.get("findings").isEmpty());
                for (JsonNode f : o.get("findings")) {
                    Path dir = Path.of(f.get("bundle").asText());
                    String sentence = f.get("explanation").asText();
                    assertThat(sentence).isNotBlank().contains(f.get("invariant").asText());
                    List<String> report = Files.readAllLines(dir.resolve(BundleWriter.REPORT));
                    assertThat(report.get(0)).startsWith("# " + f.get("invariant").asText() + " violated in ");
                    assertThat(report.get(2)).as("the sentence opens report.md").isEqualTo(sentence + ".");
                    JsonNode m = manifest(dir);
                    // A counterexample of one thread, or one whose threads touch nothing in common, has
                    // no racing steps (its sentence says so); every other one marks them.
                    boolean race = m.get("racingSteps").size() > 0;
                    if (race) {
                        assertThat(report).anyMatch(l -> l.matches("[ >]\\* +[0-9]+ .*")); // the racing steps' marker
                    } else {
                        assertThat(sentence).contains("so no race between threads");
                    }
                    if (m.get("threads").asInt() > 1 && m.get("preemptions").size() > 0) {
                        assertThat(race).as("%s: a race of %s threads names its racing steps", dir, m.get("threads"))
                                .isTrue();
                    }
                    racing += race ? 1 : 0;
                    assertThat(m.get("explanation").asText()).isEqualTo(sentence);
                    Document svg = svg(dir.resolve(BundleWriter.SVG));
                    assertThat(count(svg, "//*[local-name()='g'][@class='lane']")).isEqualTo(m.get("threads").asInt());
                    assertThat(count(svg, "//*[local-name()='g'][@class='step racing']"))
                            .isEqualTo(m.get("racingSteps").size());
                    assertThat(count(svg, "//*[local-name()='g'][@class='preemption']"))
                            .isEqualTo(m.get("preemptions").size());
                    assertThat(count(svg, "//*[local-name()='g'][@class='failure']")).isEqualTo(1);
                    JsonNode itf = JSON.readTree(Files.readString(dir.resolve("trace.itf.json")));
                    assertThat(ItfTraceTest.checkItf(itf)).isEqualTo(m.get("steps").asInt() + 1);
                    bundles++;
                }
            }
        }
        assertThat(bundles).isEqualTo(BundleFixture.HUNTS.keySet().stream()
                .mapToInt(n -> BundleFixture.bundles(BundleFixture.dir(n)).size()).sum()).isGreaterThan(10);
        assertThat(racing).as("bundles whose racing steps are marked").isGreaterThan(10);
    }

    @Test
    void theComparisonPageLinksEveryBundleAndEveryLinkResolves() throws Exception {
        BundleFixture.runs();
        for (String name : BundleFixture.HUNTS.keySet()) {
            Path out = BundleFixture.dir(name);
            String html = Files.readString(out.resolve("index.html"));
            String md = Files.readString(out.resolve("index.md"));
            assertThat(html).doesNotContain("<script").doesNotContain("http://").doesNotContain("https://")
                    .doesNotContain("<link").doesNotContain("@import");
            List<String> hrefs = new ArrayList<>();
            Matcher m = HREF.matcher(html);
            while (m.find()) {
                hrefs.add(m.group(1).replace("&amp;", "&"));
            }
            for (Path bundle : BundleFixture.bundles(out)) {
                String rel = out.relativize(bundle).toString().replace('\\', '/');
                assertThat(hrefs).as("index.html links %s", rel).contains(rel + "/report.md", rel + "/trace.svg");
                assertThat(md).contains("](" + rel + "/report.md)", "](" + rel + "/trace.svg)");
            }
            // the Markdown page's anchors are its headings' (GitHub's rule)
            Set<String> headings = new HashSet<>();
            for (String line : md.split("\n")) {
                if (line.startsWith("#")) {
                    headings.add(ComparisonPage.slug(line.replaceFirst("^#+ ", "")));
                }
            }
            Matcher mdLinks = Pattern.compile("\\]\\(#([^)]*)\\)").matcher(md);
            while (mdLinks.find()) {
                assertThat(headings).as("index.md anchor #%s", mdLinks.group(1)).contains(mdLinks.group(1));
            }
            for (String href : hrefs) {
                if (href.startsWith("#")) {
                    assertThat(html).as("anchor %s", href).contains("id=\"" + href.substring(1) + "\"");
                } else {
                    Path target = out.resolve(URLDecoder.decode(href, StandardCharsets.UTF_8));
                    assertThat(target).as("link %s", href).isRegularFile();
                }
            }
        }
    }

    @Test
    void theSameHuntWrittenTwiceGivesTheSameBytes(@TempDir Path tmp) throws Exception {
        List<String> args = BundleFixture.HUNTS.get("vfio-pci");
        BundleFixture.hunt(args, tmp.resolve("a"));
        BundleFixture.hunt(args, tmp.resolve("b"));
        // every file racetrace wrote, the --out lock too: it names its holder only while a run writes
        List<Path> files;
        try (Stream<Path> walk = Files.walk(tmp.resolve("a"))) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (Stream<Path> walk = Files.walk(tmp.resolve("b"))) {
            assertThat(walk.filter(Files::isRegularFile).count()).isEqualTo(files.size());
        }
        assertThat(files).hasSizeGreaterThan(8);
        for (Path a : files) {
            Path b = tmp.resolve("b").resolve(tmp.resolve("a").relativize(a));
            assertThat(Files.readAllBytes(b)).as("%s", tmp.resolve("a").relativize(a)).isEqualTo(Files.readAllBytes(a));
        }
    }

    @Test
    void aBundleDirectoryAndItsItfTraceReplayToTheSameViolation() throws Exception {
        BundleFixture.runs();
        for (String name : List.of("vfio-pci", "xen-fifo")) {
            Path bundle = BundleFixture.bundles(BundleFixture.dir(name)).get(0);
            String outcome = manifest(bundle).get("outcome").asText();
            CommandLineTest.Run dir = CommandLineTest.run("replay", bundle.toString());
            assertThat(dir.code()).as(dir.err()).isEqualTo(1);
            assertThat(dir.out()).contains("the model has not changed since", "=> " + outcome,
                    manifest(bundle).get("explanation").asText());
            CommandLineTest.Run itf = CommandLineTest.run("replay", bundle.resolve("trace.itf.json").toString());
            assertThat(itf.code()).as(itf.err()).isEqualTo(1);
            assertThat(itf.out()).contains("=> " + outcome, manifest(bundle).get("instance").asText());
        }
    }

    @Test
    void aBundleWhoseModelChangedIsRefusedWithWhatChanged(@TempDir Path tmp) throws Exception {
        BundleFixture.runs();
        Path original = BundleFixture.bundles(BundleFixture.dir("vfio-pci")).get(0);
        ObjectMapper pretty = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

        // the states of the model's run differ from the bundle's: what an older model would have written
        Path older = copy(original, tmp.resolve("older"));
        ObjectNode itf = (ObjectNode) JSON.readTree(Files.readString(older.resolve("trace.itf.json")));
        ((ObjectNode) itf.get("states").get(4)).putObject("usage").put("#bigint", "9");
        Files.writeString(older.resolve("trace.itf.json"), pretty.writeValueAsString(itf));
        redigest(older, "trace.itf.json", pretty);
        CommandLineTest.Run r = CommandLineTest.run("replay", older.toString());
        assertThat(r.code()).as("intact, the model runs otherwise: a disagreement").isEqualTo(1);
        assertThat(r.err()).contains("the model has changed since: after step 4 (", "usage was 9, now it is 3")
                .doesNotContain("Exception");

        // another model version
        Path version = copy(original, tmp.resolve("version"));
        ObjectNode m = (ObjectNode) manifest(version);
        m.put("modelVersion", 0);
        Files.writeString(version.resolve(BundleWriter.MANIFEST), pretty.writeValueAsString(m));
        r = CommandLineTest.run("replay", version.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("model version 0 then, 1 now");

        // the spec changed since (its copy in the bundle is the spec as it was)
        Path spec = copy(original, tmp.resolve("spec"));
        String specFile = manifest(spec).get("spec").asText();
        Files.writeString(spec.resolve(specFile), Files.readString(spec.resolve(specFile)) + "\\* an older line\n");
        redigest(spec, specFile, pretty);
        r = CommandLineTest.run("replay", spec.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("the TLA+ spec " + specFile + " differs from the copy in the bundle");

        // an edit racetrace did not make
        Path edited = copy(original, tmp.resolve("edited"));
        Files.writeString(edited.resolve("trace.itf.json"), Files.readString(edited.resolve("trace.itf.json"))
                .replaceFirst("\"#bigint\":\"1\"", "\"#bigint\":\"2\""));
        r = CommandLineTest.run("replay", edited.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("trace.itf.json was edited after racetrace wrote the bundle");

        // directories that are no bundle
        r = CommandLineTest.run("replay", BundleFixture.dir("vfio-pci").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("is the --out directory of a hunt", "replay one of its bundles");
        r = CommandLineTest.run("replay", tmp.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no racetrace bundle: it has no bundle.json");
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    private static void redigest(Path bundle, String file, ObjectMapper pretty) throws IOException {
        ObjectNode m = (ObjectNode) manifest(bundle);
        ((ObjectNode) m.get("sha256")).put(file, BundleWriter.sha256(bundle.resolve(file)));
        Files.writeString(bundle.resolve(BundleWriter.MANIFEST), pretty.writeValueAsString(m));
    }
}
