package racetrace.engine;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The family of a test model: a name, a description, its variants and the model of each, no
 * options. Test code only (racetrace-engine's test-jar), as {@link ToyModel}.
 */
public abstract class ToyFamily implements ModelFamily {

    private final String name;
    private final String description;
    private final List<String> variants;
    private final Function<String, Model<?>> create;

    /** @param create the instance of a variant this family has */
    protected ToyFamily(String name, String description, Function<String, Model<?>> create, String... variants) {
        this.name = name;
        this.description = description;
        this.create = create;
        this.variants = List.of(variants);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<String> variants() {
        return variants;
    }

    @Override
    public Model<?> create(String variant, Map<String, String> options) {
        if (!variants.contains(variant)) {
            throw new BadInputException("unknown variant '" + variant + "' of model " + name);
        }
        return create.apply(variant);
    }
}
