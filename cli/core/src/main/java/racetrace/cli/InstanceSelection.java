package racetrace.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import racetrace.engine.BadInputException;
import racetrace.engine.Model;
import racetrace.engine.ModelFamily;
import racetrace.engine.Models;

/**
 * Which model instances a command works on, the same for every command that takes a model: a
 * model (or {@code --all}), some variants or a layout file, model options ({@code --option
 * name=value}, with {@code --granularity} as a shorthand), and where models of one's own come
 * from ({@code --model-path}).
 *
 * <p>A command over many instances sweeps the options it was not given: granularity over
 * {@code byte} and {@code location}, every other option (the flags models' assumptions and
 * compiler profiles, a user model's options) at its default only, so that adding an option to a
 * model does not multiply every hunt. An option given explicitly selects that value. A command
 * over one instance takes every option not given at its default.
 */
public final class InstanceSelection {

    /** The option a sweep covers with two values; every other option stays at its default unless given. */
    static final String GRANULARITY = "granularity";
    static final List<String> GRANULARITY_SWEEP = List.of("byte", "location");

    @Parameters(arity = "0..1", paramLabel = "<model>",
            description = "the model (see racetrace list); hunt needs it or --all, tlc and fields need it, conform "
                    + "and bench take every model without it")
    String model;

    @Option(names = "--all", description = "every model (conform and bench do this without <model>; default: off)")
    boolean all;

    @Option(names = "--variant", paramLabel = "V", split = ",",
            description = "only this variant (repeatable, or V,V,...; default: every bundled variant; tlc needs "
                    + "exactly one)")
    List<String> variants = new ArrayList<>();

    @Option(names = "--option", paramLabel = "NAME=VALUE", split = ",",
            description = "a model option, e.g. granularity=location or close-pm=referenced (repeatable; default: "
                    + "granularity byte and location, every other option its default as racetrace list shows it; "
                    + "tlc takes every default)")
    List<String> options = new ArrayList<>();

    @Option(names = "--granularity", paramLabel = "G",
            description = "shorthand for --option granularity=G: byte, location or a compiler profile of the flags "
                    + "models (see racetrace list; default: byte and location, tlc byte)")
    String granularity;

    @Mixin
    LayoutOption layout;

    @Mixin
    ModelPathOption modelPath;

    /** How a command takes its model. */
    enum Need {
        /** A model or --all (hunt). */
        MODEL_OR_ALL,
        /** A model, or every model when none is named (conform, bench). */
        ANY,
        /** Exactly one model, any of its variants (fields). */
        ONE_MODEL
    }

