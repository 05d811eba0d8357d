package racetrace.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A step-level concurrent system: one instance (model, variant, options) of a {@link ModelFamily}.
 *
 * <p>A step is one atomic memory access or lock operation. States must be immutable values (or
 * copied per step): an {@link Execution} keeps every state of its trace. Everything here must be
 * deterministic: the same scenario and schedule give the same trace.
 *
 * @param <S> the state type
 */
public interface Model<S> {

    /** Which instance this is: family name, variant and options. */
    Instance instance();

    /**
     * The version of the model's semantics. Bump it whenever a step, a start state or an
     * invariant changes meaning: schedule strings made for another version are refused.
     */
    int version();

    /** What scenarios exist for this instance: configuration parameters, actors, op alphabets. */
    ScenarioSpace space();

    /**
     * The start state of a scenario. The scenario has been validated against {@link #space()}.
     * A model that chooses ops ({@link #opChoice}) need not implement it: the engine begins each
     * thread's first op in {@link OpChoice#start}'s state. A model whose states carry their
     * scripts implements it, and then runs scenarios only: a scope is enumerated scenario by
     * scenario for it.
     */
    default S initial(Scenario scenario) {
        if (opChoice() == null) {
            throw new UnsupportedOperationException(instance() + " implements neither initial(Scenario) nor opChoice()");
        }
        return Stepper.of(this, scenario).initial();
    }

    /**
     * How the engine gives this model's threads their ops, or null when its states carry their
     * scripts (the model reads a thread's next op from the scenario it was started with). With op
     * choice, one exploration covers a whole scope: threads choose their next op as they go.
     */
    default OpChoice<S> opChoice() {
        return null;
    }

    /**
     * The model's states as int arrays, for fast exhaustive search, or null. Optional: searches
     * step object states without it.
     */
    default Packed<S> packed() {
        return null;
    }

    /** Whether {@code thread} can take a step now (not finished, not blocked on a lock). */
    boolean enabled(S state, int thread);

    /**
     * Whether {@code thread} has run its whole script, or waits where the code may rightly stay
     * forever (a legitimate end: a server with no requests, an idle guest with nothing pending).
     * A state where no thread can step and some thread is not finished is a deadlock, which the
     * hunt reports as a violation, as TLC does; the spec lets the legitimate ends stutter.
     */
    boolean finished(S state, int thread);

    /**
     * Takes one atomic step of {@code thread}; only called when {@link #enabled} holds. With
     * {@link #opChoice}, the step that ends an op leaves the thread done; the engine then begins
     * its next op. Runs and searches step through {@link Stepper}, never through this alone.
     */
    Transition<S> step(S state, int thread);

    /** The named invariants, checked after every step; names are the TLA+ operator names. */
    List<Invariant<S>> invariants();

    /**
     * The state as TLA+ variables, in the spec's order. Values are Integer, Boolean, String, List
     * (a sequence), Set, or Map (String keys that are identifiers: a record; other keys: a
     * function).
     */
    Map<String, Object> variables(S state);

    /**
     * A 64-bit fingerprint of a state, for exhaustive search: states with equal {@link
     * #variables} must get equal fingerprints, so that distinct-state counts equal TLC's on the
     * spec. The default hashes {@code variables(state)}; a model may override it with a faster
     * hash of its own representation, as long as it still agrees with {@code variables}.
     */
    default long fingerprint(S state) {
        return Fingerprint.of(variables(state));
    }

    /**
     * The name of the hand-written TLA+ module that describes the same system (file {@code
     * <name>.tla}, packaged as {@code tla/<name>.tla} beside the model's classes; racetrace's own are under
     * {@code spec/<family>/}), or null while the model has none.
     */
    default String tlaModule() {
        return null;
    }

    /**
     * The values of the spec's CONSTANTS for a scenario (variant, layout, scripts, bounds), same
     * value types as {@link #variables}.
     */
    default Map<String, Object> tlaConstants(Scenario scenario) {
        return Map.of();
    }

    /**
     * The spec's CONSTANTS for a plan: a scenario's (its scripts), or, for a model that chooses
     * ops, one configuration of a scope with its threads' choices, so that TLC checks the same
     * state graph the engine explores.
     */
    default Map<String, Object> tlaConstants(OpPlan plan) {
        if (plan.scripted()) {
            return tlaConstants(plan.asScenario());
        }
        throw new UnsupportedOperationException(instance() + " has no TLA+ constants for a plan with op choices");
    }

    /**
     * The labels this instance's steps can have: the spec's actions it can take. Conformance
     * reports which of them its executions took. Empty when the model does not say.
     */
    default Set<String> actions() {
        return Set.of();
    }

    /**
     * Scenarios that reach steps random scenarios seldom take (give-up paths, retries, rare
     * branches): conformance runs them besides random ones, so that every action gets checked.
     */
    default List<Scenario> coverageScenarios() {
        return List.of();
    }

    /** Variables the CPU table leaves out (program counters, registers): the label says them. */
    default Set<String> hiddenInTable() {
        return Set.of();
    }

    /**
     * The memory accesses of one step, in the order it made them: what the explanation of a
     * counterexample and the CPU table's read column are made of. The default is the stores the
     * state diff shows ({@link Access#diff}, leaving out {@link #hiddenInTable}); a model that
     * knows its reads, its locks and the names of its memory says them here.
     *
     * @param before the state before the step
     * @param step what the step did (its next state and label)
     * @param thread the thread that took it
     */
    default List<Access> accesses(S before, Transition<S> step, int thread) {
        return Access.diff(variables(before), variables(step.next()), hiddenInTable());
    }

    /**
     * How the failure of an invariant shows in a state, in a few words for the explanation
     * ({@code virq_disabled reads 0, last written 1}), or null for the invariant's description.
     */
    default String violationDetail(String invariant, S state) {
        return null;
    }

    /** The column heading of a thread in the CPU table. */
    default String threadName(Scenario scenario, int thread) {
        return scenario.threads().get(thread).actor() + " " + (char) ('A' + thread);
    }
}
