package racetrace.engine;

/**
 * A kind of thread in a scenario, with how many of them and how long their scripts may be.
 *
 * @param name the actor name used in scenarios and table headings (e.g. {@code xen-cpu})
 * @param minThreads fewest threads of this kind in a scenario
 * @param maxThreads most threads of this kind
 * @param minOps shortest script
 * @param maxOps longest script
 */
public record ActorKind(String name, int minThreads, int maxThreads, int minOps, int maxOps) {

    public ActorKind {
        if (minThreads < 0 || minThreads > maxThreads || minOps < 0 || minOps > maxOps) {
            throw new IllegalArgumentException("actor " + name + ": bad bounds");
        }
    }
}
