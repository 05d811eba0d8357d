package ${package};

import java.util.List;
import java.util.Map;
import racetrace.engine.Model;
import racetrace.engine.ModelFamily;

/**
 * The ${name} model with its variants: racetrace finds it through
 * META-INF/services/racetrace.engine.ModelFamily, so `racetrace --model-path target/classes list`
 * shows it and mvn test can create it with Models.create("${name}", variant, options).
 */
public final class ${prefix}Family implements ModelFamily {

    @Override
    public String name() {
        return "${name}";
    }

    @Override
    public String description() {
        return "threads increment one shared counter (replace with what your code does)";
    }

    /** The versions of the code under review, oldest first. */
    @Override
    public List<String> variants() {
        return List.of("buggy", "fixed");
    }

    @Override
    public String describeVariant(String variant) {
        return variant.equals("buggy") ? "load, then store: no lock" : "load and store under a lock";
    }

    @Override
    public Model<?> create(String variant, Map<String, String> options) {
        return new ${prefix}Model(variant.equals("fixed"));
    }
}
