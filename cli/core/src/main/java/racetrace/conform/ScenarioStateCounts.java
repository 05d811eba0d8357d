package racetrace.conform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import racetrace.cli.ExitCode;
import racetrace.engine.FocusedModel;
import racetrace.engine.Model;
import racetrace.engine.Scenario;
import racetrace.engine.Stepper;
import racetrace.search.explore.Exploration;
import racetrace.search.explore.Limits;
import racetrace.search.explore.StateSpace;
import racetrace.tla.SpecChecker;
import racetrace.tla.TlcDump;
import racetrace.tla.TlcResult;
import racetrace.tla.TlcVerdict;
import racetrace.tlc.StateCounts;

/**
 * {@link StateCounts} for many scenarios at once, of one instance or of several instances of one
 * spec (each version of a model): the Java explorer counts each scenario's states, and one TLC
 * run over all of them ({@link SpecChecker#checkScenarios}) counts each one's through its state
 * dump, where every state carries its scenario's number. A scenario whose counts differ is then
 * compared state by state on its own ({@link StateCounts#compare}), to name a state one side
 * reaches and the other does not.
 */
public final class ScenarioStateCounts {

    private ScenarioStateCounts() {
    }

    /**
     * Scenario i of {@code models.get(i)}; scenarios whose Java search passes {@code maxStates}
     * are not compared (their comparison says why).
     */
    public static List<StateCounts.Comparison> compare(List<? extends Model<?>> models, List<Scenario> scenarios,
            Path dir, Duration timeout, long maxStates) {
        List<Exploration> java = new ArrayList<>();
        List<Model<?>> smallModels = new ArrayList<>();
        List<Scenario> small = new ArrayList<>();
        List<String> variables = null;
        for (int i = 0; i < scenarios.size(); i++) {
            Exploration x = explore(models.get(i), scenarios.get(i), maxStates);
            java.add(x);
            if (x.complete()) {
                smallModels.add(models.get(i));
                small.add(scenarios.get(i));
                variables = variables != null ? variables : variablesOf(models.get(i), scenarios.get(i));
            }
        }
        long[] tlc = new long[small.size()];
        TlcResult r = null;
        if (!small.isEmpty()) {
            Path dump = TlcDump.freshFile(dir);
            r = SpecChecker.standard().checkScenarios(smallModels, small, variables,
                    small.size() + " scenarios", dir, timeout, List.of("-dump", dump.toAbsolutePath().toString()));
            if (r.verdict() == TlcVerdict.OK) {
                for (Map<String, Object> st : TlcDump.read(dump)) {
                    tlc[((Number) st.get("rt_k")).intValue() - 1]++;
                }
            }
        }
        List<StateCounts.Comparison> out = new ArrayList<>();
        int k = 0;
        for (int i = 0; i < scenarios.size(); i++) {
            Exploration x = java.get(i);
            Scenario sc = scenarios.get(i);
            if (!x.complete()) {
                out.add(new StateCounts.Comparison(sc, x.distinctStates(), x.millis(), false, -1, 0, null, null));
                continue;
            }
            long t = r.verdict() == TlcVerdict.OK ? tlc[k] : -1;
            k++;
            if (t >= 0 && t != x.distinctStates()) {
                out.add(StateCounts.compare(models.get(i), sc, dir.resolve("scenario-" + (i + 1)), timeout, maxStates));
            } else {
                out.add(new StateCounts.Comparison(sc, x.distinctStates(), x.millis(), true, t, r.wallTime().toMillis(), r,
                        null));
            }
        }
        return out;
    }

    private static <S> Exploration explore(Model<S> model, Scenario sc, long maxStates) {
        return StateSpace.explore(FocusedModel.none(model), sc, List.of(), Limits.states(maxStates), false);
    }

    private static <S> List<String> variablesOf(Model<S> model, Scenario sc) {
        return new ArrayList<>(model.variables(Stepper.of(model, sc).initial()).keySet());
    }

    /** One line for a comparison. */
    public static String describe(StateCounts.Comparison c) {
        if (!c.javaComplete()) {
            return "not compared (inconclusive): the Java search stopped at --states-max after " + c.javaStates()
                    + " states; give a larger --states-max";
        }
        if (c.tlc() == null || c.tlc().verdict() != TlcVerdict.OK) {
            return "not compared: TLC " + (c.tlc() == null ? "did not run" : c.tlc().summary());
        }
        String times = " (Java " + c.javaMillis() + " ms; the TLC run " + c.tlcMillis() + " ms)";
        return c.equal() ? c.javaStates() + " distinct states in both" + times
                : "Java " + c.javaStates() + " distinct states, TLC " + c.tlcStates() + times + ": " + c.difference();
    }

    /** Whether the comparison could not be made because the scenario is too large for the cap. */
    public static boolean tooLarge(StateCounts.Comparison c) {
        return !c.javaComplete();
    }

    /**
     * The exit code of one comparison: a scenario past the cap, or TLC stopped by its timeout, compared
     * nothing (inconclusive, never "equal" or "different"); TLC that could not run, a TLC failure.
     */
    public static int code(StateCounts.Comparison c) {
        if (tooLarge(c)) {
            return ExitCode.INCONCLUSIVE;
        }
        if (c.tlc() == null) {
            return ExitCode.TLC_FAILED;
        }
        int tlc = ExitCode.ofTlc(c.tlc().verdict());
        if (tlc != ExitCode.OK) {
            return tlc == ExitCode.FOUND ? ExitCode.TLC_FAILED : tlc;
        }
        return c.equal() ? ExitCode.OK : ExitCode.FOUND;
    }
}
