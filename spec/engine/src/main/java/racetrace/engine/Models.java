package racetrace.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** The registry of model families found through {@link ServiceLoader}. */
public final class Models {

    private Models() {
    }

    public static List<ModelFamily> families() {
        List<ModelFamily> all = new ArrayList<>();
        ServiceLoader.load(ModelFamily.class, Models.class.getClassLoader()).forEach(all::add);
        all.sort(java.util.Comparator.comparing(ModelFamily::name));
        return all;
    }

    public static ModelFamily family(String name) {
        List<ModelFamily> all = families();
        for (ModelFamily f : all) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new BadInputException("unknown model '" + name + "'; known models: "
                + all.stream().map(ModelFamily::name).toList());
    }

    /** Checks variant and options and fills in default options. */
    public static Map<String, String> resolveOptions(ModelFamily family, String variant,
            Map<String, String> given) {
        if (!family.variants().contains(variant)) {
            throw new BadInputException("unknown variant '" + variant + "' of model " + family.name()
                    + "; its variants are " + family.variants());
        }
        Map<String, String> resolved = new LinkedHashMap<>();
        Map<String, String> rest = new HashMap<>(given);
        family.options().forEach((name, values) -> {
            String v = rest.remove(name);
            if (v == null) {
                v = family.defaultOption(variant, name);
            } else if (!values.contains(v)) {
                throw new BadInputException("option " + name + "=" + v + " is not valid for "
                        + family.name() + "; use one of " + values);
            }
            resolved.put(name, v);
        });
        if (!rest.isEmpty()) {
            throw new BadInputException("model " + family.name() + " has no option " + rest.keySet()
                    + (family.options().isEmpty() ? "" : "; its options are " + family.options().keySet()));
        }
        return resolved;
    }

    public static Model<?> create(String model, String variant, Map<String, String> options) {
        ModelFamily family = family(model);
        return family.create(variant, resolveOptions(family, variant, options));
    }
}
