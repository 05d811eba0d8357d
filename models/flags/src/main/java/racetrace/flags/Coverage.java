package racetrace.flags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import racetrace.engine.ActorKind;
import racetrace.engine.Config;
import racetrace.engine.Op;
import racetrace.engine.Param;
import racetrace.engine.Scenario;
import racetrace.engine.ScenarioSpace;
import racetrace.engine.ThreadScript;

/**
 * What conformance has to cover for a flags instance: the step labels of its programs (each op's
 * program is the model's text of one kernel function, every label one step of it), and the small
 * scenarios that take them. A flags op's branches depend on the configuration (a
 * device open, in low power, probing), on the flags the op itself reads and on what another
 * thread did before or meanwhile (a suspended device resumed, a change flag set by the event
 * queue), so each op runs alone, beside each other op, and before each op of its own actor in
 * one thread, in every configuration, with the threads every scenario must have.
 */
final class Coverage {

    private Coverage() {
    }

    /**
     * Every label of every program of the instance, in name order, but the resume blocks of the
     * pm-get sites that never find a wake eventfd armed ({@code <site>_res...}, {@link Prog#resumeBlock}).
     */
    static Set<String> actions(Map<String, Instr[]> programs, Set<String> resumesWithoutWake) {
        Set<String> out = new TreeSet<>();
        programs.values().forEach(p -> {
            for (Instr i : p) {
                int res = i.label().lastIndexOf("_res");
                boolean dead = res > 0 && resumesWithoutWake.contains(i.label().substring(0, res))
                        && Character.isUpperCase(i.label().charAt(Math.min(i.label().length() - 1, res + 4)));
                if (!dead) {
                    out.add(i.label());
                }
            }
        });
        return out;
    }

    /** Each op alone, then each pair of ops of two threads, in every configuration. */
    static List<Scenario> scenarios(ScenarioSpace space) {
        Set<Scenario> out = new LinkedHashSet<>();
        List<Config> configs = configs(space);
        for (Config c : configs) {
            for (ActorKind k : space.actors(c)) {
                for (Op op : space.alphabet(c, k.name())) {
                    out.add(with(space, c, List.of(new Run(k, op))));
                }
            }
        }
        for (Config c : configs) {
            List<ActorKind> kinds = space.actors(c);
            for (int a = 0; a < kinds.size(); a++) {
                for (int b = a; b < kinds.size(); b++) {
                    ActorKind ka = kinds.get(a);
                    ActorKind kb = kinds.get(b);
                    if (a == b && ka.maxThreads() < 2) {
                        continue;
                    }
                    List<Op> xs = space.alphabet(c, ka.name());
                    List<Op> ys = space.alphabet(c, kb.name());
                    for (int i = 0; i < xs.size(); i++) {
                        for (int j = a == b ? i : 0; j < ys.size(); j++) {
                            out.add(with(space, c, List.of(new Run(ka, xs.get(i)), new Run(kb, ys.get(j)))));
                        }
                    }
                }
            }
        }
        // one thread running two ops in turn (an enable before its disable)
        for (Config c : configs) {
            for (ActorKind k : space.actors(c)) {
                if (k.maxOps() < 2) {
                    continue;
                }
                for (Op x : space.alphabet(c, k.name())) {
                    for (Op y : space.alphabet(c, k.name())) {
                        out.add(with(space, c, List.of(new Run(k, x, y))));
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /** A thread to add: its actor and its script. */
    private record Run(ActorKind kind, Op... ops) {
    }

    /**
     * The scenario of {@code config} whose threads are those every scenario must have (each
     * running its actor's first op) and a thread for each of {@code runs}: an extra one, or a
     * required one when its actor allows no more.
     */
    private static Scenario with(ScenarioSpace space, Config config, List<Run> runs) {
        List<ThreadScript> threads = new ArrayList<>();
        for (ActorKind k : space.actors(config)) {
            List<Op[]> own = runs.stream().filter(r -> r.kind().name().equals(k.name())).map(Run::ops).toList();
            int required = k.minThreads();
            int extra = Math.min(own.size(), k.maxThreads() - required);
            int replaced = own.size() - extra;
            Op[] first = {space.alphabet(config, k.name()).get(0)};
            for (int t = 0; t < required; t++) {
                threads.add(script(k, t < replaced ? own.get(t) : first));
            }
            for (int t = replaced; t < own.size(); t++) {
                threads.add(script(k, own.get(t)));
            }
        }
        return new Scenario(config, threads);
    }

    /** A thread of {@code k} running {@code ops}, the first repeated up to the actor's fewest ops. */
    private static ThreadScript script(ActorKind k, Op[] ops) {
        List<Op> script = new ArrayList<>(List.of(ops));
        while (script.size() < k.minOps()) {
            script.add(ops[0]);
        }
        return new ThreadScript(k.name(), script);
    }

    /** Every configuration of the space: the product of its parameters' ranges, in order. */
    private static List<Config> configs(ScenarioSpace space) {
        List<Config> out = new ArrayList<>(List.of(Config.empty()));
        for (Param p : space.params()) {
            List<Config> next = new ArrayList<>();
            for (Config c : out) {
                for (int v = p.min(); v <= p.max(); v++) {
                    next.add(c.with(p.name(), v));
                }
            }
            out = next;
        }
        return out;
    }
}
