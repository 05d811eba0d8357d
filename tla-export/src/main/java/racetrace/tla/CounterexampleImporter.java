package racetrace.tla;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import racetrace.engine.Execution;
import racetrace.engine.Model;
import racetrace.engine.Scenario;
import racetrace.engine.Schedule;
import racetrace.engine.Stepper;

/**
 * Turns a TLC trace (a sequence of states of the spec's variables) into a Java schedule: at each
 * step, the thread whose Java step yields the next TLC state (compared through {@link
 * Model#variables} and {@link TlaValues#same}). Ambiguous steps (two threads giving the same
 * state) are resolved by backtracking.
 */
public final class CounterexampleImporter {

    private CounterexampleImporter() {
    }

    /** Replays the error trace of a TLC run (e.g. from {@link SpecChecker}). */
    public static <S> ImportedTrace<S> replay(Model<S> model, Scenario scenario, TlcResult result) {
        if (result.trace().isEmpty()) {
            throw new TraceImportException(0, "the TLC run has no error trace to import (" + result.summary() + ")");
        }
        return replay(model, scenario, result.trace().stream().map(TlcState::variables).toList());
    }

    /**
     * Replays a sequence of states, the first being the start state.
     *
     * @throws TraceImportException naming the first TLC step no Java thread reproduces, with
     *     what each enabled thread would give instead
     */
    public static <S> ImportedTrace<S> replay(Model<S> model, Scenario scenario, List<Map<String, Object>> states) {
        model.space().validate(scenario);
        S start = Stepper.of(model, scenario).initial();
        String diff = difference(model.variables(start), states.get(0));
        if (diff != null) {
            throw new TraceImportException(0, "the Java start state of " + model.instance() + " differs from the"
                    + " first TLC state: " + diff);
        }
        List<Integer> path = new ArrayList<>();
        Failure deepest = new Failure();
        if (!search(model, scenario, start, states, 0, path, deepest)) {
            throw new TraceImportException(deepest.step, "no Java thread of " + model.instance()
                    + " takes TLC state " + deepest.step + " to TLC state " + (deepest.step + 1) + " (after the schedule "
                    + deepest.path + "): " + (deepest.why.isEmpty() ? "no thread is enabled" : String.join("; ",
                    deepest.why)));
        }
        Schedule schedule = Schedule.of(path);
        Execution<S> ex = Execution.run(model, scenario, schedule);
        return new ImportedTrace<>(schedule, ex, states.size() - 1);
    }

    private static final class Failure {
        int step = -1;
        List<Integer> path = List.of();
        List<String> why = List.of();
    }

    private static final int MAX_BRANCHES = 100_000;

    private static <S> boolean search(Model<S> model, Scenario scenario, S state, List<Map<String, Object>> states,
            int i, List<Integer> path, Failure deepest) {
        if (i == states.size() - 1) {
            return true;
        }
        List<String> why = new ArrayList<>();
        for (int t = 0; t < scenario.threadCount(); t++) {
            if (!model.enabled(state, t)) {
                continue;
            }
            var tr = Stepper.of(model, scenario).step(state, t, 0);
            String diff = difference(model.variables(tr.next()), states.get(i + 1));
            if (diff == null) {
                path.add(t);
                if (path.size() > MAX_BRANCHES || search(model, scenario, tr.next(), states, i + 1, path, deepest)) {
                    return true;
                }
                path.remove(path.size() - 1);
            } else {
                why.add(model.threadName(scenario, t) + " (" + tr.label() + ") gives " + diff);
            }
        }
        if (i >= deepest.step) {
            deepest.step = i;
            deepest.path = List.copyOf(path);
            deepest.why = why;
        }
        return false;
    }

    /** Null when the Java variables equal the TLC state, else which variables differ and how. */
    static String difference(Map<String, Object> java, Map<String, Object> tlc) {
        return difference(java, tlc, "TLC");
    }

    /**
     * Null when the Java variables equal the other state, else e.g. {@code counter: Java 2, TLC 1}.
     *
     * @param other how the other side is called in the text
     */
    static String difference(Map<String, Object> java, Map<String, Object> tlc, String other) {
        List<String> diffs = new ArrayList<>();
        for (Map.Entry<String, Object> e : java.entrySet()) {
            if (!tlc.containsKey(e.getKey())) {
                diffs.add(e.getKey() + " (not in the " + other + " state)");
            } else if (!TlaValues.same(e.getValue(), tlc.get(e.getKey()))) {
                diffs.add(e.getKey() + ": Java " + show(e.getValue()) + ", " + other + " " + show(tlc.get(e.getKey())));
            }
        }
        return diffs.isEmpty() ? null : String.join("; ", diffs);
    }

    private static String show(Object v) {
        try {
            return TlaValueWriter.standard().write(v);
        } catch (TlaExportException e) {
            return String.valueOf(v);
        }
    }
}
