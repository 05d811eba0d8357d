package racetrace.conform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import racetrace.engine.Invariant;
import racetrace.engine.Model;
import racetrace.engine.Scenario;
import racetrace.engine.Transition;
import racetrace.search.explore.Exploration;
import racetrace.search.explore.Limits;
import racetrace.search.explore.StateSpace;
import racetrace.tla.SpecChecker;
import racetrace.tla.TlaValues;
import racetrace.tla.TlcDump;
import racetrace.tla.TlcResult;
import racetrace.tla.TlcVerdict;

/**
 * Conformance the other way round: every state of the spec is a state of the Java model. For
 * one scenario, the exhaustive search of the Java model ({@link StateSpace}) and TLC's
 * breadth-first search of the spec, both without invariants, must find the same number of
 * distinct states. When they differ, both searches run again keeping their states, and the
 * answer names a state one side reaches and the other does not.
 */
public final class StateCounts {

    /**
     * One scenario's counts.
     *
     * @param java distinct states of the Java model (by {@link Model#fingerprint})
     * @param javaComplete whether the Java search finished within its cap
     * @param tlc TLC's distinct states, or -1 when TLC gave no count
     * @param problem why there is no comparison (a cap, TLC failing), or null
     * @param difference a state only one side reaches, when the counts differ, or null
     */
    public record Comparison(Scenario scenario, long java, boolean javaComplete, long javaMillis, long tlc,
            long tlcMillis, String problem, String difference) {

        public boolean equal() {
            return problem == null && java == tlc;
        }

        public String describe() {
            if (problem != null) {
                return problem;
            }
            String times = " (Java " + javaMillis + " ms; the TLC run " + tlcMillis + " ms)";
            return equal() ? java + " distinct states in both" + times
                    : "Java " + java + " distinct states, TLC " + tlc + times + ": " + difference;
        }
    }

    private StateCounts() {
    }

    /**
     * Compares each scenario's counts, with one TLC run for all (those whose Java search finishes
     * within {@code maxStates}; the others are reported as not compared).
     */
    public static List<Comparison> compare(Model<?> model, List<Scenario> scenarios, Path dir, Duration timeout,
            long maxStates) throws java.io.IOException {
        return compare(java.util.Collections.nCopies(scenarios.size(), model), scenarios, dir, timeout, maxStates);
    }

