package racetrace.tla;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import racetrace.engine.Instance;
import racetrace.engine.Invariant;
import racetrace.engine.LostIncrementModel;
import racetrace.engine.Model;
import racetrace.engine.Op;
import racetrace.engine.Scenario;
import racetrace.engine.ScenarioSpace;
import racetrace.engine.ThreadScript;
import racetrace.engine.Transition;

/**
 * The engine tests' toy {@link LostIncrementModel} with the TLA+ side the toy leaves out: the
 * spec {@code Counter} (test resources, tla/Counter.tla), its constants, and variables as the spec
 * has them. The toy's own variables() (counter, pc as a number, reg) cannot tell a finished thread
 * from one about to load, so this wrapper exposes pc as labels ("lock", "load", "store", "Done")
 * and adds the progress counters opi and round and the lock owner (0 = free, else 1-based).
 */
@SuppressWarnings("removal") // a script-carrying model (LostIncrementModel) seen through another spec
final class CounterSpecModel implements Model<LostIncrementModel.State> {

    private final LostIncrementModel toy;
    private final boolean locked;
    private Scenario scenario;

    CounterSpecModel(boolean locked) {
        this.toy = new LostIncrementModel(locked);
        this.locked = locked;
    }

    @Override
    public Instance instance() {
        return toy.instance();
    }

    @Override
    public int version() {
        return toy.version();
    }

    @Override
    public ScenarioSpace space() {
        return toy.space();
    }

    @Override
    public LostIncrementModel.State initial(Scenario scenario) {
        this.scenario = scenario;
        return toy.initial(scenario);
    }

    @Override
    public boolean enabled(LostIncrementModel.State state, int thread) {
        return toy.enabled(state, thread);
    }

    @Override
    public boolean finished(LostIncrementModel.State state, int thread) {
        return toy.finished(state, thread);
    }

    @Override
    public Transition<LostIncrementModel.State> step(LostIncrementModel.State state, int thread) {
        return toy.step(state, thread);
    }

    @Override
    public List<Invariant<LostIncrementModel.State>> invariants() {
        return toy.invariants();
    }

    @Override
    public Map<String, Object> variables(LostIncrementModel.State s) {
        int n = s.pc().length;
        List<Object> pc = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            if (toy.finished(s, t)) {
                pc.add("Done");
            } else if (s.pc()[t] == 1) {
                pc.add("store");
            } else if (s.pc()[t] == 2 || !locked) {
                pc.add("load");
            } else {
                pc.add("lock");
            }
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("counter", s.counter());
        v.put("pc", pc);
        v.put("reg", ints(s.reg()));
        v.put("opi", ints(s.opIndex()));
        v.put("round", ints(s.done()));
        v.put("owner", s.lockOwner() + 1);
        return v;
    }

    @Override
    public String tlaModule() {
        return "Counter";
    }

    @Override
    public Map<String, Object> tlaConstants(Scenario scenario) {
        List<Object> scripts = new ArrayList<>();
        for (ThreadScript t : scenario.threads()) {
            scripts.add(t.ops().stream().map(Op::name).toList());
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("Scripts", scripts);
        c.put("Start", scenario.config().get("start"));
        c.put("Locked", locked);
        return c;
    }

    private static List<Object> ints(int[] a) {
        List<Object> out = new ArrayList<>();
        for (int x : a) {
            out.add(x);
        }
        return out;
    }

    Scenario scenario() {
        return scenario;
    }
}
