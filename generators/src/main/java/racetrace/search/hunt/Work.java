package racetrace.search.hunt;

/**
 * What a hunt sets out to do on one instance. Counted in work, never in time, so that the same
 * seed gives the same verdicts and evidence on any machine, at any load, with any number of
 * workers. A hunt that does all of it (or violates every invariant first) has a verdict; one cut
 * short before the end is inconclusive.
 *
 * <p>The defaults live here and nowhere else. They are sized so that the default hunt completes
 * the scopes the ladder can reach on the bundled models after their default scopes (see
 * docs/guide.md, "Budgets").
 *
 * @param tries random runs (uniform or PCT, one run per scenario)
 * @param states states the scope ladder may explore after the model's default scope (which every
 *     hunt completes, outside this budget): the ladder's work when {@code scope} is 0; with a
 *     scope, a cap, and a hunt it stops before that scope is complete is inconclusive
 * @param swarm random scenarios the swarm explores exhaustively (each up to a state cap)
 * @param scope the scope threads<=scope,ops<=scope the ladder must complete, or 0: as far as
 *     {@code states} goes
 */
public record Work(int tries, long states, int swarm, int scope) {

    public static final int DEFAULT_TRIES = 20_000;
    public static final long DEFAULT_STATES = 2_000_000;
    public static final int DEFAULT_SWARM = 1_000;
    public static final int DEFAULT_SCOPE = 0;

    public static final Work DEFAULT = new Work(DEFAULT_TRIES, DEFAULT_STATES, DEFAULT_SWARM, DEFAULT_SCOPE);

    public Work {
        if (tries < 0 || states < 0 || swarm < 0 || scope < 0) {
            throw new IllegalArgumentException("work bounds must not be negative: tries " + tries + ", states "
                    + states + ", swarm " + swarm + ", scope " + scope);
        }
    }

    public Work withTries(int n) {
        return new Work(n, states, swarm, scope);
    }

    public Work withStates(long n) {
        return new Work(tries, n, swarm, scope);
    }

    public Work withSwarm(int n) {
        return new Work(tries, states, n, scope);
    }

    public Work withScope(int s) {
        return new Work(tries, states, swarm, s);
    }
}
