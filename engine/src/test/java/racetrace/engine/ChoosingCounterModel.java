package racetrace.engine;

import java.util.List;

/**
 * {@link LostIncrementModel}'s system with op choice ({@link OpChoice}): threads of actor
 * {@code cpu} run non-atomic increments of one counter ({@code inc} once, {@code incTwice}
 * twice), under a lock in the locked variant; the state holds each thread's current op and op
 * count, and a ghost {@code expected} that each op adds its increments to when it begins. A
 * second actor kind, {@code peer}, resets a flag the invariant {@code FlagClear} watches only when
 * two increments were lost: a violation that needs two kinds and a preemption.
 */
public final class ChoosingCounterModel extends ToyModel<ChoosingCounterModel.State> {

    /**
     * The spec's variables: lock is the owner (-1: free); per thread, pc (0 done, 1 before load, 2
     * before lock, 3 loaded), reg, op (0 none, 1 inc, 2 incTwice, 3 poke), count, left.
     */
    public record State(int counter, int lock, int expected, int flag, int[] pc, int[] reg, int[] op, int[] count,
            int[] left) {
    }

    private final boolean locked;

    public ChoosingCounterModel(boolean locked) {
        this(locked, 3);
    }

    public ChoosingCounterModel(boolean locked, int maxCpus) {
        super("choosing-counter", locked ? "locked" : "racy", List.of(new Param("start", 0, 1, "initial counter value")),
                List.of(new ActorKind("cpu", 1, maxCpus, 1, 3), new ActorKind("peer", 0, 1, 1, 2)),
                actor -> actor.equals("cpu") ? List.of(Op.of("inc"), Op.of("incTwice")) : List.of(Op.of("poke")));
        this.locked = locked;
    }

    private final OpChoice<State> ops = new OpChoice<>() {
        @Override
        public State start(Config config, List<String> actors) {
            int n = actors.size();
            return new State(config.get("start"), -1, config.get("start"), 0, new int[n], new int[n], new int[n],
                    new int[n], new int[n]);
        }

        @Override
        public State begin(State s, int t, Op op) {
            int[] pc = s.pc().clone();
            int[] o = s.op().clone();
            int[] count = s.count().clone();
            int[] left = s.left().clone();
            int code = switch (op.name()) {
                case "inc" -> 1;
                case "incTwice" -> 2;
                default -> 3;
            };
            o[t] = code;
            count[t]++;
            left[t] = code == 3 ? 1 : code;
            pc[t] = code == 3 ? 1 : locked ? 2 : 1;
            int expected = s.expected() + (code == 3 ? 0 : code);
            return new State(s.counter(), s.lock(), expected, s.flag(), pc, s.reg(), o, count, left);
        }

        @Override
        public int opCount(State s, int t) {
            return s.count()[t];
        }

        @Override
        public boolean done(State s, int t) {
            return s.pc()[t] == 0;
        }
    };

    @Override
    public OpChoice<State> opChoice() {
        return ops;
    }

    @Override
    public boolean enabled(State s, int t) {
        return s.pc()[t] != 0 && !(s.pc()[t] == 2 && s.lock() != -1);
    }

    @Override
    public boolean finished(State s, int t) {
        return s.pc()[t] == 0;
    }

    @Override
    public Transition<State> step(State s, int t) {
        int[] pc = s.pc().clone();
        int[] reg = s.reg().clone();
        int[] op = s.op().clone();
        int[] left = s.left().clone();
        int counter = s.counter();
        int owner = s.lock();
        int flag = s.flag();
        String label;
        if (op[t] == 3) {
            // a peer's poke raises the flag when the counter is two behind what was expected
            flag = s.expected() - counter >= 2 ? 1 : flag;
            label = "poke";
            left[t] = 0;
        } else if (pc[t] == 2) {
            owner = t;
            pc[t] = 1;
            label = "lock";
        } else if (pc[t] == 1) {
            reg[t] = counter;
            pc[t] = 3;
            label = "load";
        } else {
            counter = reg[t] + 1;
            left[t]--;
            label = "store";
            pc[t] = locked ? 2 : 1;
            if (locked) {
                owner = -1;
            }
        }
        if (left[t] == 0) {
            // the op ends: the thread is done, its registers cleared
            pc[t] = 0;
            reg[t] = 0;
            op[t] = 0;
        }
        return Transition.of(new State(counter, owner, s.expected(), flag, pc, reg, op, s.count(), left), label);
    }

    @Override
    public List<Invariant<State>> invariants() {
        return List.of(Invariant.of("NoLostIncrement", "when all threads are done the counter counts every increment",
                s -> {
                    for (int t = 0; t < s.pc().length; t++) {
                        if (s.pc()[t] != 0) {
                            return true;
                        }
                    }
                    return s.counter() == s.expected();
                }), Invariant.of("FlagClear", "no peer saw two increments lost", s -> s.flag() == 0));
    }
}
