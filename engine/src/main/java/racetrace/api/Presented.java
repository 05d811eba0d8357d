package racetrace.api;

import java.util.List;
import java.util.Set;
import racetrace.engine.Op;

/**
 * Optional: how the CPU table shows a program's runs. Without it, the table leaves out
 * {@code pc} and {@code opi} (the labels say them) and heads each thread's column with its actor
 * and a letter ({@code writer A}).
 */
public interface Presented {

    /** Variables the table leaves out besides {@code pc} and {@code opi} (registers the labels make plain). */
    default Set<String> hiddenInTable() {
        return Set.of();
    }

    /**
     * The heading of a thread's column, or null for the default.
     *
     * @param actor the thread's actor kind
     * @param index its position among the threads of its kind, from 0
     * @param ops the ops it runs
     */
    default String threadName(String actor, int index, List<Op> ops) {
        return null;
    }
}
