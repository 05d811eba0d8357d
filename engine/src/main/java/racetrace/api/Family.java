package racetrace.api;

import java.util.ArrayList;
import java.util.List;
import racetrace.engine.Param;

/**
 * What a program is called and what its instances and scenarios are: its name, its variants
 * (the versions of the code under review, oldest first), its options, its configuration
 * parameters and its actor kinds. The engine derives the rest from it: each instance's identity,
 * the version and hash schedule strings carry, the scenario space, table headings.
 *
 * <pre>{@code
 * Family.of("seqlock", "a sequence lock over two words")
 *         .variant("buggy", "the reader starts on any count")
 *         .variant("fixed", "the reader waits for an even count")
 *         .actor(Actor.of("writer", "w_lock").threads(1, 2).ops(1, 2).alphabet("write"))
 * }</pre>
 *
 * @param name the name on the command line
 * @param description one line: what code the model describes
 * @param version the version of the model's meaning: bump it when a step, the start state or an
 *     invariant changes meaning, so that old schedule strings are refused
 * @param variants the variants, oldest first
 * @param options the options, each with its values (the first is the default)
 * @param params the configuration parameters
 * @param actors the actor kinds; threads of a scenario appear grouped in this order
 */
public record Family(String name, String description, int version, List<Variant> variants, List<Option> options,
        List<Param> params, List<Actor> actors) {

    /** A variant: its name and one line saying which commit or patch it is. */
    public record Variant(String name, String description) {
    }

    /** An option: its name and its values, the default first. */
    public record Option(String name, List<String> values) {

        public Option {
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("option " + name + " has no value");
            }
        }
    }

    public Family {
        variants = List.copyOf(variants);
        options = List.copyOf(options);
        params = List.copyOf(params);
        actors = List.copyOf(actors);
    }

    /** A family with no variant, option, parameter or actor yet, at version 1. */
    public static Family of(String name, String description) {
        return new Family(name, description, 1, List.of(), List.of(), List.of(), List.of());
    }

    /** The same at another version. */
    public Family version(int version) {
        return new Family(name, description, version, variants, options, params, actors);
    }

    /** The same with one more variant (variants come oldest first). */
    public Family variant(String variant, String description) {
        return new Family(name, this.description, version, plus(variants, new Variant(variant, description)), options,
                params, actors);
    }

    /** The same with one more option; {@code values[0]} is its default. */
    public Family option(String option, String... values) {
        return new Family(name, description, version, variants, plus(options, new Option(option, List.of(values))),
                params, actors);
    }

    /** The same with one more configuration parameter, drawn from {@code min..max} (smaller is simpler). */
    public Family param(String param, int min, int max, String description) {
        return new Family(name, this.description, version, variants, options,
                plus(params, new Param(param, min, max, description)), actors);
    }

    /** The same with one more actor kind. */
    public Family actor(Actor actor) {
        return new Family(name, description, version, variants, options, params, plus(actors, actor));
    }

    private static <T> List<T> plus(List<T> list, T item) {
        List<T> out = new ArrayList<>(list);
        out.add(item);
        return out;
    }
}
