package racetrace.tla;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import racetrace.engine.Model;
import racetrace.engine.Scenario;

/**
 * PlusCal, the house style of a spec that is one label per step (docs/tla.md): a module whose
 * algorithm sits in a comment ({@code --algorithm}) and whose TLA+ is what the translator that
 * ships in the TLC jar ({@code pcal.trans}) writes below it. Translates a module in a child
 * process, as TLC runs; reads the labels of a translation.
 */
public final class PlusCal {

    /** How long a translation may take. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final Pattern ALGORITHM = Pattern.compile("--(fair\\s+)?algorithm\\b");
    private static final Pattern ACTION = Pattern.compile("(?m)^(\\w+)\\(self\\) == /\\\\ pc\\[self\\] = \"(\\w+)\"");
    private static final String BEGIN = "\\* BEGIN TRANSLATION";
    private static final String END = "\\* END TRANSLATION";

    private static final Map<String, String> TRANSLATED = new ConcurrentHashMap<>();

    private PlusCal() {
    }

    /** Whether a module's text holds a PlusCal algorithm. */
    public static boolean holdsAlgorithm(String module) {
        return ALGORITHM.matcher(module).find();
    }

    /**
     * The module as {@code pcal.trans -nocfg -unixEOL} writes it: the same text with the
     * translation of its algorithm between {@code \* BEGIN TRANSLATION} and {@code \* END
     * TRANSLATION}. A module translated already and unchanged since comes back as it is.
     *
     * @throws TlaExportException naming the module and what the translator said, when it fails
     */
    public static String translate(String name, String module) {
        String key = name + "\n" + module;
        String done = TRANSLATED.get(key);
        if (done != null) {
            return done;
        }
        String out = run(name, module, TlcRunner.fromClasspath());
        TRANSLATED.put(key, out);
        return out;
    }

    private static String run(String name, String module, TlcRunner tlc) {
        if (tlc.jar().isEmpty()) {
            throw new TlaExportException("cannot translate the PlusCal algorithm of " + name + ": " + tlc.notFoundReason());
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("racetrace-pcal");
            Files.writeString(dir.resolve(name + ".tla"), module, StandardCharsets.UTF_8);
            List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    tlc.jar().get().toAbsolutePath().toString(), "pcal.trans", "-nocfg", "-unixEOL", name + ".tla");
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            byte[] said;
            try (InputStream in = p.getInputStream()) {
                said = in.readAllBytes();
            }
            if (!p.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new TlaExportException("the PlusCal translator did not finish " + name + " within " + TIMEOUT);
            }
            String text = new String(said, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new TlaExportException("the PlusCal translator rejects " + name + ".tla:"
                        + text.replaceAll("(?s)^pcal.trans Version[^\n]*\n", "").replaceAll("\\s+", " "));
            }
            return Files.readString(dir.resolve(name + ".tla"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TlaExportException("cannot run the PlusCal translator on " + name + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TlaExportException("interrupted while translating " + name);
        } finally {
            if (dir != null) {
                try (Stream<Path> s = Files.walk(dir)) {
                    s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (IOException e) {
                    // a temp directory left behind
                }
            }
        }
    }

    /**
     * The labels of a translated module, in the order of its actions: each process action
     * {@code l(self) == /\ pc[self] = "l"}.
     */
    public static Set<String> labels(String translated) {
        String t = translation(translated);
        Set<String> out = new LinkedHashSet<>();
        Matcher m = ACTION.matcher(t);
        while (m.find()) {
            if (m.group(1).equals(m.group(2))) {
                out.add(m.group(2));
            }
        }
        return out;
    }

    /**
     * What differs between a model's step labels and its PlusCal spec's: a label the model takes
     * in {@code scenarios} that the algorithm lacks, and a label of the algorithm the model never
     * takes there (give scenarios that reach every step).
     *
     * @return one line per difference; empty when the two sets of labels are equal
     */
    public static List<String> checkLabels(Model<?> model, List<Scenario> scenarios) {
        List<String> problems = new ArrayList<>();
        String name = model.tlaModule();
        if (name == null) {
            problems.add(model.instance() + " has no TLA+ spec");
            return problems;
        }
        String text = SpecLibrary.classpath().read(name).orElse(null);
        if (text == null || !holdsAlgorithm(text)) {
            problems.add("spec " + name + " of " + model.instance() + (text == null ? " is not found" : " holds no PlusCal algorithm"));
            return problems;
        }
        Set<String> spec = labels(translate(name, text));
        Set<String> java = StepLabels.of(model, scenarios, 1_000_000);
        for (String l : java) {
            if (!spec.contains(l)) {
                problems.add(model.instance() + " takes a step labelled " + l + ", a label the algorithm " + name
                        + " does not have (its labels: " + spec + ")");
            }
        }
        for (String l : spec) {
            if (!java.contains(l)) {
                problems.add("label " + l + " of " + name + " is a step " + model.instance() + " never takes in " + scenarios);
            }
        }
        return problems;
    }

    /** The translation part of a module (empty when it has none). */
    public static String translation(String module) {
        int b = module.indexOf(BEGIN);
        int e = module.indexOf(END);
        return b < 0 || e < b ? "" : module.substring(b, e);
    }

    /**
     * What is wrong with a spec file that holds an algorithm: its translation is not the
     * translator's (edited by hand, or the algorithm changed since). With {@code update}, the
     * file is rewritten with the translator's text instead, and nothing is reported.
     *
     * @return problems, one line each; empty when the file is its algorithm translated
     */
    public static List<String> checkTranslated(Path file, boolean update) {
        List<String> problems = new ArrayList<>();
        String name = file.getFileName().toString().replaceFirst("\\.tla$", "");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add("cannot read " + file + ": " + e.getMessage());
            return problems;
        }
        if (!holdsAlgorithm(text)) {
            problems.add(file + " holds no PlusCal algorithm");
            return problems;
        }
        String fresh = translate(name, text);
        if (!fresh.equals(text)) {
            if (update) {
                try {
                    Files.writeString(file, fresh, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    problems.add("cannot write " + file + ": " + e.getMessage());
                }
            } else {
                problems.add(file + ": its TLA+ is not the translation of its algorithm; translate it (java -cp "
                        + TlcRunner.JAR_FILE + " pcal.trans -nocfg -unixEOL " + name + ".tla, or run the tests with"
                        + " -Dracetrace.pcal.update=true)");
            }
        }
        return problems;
    }
}
