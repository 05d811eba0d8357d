package racetrace.flags.fields;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import racetrace.engine.BadInputException;
import racetrace.engine.Execution;
import racetrace.engine.Measure;
import racetrace.engine.Models;
import racetrace.engine.Scenario;
import racetrace.engine.Step;
import racetrace.flags.Assumption;
import racetrace.flags.FlagsModel;
import racetrace.flags.FlagsState;
import racetrace.flags.Writer;
import racetrace.search.Assumptions;
import racetrace.search.Case;
import racetrace.search.explore.Exploration;
import racetrace.search.explore.Limits;
import racetrace.search.explore.MinimalSearch;
import racetrace.search.explore.StateSpace;

/**
 * Decides one pair: every scenario of its scope, smallest first, explored exhaustively with the
 * pair's invariant {@code NoLostUpdateBetween}. The first op count at which some scenario
 * violates gives the race; among its violating scenarios the one with the fewest preemptions, then
 * steps, is the counterexample. No violation anywhere in the scope, every scenario explored to
 * the end: safe within the scope.
 */
public record PairCheck(PairScope scope, Limits limits) {

    public PairVerdict check(FlagsModel m, FieldPairs.Pair p) {
        long start = System.nanoTime();
        FlagsModel pm = m.forPair(p.first(), p.second());
        List<Writer> writers = new ArrayList<>(FieldPairs.rows(m, p.first()));
        writers.addAll(FieldPairs.rows(m, p.second()));
        // A field no row of the writers table stores (a flag added after the table was written): no
        // thread of the model stores it, so exploring would call the pair safe for want of a writer.
        List<String> noWriter = new ArrayList<>();
        for (String f : List.of(p.first(), p.second())) {
            if (FieldPairs.rows(m, f).isEmpty()) {
                noWriter.add(f);
            }
        }
        if (!noWriter.isEmpty()) {
            return new PairVerdict(p, false, null, null, null, null, List.of(), writers, 0, 0, false, scope.describe(),
                    (System.nanoTime() - start) / 1_000_000, noWriter);
        }
        int explored = 0;
        long states = 0;
        boolean complete = true;
        for (List<Scenario> level : scope.scenarios(m, p)) {
            List<Exploration> violating = new ArrayList<>();
            for (Scenario s : level) {
                Exploration x = StateSpace.explore(pm, s, null, limits, true);
                explored++;
                states += x.distinctStates();
                if (x.violated()) {
                    violating.add(x);
                } else if (!x.complete()) {
                    complete = false;
                }
            }
            if (violating.isEmpty()) {
                continue;
            }
            MinimalSearch.Result best = null;
            for (Exploration x : violating) {
                MinimalSearch.Result r = MinimalSearch.search(pm, x.scenario(), FlagsModel.NO_LOST_UPDATE_BETWEEN,
                        best == null ? Integer.MAX_VALUE : best.preemptions(), limits);
                if (!r.proven()) {
                    complete = false; // the cap stopped the search for fewer preemptions: not shown minimal
                }
                if (r.found() != null && (best == null || r.preemptions() < best.preemptions()
                        || r.preemptions() == best.preemptions() && r.steps() < best.steps())) {
                    best = r;
                }
            }
            // The cap may stop every search for the fewest preemptions: the race is still a race, shown
            // by the breadth-first search's own (step-shortest) violating run, and not called minimal.
            Case c = best != null ? best.found() : violating.stream()
                    .map(x -> x.violations().get(FlagsModel.NO_LOST_UPDATE_BETWEEN))
                    .min(Comparator.comparingInt(v -> v.schedule().length())).orElseThrow();
            Execution<?> ex = c.run();
            Measure measure = ex.measure();
            Writer[] rows = culpritAndVictim(m, p, ex);
            return new PairVerdict(p, true, c, measure, rows[0], rows[1], dependence(m, p, c.scenario()), writers,
                    explored, states, complete, scope.describe(), (System.nanoTime() - start) / 1_000_000, List.of());
        }
        return new PairVerdict(p, false, null, null, null, null, List.of(), writers, explored, states, complete,
                scope.describe(), (System.nanoTime() - start) / 1_000_000, List.of());
    }

    /** The rows of the last step's store (the stale copy) and of the other field's last store before it. */
    @SuppressWarnings("unchecked")
    private static Writer[] culpritAndVictim(FlagsModel m, FieldPairs.Pair p, Execution<?> ex) {
        List<? extends Step<?>> steps = ex.steps();
        String lastLabel = steps.get(steps.size() - 1).label();
        String culpritSite = lastLabel.substring(0, lastLabel.lastIndexOf('_'));
        int culpritThread = steps.get(steps.size() - 1).thread();
        FlagsState before = (FlagsState) ex.stateAt(steps.size() - 1);
        Writer culprit = row(m, culpritSite);
        String victimField = culprit == null ? null : culprit.field().equals(p.first()) ? p.second() : p.first();
        Writer victim = null;
        for (int i = steps.size() - 2; i >= 0 && victim == null; i--) {
            Step<?> s = steps.get(i);
            if (s.thread() == culpritThread || !s.label().endsWith("_store")) {
                continue;
            }
            String site = s.label().substring(0, s.label().lastIndexOf('_'));
            Writer w = row(m, site);
            if (w != null && w.field().equals(victimField)) {
                victim = w;
            }
        }
        return new Writer[] {culprit, victim};
    }

    private static Writer row(FlagsModel m, String site) {
        for (Writer w : m.writers()) {
            if (w.covers(site)) {
                return w;
            }
        }
        return null;
    }

    /**
     * The assumptions the scenario's violation depends on: for each, the model with the other value
     * either has no such scenario or explores it completely without the pair losing an update.
     */
    private List<Assumptions.Dependence> dependence(FlagsModel m, FieldPairs.Pair p, Scenario s) {
        return Assumptions.of(m, s, FlagsModel.NO_LOST_UPDATE_BETWEEN,
                other -> ((FlagsModel) other).forPair(p.first(), p.second()), limits);
    }

    /** The same instance with one option changed. */
    static FlagsModel with(FlagsModel m, String option, String value) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("granularity", m.granularity().option());
        m.assumptions().forEach((a, v) -> options.put(a.option(), v));
        options.put(option, value);
        return (FlagsModel) Models.create(m.instance().model(), m.instance().variant(), options);
    }
}
