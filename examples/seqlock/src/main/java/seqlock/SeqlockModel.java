package seqlock;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import racetrace.engine.ActorKind;
import racetrace.engine.Config;
import racetrace.engine.Instance;
import racetrace.engine.Invariant;
import racetrace.engine.Model;
import racetrace.engine.Op;
import racetrace.engine.Param;
import racetrace.engine.Scenario;
import racetrace.engine.ScenarioSpace;
import racetrace.engine.ThreadScript;
import racetrace.engine.Transition;

/**
 * A sequence lock over a pair of words. A writer takes a spinlock, makes the count odd, stores both
 * words, makes the count even, unlocks. A reader loads the count, both words, the count again, and
 * retries if the counts differ. "fixed" waits for an even count first (read_seqbegin); "buggy" does
 * not, so a reader inside a write can return one new and one old word. Steps are single loads and
 * stores, sequentially consistent (no barriers modelled); seq++ is one step, as only the lock holder
 * writes the count. A write stores the odd count it made. Spec: src/main/tla/Seqlock.tla.
 */
public final class SeqlockModel implements Model<SeqlockModel.State> {

    /** Per-thread registers, one row per thread: the spec's variables of the same names. */
    static final List<String> REGS = List.of("val", "s", "r1", "r2", "got1", "got2", "opi");
    static final int VAL = 0, S = 1, R1 = 2, R2 = 3, GOT1 = 4, GOT2 = 5, OPI = 6;

    /** Shared words, the lock's owner (1-based thread, 0 = free), each thread's next label and registers. */
    public record State(Scenario sc, int seq, int d1, int d2, int lock, String[] pc, int[][] r) {
    }

    private final boolean waitEven;

    public SeqlockModel(boolean waitEven) {
        this.waitEven = waitEven;
    }

    public Instance instance() { return Instance.of("seqlock", waitEven ? "fixed" : "buggy"); }

    public int version() { return 1; }

    /** One or two writers, then one or two readers, each running one or two ops. */
    public ScenarioSpace space() {
        return new ScenarioSpace() {
            public List<Param> params() { return List.of(); }
            public List<ActorKind> actors(Config c) {
                return List.of(new ActorKind("writer", 1, 2, 1, 2), new ActorKind("reader", 1, 2, 1, 2));
            }
            public List<Op> alphabet(Config c, String actor) {
                return List.of(Op.of(actor.equals("writer") ? "write" : "read"));
            }
        };
    }

    public State initial(Scenario sc) {
        int n = sc.threadCount();
        String[] pc = new String[n];
        for (int t = 0; t < n; t++) {
            pc[t] = first(sc, t);
        }
        return new State(sc, 0, 0, 0, 0, pc, new int[n][REGS.size()]);
    }

    private static String first(Scenario sc, int t) {
        return sc.threads().get(t).actor().equals("writer") ? "w_lock" : "r_begin";
    }

    public boolean enabled(State st, int t) {
        return switch (st.pc()[t]) {
            case "Done" -> false;
            case "w_lock" -> st.lock() == 0;
            case "r_begin" -> !waitEven || st.seq() % 2 == 0;
            default -> true;
        };
    }

    public boolean finished(State st, int t) { return st.pc()[t].equals("Done"); }

    public Transition<State> step(State st, int t) {
        String[] pc = st.pc().clone();
        int[][] r = st.r().clone();
        int[] me = r[t] = r[t].clone();
        int seq = st.seq(), d1 = st.d1(), d2 = st.d2(), lock = st.lock();
        String label = pc[t];
        String next = me[OPI] + 1 == st.sc().threads().get(t).ops().size() ? "Done" : first(st.sc(), t);
        switch (label) {
            case "w_lock" -> { lock = t + 1; pc[t] = "w_begin"; }        // spin_lock
            case "w_begin" -> { me[VAL] = ++seq; pc[t] = "w_d1"; }      // count odd: a write begins
            case "w_d1" -> { d1 = me[VAL]; pc[t] = "w_d2"; }            // store word 1
            case "w_d2" -> { d2 = me[VAL]; pc[t] = "w_end"; }           // store word 2
            case "w_end" -> { seq++; pc[t] = "w_unlock"; }              // count even: the write ends
            case "w_unlock" -> { lock = 0; me[OPI]++; pc[t] = next; }   // spin_unlock
            case "r_begin" -> { me[S] = seq; pc[t] = "r_d1"; }          // load the count
            case "r_d1" -> { me[R1] = d1; pc[t] = "r_d2"; }             // load word 1
            case "r_d2" -> { me[R2] = d2; pc[t] = "r_retry"; }          // load word 2
            case "r_retry" -> {                                         // load the count again
                if (seq != me[S]) {
                    pc[t] = "r_begin";
                } else {
                    me[GOT1] = me[R1];
                    me[GOT2] = me[R2];
                    me[OPI]++;
                    pc[t] = next;
                }
            }
            default -> throw new IllegalStateException("no step at " + label);
        }
        return Transition.of(new State(st.sc(), seq, d1, d2, lock, pc, r), label);
    }

    public List<Invariant<State>> invariants() {
        return List.of(Invariant.of("NoTornRead", "every pair a reader returned was written by one write",
                st -> Arrays.stream(st.r()).allMatch(row -> row[GOT1] == row[GOT2])));
    }

    public Map<String, Object> variables(State st) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("seq", st.seq());
        v.put("d1", st.d1());
        v.put("d2", st.d2());
        v.put("lock", st.lock());
        v.put("pc", List.of(st.pc()));
        for (int i = 0; i < REGS.size(); i++) {
            int k = i;
            v.put(REGS.get(i), Arrays.stream(st.r()).map(row -> (Object) row[k]).toList());
        }
        return v;
    }

    public Set<String> hiddenInTable() { return Set.of("pc", "opi"); }

    /** Every label a step can have, in both variants: conform reports which of them TLC checked. */
    public Set<String> actions() {
        return Set.of("w_lock", "w_begin", "w_d1", "w_d2", "w_end", "w_unlock", "r_begin", "r_d1", "r_d2", "r_retry");
    }

    /**
     * Small scenarios that take every action, a reader's retry included: conform runs them for the
     * actions random runs miss, and conform --states compares their state spaces with TLC's.
     */
    public List<Scenario> coverageScenarios() {
        ThreadScript writer = ThreadScript.of("writer", Op.of("write"));
        ThreadScript reader = ThreadScript.of("reader", Op.of("read"));
        ThreadScript twoWrites = ThreadScript.of("writer", Op.of("write"), Op.of("write"));
        return List.of(new Scenario(Config.empty(), List.of(writer, reader)),
                new Scenario(Config.empty(), List.of(twoWrites, reader)));
    }

    public String tlaModule() { return "Seqlock"; }

    public Map<String, Object> tlaConstants(Scenario sc) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("Roles", sc.threads().stream().map(t -> (Object) t.actor()).toList());
        c.put("Ops", sc.threads().stream().map(t -> (Object) t.ops().size()).toList());
        c.put("WaitEven", waitEven);
        return c;
    }
}
