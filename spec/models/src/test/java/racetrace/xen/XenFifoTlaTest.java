package racetrace.xen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keeps XenFifo.tla and the Java model naming the same steps, variables and invariants. */
class XenFifoTlaTest {

    private static String spec() throws Exception {
        return Files.readString(Path.of("src/main/tla/XenFifo.tla"));
    }

    @Test
    void everyStepLabelIsAnActionOfTheSpec() throws Exception {
        Set<String> actions = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^([A-Z][A-Za-z0-9]*_[A-Za-z0-9]+)\\(t\\) ==").matcher(spec());
        while (m.find()) {
            actions.add(m.group(1));
        }
        Set<String> labels = new TreeSet<>();
        Arrays.stream(Pc.values()).filter(p -> p != Pc.Done).forEach(p -> labels.add(p.name()));
        assertThat(actions).isEqualTo(labels);
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
