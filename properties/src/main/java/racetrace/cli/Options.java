package racetrace.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import racetrace.engine.ModelFamily;

/** Every combination of a family's options, with the granularity pinned when the user gave one. */
final class Options {

    private Options() {
    }

    static List<Map<String, String>> combinations(ModelFamily f, String granularity) {
        List<Map<String, String>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> e : f.options().entrySet()) {
            List<String> values = e.getKey().equals("granularity") && granularity != null
                    ? List.of(granularity) : e.getValue();
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> c : combos) {
                for (String v : values) {
                    Map<String, String> m = new LinkedHashMap<>(c);
                    m.put(e.getKey(), v);
                    next.add(m);
                }
            }
            combos = next;
        }
        return combos;
    }
}
