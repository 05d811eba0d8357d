package racetrace.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deterministic run of (model, scenario, schedule): the trace, and how it ended. Invariants
 * are checked in the start state and after every step; the first violation ends the run.
 */
public final class Execution<S> {

    /** Guards against models that can loop forever under some schedule. */
    public static final int DEFAULT_STEP_LIMIT = 5_000;

    private final Model<S> model;
    private final Scenario scenario;
    private final Scheduler scheduler;
    private final S initial;
    private final List<Step<S>> steps;
    private final int[] threadOfStep;
    private final Outcome outcome;
    private final int preemptions;
    private final String firstNotice;
    private final Map<String, Integer> violations;

    private Execution(Model<S> model, Scenario scenario, Scheduler scheduler, S initial,
            List<Step<S>> steps, int[] threadOfStep, Outcome outcome, int preemptions, String firstNotice,
            Map<String, Integer> violations) {
        this.model = model;
        this.scenario = scenario;
        this.scheduler = scheduler;
        this.initial = initial;
        this.steps = steps;
        this.threadOfStep = threadOfStep;
        this.outcome = outcome;
        this.preemptions = preemptions;
        this.firstNotice = firstNotice;
        this.violations = violations;
    }

    /** Validates the scenario, then runs with every invariant checked and the whole trace kept. */
    public static <S> Execution<S> run(Model<S> model, Scenario scenario, Schedule schedule) {
        model.space().validate(scenario);
        return run(model, scenario, new Replay(schedule), model.invariants(), true, DEFAULT_STEP_LIMIT);
    }

    /** Runs a scenario already validated, without keeping states: for search loops. */
    public static <S> Execution<S> check(Model<S> model, Scenario scenario, Schedule schedule,
            List<Invariant<S>> invariants) {
        return run(model, scenario, new Replay(schedule), invariants, false, DEFAULT_STEP_LIMIT);
    }

    /** Runs a scenario already validated under any scheduler, without keeping states. */
    public static <S> Execution<S> check(Model<S> model, Scenario scenario, Scheduler scheduler,
            List<Invariant<S>> invariants) {
        return run(model, scenario, scheduler, invariants, false, DEFAULT_STEP_LIMIT);
    }

    /** Replays a schedule; see {@link #run(Model, Scenario, Scheduler, List, boolean, int)}. */
    public static <S> Execution<S> run(Model<S> model, Scenario scenario, Schedule schedule,
            List<Invariant<S>> invariants, boolean keepTrace, int stepLimit) {
        return run(model, scenario, new Replay(schedule), invariants, keepTrace, stepLimit);
    }

    /**
     * The engine's one loop: runs a scenario, already validated against the model's space,
     * asking the scheduler for the thread of every step. The schedule of the result is the
     * sequence of threads that ran, so replaying it gives the same trace.
     *
     * @param invariants the invariants to check (a subset keeps a shrink on one invariant)
     * @param keepTrace whether to keep each state and label
     * @param stepLimit the run stops with {@link Outcome.StepLimit} after this many steps
     */
    public static <S> Execution<S> run(Model<S> model, Scenario scenario, Scheduler scheduler,
            List<Invariant<S>> invariants, boolean keepTrace, int stepLimit) {
        return loop(model, scenario, scheduler, invariants, keepTrace, stepLimit, true);
    }

    /**
     * Runs to the end whatever fails on the way, recording after which step each invariant first
     * failed ({@link #violations}); the outcome says how the run ended (completed, deadlock, step
     * limit). For search: one run tells about every invariant, not only the first to fail.
     */
    public static <S> Execution<S> survey(Model<S> model, Scenario scenario, Scheduler scheduler,
            List<Invariant<S>> invariants) {
        return loop(model, scenario, scheduler, invariants, false, DEFAULT_STEP_LIMIT, false);
    }

