package racetrace.flags;

import java.util.List;
import racetrace.engine.ActorKind;
import racetrace.engine.Config;
import racetrace.engine.Op;
import racetrace.engine.Param;
import racetrace.engine.ScenarioSpace;
import racetrace.engine.Shape;

/** The scenarios of an instance: the family's parameters, actors and ops, and the default scope. */
final class FlagsSpace implements ScenarioSpace {

    private final FlagsDefinition def;

    FlagsSpace(FlagsDefinition def) {
        this.def = def;
    }

    @Override
    public List<Param> params() {
        return def.params();
    }

    @Override
    public List<ActorKind> actors(Config config) {
        return def.actors(config);
    }

    @Override
    public List<Op> alphabet(Config config, String actor) {
        return def.allAlphabet(config, actor);
    }

    /**
     * Every configuration, up to 3 threads and 3 ops in all: every minimal counterexample of every
     * version has 2 threads and 2 ops (HistoryScopeTest computes them), and one more thread and op
     * lets a race that needs a third party show; a version's whole scope is 0.1 to 0.4 M states
     * (docs/models/flags.md).
     */
    @Override
    public List<Shape> defaultScope() {
        return List.of(Shape.all().totals(3, 3));
    }
}
