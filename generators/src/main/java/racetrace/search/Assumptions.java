package racetrace.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import racetrace.engine.BadInputException;
import racetrace.engine.Model;
import racetrace.engine.ModelFamily;
import racetrace.engine.Models;
import racetrace.engine.Records;
import racetrace.engine.Scenario;
import racetrace.search.explore.Exploration;
import racetrace.search.explore.Limits;
import racetrace.search.explore.StateSpace;

/**
 * The assumptions a counterexample depends on. An assumption is an option its family marks as one
 * ({@link ModelFamily#isAssumption}); the counterexample depends on the value it was found under
 * when, with every other value, its scenario cannot occur or is explored to the end without the
 * invariant being violated. The whole scenario is explored, not the one schedule: a dependence
 * means no interleaving of these ops violates the invariant under the other value.
 */
public final class Assumptions {

    /** States one re-check may explore; a re-check cut short claims no dependence. */
    public static final long DEFAULT_MAX_STATES = 2_000_000;

    private Assumptions() {
    }

    /**
     * One assumption a counterexample depends on.
     *
     * @param option the option's name, e.g. {@code probe-window}
     * @param value the value the counterexample was found under
     * @param meaning what that value says, or null
     * @param why what each other value does to the scenario
     */
    public record Dependence(String option, String value, String meaning, String why) {

        /** {@code probe-window=open}. */
        public String condition() {
            return option + "=" + value;
        }

        /** As a JSON object: option, value, meaning, why. */
        public Map<String, Object> json() {
            return Records.components(this);
        }

        /** One line: {@code probe-window=open (meaning): why}. */
        public String describe() {
            return condition() + (meaning == null ? "" : " (" + meaning + ")") + ": " + why;
        }
    }

    /** The dependences of a case on its instance's assumptions, for the invariant it violates. */
    public static List<Dependence> of(Case c, String invariant) {
        return of(c.model(), c.scenario(), invariant, UnaryOperator.identity(), Limits.states(DEFAULT_MAX_STATES));
    }

    /**
     * The dependences of a scenario's violation.
     *
     * @param adapt turns an instance built with another option value into the model the scenario
     *     is explored on (for example one focused on a pair of fields); identity otherwise
     */
    public static List<Dependence> of(Model<?> model, Scenario scenario, String invariant,
            UnaryOperator<Model<?>> adapt, Limits limits) {
        ModelFamily family = familyOf(model);
        if (family == null) {
            return List.of();
        }
        String variant = model.instance().variant();
        List<Dependence> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> option : family.options().entrySet()) {
            String name = option.getKey();
            if (!family.isAssumption(name)) {
                continue;
            }
            String value = model.instance().options().getOrDefault(name, family.defaultOption(variant, name));
            List<String> reasons = new ArrayList<>();
            boolean depends = true;
            for (String other : option.getValue()) {
                if (other.equals(value)) {
                    continue;
                }
                String why = recheck(family, model, name, other, scenario, invariant, adapt, limits);
                if (why == null) {
                    depends = false;
                    break;
                }
                reasons.add(why);
            }
            if (depends && !reasons.isEmpty()) {
                out.add(new Dependence(name, value, family.describeOption(name, value), String.join("; ", reasons)));
            }
        }
        return List.copyOf(out);
    }

    /** Why the scenario does not violate under the other value, or null when it does (or the search was cut). */
    private static String recheck(ModelFamily family, Model<?> model, String option, String other, Scenario scenario,
            String invariant, UnaryOperator<Model<?>> adapt, Limits limits) {
        Map<String, String> options = new LinkedHashMap<>(model.instance().options());
        options.put(option, other);
        String with = "with " + option + "=" + other;
        Model<?> m;
        try {
            m = adapt.apply(family.create(model.instance().variant(), Models.resolveOptions(family,
                    model.instance().variant(), options)));
            m.space().validate(scenario);
        } catch (BadInputException e) {
            return with + " the scenario cannot occur (" + e.getMessage() + ")";
        }
        Exploration x = StateSpace.explore(m, scenario, List.of(invariant), limits, true);
        if (x.violated() || !x.complete()) {
            return null;
        }
        return with + " every interleaving of the scenario explored (" + x.distinctStates() + " states) without "
                + invariant + " violated";
    }

    private static ModelFamily familyOf(Model<?> model) {
        for (ModelFamily f : Models.families()) {
            if (f.name().equals(model.instance().model())) {
                return f;
            }
        }
        return null;
    }

    /** {@code probe-window=open, close-pm=unreferenced}, or "" for none. */
    public static String conditions(List<Dependence> deps) {
        return String.join(", ", deps.stream().map(Dependence::condition).toList());
    }
}
