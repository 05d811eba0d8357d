package racetrace.search.hunt;

/**
 * What may stop a hunt before its {@link Work} is done. A hunt a cap stopped early claims nothing
 * about the rest: unless it found a violation, its verdict is inconclusive.
 */
public sealed interface Cap {

    /** No cap: the work alone ends the hunt (the default). */
    Cap NONE = new None();

    static Cap seconds(double seconds) {
        return new Seconds(seconds);
    }

    /** After {@code units} units of work are taken: a cap that cuts at the same place on every machine. */
    static Cap units(long units) {
        return new Units(units);
    }

    record None() implements Cap {
    }

    /** Wall-clock time per instance (--seconds), search and minimisation together. */
    record Seconds(double seconds) implements Cap {
        public Seconds {
            if (!(seconds > 0) || Double.isInfinite(seconds)) {
                throw new IllegalArgumentException("a time cap must be a positive number of seconds, not " + seconds);
            }
        }
    }

    /** Units of work taken (random-run batches, scope slices, swarm batches), in the hunt's fixed order. */
    record Units(long units) implements Cap {
        public Units {
            if (units < 0) {
                throw new IllegalArgumentException("a unit cap must not be negative, not " + units);
            }
        }
    }
}