    /** The same for scenarios of several instances of one spec (scenario i of {@code models.get(i)}), one TLC run. */
    public static List<Comparison> compare(List<? extends Model<?>> models, List<Scenario> scenarios, Path dir,
            Duration timeout, long maxStates) throws java.io.IOException {
        List<Exploration> java = new ArrayList<>();
        List<Scenario> small = new ArrayList<>();
        List<Model<?>> smallModels = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            Exploration x = explore(models.get(i), scenarios.get(i), maxStates);
            java.add(x);
            if (x.complete()) {
                small.add(scenarios.get(i));
                smallModels.add(models.get(i));
            }
        }
        Files.createDirectories(dir);
        List<Long> tlc = new ArrayList<>();
        TlcResult r = small.isEmpty() ? null : SpecChecker.standard().countStates(smallModels, small, dir, timeout, tlc);
        List<Comparison> out = new ArrayList<>();
        int k = 0;
        for (int i = 0; i < scenarios.size(); i++) {
            Exploration x = java.get(i);
            Scenario sc = scenarios.get(i);
            Model<?> model = models.get(i);
            if (!x.complete()) {
                out.add(new Comparison(sc, x.distinctStates(), false, x.millis(), -1, 0,
                        "not compared: the Java search stopped (" + x.stopReason() + ")", null));
                continue;
            }
            if (r.verdict() != TlcVerdict.OK) {
                out.add(new Comparison(sc, x.distinctStates(), true, x.millis(), -1, r.wallTime().toMillis(),
                        "not compared: TLC " + r.summary(), null));
                continue;
            }
            long t = tlc.get(k++);
            String difference = t == x.distinctStates() ? null
                    : difference(model, sc, dir.resolve("scenario-" + (i + 1)), timeout, maxStates);
            out.add(new Comparison(sc, x.distinctStates(), true, x.millis(), t, r.wallTime().toMillis(), null, difference));
        }
        return out;
    }

    private static <S> Exploration explore(Model<S> model, Scenario sc, long maxStates) {
        return StateSpace.explore(model, sc, List.of(), Limits.states(maxStates), false);
    }

    public static <S> Comparison compare(Model<S> model, Scenario scenario, Path dir, Duration timeout, long maxStates)
            throws java.io.IOException {
        Exploration x = StateSpace.explore(model, scenario, List.of(), Limits.states(maxStates), false);
        if (!x.complete()) {
            return new Comparison(scenario, x.distinctStates(), false, x.millis(), -1, 0,
                    "not compared: the Java search stopped (" + x.stopReason() + ")", null);
        }
        Files.createDirectories(dir);
        TlcResult r = SpecChecker.standard().countStates(model, scenario, dir, timeout, null);
        if (r.verdict() != TlcVerdict.OK) {
            return new Comparison(scenario, x.distinctStates(), true, x.millis(), -1, r.wallTime().toMillis(),
                    "not compared: TLC " + r.summary(), null);
        }
        String difference = null;
        if (r.distinctStates() != x.distinctStates()) {
            difference = difference(model, scenario, dir, timeout, maxStates);
        }
        return new Comparison(scenario, x.distinctStates(), true, x.millis(), r.distinctStates(),
                r.wallTime().toMillis(), null, difference);
    }

    /** A state one side reaches and the other does not, from both searches run again keeping states. */
    private static <S> String difference(Model<S> model, Scenario scenario, Path dir, Duration timeout, long maxStates)
            throws java.io.IOException {
        Files.createDirectories(dir);
        Recording<S> rec = new Recording<>(model);
        StateSpace.explore(rec, scenario, List.of(), Limits.states(maxStates), false);
        Path dump = dir.resolve("states");
        TlcResult r = SpecChecker.standard().countStates(model, scenario, dir, timeout, dump);
        if (r.verdict() != TlcVerdict.OK) {
            return "TLC could not list its states: " + r.summary();
        }
        Set<Object> tlc = new HashSet<>();
        Map<String, Object> onlyTlc = null;
        for (Map<String, Object> s : TlcDump.read(TlcDump.fileOf(dump))) {
            Object n = TlaValues.normalize(s);
            tlc.add(n);
            if (onlyTlc == null && !rec.states.containsKey(n)) {
                onlyTlc = s;
            }
        }
        for (Map.Entry<Object, Map<String, Object>> e : rec.states.entrySet()) {
            if (!tlc.contains(e.getKey())) {
                return "the Java model reaches " + e.getValue() + ", the spec does not"
                        + (onlyTlc == null ? "" : "; the spec reaches " + onlyTlc + ", the Java model does not");
            }
        }
        return onlyTlc == null ? "the same states, counted differently (a fingerprint that disagrees with variables?)"
                : "the spec reaches " + onlyTlc + ", the Java model does not";
    }

    /** The model, keeping the variables of every state the search fingerprints. */
    private static final class Recording<S> implements Model<S> {
        private final Model<S> model;
        final Map<Object, Map<String, Object>> states = new LinkedHashMap<>();

        Recording(Model<S> model) {
            this.model = model;
        }

        @Override
        public long fingerprint(S state) {
            Map<String, Object> v = model.variables(state);
            states.putIfAbsent(TlaValues.normalize(v), v);
            return model.fingerprint(state);
        }

        @Override
        public racetrace.engine.Instance instance() {
            return model.instance();
        }

        @Override
        public int version() {
            return model.version();
        }

        @Override
        public racetrace.engine.ScenarioSpace space() {
            return model.space();
        }

        @Override
        public S initial(Scenario scenario) {
            return model.initial(scenario);
        }

        @Override
        public boolean enabled(S state, int thread) {
            return model.enabled(state, thread);
        }

        @Override
        public boolean finished(S state, int thread) {
            return model.finished(state, thread);
        }

        @Override
        public Transition<S> step(S state, int thread) {
            return model.step(state, thread);
        }

        @Override
        public List<Invariant<S>> invariants() {
            return List.of();
        }

        @Override
        public Map<String, Object> variables(S state) {
            return model.variables(state);
        }
    }
}
