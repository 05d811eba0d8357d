package racetrace.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The generated configuration part of a scenario: integer parameters by name, in declared order. */
public record Config(Map<String, Integer> values) {

    public Config {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Config empty() {
        return new Config(Map.of());
    }

    public int get(String name) {
        Integer v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("scenario has no configuration parameter '" + name
                    + "'; it has " + values.keySet());
        }
        return v;
    }

    public Config with(String name, int value) {
        LinkedHashMap<String, Integer> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new Config(copy);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
