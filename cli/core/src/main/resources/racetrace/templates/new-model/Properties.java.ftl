package ${package};

import java.util.Map;
import net.jqwik.api.Group;
import racetrace.engine.Model;
import racetrace.engine.Models;
import racetrace.property.RaceProperties;

/**
 * mvn test: each group checks every invariant of one variant over random scenarios and schedules.
 * A failing group prints the CPU table and the schedule string and writes target/racetrace/.
 * When the search finds a race you expect, mark its group with @Found (values from that output).
 */
class ${prefix}Properties {

    @Group
    class Fixed extends RaceProperties {
        @Override
        protected Model<?> model() {
            return Models.create("${name}", "fixed", Map.of());
        }
    }
}
