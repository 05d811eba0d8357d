package racetrace.xen;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import racetrace.engine.Config;
import racetrace.engine.Invariant;
import racetrace.engine.Param;
import racetrace.engine.RandomRuns;
import racetrace.engine.Scenario;
import racetrace.engine.Schedule;
import racetrace.engine.Stepper;

/** Random scenarios and a small exhaustive explorer, for sanity tests of the model only. */
final class XenTestSupport {

    private XenTestSupport() {
    }

    static Config config(int vcpus, int prios, int ports, int masked, int oldTail, int guest, int unmaskForm) {
        return Coverage.config(true, vcpus, prios, ports, masked, oldTail, guest, unmaskForm);
    }

    /** The configuration as model m's space has it: source=0 where the era has the parameter. */
    static Config config(XenFifoModel m, int vcpus, int prios, int ports, int masked, int oldTail, int guest,
            int unmaskForm) {
        return Coverage.config(m.space(), vcpus, prios, ports, masked, oldTail, guest, unmaskForm);
    }

    /** The same configuration for a model whose ports are raised one way only (2020-11, none: no source). */
    static Config none(Config c) {
        Map<String, Integer> m = new LinkedHashMap<>(c.values());
        m.remove("source");
        return new Config(m);
    }

    static Scenario randomScenario(XenFifoModel model, Random r, int maxPorts) {
        Map<String, Integer> c = new LinkedHashMap<>();
        for (Param p : model.space().params()) {
            int max = p.name().equals("ports") ? Math.min(p.max(), maxPorts) : p.max();
            c.put(p.name(), p.min() + r.nextInt(max - p.min() + 1));
        }
        return RandomRuns.scenario(model, new Config(c), r);
    }

    /**
     * Breadth-first search over every interleaving of a scenario (states deduplicated), for the
     * shortest schedule reaching a state that breaks {@code invariant}; null if none within the bound.
     */
    static Schedule shortestViolation(XenFifoModel model, Scenario scenario, String invariant, int maxStates) {
        Invariant<XenState> target = model.invariants().stream()
                .filter(i -> i.name().equals(invariant)).findFirst().orElseThrow();
        List<Invariant<XenState>> others = model.invariants();
        XenState init = Stepper.of(model, scenario).initial();
        Map<XenState, XenState> parent = new HashMap<>();
        Map<XenState, Integer> via = new HashMap<>();
        ArrayDeque<XenState> queue = new ArrayDeque<>();
        parent.put(init, null);
        queue.add(init);
        int n = scenario.threadCount();
        while (!queue.isEmpty() && parent.size() < maxStates) {
            XenState s = queue.poll();
            for (int t = 0; t < n; t++) {
                if (!model.enabled(s, t)) {
                    continue;
                }
                XenState next = Stepper.of(model, scenario).step(s, t, 0).next();
                if (parent.containsKey(next)) {
                    continue;
                }
                parent.put(next, s);
                via.put(next, t);
                if (!target.holds(next)) {
                    List<Integer> path = new ArrayList<>();
                    for (XenState x = next; parent.get(x) != null; x = parent.get(x)) {
                        path.add(0, via.get(x));
                    }
                    return Schedule.of(path);
                }
                // Other invariants broken first would end a real run earlier: do not expand past them.
                boolean ok = true;
                for (Invariant<XenState> i : others) {
                    ok &= i.holds(next);
                }
                if (ok) {
                    queue.add(next);
                }
            }
        }
        return null;
    }

    /** Whether {@code invariant} fails in some reachable state (every state explored, whatever else fails). */
    static boolean reaches(XenFifoModel model, Scenario scenario, String invariant, int maxStates) {
        Invariant<XenState> target = model.invariants().stream()
                .filter(i -> i.name().equals(invariant)).findFirst().orElseThrow();
        return walk(model, scenario, maxStates, s -> !target.holds(s), tr -> { }).stoppedAt() != null;
    }

    /**
     * Every state of a scenario (bounded): the designed give-ups taken on the way, counted by the
     * give-up's name (the notice's words before "gave up"), and the invariants failing anywhere.
     */
    record Survey(int states, Map<String, Integer> giveUps, Set<String> violated, List<XenState> all) {
    }

    static Survey survey(XenFifoModel model, Scenario scenario, int maxStates) {
        List<XenState> all = new ArrayList<>();
        Map<String, Integer> giveUps = new TreeMap<>();
        Set<String> violated = new TreeSet<>();
        Walk w = walk(model, scenario, maxStates, s -> {
            all.add(s);
            for (Invariant<XenState> i : model.invariants()) {
                if (!i.holds(s)) {
                    violated.add(i.name());
                }
            }
            return false;
        }, tr -> {
            if (tr.notice() != null) {
                giveUps.merge(tr.notice().substring(0, tr.notice().indexOf(" gave up")), 1, Integer::sum);
            }
        });
        return new Survey(w.states(), giveUps, violated, all);
    }

    /** Counts the reachable states of a scenario (bounded), and whether any invariant fails. */
    static String anyViolation(XenFifoModel model, Scenario scenario, int maxStates) {
        XenState bad = walk(model, scenario, maxStates,
                s -> model.invariants().stream().anyMatch(i -> !i.holds(s)), tr -> { }).stoppedAt();
        return bad == null ? null
                : model.invariants().stream().filter(i -> !i.holds(bad)).findFirst().orElseThrow().name();
    }

    /** How a walk ended: the state it stopped at (null: none), and how many states it saw. */
    record Walk(XenState stoppedAt, int states) {
    }

    /**
     * Breadth-first over the states of a scenario (deduplicated, bounded), until a state taken
     * from the queue satisfies {@code stop}; {@code step} sees every transition taken.
     */
    private static Walk walk(XenFifoModel model, Scenario scenario, int maxStates, Predicate<XenState> stop,
            Consumer<Stepper.Move<XenState>> step) {
        XenState init = Stepper.of(model, scenario).initial();
        Set<XenState> seen = new HashSet<>();
        ArrayDeque<XenState> queue = new ArrayDeque<>();
        seen.add(init);
        queue.add(init);
        while (!queue.isEmpty() && seen.size() < maxStates) {
            XenState s = queue.poll();
            if (stop.test(s)) {
                return new Walk(s, seen.size());
            }
            for (int t = 0; t < scenario.threadCount(); t++) {
                if (model.enabled(s, t)) {
                    Stepper.Move<XenState> tr = Stepper.of(model, scenario).step(s, t, 0);
                    step.accept(tr);
                    if (seen.add(tr.next())) {
                        queue.add(tr.next());
                    }
                }
            }
        }
        return new Walk(null, seen.size());
    }
}
