package racetrace.flags.fields;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import racetrace.engine.ActorKind;
import racetrace.engine.BadInputException;
import racetrace.engine.Config;
import racetrace.engine.Op;
import racetrace.engine.Scenario;
import racetrace.engine.ThreadScript;
import racetrace.flags.FlagsModel;
import racetrace.search.scope.ScenarioEnumeration;

/**
 * The scenarios that can show whether two fields lose each other's updates: two threads, one
 * whose script ends with an op that stores the first field and one whose script ends with an op
 * that stores the second, each script of at most {@code maxOps} ops (the ops before the last set
 * the state up), under every configuration, as far as the model's bounds allow (actor counts,
 * script lengths, required actors). Ops after the last writer need not be tried: a lost update
 * needs one thread's load and store of a unit around the other's store, and no step between a
 * load and its store can block, so later ops cannot make or prevent it.
 *
 * @param maxOps the longest script
 */
public record PairScope(int maxOps) {

    public static final PairScope DEFAULT = new PairScope(2);

    public PairScope {
        if (maxOps < 1) {
            throw new BadInputException("a pair's scope needs scripts of at least 1 op, not " + maxOps);
        }
    }

    /** One sentence for reports: what "within scope" means. */
    public String describe() {
        return "2 threads, each a script of 1.." + maxOps + " ops ending with a store of its field, every "
                + "configuration";
    }

    /** The scenarios of the pair, grouped by total op count (the measure's second component), smallest first. */
    public List<List<Scenario>> scenarios(FlagsModel m, FieldPairs.Pair p) {
        Map<Integer, List<Scenario>> byOps = new TreeMap<>();
        Set<Scenario> seen = new LinkedHashSet<>();
        for (Config c : ScenarioEnumeration.configs(m.space().params())) {
            Map<String, ActorKind> kinds = FieldPairs.kinds(m, c);
            List<String> order = new ArrayList<>(kinds.keySet());
            List<ThreadScript> xs = candidates(m, c, kinds, p.first());
            List<ThreadScript> ys = candidates(m, c, kinds, p.second());
            for (ThreadScript x : xs) {
                for (ThreadScript y : ys) {
                    List<ThreadScript> threads = new ArrayList<>(List.of(x, y));
                    threads.sort(Comparator.comparingInt((ThreadScript t) -> order.indexOf(t.actor()))
                            .thenComparing(ThreadScript::toString));
                    Scenario s = new Scenario(c, threads);
                    if (!seen.add(s)) {
                        continue;
                    }
                    try {
                        m.space().validate(s);
                    } catch (BadInputException e) {
                        continue;
                    }
                    byOps.computeIfAbsent(s.opCount(), k -> new ArrayList<>()).add(s);
                }
            }
        }
        return new ArrayList<>(byOps.values());
    }

    /** Scripts of one thread that end with a store of the field. */
    private List<ThreadScript> candidates(FlagsModel m, Config c, Map<String, ActorKind> kinds, String field) {
        List<ThreadScript> out = new ArrayList<>();
        for (ActorKind k : kinds.values()) {
            if (k.maxThreads() < 1) {
                continue;
            }
            List<Op> last = FieldPairs.writersOf(m, c, k.name(), field);
            if (last.isEmpty()) {
                continue;
            }
            List<Op> alphabet = m.space().alphabet(c, k.name());
            for (int len = Math.max(1, k.minOps()); len <= Math.min(k.maxOps(), maxOps); len++) {
                for (List<Op> prefix : sequences(alphabet, len - 1)) {
                    for (Op w : last) {
                        List<Op> ops = new ArrayList<>(prefix);
                        ops.add(w);
                        out.add(new ThreadScript(k.name(), ops));
                    }
                }
            }
        }
        return out;
    }

    private static List<List<Op>> sequences(List<Op> alphabet, int len) {
        List<List<Op>> out = new ArrayList<>();
        out.add(List.of());
        for (int i = 0; i < len; i++) {
            List<List<Op>> next = new ArrayList<>();
            for (List<Op> s : out) {
                for (Op o : alphabet) {
                    List<Op> t = new ArrayList<>(s);
                    t.add(o);
                    next.add(t);
                }
            }
            out = next;
        }
        return out;
    }
}
