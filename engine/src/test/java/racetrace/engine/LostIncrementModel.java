package racetrace.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A toy model for engine tests: each op of a thread is a non-atomic increment of one shared
 * counter (load into a register, store register + 1), optionally under a lock. Without the lock
 * two threads can lose an increment.
 */
@SuppressWarnings("removal") // states that carry their scripts: the deprecated form, still run
public final class LostIncrementModel extends ToyModel<LostIncrementModel.State> {

    /**
     * pc: 0 = before load (or before lock), 1 = loaded, 2 = locked and before load. The scenario
     * travels with the state, so one model instance serves several searches at once.
     */
    public record State(int counter, int lockOwner, int[] pc, int[] reg, int[] opIndex, int[] done, int expected,
            Scenario scenario) {
    }

    private final boolean locked;

    public LostIncrementModel(boolean locked) {
        super("counter", locked ? "locked" : "racy", List.of(new Param("start", 0, 2, "initial counter value")),
                List.of(new ActorKind("cpu", 1, 3, 1, 3)), actor -> List.of(Op.of("inc"), Op.of("incTwice")));
        this.locked = locked;
    }

    @Override
    public State initial(Scenario scenario) {
        int n = scenario.threadCount();
        int expected = scenario.config().get("start");
        for (ThreadScript t : scenario.threads()) {
            for (Op op : t.ops()) {
                expected += op.name().equals("inc") ? 1 : 2;
            }
        }
        return new State(scenario.config().get("start"), -1, new int[n], new int[n], new int[n], new int[n], expected,
                scenario);
    }

    private static int opsOf(State s, int thread) {
        return s.scenario().threads().get(thread).ops().size();
    }

    private static int repeats(State s, int thread, int op) {
        return s.scenario().threads().get(thread).ops().get(op).name().equals("inc") ? 1 : 2;
    }

    @Override
    public boolean enabled(State s, int t) {
        if (finished(s, t)) {
            return false;
        }
        return !(locked && s.pc()[t] == 0 && s.lockOwner() != -1);
    }

    @Override
    public boolean finished(State s, int t) {
        return s.opIndex()[t] >= opsOf(s, t);
    }

    @Override
    public Transition<State> step(State s, int t) {
        int[] pc = s.pc().clone();
        int[] reg = s.reg().clone();
        int[] op = s.opIndex().clone();
        int[] done = s.done().clone();
        int counter = s.counter();
        int owner = s.lockOwner();
        String label;
        if (pc[t] == 0 && locked) {
            owner = t;
            pc[t] = 2;
            label = "lock";
        } else if (pc[t] == 0 || pc[t] == 2) {
            reg[t] = counter;
            pc[t] = 1;
            label = "load";
        } else {
            counter = reg[t] + 1;
            done[t]++;
            pc[t] = 0;
            label = "store";
            if (done[t] == repeats(s, t, op[t])) {
                done[t] = 0;
                op[t]++;
                if (locked) {
                    owner = -1;
                }
            } else if (locked) {
                pc[t] = 2;
            }
        }
        return Transition.of(new State(counter, owner, pc, reg, op, done, s.expected(), s.scenario()), label);
    }

    @Override
    public List<Invariant<State>> invariants() {
        return List.of(Invariant.of("NoLostIncrement", "when all threads are done the counter counts every increment",
                s -> {
                    for (int t = 0; t < s.pc().length; t++) {
                        if (!finished(s, t)) {
                            return true;
                        }
                    }
                    return s.counter() == s.expected();
                }));
    }

    @Override
    public Map<String, Object> variables(State s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("counter", s.counter());
        v.put("pc", ints(s.pc()));
        v.put("reg", ints(s.reg()));
        v.put("lock", s.lockOwner());
        v.put("opi", ints(s.opIndex()));
        v.put("done", ints(s.done()));
        return v;
    }

    @Override
    public Set<String> hiddenInTable() {
        return Set.of("pc");
    }
}
