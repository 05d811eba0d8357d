package racetrace.search;

import java.util.List;
import racetrace.engine.Execution;
import racetrace.engine.FocusedModel;
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
        return Execution.run(focusedModel(), scenario, schedule);
    }

    /** The model, narrowed to the focus invariant when there is one. */
    public Model<?> focusedModel() {
        return focus == null ? model : FocusedModel.of(model, focus);
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
