package racetrace.engine;

import java.util.List;

/**
 * The adapter through which a model whose states carry their scripts (it implements {@link
 * Model#initial} and no {@link Model#opChoice}, as models written against racetrace 0.1's API
 * do) runs on the engine's op choice: for one scenario, the start state is the model's own, a
 * thread's ops are already in it (beginning one changes nothing), and no step ends an op as far
 * as the engine can tell. Such a model runs scenarios, not scopes.
 *
 * @deprecated for this release only, with {@link Model#initial}: write the model as a {@link
 *     racetrace.api.Program}, or let it choose ops.
 */
@Deprecated(since = "0.1.0", forRemoval = true)
@SuppressWarnings("removal")
final class ScriptCarrying<S> implements OpChoice<S> {

    private final Model<S> model;
    private final Scenario scenario;

    ScriptCarrying(Model<S> model, Scenario scenario) {
        this.model = model;
        this.scenario = scenario;
    }

    @Override
    public S start(Config config, List<String> actors) {
        return model.initial(scenario);
    }

    @Override
    public S begin(S state, int thread, Op op) {
        return state;
    }

    @Override
    public int opCount(S state, int thread) {
        return scenario.threads().get(thread).ops().size();
    }

    @Override
    public boolean done(S state, int thread) {
        return false;
    }
}
