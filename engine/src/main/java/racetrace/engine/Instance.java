package racetrace.engine;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Names one model instance: family, variant and options such as the granularity. */
public record Instance(String model, String variant, SortedMap<String, String> options) {

    public Instance {
        options = Collections.unmodifiableSortedMap(new TreeMap<>(options));
    }

    public static Instance of(String model, String variant, Map<String, String> options) {
        return new Instance(model, variant, new TreeMap<>(options));
    }

    public static Instance of(String model, String variant) {
        return new Instance(model, variant, new TreeMap<>());
    }

    /** {@code vfio-pci/pre-a[granularity=byte]}. */
    @Override
    public String toString() {
        String opts = options.isEmpty() ? "" : options.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",", "[", "]"));
        return model + "/" + variant + opts;
    }

    /**
     * A name as part of a Java class or TLA+ module name: {@code seqlock} is {@code Seqlock},
     * {@code my-lock} {@code MyLock}, {@code 2020-11} {@code 202011}. One rule for a model's spec
     * module, the classes {@code new-model} writes and the regression tests a hunt writes, so that
     * they name each other alike.
     */
    public static String camelCase(String name) {
        StringBuilder b = new StringBuilder();
        for (String part : name.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return b.toString();
    }
}
