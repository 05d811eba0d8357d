package racetrace.flags.fields;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import racetrace.engine.ActorKind;
import racetrace.engine.Config;
import racetrace.engine.Op;
import racetrace.flags.FlagsModel;
import racetrace.flags.UnitMap;
import racetrace.flags.Writer;

/**
 * The pairs of fields of one flags instance that share a storage unit, and which ops store each
 * field: the starting point of the pair report.
 */
public final class FieldPairs {

    private FieldPairs() {
    }

    /** Two fields, in declaration order. */
    public record Pair(String first, String second) {
        @Override
        public String toString() {
            return first + "+" + second;
        }
    }

    /**
     * Every pair of distinct fields such that a store of one reaches the unit holding the other's
     * bit, under the instance's granularity, for the value kinds its writers store: the fields share
     * a storage unit. Fields no writer stores count with both kinds.
     */
    public static List<Pair> sharing(FlagsModel m) {
        UnitMap u = m.units();
        int n = u.fieldCount();
        int[] reach = new int[n];
        for (int f = 0; f < n; f++) {
            String name = u.fieldName(f);
            Set<String> kinds = new LinkedHashSet<>();
            for (Writer w : m.writers()) {
                if (w.field().equals(name)) {
                    kinds.add(w.kind());
                }
            }
            if (kinds.isEmpty()) {
                kinds.add(UnitMap.CONSTANT);
                kinds.add(UnitMap.COMPUTED);
            }
            for (String k : kinds) {
                reach[f] |= u.reach(f, k);
            }
        }
        List<Pair> out = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                if ((reach[a] & (1 << u.unitOf(b))) != 0 || (reach[b] & (1 << u.unitOf(a))) != 0) {
                    out.add(new Pair(u.fieldName(a), u.fieldName(b)));
                }
            }
        }
        return out;
    }

    /** The ops of an actor's alphabet under a configuration whose program stores the field. */
    public static List<Op> writersOf(FlagsModel m, Config c, String actor, String field) {
        List<Op> out = new ArrayList<>();
        for (Op op : m.space().alphabet(c, actor)) {
            if (m.storeSites(op.name()).containsValue(field)) {
                out.add(op);
            }
        }
        return out;
    }

    /** The writers-table rows of a field, in table order. */
    public static List<Writer> rows(FlagsModel m, String field) {
        return m.writers().stream().filter(w -> w.field().equals(field)).toList();
    }

    /** Actor kinds of a configuration by name, in the space's order. */
    static Map<String, ActorKind> kinds(FlagsModel m, Config c) {
        Map<String, ActorKind> out = new LinkedHashMap<>();
        for (ActorKind k : m.space().actors(c)) {
            out.put(k.name(), k);
        }
        return out;
    }
}
