package racetrace.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import racetrace.engine.ActorKind;
import racetrace.engine.Config;
import racetrace.engine.Op;
import racetrace.engine.Param;
import racetrace.engine.Scenario;
import racetrace.engine.ScenarioSpace;
import racetrace.engine.Schedule;
import racetrace.engine.ThreadScript;

/**
 * The shrink candidates of a case, in the order the measure ranks them: drop a thread, drop an
 * op, shrink the configuration, simplify an op, remove a preemption, drop or move a step. Every
 * candidate is a valid scenario of the model's space; whether it still fails is for the caller to
 * check. Candidates are produced lazily.
 */
public final class Candidates {

    private Candidates() {
    }

    public static Stream<Case> of(Case c) {
        List<Supplier<Stream<Case>>> phases = List.of(
                () -> dropThreads(c),
                () -> dropOps(c),
                () -> shrinkConfig(c),
                () -> simplifyOps(c),
                () -> removePreemptions(c),
                () -> dropOrMoveSteps(c));
        return phases.stream().flatMap(Supplier::get);
    }

    /** Candidates that change only the scenario (for shrinking scenarios on their own). */
    public static Stream<Case> ofScenario(Case c) {
        List<Supplier<Stream<Case>>> phases = List.of(
                () -> dropThreads(c),
                () -> dropOps(c),
                () -> shrinkConfig(c),
                () -> simplifyOps(c));
        return phases.stream().flatMap(Supplier::get);
    }

    static Stream<Case> dropThreads(Case c) {
        Scenario s = c.scenario();
        List<Case> out = new ArrayList<>();
        for (int t = s.threadCount() - 1; t >= 0; t--) {
            List<ThreadScript> threads = new ArrayList<>(s.threads());
            threads.remove(t);
            Scenario candidate = new Scenario(s.config(), threads);
            if (valid(c, candidate)) {
                out.add(new Case(c.model(), candidate, withoutThread(c.schedule(), t), c.focus()));
            }
        }
        return out.stream();
    }

    /** Choices of the dropped thread go; later thread numbers move down by one. */
    static Schedule withoutThread(Schedule s, int dropped) {
        int[] out = new int[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            int ch = s.choice(i);
            if (ch != dropped) {
                out[n++] = ch > dropped ? ch - 1 : ch;
            }
        }
        return Schedule.of(Arrays.copyOf(out, n));
    }

    static Stream<Case> dropOps(Case c) {
        Scenario s = c.scenario();
        List<Case> out = new ArrayList<>();
        for (int t = 0; t < s.threadCount(); t++) {
            ThreadScript script = s.threads().get(t);
            for (int j = script.ops().size() - 1; j >= 0; j--) {
                List<Op> ops = new ArrayList<>(script.ops());
                ops.remove(j);
                Scenario candidate = replaceThread(s, t, new ThreadScript(script.actor(), ops));
                if (valid(c, candidate)) {
                    out.add(c.withScenario(candidate));
                    // The dropped op's steps were scheduled too: also try without the thread's
                    // first (for the first op) or last (for the others) choices.
                    for (int m = 1; m <= OP_STEPS_GUESS; m++) {
                        Schedule trimmed = j == 0 ? withoutChoices(c.schedule(), t, m, true)
                                : withoutChoices(c.schedule(), t, m, false);
                        if (trimmed == null) {
                            break;
                        }
                        out.add(new Case(c.model(), candidate, trimmed, c.focus()));
                    }
                }
            }
        }
        return out.stream();
    }

    /** How many of a thread's choices a dropped op may have taken, at most. */
    static final int OP_STEPS_GUESS = 12;

