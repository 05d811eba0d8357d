package racetrace.search;

import java.util.List;
import racetrace.engine.Execution;
import racetrace.engine.Invariant;
import racetrace.engine.Model;
import racetrace.engine.Scenario;
import racetrace.engine.Schedule;

/**
 * A scenario and its schedule for one model instance: the value that is generated, run and shrunk
 * as a whole. Its text form is the schedule string.
 *
 * @param focus the one invariant a shrunk case is about (checked alone on replay), or null for all
 */
public record Case(Model<?> model, Scenario scenario, Schedule schedule, String focus) {

    public Case(Model<?> model, Scenario scenario, Schedule schedule) {
        this(model, scenario, schedule, null);
    }

    /** Runs with the whole trace, checking the focus invariant, or every invariant when there is none. */
    public Execution<?> run() {
        if (focus == null) {
            return Execution.run(model, scenario, schedule);
        }
        model.space().validate(scenario);
        return runOnly(model, List.of(focus));
    }

    private <S> Execution<S> runOnly(Model<S> m, List<String> only) {
        List<Invariant<S>> invariants = m.invariants().stream().filter(i -> only.contains(i.name())).toList();
        if (invariants.isEmpty()) {
            throw new racetrace.engine.BadInputException("model " + m.instance() + " has no invariant '" + only.get(0)
                    + "'; it has " + m.invariants().stream().map(Invariant::name).toList());
        }
        return Execution.run(m, scenario, schedule, invariants, true, Execution.DEFAULT_STEP_LIMIT);
    }

    /** The same case with every invariant checked. */
    public Case unfocused() {
        return new Case(model, scenario, schedule, null);
    }

    public Case focusedOn(String invariant) {
        return new Case(model, scenario, schedule, invariant);
    }

    /** Runs checking only the named invariants (all when {@code only} is null), without a trace. */
    public Execution<?> check(List<String> only) {
        return check(model, only);
    }

    private <S> Execution<S> check(Model<S> m, List<String> only) {
        List<Invariant<S>> invariants = only == null ? m.invariants()
                : m.invariants().stream().filter(i -> only.contains(i.name())).toList();
        return Execution.check(m, scenario, schedule, invariants);
    }

    public Case withScenario(Scenario s) {
        return new Case(model, s, schedule, focus);
    }

    public Case withSchedule(Schedule s) {
        return new Case(model, scenario, s, focus);
    }

    @Override
    public String toString() {
        return ScheduleString.encode(this);
    }
}
