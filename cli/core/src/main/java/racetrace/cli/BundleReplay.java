package racetrace.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import racetrace.engine.BadInputException;
import racetrace.engine.Execution;
import racetrace.engine.Step;
import racetrace.report.ComparisonPage;
import racetrace.search.Case;
import racetrace.search.ScheduleString;
import racetrace.tla.ItfTrace;
import racetrace.tla.SpecLibrary;
import racetrace.tla.TlaValues;
import racetrace.tla.report.BundleWriter;
import racetrace.tla.report.CpuTable;
import racetrace.tlc.CounterexampleFile;

/**
 * {@code racetrace replay DIR}: a bundle directory ({@link BundleWriter}) replayed as a whole. The
 * files a replay reads must be the ones racetrace wrote ({@code bundle.json}'s digests), and the
 * model must still be the one the bundle was made with: same model version, the same states step
 * by step as the bundle's ITF trace, the same outcome, the same TLA+ spec. A bundle that fails any
 * of these is refused with what changed: edited or made for another model version is bad input
 * (exit 2); intact and of the same version but run otherwise now, a disagreement (exit 1, {@link
 * CounterexampleFile.ModelChangedException}), as for an intact counterexample file.
 */
final class BundleReplay {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BundleReplay() {
    }

    /** What the bundle holds, checked against this racetrace's model. */
    record Checked(Case replay, String madeWith) {
    }

