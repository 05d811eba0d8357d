package racetrace.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import racetrace.engine.BadInputException;
import racetrace.engine.Model;
import racetrace.engine.ModelFamily;
import racetrace.engine.Models;

/**
 * Which model instances a command works on, the same for every command that takes a model: a
 * model (or {@code --all}), some variants, and model options ({@code --option name=value}, with
 * {@code --granularity} as a shorthand). Options not given take every value (commands over many
 * instances) or their default (commands over one instance).
 *
 * <p>New ways to name instances (a layout file, a model path) belong here as further options, so
 * that every command takes them at once.
 */
public final class InstanceSelection {

    @Parameters(arity = "0..1", paramLabel = "<model>",
            description = "the model (see racetrace list); hunt needs it or --all, conform and bench take every "
                    + "model without it")
    String model;

    @Option(names = "--all", description = "every model (conform and bench do this without <model>)")
    boolean all;

    @Option(names = "--variant", paramLabel = "V", split = ",",
            description = "only this variant (repeatable, or V,V,...; default: every variant; tlc needs exactly one)")
    List<String> variants = new ArrayList<>();

    @Option(names = "--option", paramLabel = "NAME=VALUE", split = ",",
            description = "a model option, e.g. granularity=location (repeatable; default: every value, or for tlc "
                    + "the first listed by racetrace list)")
    List<String> options = new ArrayList<>();

    @Option(names = "--granularity", paramLabel = "byte|location",
            description = "shorthand for --option granularity=V (the flags models' storage unit; default: both)")
    String granularity;

    /** How a command takes its model. */
    enum Need {
        /** A model or --all (hunt). */
        MODEL_OR_ALL,
        /** A model, or every model when none is named (conform, bench). */
        ANY
    }

    /** The options given, with the shorthand folded in; a name given twice with two values is refused. */
    Map<String, String> givenOptions() {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(options);
        if (granularity != null) {
            all.add("granularity=" + granularity);
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
        List<Model<?>> instances = new ArrayList<>();
        for (ModelFamily f : families) {
            for (String v : wanted) {
                if (!every && !f.variants().contains(v)) {
                    throw new BadInputException("unknown variant '" + v + "' of model " + f.name()
                            + "; its variants are " + f.variants());
                }
            }
            given.forEach((name, value) -> {
                List<String> values = f.options().get(name);
                if (values != null && !values.contains(value)) {
                    throw new BadInputException("option " + name + "=" + value + " is not valid for " + f.name()
                            + "; use one of " + values);
                }
            });
            for (String v : f.variants()) {
                if (wanted.isEmpty() || wanted.contains(v)) {
                    for (Map<String, String> opts : combinations(f, given)) {
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

    /** The one instance the command line names (tlc): a model and one variant; options default. */
    Model<?> single(String command) {
        if (all) {
            throw new BadInputException(command + " works on one instance: name a model and a --variant, not --all");
        }
        if (model == null) {
            throw new BadInputException(command + " needs a model (models: " + names() + ")");
        }
        ModelFamily f = Models.family(model);
        List<String> wanted = new ArrayList<>(new LinkedHashSet<>(variants));
        if (wanted.size() != 1) {
            throw new BadInputException(command + " works on one instance: give exactly one --variant; " + f.name()
                    + " has " + f.variants());
        }
        return f.create(wanted.get(0), Models.resolveOptions(f, wanted.get(0), givenOptions()));
    }

    /** Whether anything of this selection was given on the command line. */
    boolean anyGiven() {
        return model != null || all || !variants.isEmpty() || !options.isEmpty() || granularity != null;
    }

    private static List<String> names() {
        return Models.families().stream().map(ModelFamily::name).toList();
    }

    private static List<Map<String, String>> combinations(ModelFamily f, Map<String, String> given) {
        List<Map<String, String>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> e : f.options().entrySet()) {
            List<String> values = given.containsKey(e.getKey()) ? List.of(given.get(e.getKey())) : e.getValue();
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
}