    /** The schedule without the first (or last) {@code m} choices of thread {@code t}; null if it has fewer. */
    static Schedule withoutChoices(Schedule s, int t, int m, boolean first) {
        int[] a = s.toArray();
        boolean[] drop = new boolean[a.length];
        int found = 0;
        for (int k = 0; k < a.length && found < m; k++) {
            int i = first ? k : a.length - 1 - k;
            if (a[i] == t) {
                drop[i] = true;
                found++;
            }
        }
        if (found < m) {
            return null;
        }
        int[] out = new int[a.length - m];
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (!drop[i]) {
                out[n++] = a[i];
            }
        }
        return Schedule.of(out);
    }

    /** Each parameter to its minimum, then one lower; ops and threads the new bounds exclude go. */
    static Stream<Case> shrinkConfig(Case c) {
        Scenario s = c.scenario();
        ScenarioSpace space = c.model().space();
        List<Case> out = new ArrayList<>();
        for (Param p : space.params()) {
            int v = s.config().get(p.name());
            for (int target : new int[] {p.min(), v - 1}) {
                if (target >= p.min() && target < v) {
                    Scenario candidate = fitTo(space, s, s.config().with(p.name(), target));
                    if (candidate != null && valid(c, candidate)) {
                        out.add(c.withScenario(candidate));
                    }
                }
                if (target == v - 1 && p.min() == v - 1) {
                    break;
                }
            }
        }
        return out.stream();
    }

    /** The scenario's threads under another config, dropping ops the new alphabet lacks. */
    static Scenario fitTo(ScenarioSpace space, Scenario s, Config config) {
        List<ActorKind> kinds = space.actors(config);
        List<ThreadScript> threads = new ArrayList<>();
        for (ThreadScript t : s.threads()) {
            ActorKind kind = kinds.stream().filter(k -> k.name().equals(t.actor())).findFirst().orElse(null);
            if (kind == null) {
                continue;
            }
            List<Op> alphabet = space.alphabet(config, t.actor());
            List<Op> ops = t.ops().stream().filter(alphabet::contains).toList();
            if (ops.size() < kind.minOps()) {
                return null;
            }
            threads.add(new ThreadScript(t.actor(), ops));
        }
        return new Scenario(config, threads);
    }

    static Stream<Case> simplifyOps(Case c) {
        Scenario s = c.scenario();
        ScenarioSpace space = c.model().space();
        List<Case> out = new ArrayList<>();
        // One op replaced everywhere at once: a race between two send(2) needs both to become send(1).
        List<Op> distinct = new ArrayList<>();
        for (ThreadScript t : s.threads()) {
            for (Op op : t.ops()) {
                if (!distinct.contains(op)) {
                    distinct.add(op);
                }
            }
        }
        for (Op from : distinct) {
            for (ThreadScript t : s.threads()) {
                List<Op> alphabet = space.alphabet(s.config(), t.actor());
                int index = alphabet.indexOf(from);
                for (int k = 0; k < index; k++) {
                    Op to = alphabet.get(k);
                    List<ThreadScript> threads = new ArrayList<>();
                    for (ThreadScript u : s.threads()) {
                        threads.add(new ThreadScript(u.actor(), u.ops().stream().map(o -> o.equals(from) ? to : o).toList()));
                    }
                    Scenario candidate = new Scenario(s.config(), threads);
                    if (valid(c, candidate)) {
                        out.add(c.withScenario(candidate));
                    }
                }
                if (index > 0) {
                    break;
                }
            }
        }
        for (int t = 0; t < s.threadCount(); t++) {
            ThreadScript script = s.threads().get(t);
            List<Op> alphabet = space.alphabet(s.config(), script.actor());
            for (int j = 0; j < script.ops().size(); j++) {
                int index = alphabet.indexOf(script.ops().get(j));
                for (int k = 0; k < index; k++) {
                    List<Op> ops = new ArrayList<>(script.ops());
                    ops.set(j, alphabet.get(k));
                    Scenario candidate = replaceThread(s, t, new ThreadScript(script.actor(), ops));
                    out.add(c.withScenario(candidate));
                    // A simpler op may take fewer steps: try without some of the thread's choices.
                    for (int m = 1; m <= OP_STEPS_GUESS; m++) {
                        Schedule late = withoutChoices(c.schedule(), t, m, false);
                        if (late == null) {
                            break;
                        }
                        out.add(new Case(c.model(), candidate, late, c.focus()));
                        out.add(new Case(c.model(), candidate, withoutChoices(c.schedule(), t, m, true), c.focus()));
                    }
                }
            }
        }
        return out.stream();
    }

    /**
     * For each switch between threads: cut the schedule there (the rest runs without preemption),
     * or let the thread that was running keep its turn for one more step.
     */
    static Stream<Case> removePreemptions(Case c) {
        Schedule s = c.schedule();
        List<Case> out = new ArrayList<>();
        for (int i = 1; i < s.length(); i++) {
            if (s.choice(i) != s.choice(i - 1)) {
                out.add(c.withSchedule(Schedule.of(Arrays.copyOf(s.toArray(), i))));
            }
        }
        for (int i = 1; i < s.length(); i++) {
            if (s.choice(i) != s.choice(i - 1)) {
                int[] a = s.toArray();
                // Move the block that starts here after the next choice of the previous thread.
                int j = i;
                while (j < a.length && a[j] != a[i - 1]) {
                    j++;
                }
                if (j < a.length) {
                    int prev = a[j];
                    System.arraycopy(a, i, a, i + 1, j - i);
                    a[i] = prev;
                    out.add(c.withSchedule(Schedule.of(a)));
                }
            }
        }
        return out.stream();
    }

    static Stream<Case> dropOrMoveSteps(Case c) {
        Schedule s = c.schedule();
        List<Case> out = new ArrayList<>();
        for (int i = s.length() - 1; i >= 0; i--) {
            int[] a = s.toArray();
            int[] b = new int[a.length - 1];
            System.arraycopy(a, 0, b, 0, i);
            System.arraycopy(a, i + 1, b, i, a.length - i - 1);
            out.add(c.withSchedule(Schedule.of(b)));
        }
        for (int i = 0; i + 1 < s.length(); i++) {
            if (s.choice(i) != s.choice(i + 1)) {
                int[] a = s.toArray();
                int tmp = a[i];
                a[i] = a[i + 1];
                a[i + 1] = tmp;
                out.add(c.withSchedule(Schedule.of(a)));
            }
        }
        return out.stream();
    }

    private static Scenario replaceThread(Scenario s, int t, ThreadScript script) {
        List<ThreadScript> threads = new ArrayList<>(s.threads());
        threads.set(t, script);
        return new Scenario(s.config(), threads);
    }

    private static boolean valid(Case c, Scenario candidate) {
        try {
            c.model().space().validate(candidate);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
