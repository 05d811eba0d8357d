package racetrace.engine;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A sequence of thread choices. Every schedule is valid for every scenario: a choice is taken
 * modulo the thread count, a choice of a blocked or finished thread falls through to the next
 * enabled thread in cyclic order, and once the choices run out the run continues without
 * preemption (the running thread keeps going until it finishes or blocks, then the lowest
 * enabled thread runs).
 */
public final class Schedule {

    private static final Schedule EMPTY = new Schedule(new int[0]);

    private final int[] choices;

    private Schedule(int[] choices) {
        this.choices = choices;
    }

    public static Schedule of(int... choices) {
        for (int c : choices) {
            if (c < 0) {
                throw new IllegalArgumentException("a schedule choice cannot be negative: " + c);
            }
        }
        return choices.length == 0 ? EMPTY : new Schedule(choices.clone());
    }

    public static Schedule of(List<Integer> choices) {
        return of(choices.stream().mapToInt(Integer::intValue).toArray());
    }

    public static Schedule empty() {
        return EMPTY;
    }

    public int length() {
        return choices.length;
    }

    public int choice(int i) {
        return choices[i];
    }

    public int[] toArray() {
        return choices.clone();
    }

    public List<Integer> toList() {
        return Arrays.stream(choices).boxed().toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Schedule s && Arrays.equals(choices, s.choices);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(choices);
    }

    @Override
    public String toString() {
        return Arrays.stream(choices).mapToObj(String::valueOf).collect(Collectors.joining(",", "[", "]"));
    }
}
