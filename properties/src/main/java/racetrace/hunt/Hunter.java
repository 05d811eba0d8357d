package racetrace.hunt;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import racetrace.engine.Execution;
import racetrace.engine.Invariant;
import racetrace.engine.Model;
import racetrace.engine.Outcome;
import racetrace.search.Case;
import racetrace.search.RandomCases;
import racetrace.search.Shrinker;

/**
 * Searches one instance: draws random cases, runs them against the invariants not yet violated,
 * and shrinks each new violation. Deterministic for a seed as long as the try budget, not the
 * clock, ends the hunt.
 */
public final class Hunter {

    /** Told about progress on long hunts. */
    public interface Progress {
        void update(Model<?> model, int tries, long millis);
    }

    private Hunter() {
    }

    /** The random source of an instance: independent of which other instances are hunted. */
    static Random randomFor(Model<?> model, long seed) {
        return new Random(seed * 0x9E3779B97F4A7C15L ^ model.instance().toString().hashCode());
    }

    public static HuntResult hunt(Model<?> model, HuntOptions options, Progress progress) {
        Random random = randomFor(model, options.seed());
        List<String> remaining = new ArrayList<>(model.invariants().stream().map(Invariant::name).toList());
        List<Finding> findings = new ArrayList<>();
        long start = System.nanoTime();
        long deadline = start + (long) (options.seconds() * 1e9);
        long nextProgress = start + 2_000_000_000L;
        long shrinkNanos = 0;
        int tries = 0;
        int deadlocks = 0;
        int stepLimits = 0;
        int withNotices = 0;
        Case firstDeadlock = null;
        String firstNotice = null;
        while (tries < options.tries() && !remaining.isEmpty()) {
            long now = System.nanoTime();
            // At least one run: a verdict of "held" must rest on something.
            if (tries > 0 && now >= deadline) {
                break;
            }
            if (progress != null && now >= nextProgress) {
                progress.update(model, tries, (now - start) / 1_000_000);
                nextProgress = now + 2_000_000_000L;
            }
            Case c = RandomCases.draw(model, options.maxScheduleLength(), random);
            tries++;
            Execution<?> ex = c.check(remaining);
            if (ex.firstNotice() != null) {
                withNotices++;
                if (firstNotice == null) {
                    firstNotice = ex.firstNotice();
                }
            }
            Outcome o = ex.outcome();
            if (o instanceof Outcome.Violated v) {
                long found = System.nanoTime();
                long nanosToFirst = found - start - shrinkNanos;
                Shrinker.Result r = Shrinker.shrink(c, v.invariant());
                long shrunkAt = System.nanoTime();
                shrinkNanos += shrunkAt - found;
                findings.add(new Finding(v.invariant(), tries, nanosToFirst, ex.measure(), r.shrunk(), r.measure(),
                        shrunkAt - found, r.runs()));
                remaining.remove(v.invariant());
            } else if (o instanceof Outcome.Deadlock) {
                if (deadlocks++ == 0) {
                    firstDeadlock = Shrinker.normalised(c, ex);
                }
            } else if (o instanceof Outcome.StepLimit) {
                stepLimits++;
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new HuntResult(model, options.seed(), tries, millis, List.copyOf(findings), deadlocks, firstDeadlock,
                stepLimits, withNotices, firstNotice);
    }
}
