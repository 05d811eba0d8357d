package racetrace.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import racetrace.cli.plugin.VariantInput;
import racetrace.engine.BadInputException;
import racetrace.engine.Model;
import racetrace.engine.ModelFamily;
import racetrace.engine.Models;

/**
 * Which model instances a command works on, the same for every command that takes a model: a
 * model (or {@code --all}), some variants or an input a plug-in makes a variant of (a layout
 * file), model options ({@code --option
 * name=value}, with {@code --granularity} as a shorthand), and where models of one's own come
 * from ({@code --model-path}).
 *
 * <p>A command over many instances sweeps the options it was not given that its family names in
 * {@link ModelFamily#sweeps} (the flags families: granularity over {@code byte} and {@code location}),
 * every other option at its default only, so that adding an option to a model does not multiply
 * every hunt. An option given explicitly selects that value. A command
 * over one instance takes every option not given at its default.
 */
public final class InstanceSelection implements TakesVariantInput {

    /** The option {@code --granularity} stands for. */
    public static final String GRANULARITY = "granularity";

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
    ModelPathOption modelPath;

    /** The plug-ins' options that make a variant from input ({@code --layout FILE}). */
    private final VariantInputs inputs = new VariantInputs();

    @Override
    public VariantInputs variantInputs() {
        return inputs;
    }

    /** The family of the one model named; refused with {@code refusal} when none is, or --all is given. */
    public ModelFamily family(String refusal) {
        if (model == null || all) {
            throw new BadInputException(refusal);
        }
        return Models.family(model);
    }

    /** The variants named with --variant, in the order given. */
    public List<String> variants() {
        return List.copyOf(variants);
    }

    /** How a command takes its model. */
    public enum Need {
        /** A model or --all (hunt). */
        MODEL_OR_ALL,
        /** A model, or every model when none is named (conform, bench). */
        ANY,
        /** Exactly one model, any of its variants (fields). */
        ONE_MODEL
    }

    /** The options given, with the shorthand folded in; a name given twice with two values is refused. */
    public Map<String, String> givenOptions() {
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
    public List<Model<?>> instances(Need need) {
        if (model != null && all) {
            throw new BadInputException("give either a model or --all, not both");
        }
        if (need == Need.MODEL_OR_ALL && model == null && !all) {
            throw new BadInputException("name a model or give --all (models: " + names() + ")");
        }
        if (need == Need.ONE_MODEL && (model == null || all)) {
            throw new BadInputException("name one model (models: " + names() + ")" + (all ? ", not --all" : ""));
        }
        inputs.validate();
        VariantInput input = inputs.given();
        if (input != null && model == null) {
            throw new BadInputException(input.usage() + " needs the model it makes a variant of, e.g. <model> "
                    + input.usage() + (all ? ", not --all" : ""));
        }
        if (input != null && !variants.isEmpty()) {
            throw new BadInputException("give --variant or " + input.usage() + ", not both: the input is its own variant");
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
        // Over every model, each variant named must be some model's: one that is nobody's is a typo,
        // never silently dropped while the others run.
        for (String v : wanted) {
            if (every && families.stream().noneMatch(f -> f.variants().contains(v))) {
                throw new BadInputException("no model has variant '" + v + "'; the variants are "
                        + families.stream().map(f -> f.name() + " " + bundled(f)).toList() + fromFileHint(v));
            }
        }
        if (input != null) {
            wanted = List.of(input.variantOf(model));
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
    public Model<?> single(String command) {
        if (all) {
            throw new BadInputException(command + " works on one instance: name a model and a --variant, not --all");
        }
        if (model == null) {
            throw new BadInputException(command + " needs a model (models: " + names() + ")");
        }
        inputs.validate();
        VariantInput input = inputs.given();
        ModelFamily f = Models.family(model);
        List<String> wanted = new ArrayList<>(new LinkedHashSet<>(variants));
        if (input != null && !wanted.isEmpty()) {
            throw new BadInputException("give --variant or " + input.usage() + ", not both: the input is its own variant");
        }
        if (input == null && wanted.size() != 1) {
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
        String variant = input != null ? input.variantOf(model) : wanted.get(0);
        return f.create(variant, Models.resolveOptions(f, variant, given));
    }

    /** Whether a model, --all, a variant or an option was given: what names an instance (--from names it instead). */
    public boolean anyGiven() {
        return model != null || all || !variants.isEmpty() || !options.isEmpty() || granularity != null;
    }

    /**
     * The option combinations a sweep over one family's instances runs: given options select their
     * value; an option the family sweeps ({@link ModelFamily#sweeps}), when not given, takes the
     * values it names; any other option is left out, so that the engine gives it its default
     * ({@link Models#resolveOptions}, which knows a default that depends on the variant).
     */
    static List<Map<String, String>> sweep(ModelFamily f, Map<String, String> given) {
        List<Map<String, String>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> e : f.options().entrySet()) {
            List<String> values;
            if (given.containsKey(e.getKey())) {
                values = List.of(given.get(e.getKey()));
            } else if (f.sweeps().containsKey(e.getKey())) {
                values = f.sweeps().get(e.getKey());
            } else {
                continue;
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
    public List<Map<String, String>> sweep(ModelFamily f) {
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
     * The variants a command runs when none is named: the family's own. Variants made from input
     * in this process ({@code name@digest}) run only through the option that made them.
     */
    public static List<String> bundled(ModelFamily f) {
        return f.variants().stream().filter(v -> !v.contains("@")).toList();
    }

    private String fromFileHint(String variant) {
        return variant.contains("@") ? " (" + variant + " is a variant made from input: give that input again"
                + (inputs.usage().isEmpty() ? "" : " with " + inputs.usage()) + ")" : "";
    }

    private static List<String> names() {
        return Models.families().stream().map(ModelFamily::name).toList();
    }
}