    /**
     * Where the model is being called, for a {@link ModelFailure}: the method, the thread, the state,
     * the threads that ran. One per run, on the run's own thread.
     */
    private static final class Place {
        String call = "initial";
        int thread = -1;
        Object state;
        int[] taken = new int[0];
        int steps;
    }

    private static <S> Execution<S> loop(Model<S> model, Scenario scenario, Scheduler scheduler,
            List<Invariant<S>> invariants, boolean keepTrace, int stepLimit, boolean stopAtViolation) {
        Place at = new Place();
        try {
            return loop(model, scenario, scheduler, invariants, keepTrace, stepLimit, stopAtViolation, at);
        } catch (RuntimeException | StackOverflowError | AssertionError e) {
            if (at.call == null && !(e instanceof InCall)) {
                throw e;
            }
            Throwable cause = e instanceof InCall c ? c.getCause() : e;
            String call = e instanceof InCall c ? c.call : at.call;
            if (call.equals("enabled") && ModelFailure.adapted(model)) {
                call = "step"; // a program's step decides whether it is enabled (its await): its step threw
            }
            int[] ran = Arrays.copyOf(at.taken, at.steps + (call.equals("step") ? 1 : 0));
            if (call.equals("step")) {
                ran[at.steps] = at.thread;
            }
            throw ModelFailure.of(cause, model, scenario, Schedule.of(ran), call, at.thread, at.state);
        }
    }

    /** An invariant that threw, named. */
    private static final class InCall extends RuntimeException {
        final String call;

        InCall(String call, Throwable cause) {
            super(cause);
            this.call = call;
        }
    }

    private static <S> Execution<S> loop(Model<S> model, Scenario scenario, Scheduler scheduler,
            List<Invariant<S>> invariants, boolean keepTrace, int stepLimit, boolean stopAtViolation, Place at) {
        int n = scenario.threadCount();
        Stepper<S> stepper = Stepper.of(model, scenario);
        S state = stepper.initial();
        S initial = state;
        at.state = state;
        List<Step<S>> trace = keepTrace ? new ArrayList<>() : List.of();
        int[] taken = new int[Math.min(stepLimit, 64)];
        at.taken = taken;
        // Surveying records every first failure; a plain run stops at the first one.
        Map<String, Integer> violations = stopAtViolation ? null : new LinkedHashMap<>();
        String broken = check(model, n, invariants, state, violations, 0);
        if (broken != null && stopAtViolation) {
            return new Execution<>(model, scenario, scheduler, initial, trace, new int[0],
                    new Outcome.Violated(broken, 0), 0, null, Map.of());
        }
        boolean[] enabled = new boolean[n];
        int prev = -1;
        int preemptions = 0;
        int step = 0;
        String notice = null;
        while (true) {
            boolean any = false;
            at.call = "enabled";
            for (int t = 0; t < n; t++) {
                at.thread = t;
                enabled[t] = model.enabled(state, t);
                any |= enabled[t];
            }
            if (!any) {
                List<Integer> blocked = new ArrayList<>();
                at.call = "finished";
                for (int t = 0; t < n; t++) {
                    at.thread = t;
                    if (!model.finished(state, t)) {
                        blocked.add(t);
                    }
                }
                Outcome end = blocked.isEmpty() ? new Outcome.Completed(step)
                        : new Outcome.Deadlock(step, List.copyOf(blocked));
                return new Execution<>(model, scenario, scheduler, initial, trace,
                        Arrays.copyOf(taken, step), end, preemptions, notice, frozen(violations));
            }
            if (step >= stepLimit) {
                return new Execution<>(model, scenario, scheduler, initial, trace,
                        Arrays.copyOf(taken, step), new Outcome.StepLimit(step), preemptions, notice,
                        frozen(violations));
            }
            at.call = null; // the scheduler and the loop's own checks are racetrace's, not the model's
            int t = scheduler.next(step, enabled, prev);
            if (t < 0 || t >= n || !enabled[t]) {
                throw new IllegalStateException(scheduler.getClass().getSimpleName() + " chose thread " + t
                        + " at step " + step + ", which cannot step");
            }
            if (prev >= 0 && t != prev && enabled[prev]) {
                preemptions++;
            }
            at.call = "step";
            at.thread = t;
            Stepper.Move<S> tr = stepper.step(state, t, 0);
            state = tr.next();
            if (step == taken.length) {
                taken = Arrays.copyOf(taken, taken.length * 2);
                at.taken = taken;
            }
            taken[step] = t;
            step++;
            at.steps = step;
            at.state = state;
            at.call = "invariant";
            at.thread = -1;
            if (notice == null && tr.notice() != null) {
                notice = "step " + step + ": " + tr.notice();
            }
            if (keepTrace) {
                trace.add(new Step<>(step, t, tr.label(), state, tr.notice()));
            }
            prev = t;
            broken = check(model, n, invariants, state, violations, step);
            if (broken != null && stopAtViolation) {
                return new Execution<>(model, scenario, scheduler, initial, trace,
                        Arrays.copyOf(taken, step), new Outcome.Violated(broken, step), preemptions, notice,
                        Map.of());
            }
        }
    }

