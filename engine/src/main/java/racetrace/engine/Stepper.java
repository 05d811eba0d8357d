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
 * states carry their scripts (no {@link OpChoice}) can only run scenarios, through the
 * deprecated adapter {@link ScriptCarrying}.
 *
 * @param <S> the state type
 */
public final class Stepper<S> {

    /** One successor. */
    public record Move<S>(S next, String label, String notice, int choice, Op began) {
    }

    /** Receives successors without allocating a record for each. */
    public interface Sink<S> {
        void accept(S next, int choice, Op began, String label, String notice);
    }

    /**
     * A start state and the first op of each thread (null: absent, started done).
     */
    public record Start<S>(S state, List<Op> first) {
    }

    private final Model<S> model;
    private final OpChoice<S> ops;
    private final boolean choosing;
    private final OpPlan plan;
    private final Scenario scenario;
    private final int n;
    private final boolean capped;

    private Stepper(Model<S> model, OpPlan plan, Scenario scenario) {
        this.model = model;
        this.choosing = model.opChoice() != null;
        this.plan = plan;
        this.scenario = scenario;
        this.n = plan.size();
        this.capped = plan.maxOps() != OpPlan.UNBOUNDED;
        if (!choosing && !plan.scripted()) {
            throw new IllegalArgumentException(model.instance() + " keeps its scripts in its states (no opChoice()): it "
                    + "can run scenarios, not choose ops in a scope");
        }
        this.ops = choosing ? model.opChoice() : scriptCarrying(model, scenario);
    }

    @SuppressWarnings("removal")
    private static <S> OpChoice<S> scriptCarrying(Model<S> model, Scenario scenario) {
        return new ScriptCarrying<>(model, scenario);
    }

    /** The stepper of a plan; a model without {@link OpChoice} needs a scripted plan. */
    public static <S> Stepper<S> of(Model<S> model, OpPlan plan) {
        return new Stepper<>(model, plan, plan.scripted() ? plan.asScenario() : null);
    }

    /** The stepper of one scenario (already valid in the model's space). */
    public static <S> Stepper<S> of(Model<S> model, Scenario scenario) {
        return new Stepper<>(model, OpPlan.of(scenario), scenario);
    }

    public Model<S> model() {
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
        return choosing;
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
     * plan's caps, at least one thread present. A scenario's plan has exactly one.
     */
    public List<Start<S>> starts() {
        List<List<Op>> options = new ArrayList<>();
        for (OpPlan.Slot s : plan.threads()) {
            List<Op> o = new ArrayList<>(s.next(0));
            if (s.mayStop(0)) {
                o.add(null);
            }
            options.add(o);
        }
        List<Start<S>> out = new ArrayList<>();
        S empty = ops.start(plan.config(), plan.actors());
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
            S s = empty;
            for (int t = 0; t < n; t++) {
                if (first.get(t) != null) {
                    s = ops.begin(s, t, first.get(t));
                }
            }
            out.add(new Start<>(s, java.util.Collections.unmodifiableList(first)));
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
        return model.enabled(s, t);
    }

    public boolean finished(S s, int t) {
        return model.finished(s, t);
    }

    /**
     * Thread {@code t} (enabled in {@code s}) takes its step; each successor goes to the sink, in
     * choice order. Returns how many.
     */
    public int successors(S s, int t, Sink<S> sink) {
        Transition<S> tr = model.step(s, t);
        S next = tr.next();
        if (!ops.done(next, t)) {
            sink.accept(next, 0, null, tr.label(), tr.notice());
            return 1;
        }
        OpPlan.Slot slot = plan.threads().get(t);
        int begun = ops.opCount(next, t);
        List<Op> options = slot.next(begun);
        boolean mayBegin = !options.isEmpty() && (!capped || begun < slot.minOps() || reserved(next) < plan.maxOps());
        int k = 0;
        if (mayBegin) {
            for (Op op : options) {
                sink.accept(ops.begin(next, t, op), k++, op, tr.label(), tr.notice());
            }
        }
        if (slot.mayStop(begun) || k == 0) {
            sink.accept(next, k++, null, tr.label(), tr.notice());
        }
        return k;
    }

    /** The successor of {@code s} by thread {@code t} with choice {@code choice} (0 for a scenario). */
    public Move<S> step(S s, int t, int choice) {
        Transition<S> tr = model.step(s, t);
        S next = tr.next();
        if (!ops.done(next, t)) {
            if (choice != 0) {
                throw new IllegalArgumentException("thread " + t + "'s step has one successor, no choice " + choice);
            }
            return new Move<>(next, tr.label(), tr.notice(), 0, null);
        }
        OpPlan.Slot slot = plan.threads().get(t);
        int begun = ops.opCount(next, t);
        List<Op> options = slot.next(begun);
        boolean mayBegin = !options.isEmpty() && (!capped || begun < slot.minOps() || reserved(next) < plan.maxOps());
        int k = mayBegin ? options.size() : 0;
        if (choice >= 0 && choice < k) {
            Op op = options.get(choice);
            return new Move<>(ops.begin(next, t, op), tr.label(), tr.notice(), choice, op);
        }
        if (choice == k && (slot.mayStop(begun) || k == 0)) {
            return new Move<>(next, tr.label(), tr.notice(), choice, null);
        }
        throw new IllegalArgumentException("thread " + t + "'s step ends its op with " + (k + 1) + " choices at most, no "
                + "choice " + choice);
    }

    /** Ops every present thread has begun or still must run: what the plan's op cap counts. */
    private long reserved(S s) {
        long r = 0;
        for (int u = 0; u < n; u++) {
            int c = ops.opCount(s, u);
            if (c > 0) {
                r += Math.max(c, plan.threads().get(u).minOps());
            }
        }
        return r;
    }
}
