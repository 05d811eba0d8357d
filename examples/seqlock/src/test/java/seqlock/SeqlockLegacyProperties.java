package seqlock;

import java.util.Map;
import net.jqwik.api.Group;
import racetrace.engine.Model;
import racetrace.engine.Models;
import racetrace.property.Found;
import racetrace.property.RaceProperties;

/**
 * The property suite as racetrace 0.1 had users write it (one jqwik group per variant, extending the
 * deprecated RaceProperties, an expected race marked with the deprecated @Found). Kept for one
 * release to prove that such a suite still compiles and passes; SeqlockProperties is the form to
 * write now.
 */
@SuppressWarnings("deprecation")
class SeqlockLegacyProperties {

    /** What the search found and shrank when this was written (seed and tries of @RaceProperty). */
    @Group
    @Found(invariant = "NoTornRead", threads = 2, ops = 2, preemptions = 1, steps = 7)
    class Buggy extends RaceProperties {
        @Override
        protected Model<?> model() {
            return Models.create("seqlock", "buggy", Map.of());
        }
    }

    @Group
    class Fixed extends RaceProperties {
        @Override
        protected Model<?> model() {
            return Models.create("seqlock", "fixed", Map.of());
        }
    }
}
