package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The comparison pages and every swimlane picture of {@link BundleFixture}'s hunts, opened in a
 * real browser: headless Chromium through Selenium. Every link of each index.html must lead to a
 * file the browser opens, every anchor to an element of the page; every trace.svg must render
 * with one lane per thread, its racing steps drawn red and its preemptions dashed. Screenshots go
 * to {@code target/screenshots/} for a person to look at (CI keeps them).
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} ({@code /usr/bin/chromium},
 * {@code /usr/bin/chromedriver}; {@code -Dracetrace.chromium=...} and {@code
 * -Dracetrace.chromedriver=...} name others); {@code .ci/run} installs them when it runs as root.
 * Without them the test is skipped and says why.
 */
class BrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** #cf222e, the racing steps' outline in trace.svg.ftlx. */
    static final String RACING_STROKE = "rgb(207, 34, 46)";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theComparisonPagesAndEverySwimlanePictureRenderInChromium(@TempDir Path profile) throws Exception {
        Path chromium = Path.of(System.getProperty("racetrace.chromium", "/usr/bin/chromium"));
        Path driverBinary = Path.of(System.getProperty("racetrace.chromedriver", "/usr/bin/chromedriver"));
        Assumptions.assumeTrue(Files.isExecutable(chromium) && Files.isExecutable(driverBinary),
                "skipped: no headless Chromium here (" + chromium + " and " + driverBinary + " are needed: Debian's "
                        + "chromium and chromium-driver, which .ci/run installs when it runs as root)");
        BundleFixture.runs();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        // the flags this machine needs: no sandbox as root, no network of its own, a fresh profile
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driverBinary.toFile())
                .usingAnyFreePort().build();
        Files.createDirectories(SCREENSHOTS);
        WebDriver browser = new ChromeDriver(service, options);
        int pictures = 0;
        try {
            for (String name : BundleFixture.HUNTS.keySet()) {
                Path out = BundleFixture.dir(name).toAbsolutePath();
                pictures += checkPage(browser, out, name);
            }
        } finally {
            browser.quit();
        }
        assertThat(pictures).isEqualTo(BundleFixture.HUNTS.keySet().stream()
                .mapToInt(n -> BundleFixture.bundles(BundleFixture.dir(n)).size()).sum());
    }

    /** Opens index.html, follows every link, checks every bundle's picture; returns the pictures checked. */
    private static int checkPage(WebDriver browser, Path out, String name) throws Exception {
        URI index = out.resolve("index.html").toUri();
        browser.manage().window().setSize(new Dimension(1400, 1600));
        browser.get(index.toString());
        assertThat(browser.getTitle()).isEqualTo("racetrace: every version, every invariant");
        assertThat(browser.findElements(By.cssSelector("table.matrix")).size()).isPositive();
        shoot(browser, name + "-index.png");
        Set<String> targets = new LinkedHashSet<>();
        for (WebElement a : browser.findElements(By.tagName("a"))) {
            String href = a.getDomProperty("href");
            String raw = a.getDomAttribute("href");
            if (raw.startsWith("#")) {
                assertThat(browser.findElements(By.id(raw.substring(1)))).as("anchor %s of %s", raw, index).hasSize(1);
            } else {
                assertThat(href).as("a link of %s stays in the directory", index).startsWith(out.toUri().toString());
                targets.add(href);
            }
        }
        for (Path bundle : BundleFixture.bundles(out)) {
            assertThat(targets).contains(bundle.resolve("report.md").toUri().toString(),
                    bundle.resolve("trace.svg").toUri().toString());
        }
        for (String target : targets) {
            browser.get(target);
            assertThat(browser.getPageSource()).as("%s opens", target).doesNotContain("ERR_FILE_NOT_FOUND");
            assertThat(Path.of(URI.create(target))).isRegularFile();
        }
        int checked = 0;
        for (Path bundle : BundleFixture.bundles(out)) {
            checkPicture(browser, bundle, out);
            checked++;
        }
        return checked;
    }

    private static void checkPicture(WebDriver browser, Path bundle, Path out) throws Exception {
        JsonNode m = JSON.readTree(Files.readString(bundle.resolve("bundle.json")));
        String svgText = Files.readString(bundle.resolve("trace.svg"));
        int width = Integer.parseInt(svgText.replaceAll("(?s).*?<svg[^>]* width=\"([0-9]+)\".*", "$1"));
        int height = Integer.parseInt(svgText.replaceAll("(?s).*?<svg[^>]* height=\"([0-9]+)\".*", "$1"));
        browser.manage().window().setSize(new Dimension(Math.max(width + 40, 500), Math.min(height + 160, 4000)));
        browser.get(bundle.resolve("trace.svg").toUri().toString());
        String where = out.relativize(bundle).toString();
        List<WebElement> lanes = browser.findElements(By.cssSelector("g.lane"));
        assertThat(lanes).as("lanes of %s", where).hasSize(m.get("threads").asInt());
        for (WebElement lane : lanes) {
            WebElement rect = lane.findElement(By.tagName("rect"));
            assertThat(rect.isDisplayed()).as("a lane of %s is drawn", where).isTrue();
            assertThat(rect.getSize().getHeight()).isPositive();
            assertThat(rect.getSize().getWidth()).isPositive();
        }
        List<WebElement> racing = browser.findElements(By.cssSelector("g.step.racing"));
        // A counterexample of one thread, or one whose threads touch nothing in common, has no racing
        // steps: its sentence says so; each other one's are drawn in red, exactly those of its sentence.
        assertThat(racing).as("racing steps of %s", where).hasSize(m.get("racingSteps").size());
        if (m.get("threads").asInt() > 1 && m.get("preemptions").size() > 0) {
            assertThat(racing).as("racing steps of %s, a race of %s threads", where, m.get("threads")).isNotEmpty();
        }
        for (WebElement step : racing) {
            WebElement rect = step.findElement(By.tagName("rect"));
            assertThat(rect.isDisplayed()).isTrue();
            assertThat(rect.getCssValue("stroke")).as("a racing step of %s is outlined red", where)
                    .isEqualTo(RACING_STROKE);
            assertThat(m.get("racingSteps").toString()).contains(step.getDomAttribute("data-step"));
        }
        assertThat(browser.findElements(By.cssSelector("g.preemption"))).hasSize(m.get("preemptions").size());
        assertThat(browser.findElements(By.cssSelector("g.failure text")).get(0).getText())
                .contains(m.get("invariant").asText());
        shoot(browser, where.replaceAll("[^A-Za-z0-9.=-]+", "_") + ".png");
    }

    private static void shoot(WebDriver browser, String file) throws Exception {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
}
