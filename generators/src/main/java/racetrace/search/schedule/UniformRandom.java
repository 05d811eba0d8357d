package racetrace.search.schedule;

import java.util.Random;
import racetrace.engine.Scheduler;

/**
 * Uniform over the enabled threads for the first {@code length} steps, then no more preemptions:
 * the running thread keeps going while it can, else the lowest enabled thread runs. A random
 * prefix length keeps short switching patterns as likely as long ones.
 */
public final class UniformRandom implements Scheduler {

    private final Random random;
    private final int length;

    public UniformRandom(Random random, int length) {
        this.random = random;
        this.length = length;
    }

    @Override
    public int next(int step, boolean[] enabled, int current) {
        if (step >= length) {
            return current >= 0 && enabled[current] ? current : Scheduler.fallThrough(enabled, 0);
        }
        int count = 0;
        for (boolean e : enabled) {
            if (e) {
                count++;
            }
        }
        int pick = count == 1 ? 0 : random.nextInt(count);
        for (int t = 0; t < enabled.length; t++) {
            if (enabled[t] && pick-- == 0) {
                return t;
            }
        }
        throw new IllegalStateException("no enabled thread");
    }
}
