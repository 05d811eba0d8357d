package racetrace.xen;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import racetrace.engine.BadInputException;

/** The option values of the family's enums (versions, callers' eras): each constant's id. */
final class Ids {

    private Ids() {
    }

    static <E extends Enum<E>> List<String> all(E[] values, Function<E, String> id) {
        return Arrays.stream(values).map(id).toList();
    }

    /**
     * The constant with the id; an unknown one is bad input that names it and lists the ids, e.g.
     * "unknown xen-fifo variant 'z'; variants are [a0, a, ...]".
     */
    static <E extends Enum<E>> E lookup(E[] values, Function<E, String> id, String given, String what, String whats) {
        for (E e : values) {
            if (id.apply(e).equals(given)) {
                return e;
            }
        }
        throw new BadInputException("unknown xen-fifo " + what + " '" + given + "'; " + whats + " are "
                + all(values, id));
    }
}
