package racetrace.engine.program;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import racetrace.engine.Access;
import racetrace.engine.Leaves;

/**
 * The memory accesses of one step of a program. A program reads its memory's fields directly,
 * which the engine cannot watch; what it can do is take the step again from the same state with
 * one memory leaf (a field, or an element of an array field) holding another value:
 *
 * <ul>
 *   <li>the step <em>reads</em> the leaf when that changes what the step does: whether it can
 *       step at all, any other variable after it (memory, registers, its next label), its notice,
 *       or the value it stores into the leaf itself ({@code seq++});
 *   <li>the step <em>stores</em> the leaf when the leaf changed, or when it ends with a value that
 *       is not the one it was given (a store of the value it already had, {@code lock = 0}).
 * </ul>
 *
 * An int leaf is tried at v+1, v-1 and 0, a boolean flipped, an enum at each other constant, a
 * String with a character appended. A read that only some other value would reveal ({@code x ==
 * 7}) goes unseen; a field holding a record, list, set or map is one leaf whose stores the state
 * diff shows and whose reads are not sought. Register stores come from the state diff. Only the
 * explanation of a trace asks for accesses: a few extra runs of a step each.
 */
final class StepAccesses<M, R> {

    /** What a run of the step did: stepped (with the variables after it and its notice), blocked, or threw. */
    private record Effect(String status, Map<String, String> after, String notice) {
    }

    /** A memory leaf: field {@code field} of the memory, at {@code index} inside nested arrays (empty: the field). */
    private record Leaf(String path, int field, int[] index, Object value) {
    }

    private final ProgramModel<M, R> model;
    private final ProgramState before;
    private final int thread;
    private final Fields fields;
    private final Set<String> hidden;

    private StepAccesses(ProgramModel<M, R> model, ProgramState before, int thread) {
        this.model = model;
        this.before = before;
        this.thread = thread;
        this.fields = before.memory == null ? null : model.memoryFields(before.memory);
        this.hidden = model.hiddenInTable();
    }

    /** The reads, then the stores, of thread {@code thread}'s step from {@code before} to {@code next}. */
    static <M, R> List<Access> of(ProgramModel<M, R> model, ProgramState before, ProgramState next, int thread) {
        return new StepAccesses<>(model, before, thread).find(next);
    }

    private List<Access> find(ProgramState next) {
        List<Access> reads = new ArrayList<>();
        List<Access> stores = new ArrayList<>();
        Set<String> memoryNames = new LinkedHashSet<>();
        if (fields != null) {
            memoryNames.addAll(fields.names());
            Map<String, String> was = leaves(before);
            Effect base = run(before);
            for (int i = 0; i < fields.size(); i++) {
                String name = fields.names().get(i);
                if (hidden.contains(name)) {
                    continue;
                }
                List<Leaf> leaves = new ArrayList<>();
                collect(leaves, name, i, new int[0], fields.raw(before.memory, i));
                for (Leaf leaf : leaves) {
                    judge(leaf, was, base, reads, stores);
                }
            }
        }
        Set<String> notMemory = new LinkedHashSet<>(hidden);
        notMemory.addAll(memoryNames);
        stores.addAll(Access.diff(model.variables(before), model.variables(next), notMemory));
        List<Access> out = new ArrayList<>(reads);
        out.addAll(stores);
        return out;
    }

    /** The leaves of one field's value: each element of an array, else the value itself. */
    private static void collect(List<Leaf> out, String path, int field, int[] index, Object value) {
        if (value != null && value.getClass().isArray()) {
            for (int k = 0; k < Array.getLength(value); k++) {
                int[] deeper = Arrays.copyOf(index, index.length + 1);
                deeper[index.length] = k;
                collect(out, path + "[" + (k + 1) + "]", field, deeper, Array.get(value, k));
            }
        } else {
            out.add(new Leaf(path, field, index, value));
        }
    }

