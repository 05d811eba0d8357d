package racetrace.tla;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Marks a Map as a TLA+ function even when its keys are Strings (which would otherwise make it
 * a record), e.g. a function from port names that are not identifiers.
 */
public record TlaFunction(Map<?, ?> mapping) {

    public TlaFunction {
        mapping = Collections.unmodifiableMap(new LinkedHashMap<>(mapping));
    }
}
