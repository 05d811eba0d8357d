package racetrace.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A model's own code threw while the engine ran it: the message says which model, which of its
 * methods, on which thread and step; the failure keeps the run up to there (scenario and the
 * threads that ran, the failing step's thread last), so that the run can be replayed to the same
 * exception. The cause is the model's exception, with its stack frames.
 *
 * <p>A model of one's own that throws is its author's to fix, not a bug of racetrace: the command
 * line reports it with its own exit code and the schedule string that reproduces it.
 */
public final class ModelFailure extends RuntimeException {

    private final transient Model<?> model;
    private final Scenario scenario;
    private final Schedule schedule;

    private ModelFailure(Model<?> model, Scenario scenario, Schedule schedule, String call, int thread, String label,
            Throwable cause) {
        super(message(model, call, thread, label, schedule, cause), cause);
        this.model = model;
        this.scenario = scenario;
        this.schedule = schedule;
    }

    /**
     * What to throw when a call into a model failed: the failure with its place, or the exception
     * itself when it already is one (a nested run), or bad input (a model refusing a scenario).
     *
     * @param schedule the threads that ran before the call, with the failing step's thread last
     *     when the call was {@code step}
     * @param call the model's method, e.g. {@code step}, {@code enabled}, {@code invariant NoLostUpdate}
     * @param thread the 0-based thread of the call, or -1
     * @param state the state the call was made on, or null
     */
    public static RuntimeException of(Throwable e, Model<?> model, Scenario scenario, Schedule schedule, String call,
            int thread, Object state) {
        if (e instanceof ModelFailure f) {
            return f;
        }
        if (e instanceof BadInputException b) {
            return b;
        }
        return new ModelFailure(model, scenario, schedule, call, thread, labelOf(model, state, thread), e);
    }

    /** The model that threw. */
    public Model<?> model() {
        return model;
    }

    public Scenario scenario() {
        return scenario;
    }

    /** The threads that ran up to the failing call; replaying it reaches the call again. */
    public Schedule schedule() {
        return schedule;
    }

    /** The model's class, e.g. {@code com.example.SeqlockModel} (inside racetrace's wrappers, if any). */
    public String modelClass() {
        return className(model);
    }

    /** Whether a model runs a user's object through an adapter ({@link Adapted}). */
    static boolean adapted(Model<?> model) {
        return innermost(model) instanceof Adapted;
    }

    /** The class of the user's code a model runs: the model's own, or the object an adapter runs. */
    private static String className(Model<?> model) {
        Model<?> m = innermost(model);
        return m instanceof Adapted a ? a.adaptedClass().getName() : m.getClass().getName();
    }

    /**
     * Whether the model is one of racetrace's own (its class in a racetrace package): then its
     * exception is a bug of racetrace, not a user's.
     */
    public boolean bundled() {
        return modelClass().startsWith("racetrace.");
    }

    private static Model<?> innermost(Model<?> m) {
        while (true) {
            if (m instanceof ForwardingModel<?> f) {
                m = f.inner;
            } else if (m instanceof WrappingModel w) {
                m = w.wrapped();
            } else {
                return m;
            }
        }
    }

    /**
     * The frames of the model's own code: the cause's stack from where it was thrown down to the
     * engine's call into the model (racetrace's frames and what called them left out).
     */
    public List<StackTraceElement> modelFrames() {
        List<StackTraceElement> out = new ArrayList<>();
        String own = modelClass();
        for (StackTraceElement f : getCause().getStackTrace()) {
            String c = f.getClassName();
            boolean mine = c.equals(own) || c.startsWith(own + "$");
            if (!mine && (c.startsWith("racetrace.engine.") || c.startsWith("racetrace.search."))) {
                break;
            }
            out.add(f);
        }
        return out;
    }

    /**
     * The label a thread's next step has: by the models' convention, its entry of the {@code pc}
     * variable (the TLA+ spec's pc). Null when the state has no such entry or cannot say.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static String labelOf(Model<?> model, Object state, int thread) {
        if (state == null || thread < 0) {
            return null;
        }
        try {
            Map<String, Object> vars = ((Model) model).variables(state);
            if (vars.get("pc") instanceof List<?> pc && thread < pc.size() && pc.get(thread) instanceof String s) {
                return s;
            }
        } catch (RuntimeException | StackOverflowError e) {
            // the state is what failed: no label
        }
        return null;
    }

    private static String message(Model<?> model, String call, int thread, String label, Schedule schedule,
            Throwable cause) {
        String where = call + (thread >= 0 ? " of thread " + (thread + 1) : "")
                + (label != null ? " at step label '" + label + "'" : "");
        return "model " + model.instance() + " (" + className(model) + ")"
                + " threw " + cause.getClass().getName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
                + " in " + where + ", after " + (schedule.length() - (call.equals("step") ? 1 : 0)) + " steps";
    }
}
