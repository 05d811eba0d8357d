package racetrace.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bounds a generator draws scenarios from: configuration parameters, then, for a given
 * configuration, the actor kinds and each actor's op alphabet. Alphabets are ordered simplest
 * first: shrinking replaces an op by an earlier one.
 */
public interface ScenarioSpace {

    List<Param> params();

    /** Actor kinds for a configuration; threads of a scenario appear grouped in this order. */
    List<ActorKind> actors(Config config);

    /** The ops an actor may run under a configuration, simplest first. */
    List<Op> alphabet(Config config, String actor);

    /**
     * The scope a hunt explores exhaustively by default, as a union of shapes, chosen to contain
     * the races the model is known for (documented with the model); empty when the model names
     * none (the hunt's ladder of growing scopes then decides).
     */
    default List<Shape> defaultScope() {
        return List.of();
    }

    /** Checks a scenario against these bounds; throws {@link BadInputException} naming what is wrong. */
    default void validate(Scenario scenario) {
        Config config = scenario.config();
        for (Param p : params()) {
            Integer v = config.values().get(p.name());
            if (v == null) {
                throw new BadInputException("scenario lacks configuration parameter '" + p.name()
                        + "' (" + p.min() + ".." + p.max() + ")");
            }
            if (v < p.min() || v > p.max()) {
                throw new BadInputException("configuration parameter " + p.name() + "=" + v
                        + " is outside " + p.min() + ".." + p.max());
            }
        }
        for (String name : config.values().keySet()) {
            if (params().stream().noneMatch(p -> p.name().equals(name))) {
                throw new BadInputException("unknown configuration parameter '" + name + "'; known: "
                        + params().stream().map(Param::name).toList());
            }
        }
        List<ActorKind> kinds = actors(config);
        Map<String, Integer> counts = new HashMap<>();
        int lastKind = -1;
        for (ThreadScript t : scenario.threads()) {
            int kind = -1;
            for (int i = 0; i < kinds.size(); i++) {
                if (kinds.get(i).name().equals(t.actor())) {
                    kind = i;
                }
            }
            if (kind < 0) {
                throw new BadInputException("unknown actor '" + t.actor() + "'; this configuration has "
                        + kinds.stream().map(ActorKind::name).toList());
            }
            if (kind < lastKind) {
                throw new BadInputException("threads must be grouped by actor in the order "
                        + kinds.stream().map(ActorKind::name).toList());
            }
            lastKind = kind;
            counts.merge(t.actor(), 1, Integer::sum);
            ActorKind k = kinds.get(kind);
            if (t.ops().size() < k.minOps() || t.ops().size() > k.maxOps()) {
                throw new BadInputException("a " + t.actor() + " script has " + t.ops().size()
                        + " ops; allowed " + k.minOps() + ".." + k.maxOps());
            }
            List<Op> alphabet = alphabet(config, t.actor());
            for (Op op : t.ops()) {
                if (!alphabet.contains(op)) {
                    throw new BadInputException("op " + op + " is not in the " + t.actor()
                            + " alphabet for " + config + ": " + alphabet);
                }
            }
        }
        for (ActorKind k : kinds) {
            int n = counts.getOrDefault(k.name(), 0);
            if (n < k.minThreads() || n > k.maxThreads()) {
                throw new BadInputException("scenario has " + n + " " + k.name() + " threads; allowed "
                        + k.minThreads() + ".." + k.maxThreads());
            }
        }
    }
}
