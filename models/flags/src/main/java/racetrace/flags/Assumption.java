package racetrace.flags;

import java.util.List;

/**
 * A modelling choice the research notes leave open, as a model option with two values: the one
 * the model takes by default and the alternative. A counterexample depends on an assumption when,
 * with the other value, the same scenario no longer violates (checked exhaustively).
 *
 * @param option the option name, e.g. {@code close-pm}
 * @param values the default value, then the alternative
 * @param meanings what each value says, in the same order
 * @param source where the notes leave it open
 */
public record Assumption(String option, List<String> values, List<String> meanings, String source) {

    public Assumption {
        values = List.copyOf(values);
        meanings = List.copyOf(meanings);
        if (values.size() != 2 || meanings.size() != 2) {
            throw new IllegalArgumentException("an assumption has a default and one alternative");
        }
    }

    /** The option both flags models have: whether anything from outside may reach the device while it probes. */
    static final String PROBE_WINDOW = "probe-window";

    /**
     * A model's {@link #PROBE_WINDOW}: {@code open} (the default, something may reach the device
     * between its probe's first and last store) or {@code closed}, each meaning what reaches it.
     */
    static Assumption probeWindow(String open, String closed, String source) {
        return new Assumption(PROBE_WINDOW, List.of("open", "closed"), List.of(open, closed), source);
    }

    public String assumed() {
        return values.get(0);
    }

    /** The other value. */
    public String flip(String value) {
        return value.equals(values.get(0)) ? values.get(1) : values.get(0);
    }

    public String meaning(String value) {
        return meanings.get(values.indexOf(value));
    }

    /** The key of the TLA+ constant record {@code Assume}: the option name with - as _. */
    public String tlaKey() {
        return option.replace('-', '_');
    }
}
