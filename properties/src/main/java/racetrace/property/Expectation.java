package racetrace.property;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import racetrace.engine.Measure;

/**
 * What a row of a {@link RaceTable} expects of its instance: that it holds, or which invariants it
 * violates, each with the measure the hunt proved minimal and the assumptions the counterexample
 * rests on. The same record serves the property suites and the hunt's own tests (one verdicts file),
 * so a suite cannot expect what the search refutes.
 */
public sealed interface Expectation {

    /** Nothing is violated: no run of the suite's search, and no scenario of the scope it explores exhaustively. */
    record Holds() implements Expectation {
    }

    /**
     * Some invariants are violated.
     *
     * @param invariants each invariant violated, in the order recorded, with what the hunt recorded of it
     */
    record Violates(Map<String, Recorded> invariants) implements Expectation {

        public Violates {
            if (invariants.isEmpty()) {
                throw new IllegalArgumentException("an expected violation names at least one invariant");
            }
            invariants = Collections.unmodifiableMap(new LinkedHashMap<>(invariants));
        }
    }

    /**
     * What was recorded of one violated invariant.
     *
     * @param measure the minimal counterexample's measure, or null when not recorded
     * @param assumptions the assumptions it rests on ({@code probe-window=open}), empty for none
     */
    record Recorded(Measure measure, List<String> assumptions) {

        public Recorded {
            assumptions = List.copyOf(assumptions);
        }
    }

    static Expectation holds() {
        return new Holds();
    }

    /** Violates these invariants, nothing recorded of their size or assumptions. */
    static Expectation violates(String... invariants) {
        Map<String, Recorded> m = new LinkedHashMap<>();
        for (String i : invariants) {
            m.put(i, new Recorded(null, List.of()));
        }
        return new Violates(m);
    }
}
