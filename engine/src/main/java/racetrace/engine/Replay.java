package racetrace.engine;

/**
 * Replays a {@link Schedule}: choice i picks the thread of step i (modulo the thread count,
 * falling through to the next enabled thread in cyclic order when it cannot step); once the
 * choices run out, the running thread keeps going, and when it cannot, the lowest enabled
 * thread runs. These rules make every schedule valid for every scenario.
 */
public final class Replay implements Scheduler {

    private final Schedule schedule;

    public Replay(Schedule schedule) {
        this.schedule = schedule;
    }

    public Schedule schedule() {
        return schedule;
    }

    @Override
    public int next(int step, boolean[] enabled, int current) {
        if (step < schedule.length()) {
            return Scheduler.fallThrough(enabled, schedule.choice(step));
        }
        if (current >= 0 && enabled[current]) {
            return current;
        }
        return Scheduler.fallThrough(enabled, 0);
    }
}
