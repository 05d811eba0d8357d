package racetrace.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One memory access of a step, as the explanation of a counterexample needs it: which step's
 * store or read of which memory raced with which other step's. A model says its accesses through
 * {@link Model#accesses}; the default derives the stores from what a step changed.
 *
 * @param kind a read, a store, or a synchronisation (a lock, a reference count: shown, never
 *     reported as a race)
 * @param location the memory, as a leaf path of the TLA+ variables ({@code mem[1]}, {@code
 *     word[2].L}, {@code tail[0][1]}); a path names its parts too, so a read of {@code word[2]}
 *     conflicts with a store of {@code word[2].L}
 * @param value the value read or stored, as the CPU table prints it
 * @param name how people call the memory ({@code the byte at rbar+28}, {@code virq_disabled});
 *     the location itself when the model has no better name
 * @param intent for a store that writes more than it means to (a byte store that sets one
 *     bitfield), what it means to set ({@code virq_disabled}); else null
 */
public record Access(Kind kind, String location, String value, String name, String intent) {

    /** What an access does to memory. */
    public enum Kind {
        READ, WRITE, SYNC
    }

    public Access {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        value = value == null ? "" : value;
        name = name == null || name.isEmpty() ? location : name;
    }

    public static Access read(String location, String value) {
        return new Access(Kind.READ, location, value, null, null);
    }

    public static Access write(String location, String value) {
        return new Access(Kind.WRITE, location, value, null, null);
    }

    public static Access sync(String location, String value) {
        return new Access(Kind.SYNC, location, value, null, null);
    }

    /** The same access with a name people use for the memory. */
    public Access named(String newName) {
        return new Access(kind, location, value, newName, intent);
    }

    /** The same store, meant to set {@code what}. */
    public Access meaning(String what) {
        return new Access(kind, location, value, name, what);
    }

    /** Whether the two touch the same memory (one's location is the other's or a part of it). */
    public boolean overlaps(Access o) {
        return covers(location, o.location) || covers(o.location, location);
    }

    /** Whether the two conflict: the same memory, at least one a store, neither a synchronisation. */
    public boolean conflicts(Access o) {
        return kind != Kind.SYNC && o.kind != Kind.SYNC && (kind == Kind.WRITE || o.kind == Kind.WRITE) && overlaps(o);
    }

    private static boolean covers(String whole, String part) {
        return part.equals(whole) || part.startsWith(whole) && (part.charAt(whole.length()) == '.'
                || part.charAt(whole.length()) == '[');
    }

    /**
     * The stores a state diff shows: one {@link Kind#WRITE} per leaf of the variables (those not
     * {@code hidden}) whose value changed, with its new value, in the variables' order. Reads and
     * stores of an unchanged value do not show in a diff; a model that knows them says them.
     */
    public static List<Access> diff(Map<String, Object> before, Map<String, Object> after, Set<String> hidden) {
        Map<String, String> was = Leaves.of(before, hidden);
        List<Access> out = new ArrayList<>();
        Leaves.of(after, hidden).forEach((k, v) -> {
            if (!v.equals(was.get(k))) {
                out.add(write(k, v));
            }
        });
        return out;
    }
}
