package racetrace.search.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import racetrace.engine.Invariant;
import racetrace.engine.Model;
import racetrace.engine.OpPlan;
import racetrace.engine.Scenario;
import racetrace.engine.Schedule;
import racetrace.engine.Stepper;

/**
 * Exhaustive breadth-first search over every state of one scenario, or of one configuration of a
 * scope, as TLC's BFS does over the spec: a visited set of 64-bit fingerprints ({@link
 * Model#fingerprint}), every invariant checked in every state, successors in thread order then
 * choice order. Deterministic: the same model and plan give the same counts and cases whatever the
 * number of workers ({@link Explorer}). Violating states are expanded too, so the count is that of
 * the whole reachable space (compare it with TLC run without invariants). Packed states
 * ({@link Model#packed}) are searched when the model has them.
 */
public final class StateSpace {

    private StateSpace() {
    }

    /** Explores with every invariant checked. */
    public static <S> Exploration explore(Model<S> model, Scenario scenario, Limits limits) {
        return explore(model, scenario, null, limits, false);
    }

    /**
     * Explores one scenario (already valid in the model's space).
     *
     * @param only the invariants to check, or null for all
     * @param stopWhenAllViolated stop once each checked invariant has a violation (at the end of
     *     that level; the search is then incomplete); otherwise the whole space is counted
     */
    public static <S> Exploration explore(Model<S> model, Scenario scenario, List<String> only, Limits limits,
            boolean stopWhenAllViolated) {
        return explore(model, scenario, only, limits, stopWhenAllViolated, null);
    }

    /**
     * The same, handing every distinct state, once, to {@code visitor} (e.g. to compare the state
     * space with TLC's state by state).
     */
    public static <S> Exploration explore(Model<S> model, Scenario scenario, List<String> only, Limits limits,
            boolean stopWhenAllViolated, Consumer<S> visitor) {
        if (model.opChoice() == null) {
            List<String> names = names(model, only);
            return new Explorer<>(() -> Stepper.of(model, scenario), names, limits, stopWhenAllViolated,
                    objects(visitor)).explore();
        }
        return explore(model, OpPlan.of(scenario), only, limits, stopWhenAllViolated, visitor);
    }

    /**
     * Explores the state graph of a plan: one scenario, or one configuration of a scope whose
     * threads choose their ops (the model must then choose ops, {@link Model#opChoice}). Cases of
     * a scope name the scenario their path ran.
     */
    public static <S> Exploration explore(Model<S> model, OpPlan plan, List<String> only, Limits limits,
            boolean stopWhenAllViolated) {
        return explore(model, plan, only, limits, stopWhenAllViolated, null);
    }

    /** The same, with a visitor that sees every distinct state once, in search order. */
    public static <S> Exploration explore(Model<S> model, OpPlan plan, List<String> only, Limits limits,
            boolean stopWhenAllViolated, Consumer<S> visitor) {
        List<String> names = names(model, only);
        Stepper<?> first = Stepper.fastest(model, plan, names, limits.reduce());
        return run(first, model, plan, names, limits, stopWhenAllViolated, objects(visitor));
    }

    @SuppressWarnings("unchecked")
    private static <T> Exploration run(Stepper<T> first, Model<?> model, OpPlan plan, List<String> names,
            Limits limits, boolean stopWhenAllViolated, Consumer<Object> visitor) {
        boolean packed = first.machine() != null;
        Stepper<T>[] handed = new Stepper[] {first};
        Supplier<Stepper<T>> more = () -> {
            if (handed[0] != null) {
                Stepper<T> s = handed[0];
                handed[0] = null;
                return s;
            }
            return packed ? (Stepper<T>) Stepper.packed(model, plan, first.symmetric())
                    : (Stepper<T>) Stepper.of((Model<T>) model, plan);
        };
        return new Explorer<>(more, names, limits, stopWhenAllViolated, visitor).explore();
    }

    @SuppressWarnings("unchecked")
    private static <S> Consumer<Object> objects(Consumer<S> visitor) {
        return visitor == null ? null : o -> visitor.accept((S) o);
    }

    private static List<String> names(Model<?> model, List<String> only) {
        List<String> names = new ArrayList<>();
        for (Invariant<?> i : model.invariants()) {
            if (only == null || only.contains(i.name())) {
                names.add(i.name());
            }
        }
        return names;
    }

    /** The scenario's start state; the model's failure to make it, reported as its own. */
    static <S> S start(Stepper<S> stepper, Model<?> model, Scenario scenario) {
        try {
            S init = stepper.initial();
            stepper.fingerprint(init);
            return init;
        } catch (RuntimeException | StackOverflowError | AssertionError e) {
            throw racetrace.engine.ModelFailure.of(e, model, scenario, Schedule.empty(), "initial", -1, null);
        }
    }

    /**
     * A call into the model that threw while expanding the state {@code path} reaches: the step of
     * thread {@code t} when it was stepping (the model's failure, with the run that reproduces it).
     */
    static RuntimeException failure(Throwable e, Model<?> model, Scenario scenario, Schedule path, int t, Object s) {
        int[] choices = java.util.Arrays.copyOf(path.toArray(), path.length() + 1);
        choices[path.length()] = t;
        return racetrace.engine.ModelFailure.of(e, model, scenario, Schedule.of(choices), "step", t, s);
    }

    /** The threads that lead from the start state to state {@code id}. */
    static Schedule path(FingerprintTable.Ints parent, FingerprintTable.Ints thread, int id) {
        int len = 0;
        for (int at = id; parent.get(at) >= 0; at = parent.get(at)) {
            len++;
        }
        int[] choices = new int[len];
        for (int at = id, k = len - 1; parent.get(at) >= 0; at = parent.get(at), k--) {
            choices[k] = thread.get(at);
        }
        return Schedule.of(choices);
    }
}
