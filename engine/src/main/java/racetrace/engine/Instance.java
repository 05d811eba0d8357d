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
}
