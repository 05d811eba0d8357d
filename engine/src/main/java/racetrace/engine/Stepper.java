package racetrace.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The engine's one successor function: the states a state leads to when a thread takes its next
 * step, under an {@link OpPlan}. Runs ({@link Execution}), the exhaustive searches of a scenario
 * or a scope, the minimal search and the import of TLC traces all step through it.
 *
 * <p>For a model that chooses ops ({@link OpChoice}), a step that ends a thread's op has one
 * successor per op the plan lets the thread begin next (in the order of the plan's list), then,
 * when the thread may stop there, the state where it is done: the choice index of a successor
 * says which. Every other step has one successor, choice 0. A scenario's plan has one choice at
 * every boundary, so a run of a scenario is a sequence of threads, as before. A model whose
 * states carry their scripts (no {@link OpChoice}) can only run scenarios: its start state is
 * {@link Model#initial} and its steps are {@link Model#step}'s.
 *
 * <p>The same function serves two representations: the model's object states ({@link #of}) and,
 * for a model with {@link Packed} states, int arrays ({@link #packed}), which a search steps
 * without allocating: their successors are handed over in buffers the stepper reuses.
 *
 * @param <S> the state type (the model's, or {@code int[]})
 */
public final class Stepper<S> {

    /** One successor. */
    public record Move<S>(S next, String label, String notice, int choice, Op began) {
    }

    /**
     * Receives successors. A packed stepper's successor is a buffer it reuses: copy it to keep it.
     */
    public interface Sink<S> {
        void accept(S next, int choice, Op began, boolean notice);
    }

    /** A start state and the first op of each thread (null: absent, started done). */
    public record Start<S>(S state, List<Op> first) {
    }

    private final Model<?> model;
    private final StepCore<S> core;
    private final OpPlan plan;
    private final Scenario scenario;
    private final int n;
    private final boolean capped;
    private final OpPlan.Slot[] slots;
    /**
     * Per thread and number of ops begun (up to a bound), the ops it may begin next: a scripted
     * slot makes a new list each time it is asked, which the hot loop should not.
     */
    private final Op[][][] nextOps;
    private boolean lastEnded;

    private Stepper(Model<?> model, StepCore<S> core, OpPlan plan, Scenario scenario) {
        this.model = model;
        this.core = core;
        this.plan = plan;
        this.scenario = scenario;
        this.n = plan.size();
        this.capped = plan.maxOps() != OpPlan.UNBOUNDED;
        this.slots = plan.threads().toArray(new OpPlan.Slot[0]);
        this.nextOps = new Op[n][][];
        for (int t = 0; t < n; t++) {
            int bound = slots[t] instanceof OpPlan.Script s ? s.ops().size() + 1
                    : slots[t] instanceof OpPlan.Choice c ? Math.min(c.maxOps(), 64) + 1 : 0;
            nextOps[t] = new Op[bound][];
            for (int b = 0; b < bound; b++) {
                nextOps[t][b] = slots[t].next(b).toArray(new Op[0]);
            }
        }
        if (!core.choosing() && !plan.scripted()) {
            throw new IllegalArgumentException(model.instance() + " keeps its scripts in its states (no opChoice()): it "
                    + "can run scenarios, not choose ops in a scope");
        }
    }

    /** The stepper of a plan over object states; a model without {@link OpChoice} needs a scripted plan. */
    public static <S> Stepper<S> of(Model<S> model, OpPlan plan) {
        Scenario sc = plan.scripted() ? plan.asScenario() : null;
        return new Stepper<>(model, new ObjectCore<>(model, sc, plan.size()), plan, sc);
    }

    /**
     * The stepper of a plan over packed states when the model has them and they report every
     * named invariant, else over object states: what a search steps.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Stepper<?> fastest(Model<?> model, OpPlan plan, List<String> invariants) {
        return fastest(model, plan, invariants, false);
    }

    /** The same; with {@code symmetric}, packed states in canonical form under thread symmetry. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Stepper<?> fastest(Model<?> model, OpPlan plan, List<String> invariants, boolean symmetric) {
        Stepper<int[]> p = packed(model, plan, symmetric);
        if (p != null && p.check(invariants) != null) {
            return p;
        }
        return of((Model) model, plan);
    }

    /** The stepper of one scenario (already valid in the model's space), over object states. */
    public static <S> Stepper<S> of(Model<S> model, Scenario scenario) {
        return new Stepper<>(model, new ObjectCore<>(model, scenario, scenario.threadCount()), OpPlan.of(scenario),
                scenario);
    }

    /**
     * The stepper of a plan over packed states, with a machine of its own (one per worker), or
     * null when the model has no packed states.
     */
    public static Stepper<int[]> packed(Model<?> model, OpPlan plan) {
        return packed(model, plan, false);
    }

    /**
     * The same, with {@code symmetric}: every state it hands over is in canonical form under
     * permutations of interchangeable threads ({@link ActorKind#interchangeable}, slots with the
     * same ops and bounds), so a search visits one state of each orbit.
     */
    public static Stepper<int[]> packed(Model<?> model, OpPlan plan, boolean symmetric) {
        Packed<?> p = model.packed();
        if (p == null || model.opChoice() == null) {
            return null;
        }
        Machine m = p.machine(plan.config(), plan.actors());
        int[] groups = symmetric ? groups(model, plan) : null;
        return new Stepper<>(model, new PackedCore(m, plan, p, groups, model), plan,
                plan.scripted() ? plan.asScenario() : null);
    }

    /**
     * The symmetry groups of a plan's threads: threads of an interchangeable actor kind whose slots
     * offer the same ops with the same bounds share a number; null when no two do. A slot's being
     * optional does not count: it tells only which start states exist, and a search from
     * canonical forms visits the orbits of what is reachable whatever the start states are.
     */
    static int[] groups(Model<?> model, OpPlan plan) {
        List<ActorKind> kinds = model.space().actors(plan.config());
        int n = plan.size();
        int[] group = new int[n];
        List<Object> keys = new ArrayList<>();
        boolean any = false;
        for (int t = 0; t < n; t++) {
            OpPlan.Slot slot = plan.threads().get(t);
            boolean interchangeable = kinds.stream().anyMatch(k -> k.name().equals(slot.actor()) && k.interchangeable());
            if (!interchangeable) {
                group[t] = -1;
                continue;
            }
            Object key = slot instanceof OpPlan.Choice c ? List.of(c.actor(), c.alphabet(), c.minOps(), c.maxOps())
                    : slot;
            int g = keys.indexOf(key);
            if (g < 0) {
                keys.add(key);
                g = keys.size() - 1;
            } else {
                any = true;
            }
            group[t] = g;
        }
        return any ? group : null;
    }

    /** The model whose states these are. */
    public Model<?> model() {
        return model;
    }

    public OpPlan plan() {
        return plan;
    }

    /** The scenario of a scripted plan, else null. */
    public Scenario scenario() {
        return scenario;
    }

    /** Threads (slots) of every state. */
    public int threads() {
        return n;
    }

    /** Whether the model chooses ops (else its states carry scripts). */
    public boolean choosing() {
        return core.choosing();
    }

    /** The machine of a packed stepper, else null. */
    public Machine machine() {
        return core instanceof PackedCore p ? p.m : null;
    }

    /**
     * Whether a search may use the model's footprints ({@link Machine#declaresFootprints}) to
     * skip interleavings: a packed stepper whose machine declares them, of at most 32 threads.
     */
    public boolean footprints() {
        return core instanceof PackedCore p && p.m.declaresFootprints() && n <= 32;
    }

    /** Thread {@code t}'s footprint in {@code s} ({@link Machine#footprint}): reads in out[0], writes in out[1]. */
    @SuppressWarnings("unchecked")
    public void footprint(S s, int t, long[] out) {
        ((PackedCore) core).m.footprint((int[]) s, t, out);
    }

    /**
     * Whether the op-count cap of the plan is shared by the threads: then whether a thread may
     * begin another op depends on the ops the others have begun, so two steps that end ops are
     * dependent whatever they touch.
     */
    public boolean sharedOpCap() {
        return capped;
    }

    /** Whether the last {@link #successors} step ended its thread's op. */
    public boolean lastEnded() {
        return lastEnded;
    }

    /**
     * During a {@link #successors} call, in the sink: where the successor's canonical form put
     * each thread ({@code perm[old] = new}), or null when no thread moved.
     */
    public int[] lastPerm() {
        return core instanceof PackedCore p ? p.lastPerm() : null;
    }

    /** The fingerprint of a state (for a packed state, that of its object). */
    public long fingerprint(S s) {
        return core.fingerprint(s);
    }

    /** The fingerprint of {@code s}, a successor of {@code parent} (whose fingerprint is given). */
    public long fingerprint(S parent, long parentFingerprint, S s) {
        return core.fingerprint(parent, parentFingerprint, s);
    }

    /** A buffer to copy states into ({@link #copy}); null for object states, which need none. */
    public S buffer() {
        return core.buffer();
    }

    /** {@code s} copied into {@code into} (a {@link #buffer}), returned; an object state is returned as is. */
    public S copy(S s, S into) {
        return core.copy(s, into);
    }

    /** Whether states are handed over in canonical form under thread symmetry. */
    public boolean symmetric() {
        return core.symmetric();
    }

    /**
     * Where a symmetric stepper's canonical form puts each thread of {@code s} ({@code perm[old] =
     * new}); the identity for a packed stepper without symmetry, null for object states (which
     * have none). {@code s} is not changed.
     */
    public int[] canonicalPerm(S s) {
        return core.perm(s);
    }

    /** A state of the caller's own with the contents of {@code s} (a copy of a packed stepper's buffer). */
    public S keepState(S s) {
        return core.keep(s);
    }

    /** The model's object state of a state (a copy for a packed one). */
    public Object object(S s) {
        return core.object(s);
    }

    /**
     * Checks invariants of states, 64 at a time: bit i of word w stands for {@code names.get(64 * w
     * + i)}. A search of up to 64 invariants asks word 0 only.
     */
    public interface Check<S> {
        /** Of the invariants of {@code word} whose bits {@code open} has, those that fail in {@code s}. */
        long broken(S s, int word, long open);
    }

    /**
     * A check of the named invariants, or null when a packed stepper's machine does not report one
     * of them (a wrapper's own invariant): the caller then steps object states.
     */
    public Check<S> check(List<String> names) {
        return core.check(names);
    }

    /** The scenario's start state (a scripted plan has exactly one). */
    public S initial() {
        List<Start<S>> all = starts();
        if (all.size() != 1) {
            throw new IllegalStateException("a plan with " + all.size() + " start states has no single initial state");
        }
        return all.get(0).state();
    }

    /**
     * Every start state: each thread begins one of its first ops or, when it may, starts done
     * (absent); combinations in order (thread 0's choice slowest, absent last), within the
     * plan's caps, at least one thread present. A scenario's plan has exactly one. The states are
     * the caller's (not buffers).
     */
    public List<Start<S>> starts() {
        if (!core.choosing()) {
            List<Op> first = new ArrayList<>();
            for (ThreadScript t : scenario.threads()) {
                first.add(t.ops().isEmpty() ? null : t.ops().get(0));
            }
            return List.of(new Start<>(core.initial(), first));
        }
        List<List<Op>> options = new ArrayList<>();
        for (OpPlan.Slot s : plan.threads()) {
            List<Op> o = new ArrayList<>(s.next(0));
            if (s.mayStop(0)) {
                o.add(null);
            }
            options.add(o);
        }
        List<Start<S>> out = new ArrayList<>();
        int[] at = new int[n];
        boolean scripted = plan.scripted();
        for (boolean more = options.stream().noneMatch(List::isEmpty); more; more = advance(at, options)) {
            List<Op> first = new ArrayList<>(n);
            int present = 0;
            long reserved = 0;
            for (int t = 0; t < n; t++) {
                Op op = options.get(t).get(at[t]);
                first.add(op);
                if (op != null) {
                    present++;
                    reserved += Math.max(1, plan.threads().get(t).minOps());
                }
            }
            if (!scripted && (present == 0 || present > plan.maxThreads() || reserved > plan.maxOps())) {
                continue;
            }
            S s = core.start(plan);
            for (int t = 0; t < n; t++) {
                if (first.get(t) != null) {
                    s = core.beginFresh(s, t, first.get(t));
                }
            }
            out.add(new Start<>(core.canonical(s), java.util.Collections.unmodifiableList(first)));
        }
        return out;
    }

    private static boolean advance(int[] at, List<List<Op>> options) {
        for (int t = at.length - 1; t >= 0; t--) {
            if (++at[t] < options.get(t).size()) {
                return true;
            }
            at[t] = 0;
        }
        return false;
    }

    public boolean enabled(S s, int t) {
        return core.enabled(s, t);
    }

    public boolean finished(S s, int t) {
        return core.finished(s, t);
    }

    /**
     * Thread {@code t} (enabled in {@code s}) takes its step; each successor goes to the sink, in
     * choice order. Returns how many.
     */
    public int successors(S s, int t, Sink<S> sink) {
        S next = core.step(s, t);
        boolean notice = core.noticed();
        lastEnded = false;
        if (!core.choosing() || !core.done(next, t)) {
            sink.accept(core.canonical(next), 0, null, notice);
            return 1;
        }
        lastEnded = true;
        OpPlan.Slot slot = slots[t];
        int begun = core.opCount(next, t);
        Op[] options = nextOps(t, begun);
        int k = 0;
        if (options.length > 0 && mayBegin(next, slot, begun)) {
            for (Op op : options) {
                sink.accept(core.canonical(core.begin(next, t, op, begun, k)), k++, op, notice);
            }
        }
        if (slot.mayStop(begun) || k == 0) {
            sink.accept(core.canonical(next), k++, null, notice);
        }
        return k;
    }

    /** Whether a thread that has begun {@code begun} ops (and has more to choose from) may begin one more. */
    private boolean mayBegin(S next, OpPlan.Slot slot, int begun) {
        return !capped || begun < slot.minOps() || reserved(next) < plan.maxOps();
    }

    /** {@code slots[t].next(begun)}, from the cache while it has it. */
    private Op[] nextOps(int t, int begun) {
        Op[][] cached = nextOps[t];
        return begun < cached.length ? cached[begun] : slots[t].next(begun).toArray(new Op[0]);
    }

    /**
     * The successor of {@code s} by thread {@code t} with choice {@code choice} (0 for a
     * scenario). Its state is the caller's (not a buffer).
     */
    public Move<S> step(S s, int t, int choice) {
        S next = core.step(s, t);
        String label = core.label();
        String notice = core.notice();
        if (!core.choosing() || !core.done(next, t)) {
            if (choice != 0) {
                throw new IllegalArgumentException("thread " + t + "'s step has one successor, no choice " + choice);
            }
            return new Move<>(core.keep(next), label, notice, 0, null);
        }
        OpPlan.Slot slot = plan.threads().get(t);
        int begun = core.opCount(next, t);
        List<Op> options = slot.next(begun);
        int k = !options.isEmpty() && mayBegin(next, slot, begun) ? options.size() : 0;
        if (choice >= 0 && choice < k) {
            Op op = options.get(choice);
            return new Move<>(core.keep(core.begin(next, t, op, begun, choice)), label, notice, choice, op);
        }
        if (choice == k && (slot.mayStop(begun) || k == 0)) {
            return new Move<>(core.keep(next), label, notice, choice, null);
        }
        throw new IllegalArgumentException("thread " + t + "'s step ends its op with " + (k + 1) + " choices at most, no "
                + "choice " + choice);
    }

    /** Ops every present thread has begun or still must run: what the plan's op cap counts. */
    private long reserved(S s) {
        long r = 0;
        for (int u = 0; u < n; u++) {
            int c = core.opCount(s, u);
            if (c > 0) {
                r += Math.max(c, plan.threads().get(u).minOps());
            }
        }
        return r;
    }
}
