package racetrace.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import racetrace.api.Program;
import racetrace.engine.program.ProgramFamily;

/**
 * The registry of model families found through {@link ServiceLoader}: every jar or class directory
 * with a {@code META-INF/services/racetrace.api.Program} entry (a program of one's own, see
 * {@link racetrace.api}) or a {@code META-INF/services/racetrace.engine.ModelFamily} entry (a
 * family written against the engine's SPI, as the bundled ones are) visible to the registry's
 * class loader. That loader is racetrace's own unless {@link #useClassLoader} names another (the
 * command line's {@code --model-path} does), so adding a model changes no file of racetrace.
 */
public final class Models {

    private static volatile ClassLoader loader = Models.class.getClassLoader();

    private Models() {
    }

    /**
     * Makes the registry look up families (and, through {@link #classLoader()}, their TLA+ specs)
     * with {@code classLoader} from now on; null restores racetrace's own loader.
     *
     * @return the loader used until now
     */
    public static ClassLoader useClassLoader(ClassLoader classLoader) {
        ClassLoader before = loader;
        loader = classLoader == null ? Models.class.getClassLoader() : classLoader;
        return before;
    }

    /** The loader families and specs are looked up with. */
    public static ClassLoader classLoader() {
        return loader;
    }

    /** Every family registered with the registry's class loader, by name. */
    public static List<ModelFamily> families() {
        return families(loader);
    }

    /** Every family registered with {@code classLoader} (or its parents), by name. */
    public static List<ModelFamily> families(ClassLoader classLoader) {
        List<ModelFamily> all = new ArrayList<>();
        try {
            ServiceLoader.load(ModelFamily.class, classLoader).forEach(all::add);
            for (Program<?, ?> p : ServiceLoader.load(Program.class, classLoader)) {
                all.add(new ProgramFamily(p));
            }
        } catch (ServiceConfigurationError e) {
            throw new BadInputException("a model family could not be loaded: " + e.getMessage()
                    + " (check the class named in META-INF/services/racetrace.api.Program or"
                    + " racetrace.engine.ModelFamily: public, with a public no-argument constructor)");
        } catch (LinkageError e) {
            // e.g. classes compiled for a newer Java than this one
            throw new BadInputException("a model family could not be loaded: " + e);
        }
        all.sort(Comparator.comparing(ModelFamily::name));
        return all;
    }

    public static ModelFamily family(String name) {
        List<ModelFamily> all = families();
        List<ModelFamily> named = all.stream().filter(f -> f.name().equals(name)).toList();
        if (named.size() > 1) {
            throw new BadInputException("model name '" + name + "' is registered " + named.size() + " times, by "
                    + named.stream().map(f -> f.getClass().getName()).toList() + "; rename one of them");
        }
        if (named.size() == 1) {
            return named.get(0);
        }
        throw new UnknownModelException(name, all.stream().map(ModelFamily::name).toList());
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

    /**
     * A model name no registered family has: bad input, with the known names, so that a command
     * line can add where models of one's own come from.
     */
    public static final class UnknownModelException extends BadInputException {

        private final String name;

        UnknownModelException(String name, List<String> known) {
            super("unknown model '" + name + "'; known models: " + known);
            this.name = name;
        }

        /** The name asked for. */
        public String name() {
            return name;
        }
    }

    public static Model<?> create(String model, String variant, Map<String, String> options) {
        ModelFamily family = family(model);
        return family.create(variant, resolveOptions(family, variant, options));
    }
}
