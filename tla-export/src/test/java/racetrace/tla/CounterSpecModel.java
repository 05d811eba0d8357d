package racetrace.tla;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import racetrace.engine.Access;
import racetrace.engine.Fingerprint;
import racetrace.engine.ForwardingModel;
import racetrace.engine.LostIncrementModel;
import racetrace.engine.Op;
import racetrace.engine.OpPlan;
import racetrace.engine.Scenario;
import racetrace.engine.ThreadScript;
import racetrace.engine.ToyModel;
import racetrace.engine.Transition;

/**
 * The engine tests' toy {@link LostIncrementModel} with the TLA+ side the toy leaves out: the
 * spec {@code Counter} (test resources, tla/Counter.tla), its constants, and variables as the spec
 * has them. The toy's own variables() (counter, pc as a number, reg) cannot tell a finished thread
 * from one about to load, so this wrapper exposes pc as labels ("lock", "load", "store", "Done")
 * and adds the progress counters opi and round and the lock owner (0 = free, else 1-based).
 */
@SuppressWarnings("removal") // a script-carrying model (LostIncrementModel) seen through another spec
final class CounterSpecModel extends ForwardingModel<LostIncrementModel.State> {

    private final LostIncrementModel toy;
    private final boolean locked;
    private Scenario scenario;

    CounterSpecModel(boolean locked) {
        this(new LostIncrementModel(locked), locked);
    }

    private CounterSpecModel(LostIncrementModel toy, boolean locked) {
        super(toy);
        this.toy = toy;
        this.locked = locked;
    }

    @Override
    public LostIncrementModel.State initial(Scenario scenario) {
        this.scenario = scenario;
        return toy.initial(scenario);
    }

    /** Of this model's variables, not the toy's (the state counts are compared with TLC's on the spec). */
    @Override
    public long fingerprint(LostIncrementModel.State s) {
        return Fingerprint.of(variables(s));
    }

    /** None: the spec's pc is labels, shown. */
    @Override
    public Set<String> hiddenInTable() {
        return Set.of();
    }

    @Override
    public List<Access> accesses(LostIncrementModel.State before, Transition<LostIncrementModel.State> step, int thread) {
        return Access.diff(variables(before), variables(step.next()), hiddenInTable());
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
        v.put("reg", ToyModel.ints(s.reg()));
        v.put("opi", ToyModel.ints(s.opIndex()));
        v.put("round", ToyModel.ints(s.done()));
        v.put("owner", s.lockOwner() + 1);
        return v;
    }

    @Override
    public String tlaModule() {
        return "Counter";
    }

    @Override
    public Map<String, Object> tlaConstants(OpPlan plan) {
        return tlaConstants(plan.asScenario());
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

    Scenario scenario() {
        return scenario;
    }
}
