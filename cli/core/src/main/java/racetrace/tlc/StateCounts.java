package racetrace.tlc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import racetrace.engine.FocusedModel;
import racetrace.engine.Model;
import racetrace.engine.Scenario;
import racetrace.search.Parallel;
import racetrace.search.explore.Exploration;
import racetrace.search.explore.Limits;
import racetrace.search.explore.StateSpace;
import racetrace.tla.SpecChecker;
import racetrace.tla.TlaValueWriter;
import racetrace.tla.TlaValues;
import racetrace.tla.TlcDump;
import racetrace.tla.TlcResult;
import racetrace.tla.TlcVerdict;

/**
 * The two exhaustive searches of one scenario side by side: the Java explorer over the model and
 * TLC's breadth-first search over the spec, both without invariants, so both count the whole
 * reachable state space. The counts must be equal; when they are not, the model and the spec
 * describe different systems, and a state that one side reaches and the other does not says where.
 */
public final class StateCounts {

    /** States kept for the state-by-state comparison; beyond it only the counts are compared. */
    public static final int MAX_COMPARED = 200_000;

    private StateCounts() {
    }

    /**
     * The comparison.
     *
     * @param javaStates distinct states of the Java search
     * @param tlcStates distinct states TLC reports (-1 when TLC did not finish)
     * @param difference null when the spaces agree, else a state one side has and the other lacks
     */
    public record Comparison(Scenario scenario, long javaStates, long javaMillis, boolean javaComplete,
            long tlcStates, long tlcMillis, TlcResult tlc, String difference) {

        public boolean equal() {
            return javaComplete && tlc.verdict() == TlcVerdict.OK && javaStates == tlcStates
                    && difference == null;
        }

        /** Java states per second over TLC's (wall clock, TLC's start-up included). */
        public double speedRatio() {
            double j = javaStates * 1000.0 / Math.max(1, javaMillis);
            double t = tlcStates * 1000.0 / Math.max(1, tlcMillis);
            return j / t;
        }
    }

    public static Comparison compare(Model<?> model, Scenario scenario, Path dir, Duration timeout, long maxStates) {
        return typed(model, scenario, dir, timeout, maxStates);
    }

    private static <S> Comparison typed(Model<S> model, Scenario scenario, Path dir, Duration timeout,
            long maxStates) {
        Model<S> bare = FocusedModel.none(model);
        // Timing first, on its own: collecting values for the comparison would slow it down.
        Exploration timed = StateSpace.explore(bare, scenario, List.of(),
                Limits.states(maxStates).withWorkers(Parallel.cores()), false);
        Set<Object> java = new HashSet<>();
        boolean keep = timed.complete() && timed.distinctStates() <= MAX_COMPARED;
        if (keep) {
            StateSpace.explore(bare, scenario, List.of(), Limits.states(maxStates), false,
                    s -> java.add(TlaValues.normalize(model.variables(s))));
        }
        Path dump = TlcDump.freshFile(dir);
        List<String> args = keep ? List.of("-dump", dump.toAbsolutePath().toString()) : List.of();
        TlcResult tlc = SpecChecker.standard().check(bare, scenario, dir, timeout, false, args);
        long tlcStates = tlc.verdict() == TlcVerdict.OK ? tlc.distinctStates() : -1;
        String difference = null;
        if (keep && tlc.verdict() == TlcVerdict.OK && Files.isRegularFile(dump)) {
            Set<Object> fromTlc = new HashSet<>();
            for (Map<String, Object> st : TlcDump.read(dump)) {
                fromTlc.add(TlaValues.normalize(st));
            }
            difference = firstMissing(java, fromTlc, "Java reaches", "TLC does not");
            if (difference == null) {
                difference = firstMissing(fromTlc, java, "TLC reaches", "Java does not");
            }
        } else if (tlcStates >= 0 && timed.complete() && tlcStates != timed.distinctStates()) {
            difference = "Java counts " + timed.distinctStates() + " states, TLC " + tlcStates
                    + " (too many to compare state by state)";
        }
        return new Comparison(scenario, timed.distinctStates(), timed.millis(), timed.complete(), tlcStates,
                tlc.wallTime().toMillis(), tlc, difference);
    }

    private static String firstMissing(Set<Object> from, Set<Object> in, String has, String lacks) {
        Object best = null;
        String bestText = null;
        for (Object s : from) {
            if (!in.contains(s)) {
                // The shortest text, so the report names a small, readable state.
                String text = TlaValueWriter.standard().write(s);
                if (best == null || text.length() < bestText.length()
                        || text.length() == bestText.length() && text.compareTo(bestText) < 0) {
                    best = s;
                    bestText = text;
                }
            }
        }
        return best == null ? null : has + " a state " + lacks + ": " + bestText;
    }
}
