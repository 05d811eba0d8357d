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
 */
public record Case(Model<?> model, Scenario scenario, Schedule schedule) {

    /** Runs with every invariant and the whole trace. */
    public Execution<?> run() {
        return Execution.run(model, scenario, schedule);
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
        return new Case(model, s, schedule);
    }

    public Case withSchedule(Schedule s) {
        return new Case(model, scenario, s);
    }

    @Override
    public String toString() {
        return ScheduleString.encode(this);
    }
}
