package racetrace.flags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import racetrace.engine.BadInputException;
import racetrace.engine.Model;
import racetrace.engine.ModelFamily;

/**
 * A flags model family: its bundled layouts are its variants, a layout file adds one, and its
 * options are the granularity and the assumptions of its writers.
 */
abstract class FlagsFamily implements ModelFamily {

    /** How a family builds an instance's definition (its writers and their step programs) over a layout. */
    interface Definitions {
        FlagsDefinition of(FlagsFamily family, String variant, Layout layout, Granularity g,
                Map<String, String> assumed);
    }

    private final String name;
    private final String description;
    private final List<String> bundled;
    private final List<Assumption> assumptions;
    private final Definitions definitions;

    FlagsFamily(String name, String description, List<String> bundled, List<Assumption> assumptions,
            Definitions definitions) {
        this.name = name;
        this.description = description;
        this.bundled = List.copyOf(bundled);
        this.assumptions = List.copyOf(assumptions);
        this.definitions = definitions;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    /** The bundled variants, oldest first (each a layout file in the resources). */
    final List<String> bundled() {
        return bundled;
    }

    final List<Assumption> assumptions() {
        return assumptions;
    }

    private FlagsDefinition definition(String variant, Layout layout, Granularity g, Map<String, String> assumed) {
        return definitions.of(this, variant, layout, g, assumed);
    }

    @Override
    public List<String> variants() {
        List<String> out = new ArrayList<>(bundled());
        out.addAll(Layouts.added(name()));
        return out;
    }

    @Override
    public String describeVariant(String variant) {
        Layout l = Layouts.of(name(), variant, bundled());
        return l.about().isEmpty() ? "from " + l.origin() : l.about();
    }

    @Override
    public Map<String, List<String>> options() {
        Map<String, List<String>> o = new LinkedHashMap<>();
        o.put("granularity", Granularity.options());
        for (Assumption a : assumptions()) {
            o.put(a.option(), a.values());
        }
        return o;
    }

    @Override
    public boolean isAssumption(String option) {
        return assumptions().stream().anyMatch(a -> a.option().equals(option));
    }

    @Override
    public String describeOption(String option, String value) {
        for (Assumption a : assumptions()) {
            if (a.option().equals(option) && a.values().contains(value)) {
                return a.meaning(value);
            }
        }
        return null;
    }

    /** A sweep runs both store widths the thread compares: the byte (x86-64 GCC) and the whole memory location (arm64). */
    @Override
    public Map<String, List<String>> sweeps() {
        return Map.of("granularity", List.of("byte", "location"));
    }

    @Override
    public Model<?> create(String variant, Map<String, String> options) {
        return instance(variant, options);
    }

    FlagsModel instance(String variant, Map<String, String> options) {
        Layout layout = Layouts.of(name(), variant, bundled());
        Granularity g = Granularity.ofOption(options.getOrDefault("granularity", "byte"));
        FlagsDefinition def = definition(variant, layout, g, options);
        def.addWriters(Layouts.writers(name(), variant));
        return new FlagsModel(def);
    }

    /** Makes a layout read from a file a variant of this family; returns the variant's name. */
    String add(Layout layout) {
        if (!layout.model().equals(name())) {
            throw new BadInputException("layout " + layout.name() + " (" + layout.origin() + ") is for model "
                    + layout.model() + ", not " + name() + "; change its 'model' line or use model " + layout.model());
        }
        // Build it once first, so a layout that lacks a member the writers store is refused, not added.
        definition(layout.name(), layout, Granularity.BYTE, Map.of()).programs();
        return Layouts.add(layout, bundled());
    }
}