    /** The options given, with the shorthand folded in; a name given twice with two values is refused. */
    Map<String, String> givenOptions() {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(options);
        if (granularity != null) {
            all.add(GRANULARITY + "=" + granularity);
        }
        for (String kv : all) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new BadInputException("--option " + kv + " should be NAME=VALUE, e.g. --option granularity=location");
            }
            String name = kv.substring(0, eq);
            String value = kv.substring(eq + 1);
            String before = out.put(name, value);
            if (before != null && !before.equals(value)) {
                throw new BadInputException("option " + name + " is given twice, as " + before + " and " + value
                        + "; give it once");
            }
        }
        return out;
    }

    /** Every instance the command line names. */
    List<Model<?>> instances(Need need) {
        if (model != null && all) {
            throw new BadInputException("give either a model or --all, not both");
        }
        if (need == Need.MODEL_OR_ALL && model == null && !all) {
            throw new BadInputException("name a model or give --all (models: " + names() + ")");
        }
        if (need == Need.ONE_MODEL && (model == null || all)) {
            throw new BadInputException("name one model (models: " + names() + ")" + (all ? ", not --all" : ""));
        }
        layout.validate();
        if (layout.given() && model == null) {
            throw new BadInputException("--layout needs the model it is a layout of, e.g. vfio-pci --layout FILE"
                    + (all ? ", not --all" : ""));
        }
        if (layout.given() && !variants.isEmpty()) {
            throw new BadInputException("give --variant or --layout, not both: a layout file is its own variant");
        }
        Map<String, String> given = givenOptions();
        boolean every = model == null;
        List<ModelFamily> families = every ? Models.families() : List.of(Models.family(model));
        List<String> wanted = new ArrayList<>(new LinkedHashSet<>(variants));
        for (String name : given.keySet()) {
            if (families.stream().noneMatch(f -> f.options().containsKey(name))) {
                throw new BadInputException(every ? "no model has option " + name
                        : "model " + model + " has no option " + name + (families.get(0).options().isEmpty() ? ""
                                : "; its options are " + families.get(0).options().keySet()));
            }
        }
        for (ModelFamily f : families) {
            for (String v : wanted) {
                if (!every && !f.variants().contains(v)) {
                    throw new BadInputException("unknown variant '" + v + "' of model " + f.name()
                            + "; its variants are " + bundled(f) + fromFileHint(v));
                }
            }
            checkValues(f, given);
        }
        if (layout.given()) {
            wanted = List.of(layout.register(model));
        }
        List<Model<?>> instances = new ArrayList<>();
        for (ModelFamily f : families) {
            for (String v : wanted.isEmpty() ? bundled(f) : f.variants()) {
                if (wanted.isEmpty() || wanted.contains(v)) {
                    for (Map<String, String> opts : sweep(f, given)) {
                        instances.add(f.create(v, Models.resolveOptions(f, v, opts)));
                    }
                }
            }
        }
        if (instances.isEmpty()) {
            throw new BadInputException("no model has variant(s) " + wanted + "; see racetrace list");
        }
        return instances;
    }

    /** The one instance the command line names (tlc): a model and one variant (or --layout); options default. */
    Model<?> single(String command) {
        if (all) {
            throw new BadInputException(command + " works on one instance: name a model and a --variant, not --all");
        }
        if (model == null) {
            throw new BadInputException(command + " needs a model (models: " + names() + ")");
        }
        layout.validate();
        ModelFamily f = Models.family(model);
        List<String> wanted = new ArrayList<>(new LinkedHashSet<>(variants));
        if (layout.given() && !wanted.isEmpty()) {
            throw new BadInputException("give --variant or --layout, not both: a layout file is its own variant");
        }
        if (!layout.given() && wanted.size() != 1) {
            throw new BadInputException(command + " works on one instance: give exactly one --variant; " + f.name()
                    + " has " + bundled(f));
        }
        Map<String, String> given = givenOptions();
        for (String v : wanted) {
            if (!f.variants().contains(v)) {
                throw new BadInputException("unknown variant '" + v + "' of model " + f.name() + "; its variants are "
                        + bundled(f) + fromFileHint(v));
            }
        }
        String variant = layout.given() ? layout.register(model) : wanted.get(0);
        return f.create(variant, Models.resolveOptions(f, variant, given));
    }

    /** Whether a model, --all, a variant or an option was given: what names an instance (--from names it instead). */
    boolean anyGiven() {
        return model != null || all || !variants.isEmpty() || !options.isEmpty() || granularity != null;
    }

    /**
     * The option combinations a sweep over one family's instances runs: given options select their
     * value; granularity, when not given, takes byte and location (every value of a model whose
     * granularity lacks them); any other option is left out, so that the engine gives it its
     * default ({@link Models#resolveOptions}, which knows a default that depends on the variant).
     */
    static List<Map<String, String>> sweep(ModelFamily f, Map<String, String> given) {
        List<Map<String, String>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> e : f.options().entrySet()) {
            List<String> values;
            if (given.containsKey(e.getKey())) {
                values = List.of(given.get(e.getKey()));
            } else if (!e.getKey().equals(GRANULARITY)) {
                continue;
            } else {
                values = e.getValue().containsAll(GRANULARITY_SWEEP) ? GRANULARITY_SWEEP : e.getValue();
            }
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> c : combos) {
                for (String v : values) {
                    Map<String, String> m = new LinkedHashMap<>(c);
                    m.put(e.getKey(), v);
                    next.add(m);
                }
            }
            combos = next;
        }
        return combos;
    }

    /** The option combinations this command line sweeps for one family (fields --compare). */
    List<Map<String, String>> sweep(ModelFamily f) {
        Map<String, String> given = givenOptions();
        checkValues(f, given);
        for (String name : given.keySet()) {
            if (!f.options().containsKey(name)) {
                throw new BadInputException("model " + f.name() + " has no option " + name + "; its options are "
                        + f.options().keySet());
            }
        }
        return sweep(f, given);
    }

    private static void checkValues(ModelFamily f, Map<String, String> given) {
        given.forEach((name, value) -> {
            List<String> values = f.options().get(name);
            if (values != null && !values.contains(value)) {
                throw new BadInputException("option " + name + "=" + value + " is not valid for " + f.name()
                        + "; use one of " + values);
            }
        });
    }

    /**
     * The variants a command runs when none is named: the family's own. Variants added from a
     * layout file in this process ({@code name@digest}) run only through {@code --layout}.
     */
    static List<String> bundled(ModelFamily f) {
        return f.variants().stream().filter(v -> !v.contains("@")).toList();
    }

    private static String fromFileHint(String variant) {
        return variant.contains("@") ? " (" + variant + " is a layout from a file: give that file with --layout)" : "";
    }

    private static List<String> names() {
        return Models.families().stream().map(ModelFamily::name).toList();
    }
}
