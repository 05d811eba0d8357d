package racetrace.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the test models of every module share (the engine's toy counters, racetrace-app's
 * fixtures): an identity (family and variant, semantics version 1), one scenario space for every
 * configuration, int arrays as TLA+ sequences, and a state record's components as its variables.
 * A model writes its steps and invariants itself. Test code only (racetrace-engine's test-jar): no artifact that ships uses it.
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

    /**
     * The variables of a toy whose state record is its spec's variables: the record's components
     * by name, in order ({@link Records#components}), int arrays as sequences. A toy whose state
     * is something else names its variables itself.
     */
    @Override
    public Map<String, Object> variables(S state) {
        if (!(state instanceof Record r)) {
            throw new UnsupportedOperationException(instance() + ": a state that is not a record names its own variables");
        }
        Map<String, Object> v = Records.components(r);
        v.replaceAll((name, x) -> x instanceof int[] a ? ints(a) : x);
        return v;
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
