package racetrace.api;

import java.util.Map;
import racetrace.engine.Config;

/**
 * Optional: a program whose TLA+ spec is not found under the default name, or takes constants
 * of its own. Without it, the spec is the resource {@code tla/<Name>.tla} beside the program's
 * classes, {@code <Name>} the family name in CamelCase ({@code seqlock}: {@code Seqlock},
 * {@code my-lock}: {@code MyLock}); when there is no such resource the model has no spec. The
 * engine gives the spec these constants: {@code Variant}, each option and each configuration
 * parameter by its name, {@code Actor} (each thread's actor kind) and {@code Script} (each
 * thread's ops, a sequence of records {@code [name |-> "write", args |-> <<>>]}).
 */
public interface TlaMapped {

    /** The spec's module name, or null to keep the default. */
    default String tlaModule() {
        return null;
    }

    /** Constants of the spec beside the engine's, for an instance's variant and a configuration. */
    default Map<String, Object> tlaConstants(String variant, Config config) {
        return Map.of();
    }
}
