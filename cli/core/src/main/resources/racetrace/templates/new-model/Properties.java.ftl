package ${package};

import racetrace.property.RaceSuite;
import racetrace.property.RaceTable;

/**
 * mvn test: one test per row, named after its instance. Each row hunts its variant as
 * `racetrace hunt` does (random runs, every scenario of growing scopes explored exhaustively,
 * random small scenarios explored exhaustively) and must do what the row says:
 * holds (nothing found, and a scope explored to the end backs it) or violates (the first
 * counterexample violates a listed invariant, shrunk to the case the hunt proves minimal, no larger
 * than recorded). A failing row prints the CPU table and the schedule string and writes its bundle
 * under target/racetrace/. When the search finds a race you expect, record it from that output:
 * .violates("buggy", "NoLostUpdate 2/2/1/6"), the measure being threads/ops/preemptions/steps.
 */
class ${prefix}Properties {

    @RaceSuite
    RaceTable variants() {
        return RaceTable.of("${name}")
                .holds("fixed");
    }
}
