package racetrace.search.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import racetrace.engine.ActorKind;
import racetrace.engine.BadInputException;
import racetrace.engine.Config;
import racetrace.engine.Op;
import racetrace.engine.Param;
import racetrace.engine.Scenario;
import racetrace.engine.ScenarioSpace;
import racetrace.engine.ThreadScript;

class ScenarioEnumerationTest {

    /** Two actor kinds: interchangeable CPUs (0..3 threads) and an ordered pair of guests (0..2). */
    static final ScenarioSpace SPACE = new ScenarioSpace() {
        @Override
        public List<Param> params() {
            return List.of(new Param("n", 1, 2, ""));
        }

        @Override
        public List<ActorKind> actors(Config config) {
            return List.of(new ActorKind("cpu", 0, 3, 1, 2, true), new ActorKind("guest", 0, 2, 1, 1, false));
        }

        @Override
        public List<Op> alphabet(Config config, String actor) {
            return actor.equals("cpu") ? List.of(Op.of("a"), Op.of("b")) : List.of(Op.of("g"), Op.of("h"));
        }
    };

    /** Every scenario of the scope, permutations of interchangeable threads included: the brute force. */
    static List<Scenario> brute(Scope scope) {
        List<Scenario> out = new ArrayList<>();
        List<List<Op>> cpuScripts = ScenarioEnumeration.scripts(List.of(Op.of("a"), Op.of("b")), 1, 2);
        List<List<Op>> guestScripts = ScenarioEnumeration.scripts(List.of(Op.of("g"), Op.of("h")), 1, 1);
        for (int n = 1; n <= 2; n++) {
            Config c = new Config(Map.of("n", n));
            for (List<List<Op>> cpus : tuples(cpuScripts, 3)) {
                for (List<List<Op>> guests : tuples(guestScripts, 2)) {
                    List<ThreadScript> ts = new ArrayList<>();
                    cpus.forEach(s -> ts.add(new ThreadScript("cpu", s)));
                    guests.forEach(s -> ts.add(new ThreadScript("guest", s)));
                    Scenario sc = new Scenario(c, ts);
                    if (!ts.isEmpty() && sc.threadCount() <= scope.maxThreads() && sc.opCount() <= scope.maxOps()) {
                        out.add(sc);
                    }
                }
            }
        }
        return out;
    }

    static List<List<List<Op>>> tuples(List<List<Op>> scripts, int max) {
        List<List<List<Op>>> out = new ArrayList<>();
        out.add(List.of());
        List<List<List<Op>>> last = List.of(List.of());
        for (int k = 1; k <= max; k++) {
            List<List<List<Op>>> next = new ArrayList<>();
            for (List<List<Op>> t : last) {
                for (List<Op> s : scripts) {
                    List<List<Op>> u = new ArrayList<>(t);
                    u.add(s);
                    next.add(u);
                }
            }
            out.addAll(next);
            last = next;
        }
        return out;
    }

    /** Interchangeable threads sorted: what is left of a scenario when their order is forgotten. */
    static String canonical(Scenario s) {
        List<String> cpus = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (ThreadScript t : s.threads()) {
            (t.actor().equals("cpu") ? cpus : rest).add(t.ops().toString());
        }
        cpus.sort(Comparator.naturalOrder());
        return s.config() + " " + cpus + " " + rest;
    }

    @Test
    void listsEveryScenarioOnceUpToTheOrderOfInterchangeableThreads() {
        for (Scope scope : List.of(new Scope(1, 1), new Scope(2, 2), new Scope(3, 4), new Scope(5, 7))) {
            List<Scenario> listed = ScenarioEnumeration.of(SPACE, scope);
            Set<String> want = new HashSet<>();
            brute(scope).forEach(s -> want.add(canonical(s)));
            Set<String> got = new HashSet<>();
            for (Scenario s : listed) {
                SPACE.validate(s);
                assertThat(got.add(canonical(s))).as("listed twice: " + s).isTrue();
            }
            assertThat(got).as(scope.toString()).isEqualTo(want);
        }
    }

    @Test
    void smallestFirstInTheMeasuresOrder() {
        List<Scenario> listed = ScenarioEnumeration.of(SPACE, new Scope(3, 4));
        for (int i = 1; i < listed.size(); i++) {
            Scenario a = listed.get(i - 1);
            Scenario b = listed.get(i);
            assertThat(a.threadCount() < b.threadCount()
                    || a.threadCount() == b.threadCount() && a.opCount() <= b.opCount()).isTrue();
        }
    }

    @Test
    void aScopeTooLargeIsRefusedWithItsSize() {
        assertThatThrownBy(() -> ScenarioEnumeration.of(SPACE, new Scope(5, 7), 10))
                .isInstanceOf(BadInputException.class).hasMessageContaining("more than 10 scenarios");
    }

    @Test
    void theLadderSplitsScopesIntoNewScenariosPerLevel() {
        Ladder ladder = new Ladder(SPACE, 0, 1_000_000);
        Set<String> seen = new HashSet<>();
        for (int level = 1; level <= 4; level++) {
            for (Scenario s : ladder.level(level)) {
                assertThat(seen.add(canonical(s))).isTrue();
            }
            Set<String> scope = new HashSet<>();
            ScenarioEnumeration.of(SPACE, Ladder.scopeOf(level)).forEach(s -> scope.add(canonical(s)));
            assertThat(seen).isEqualTo(scope);
            assertThat(ladder.count(level)).isEqualTo(scope.size());
        }
    }

    @Test
    void aLadderLevelTooLargeEndsTheLadderAndSaysWhy() {
        Ladder ladder = new Ladder(SPACE, 0, 20);
        int level = 1;
        while (ladder.level(level) != null) {
            level++;
        }
        assertThat(level).isGreaterThan(1);
        assertThat(ladder.endReason()).contains("more than 20 new scenarios");
    }
}
