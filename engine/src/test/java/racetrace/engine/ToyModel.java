package racetrace.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What the test models of every module share (the engine's toy counters, racetrace-app's
 * fixtures): an identity (family and variant, semantics version 1), one scenario space for every
 * configuration, and int arrays as TLA+ sequences. A model writes its steps, invariants and
 * variables itself. Test code only (racetrace-engine's test-jar): no artifact that ships uses it.
 */
public abstract class ToyModel<S> extends IdentifiedModel<S> {

    /**
     * @param alphabet each actor's ops, simplest first; the same under every configuration
     */
    protected ToyModel(String family, String variant, List<Param> params, List<ActorKind> actors,
            Function<String, List<Op>> alphabet) {
        this(family, variant, new ScenarioSpace() {
            @Override
            public List<Param> params() {
                return params;
            }

            @Override
            public List<ActorKind> actors(Config config) {
                return actors;
            }

            @Override
            public List<Op> alphabet(Config config, String actor) {
                return alphabet.apply(actor);
            }
        });
    }

    /** A model of another's scenario space. */
    protected ToyModel(String family, String variant, ScenarioSpace space) {
        super(Instance.of(family, variant), 1, space);
    }

    /** An int array as a TLA+ sequence. */
    public static List<Object> ints(int[] a) {
        List<Object> out = new ArrayList<>(a.length);
        for (int x : a) {
            out.add(x);
        }
        return out;
    }
}
