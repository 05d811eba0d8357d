package racetrace.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import racetrace.engine.BadInputException;
import racetrace.engine.Model;
import racetrace.engine.ModelFamily;
import racetrace.engine.Models;

/** Which instances a command works on: a model or all, some variants, every option combination. */
final class Options {

    private Options() {
    }

    /**
     * The instances named on a command line.
     *
     * @param model a model name, or null for every model
     * @param variants the variants asked for (empty: all); with one model each must exist
     * @param granularity byte or location, or null for both (models without the option ignore it
     *     only when every model is selected)
     */
    static List<Model<?>> select(String model, List<String> variants, String granularity) {
        return select(model, variants, granularity, Map.of());
    }

    /**
     * As above, with options given by name ({@code --option callers=none}): an option given
     * takes that value; one not given, but the granularity, its default for each variant.
     */
    static List<Model<?>> select(String model, List<String> variants, String granularity, Map<String, String> given) {
        if (granularity != null && !racetrace.flags.Granularity.options().contains(granularity)) {
            throw new BadInputException("--granularity " + granularity + " is not valid; use byte or location (or a "
                    + "compiler profile: gcc-x86-64, gcc-arm64, clang-x86-64, clang-arm64)");
        }
        boolean all = model == null;
        List<ModelFamily> families = all ? Models.families() : List.of(Models.family(model));
        List<Model<?>> instances = new ArrayList<>();
        for (ModelFamily f : families) {
            for (String v : variants) {
                if (!all && !f.variants().contains(v)) {
                    throw new BadInputException("unknown variant '" + v + "' of model " + f.name()
                            + "; its variants are " + f.variants());
                }
            }
            if (granularity != null && !f.options().containsKey("granularity") && !all) {
                throw new BadInputException("model " + f.name() + " has no granularity option");
            }
            Map<String, String> mine = new LinkedHashMap<>();
            given.forEach((k, v) -> {
                if (f.options().containsKey(k)) {
                    mine.put(k, v);
                } else if (!all) {
                    throw new BadInputException("model " + f.name() + " has no option " + k
                            + (f.options().isEmpty() ? "" : "; its options are " + f.options().keySet()));
                }
            });
            for (String v : f.variants()) {
                if (variants.isEmpty() || variants.contains(v)) {
                    for (Map<String, String> opts : combinations(f, granularity, mine)) {
                        instances.add(f.create(v, Models.resolveOptions(f, v, opts)));
                    }
                }
            }
        }
        if (instances.isEmpty()) {
            throw new BadInputException("no model has variant(s) " + variants);
        }
        return instances;
    }

    static List<Map<String, String>> combinations(ModelFamily f, String granularity, Map<String, String> given) {
        List<Map<String, String>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> e : f.options().entrySet()) {
            if (given.containsKey(e.getKey())) {
                combos.forEach(c -> c.put(e.getKey(), given.get(e.getKey())));
                continue; // resolveOptions checks the value
            }
            // Sweeps cover the granularity's two shorthands (byte, location); any other option (the
            // flags models' assumptions, the compiler profiles, xen-fifo's callers) keeps its
            // default for the variant (resolveOptions) unless named.
            if (!e.getKey().equals("granularity")) {
                continue;
            }
            List<String> values;
            if (granularity != null) {
                values = List.of(granularity);
            } else {
                values = e.getValue().containsAll(List.of("byte", "location")) ? List.of("byte", "location")
                        : e.getValue();
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
}