    private void judge(Leaf leaf, Map<String, String> was, Effect base, List<Access> reads, List<Access> stores) {
        boolean read = false;
        boolean stored = changed(base, was, leaf.path());
        boolean storedDepends = false;
        for (Object other : others(leaf.value())) {
            ProgramState s = with(leaf, other);
            Effect e = run(s);
            if (!e.status().equals(base.status()) || !Objects.equals(e.notice(), base.notice())) {
                read = true;
                continue;
            }
            if (!e.status().equals("stepped")) {
                continue;
            }
            Map<String, String> given = leaves(s);
            for (String k : keys(e.after(), base.after())) {
                if (!under(k, leaf.path()) && !Objects.equals(e.after().get(k), base.after().get(k))) {
                    read = true;
                }
            }
            if (changed(e, given, leaf.path())) {
                stored = true;
            }
            if (!part(e.after(), leaf.path()).equals(part(base.after(), leaf.path()))) {
                storedDepends = true;
            }
        }
        if (leaf.value() != null && others(leaf.value()).isEmpty()) {
            // a record, list, set or map: its stores as the diff shows them, leaf by leaf
            part(base.after(), leaf.path()).forEach((k, v) -> {
                if (!v.equals(was.get(k))) {
                    stores.add(Access.write(k, v));
                }
            });
            return;
        }
        if (read || stored && storedDepends) {
            reads.add(Access.read(leaf.path(), was.get(leaf.path())));
        }
        if (stored) {
            stores.add(Access.write(leaf.path(), base.after().get(leaf.path())));
        }
    }

    /** Whether, after a step that {@code e} tells, the leaf at {@code path} holds another value than it was given. */
    private static boolean changed(Effect e, Map<String, String> given, String path) {
        return e.status().equals("stepped") && !part(e.after(), path).equals(part(given, path));
    }

    private static Set<String> keys(Map<String, String> a, Map<String, String> b) {
        Set<String> k = new LinkedHashSet<>(a.keySet());
        k.addAll(b.keySet());
        return k;
    }

    private static boolean under(String key, String path) {
        return key.equals(path) || key.startsWith(path + "[") || key.startsWith(path + ".");
    }

    private static Map<String, String> part(Map<String, String> leaves, String path) {
        Map<String, String> out = new LinkedHashMap<>();
        leaves.forEach((k, v) -> {
            if (under(k, path)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** The values a leaf is tried at instead of its own; none for a value that is not one leaf. */
    private static List<Object> others(Object v) {
        if (v instanceof Integer i) {
            Set<Object> out = new LinkedHashSet<>(List.of(i + 1, i - 1, 0));
            out.remove(i);
            return List.copyOf(out);
        }
        if (v instanceof Boolean b) {
            return List.of(!b);
        }
        if (v instanceof String s) {
            return List.of(s + "'");
        }
        if (v instanceof Enum<?> e) {
            List<Object> out = new ArrayList<>(List.of(e.getDeclaringClass().getEnumConstants()));
            out.remove(e);
            return out;
        }
        return List.of();
    }

    /** The state before the step with the leaf holding {@code value}: a copy of the memory, nothing else changed. */
    private ProgramState with(Leaf leaf, Object value) {
        Object memory = fields.copy(before.memory);
        if (leaf.index().length == 0) {
            fields.set(memory, leaf.field(), value);
        } else {
            Object array = fields.raw(memory, leaf.field());
            int last = leaf.index().length - 1;
            for (int d = 0; d < last; d++) {
                array = Array.get(array, leaf.index()[d]);
            }
            Array.set(array, leaf.index()[last], value);
        }
        return new ProgramState(before.binding, memory, before.registers, before.pc, before.op, before.opi,
                before.waiting);
    }

    private Map<String, String> leaves(ProgramState s) {
        return Leaves.of(model.variables(s), Set.of());
    }

    /** Takes the step from {@code s} on a copy, as {@link ProgramModel#step} does, and says what it did. */
    private Effect run(ProgramState s) {
        Stepping<M, R> step = new Stepping<>(model, s, thread);
        try {
            model.program().step(step);
            return new Effect("stepped", leaves(step.result()), step.noticeText());
        } catch (Stepping.Blocked b) {
            return new Effect("blocked", Map.of(), null);
        } catch (RuntimeException e) {
            // a value the step cannot take: what it does depends on the leaf
            return new Effect("threw " + e.getClass().getName(), Map.of(), null);
        }
    }
}
