package racetrace.xen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keeps XenFifo.tla and the Java model naming the same steps, successors, variables and invariants. */
class XenFifoTlaTest {

    private static String spec() throws Exception {
        return Files.readString(Path.of("../../spec/xen-fifo/XenFifo.tla"));
    }

    private static String definition(String spec, String name) {
        Matcher m = Pattern.compile("(?s)\\n" + name + " ==(.*?)\\n\\n").matcher(spec);
        assertThat(m.find()).as(name + " is defined").isTrue();
        return m.group(1);
    }

    private static Set<String> javaLabels() {
        Set<String> labels = new TreeSet<>();
        Arrays.stream(Pc.values()).filter(p -> p != Pc.Done).forEach(p -> labels.add(p.name()));
        return labels;
    }

    @Test
    void theSpecsLabelsAreTheJavaStepLabels() throws Exception {
        Set<String> labels = new TreeSet<>();
        Matcher m = Pattern.compile("\"([A-Z][A-Za-z0-9]*_[A-Za-z0-9]+)\"").matcher(definition(spec(), "Labels"));
        while (m.find()) {
            labels.add(m.group(1));
        }
        assertThat(labels).isEqualTo(javaLabels());
    }

    @Test
    void stepHandlesEveryLabelOnce() throws Exception {
        String step = definition(spec(), "Step\\(t\\)");
        Map<String, Integer> arms = new TreeMap<>();
        Matcher arm = Pattern.compile("(?m)^\\s*(?:CASE|\\[\\]) l (?:= \"([^\"]+)\"|\\\\in \\{([^}]*)\\})").matcher(step);
        while (arm.find()) {
            String names = arm.group(1) != null ? "\"" + arm.group(1) + "\"" : arm.group(2);
            Matcher n = Pattern.compile("\"([^\"]+)\"").matcher(names);
            while (n.find()) {
                arms.merge(n.group(1), 1, Integer::sum);
            }
        }
        assertThat(arms.keySet()).isEqualTo(javaLabels());
        assertThat(arms.values()).allMatch(c -> c == 1);
    }

    @Test
    void succIsTheJavaStraightLineSuccessor() throws Exception {
        Map<String, String> succ = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(\\w+) \\|-> \"(\\w+)\"").matcher(definition(spec(), "Succ"));
        while (m.find()) {
            succ.put(m.group(1), m.group(2));
        }
        Map<String, String> java = new LinkedHashMap<>();
        for (Pc p : Pc.values()) {
            if (p.next() != null) {
                java.put(p.name(), p.next().name());
            }
        }
        assertThat(new TreeMap<>(succ)).isEqualTo(new TreeMap<>(java));
    }

    @Test
    void variablesAndInvariantsMatch() throws Exception {
        String s = spec();
        Matcher m = Pattern.compile("(?s)\\nVARIABLES\\s+(.*?)\\n\\n").matcher(s);
        assertThat(m.find()).isTrue();
        assertThat(Arrays.asList(m.group(1).trim().split("\\s*,\\s*"))).isEqualTo(XenFifoModel.VARIABLES);
        for (XenVersion v : XenVersion.values()) {
            for (var inv : new XenFifoModel(v).invariants()) {
                assertThat(s).contains("\n" + inv.name() + " ==");
            }
        }
    }
}