    /** Whether an argument names a directory (a bundle, or something replay will refuse with a reason). */
    static boolean isDirectory(String arg) {
        try {
            return !arg.isBlank() && Files.isDirectory(Path.of(arg));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /**
     * Reads and checks the bundle in {@code dir}.
     *
     * @param inputs the variant inputs (--layout FILE) a layout variant's bundle replays with
     */
    static Checked read(Path dir, VariantInputs inputs) {
        Path manifestFile = dir.resolve(BundleWriter.MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new BadInputException(notABundle(dir));
        }
        JsonNode manifest;
        try {
            manifest = JSON.readTree(Files.readString(manifestFile, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new BadInputException(manifestFile + " is not valid JSON (" + e.getOriginalMessage() + "): the bundle "
                    + "was edited; write it again with hunt --out");
        } catch (IOException e) {
            throw new BadInputException("cannot read " + manifestFile + " (" + OutputDirectory.reason(e) + ")");
        }
        if (manifest == null || !BundleWriter.FORMAT.equals(manifest.path("format").asText(null))) {
            throw new BadInputException(manifestFile + " is not a bundle manifest of format \"" + BundleWriter.FORMAT
                    + "\" (it says " + (manifest == null ? "nothing" : manifest.path("format")) + ")");
        }
        checkDigests(dir, manifest);
        String schedule = manifest.path("schedule").asText("");
        inputs.prepareFor(schedule, manifestFile.toString());
        Case c;
        try {
            c = ScheduleString.decode(schedule);
        } catch (BadInputException e) {
            throw new BadInputException("bundle " + dir + " was made with a model that has changed since: "
                    + e.getMessage());
        }
        int version = manifest.path("modelVersion").asInt(-1);
        if (version != c.model().version()) {
            throw new BadInputException("bundle " + dir + " was made with model version " + version + " of "
                    + manifest.path("instance").asText() + ", this racetrace has version " + c.model().version()
                    + ": model version " + version + " then, " + c.model().version() + " now; hunt again (hunt --out) "
                    + "for a bundle of the model as it is");
        }
        List<String> changed = new ArrayList<>();
        compareStates(dir, c, changed);
        String outcome = manifest.path("outcome").asText("");
        String now = CpuTable.endLine(c.run().outcome());
        if (!outcome.equals(now) && changed.isEmpty()) {
            changed.add("the run ended \"" + outcome + "\" then, \"" + now + "\" now");
        }
        compareSpec(dir, manifest, changed);
        if (!changed.isEmpty()) {
            // intact (the digests hold) and the same model version: the model runs otherwise now, a
            // disagreement to report (exit 1), as for an intact counterexample file
            throw new CounterexampleFile.ModelChangedException("bundle " + dir + " is intact and was made with "
                    + manifest.path("instance").asText() + " as it was then, and the model has changed since: "
                    + String.join("; ", changed) + " (if you changed its steps on purpose, bump its version(); hunt "
                    + "again, hunt --out, for a bundle of the model as it is)");
        }
        return new Checked(c, manifest.path("instance").asText() + ", model version " + version);
    }

    private static String notABundle(Path dir) {
        if (Files.isRegularFile(dir.resolve(ComparisonPage.HTML))) {
            List<String> found = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(dir, 3)) {
                walk.filter(p -> p.getFileName().toString().equals(BundleWriter.MANIFEST)).sorted().limit(3)
                        .forEach(p -> found.add(p.getParent().toString()));
            } catch (IOException e) {
                // the message below is right without the examples
            }
            return dir + " is the --out directory of a hunt (it has " + ComparisonPage.HTML + "); replay one of its "
                    + "bundles, a directory with a " + BundleWriter.MANIFEST + (found.isEmpty() ? ""
                    : ", e.g. " + String.join(", ", found));
        }
        return dir + " is a directory but no racetrace bundle: it has no " + BundleWriter.MANIFEST + " (hunt --out "
                + "writes one in each counterexample's directory); give a bundle directory, a schedule string or a file";
    }

    /** The files the manifest lists must be there and unchanged. */
    private static void checkDigests(Path dir, JsonNode manifest) {
        JsonNode digests = manifest.path("sha256");
        if (!digests.isObject() || digests.isEmpty()) {
            throw new BadInputException(dir.resolve(BundleWriter.MANIFEST) + " lists no files with their sha256: the "
                    + "bundle was edited; write it again with hunt --out");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = digests.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            Path f = dir.resolve(e.getKey()).normalize();
            if (!f.startsWith(dir.normalize()) || !Files.isRegularFile(f)) {
                throw new BadInputException("bundle " + dir + " lacks " + e.getKey() + ", which "
                        + BundleWriter.MANIFEST + " lists");
            }
            if (!BundleWriter.sha256(f).equals(e.getValue().asText())) {
                throw new BadInputException(f + " was edited after racetrace wrote the bundle: its sha256 no longer "
                        + "matches " + BundleWriter.MANIFEST + "'s");
            }
        }
    }

    /** Runs the case and compares it, state by state, with the bundle's ITF trace. */
    private static void compareStates(Path dir, Case c, List<String> changed) {
        Path itf = dir.resolve(ItfTrace.FILE);
        JsonNode doc;
        try {
            doc = JSON.readTree(Files.readString(itf, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BadInputException("cannot read " + itf + " (" + OutputDirectory.reason(e) + ")");
        }
        compare(c.run(), doc, changed);
    }

    private static <S> void compare(Execution<S> ex, JsonNode doc, List<String> changed) {
        JsonNode states = doc.path("states");
        int then = states.size() - 1;
        int now = ex.steps().size();
        for (int i = 0; i <= Math.min(then, now); i++) {
            JsonNode st = states.get(i);
            if (i > 0) {
                Step<S> step = ex.steps().get(i - 1);
                String label = st.path("#meta").path("action").asText("");
                int thread = st.path("#meta").path("thread").asInt(-1);
                if (!label.equals(step.label()) || thread != step.thread() + 1) {
                    changed.add("step " + i + " was " + label + " of thread " + thread + ", now it is " + step.label()
                            + " of thread " + (step.thread() + 1));
                    return;
                }
            }
            for (Map.Entry<String, Object> v : ex.model().variables(ex.stateAt(i)).entrySet()) {
                JsonNode recorded = st.get(v.getKey());
                if (recorded == null) {
                    changed.add("the state after step " + i + " has the variable " + v.getKey()
                            + ", which the bundle's states lack");
                    return;
                }
                Object old;
                try {
                    old = ItfTrace.parse(recorded, v.getKey());
                } catch (IllegalArgumentException e) {
                    throw new BadInputException(ItfTrace.FILE + ": " + e.getMessage());
                }
                if (!TlaValues.same(old, v.getValue())) {
                    changed.add((i == 0 ? "in the start state" : "after step " + i + " (" + ex.steps().get(i - 1)
                            .label() + ")") + " " + v.getKey() + " was " + ItfValueText.of(old) + ", now it is "
                            + ItfValueText.of(v.getValue()));
                    return;
                }
            }
        }
        if (then != now) {
            changed.add("the run took " + then + " steps then, " + now + " now");
        }
    }

    /** The bundle's copy of the spec must be this racetrace's spec. */
    private static void compareSpec(Path dir, JsonNode manifest, List<String> changed) {
        JsonNode spec = manifest.get("spec");
        if (spec == null || spec.isNull()) {
            return;
        }
        String file = spec.asText();
        String module = file.endsWith(".tla") ? file.substring(0, file.length() - 4) : file;
        String now = SpecLibrary.classpath().read(module).orElse(null);
        String then;
        try {
            then = Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + dir.resolve(file) + " (" + OutputDirectory.reason(e) + ")");
        }
        if (now == null) {
            changed.add("this racetrace has no TLA+ spec " + module);
        } else if (!now.replace("\r\n", "\n").equals(then.replace("\r\n", "\n"))) {
            changed.add("the TLA+ spec " + file + " differs from the copy in the bundle (first at line "
                    + firstDifferentLine(then, now) + ")");
        }
    }

    private static int firstDifferentLine(String a, String b) {
        String[] x = a.split("\\R", -1);
        String[] y = b.split("\\R", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (!x[i].equals(y[i])) {
                return i + 1;
            }
        }
        return Math.min(x.length, y.length) + 1;
    }
}