    private static Map<String, Integer> frozen(Map<String, Integer> m) {
        return m == null || m.isEmpty() ? Map.of() : Collections.unmodifiableMap(m);
    }

    /**
     * The first invariant that fails in {@code state}, or null. When surveying ({@code seen} is
     * not null), invariants that failed before are skipped and new failures are recorded.
     */
    private static <S> String check(Model<S> model, int threads, List<Invariant<S>> invariants, S state,
            Map<String, Integer> seen, int step) {
        String first = null;
        for (Invariant<S> inv : invariants) {
            if (seen != null && seen.containsKey(inv.name())) {
                continue;
            }
            boolean holds;
            try {
                holds = inv.holds(model, state, threads);
            } catch (RuntimeException | StackOverflowError | AssertionError e) {
                throw new InCall("invariant " + inv.name(), e);
            }
            if (!holds) {
                if (seen == null) {
                    return inv.name();
                }
                seen.put(inv.name(), step);
                if (first == null) {
                    first = inv.name();
                }
            }
        }
        return first;
    }


    public Model<S> model() {
        return model;
    }

    public Scenario scenario() {
        return scenario;
    }

    /** The schedule that was replayed, or, for a run under another scheduler, the threads that ran. */
    public Schedule schedule() {
        return scheduler instanceof Replay r ? r.schedule() : executed();
    }

    public S initial() {
        return initial;
    }

    /** The steps taken (empty when the run did not keep its trace). */
    public List<Step<S>> steps() {
        return steps;
    }

    /** The state after step {@code i} (0 = the start state); needs a kept trace. */
    public S stateAt(int i) {
        return i == 0 ? initial : steps.get(i - 1).state();
    }

    public Outcome outcome() {
        return outcome;
    }

    public int preemptions() {
        return preemptions;
    }

    public Measure measure() {
        return new Measure(scenario.threadCount(), scenario.opCount(), preemptions, outcome.steps());
    }

    /**
     * The threads that actually ran, step by step: replaying it gives the same trace, and it has
     * no fall-through choices.
     */
    public Schedule executed() {
        return Schedule.of(threadOfStep);
    }

    /**
     * For a {@link #survey}: each invariant that failed, with the step after which it first
     * failed (0 = the start state), in the order they failed. Empty for other runs.
     */
    public Map<String, Integer> violations() {
        return violations;
    }

    /** The first notice (designed give-up) of the run, with its step, or null; kept without a trace too. */
    public String firstNotice() {
        return firstNotice;
    }

    /** Notices (designed give-ups) reported along the way; needs a kept trace. */
    public List<String> notices() {
        List<String> out = new ArrayList<>();
        for (Step<S> s : steps) {
            if (s.notice() != null) {
                out.add("step " + s.index() + ": " + s.notice());
            }
        }
        return out;
    }
}
