package racetrace.engine;

/**
 * A kind of thread in a scenario, with how many of them and how long their scripts may be.
 *
 * @param name the actor name used in scenarios and table headings (e.g. {@code xen-cpu})
 * @param minThreads fewest threads of this kind in a scenario
 * @param maxThreads most threads of this kind
 * @param minOps shortest script
 * @param maxOps longest script
 * @param interchangeable whether two threads of this kind differ only by their scripts (the
 *     model never uses a thread's position among its kind, e.g. as a vCPU number), so that
 *     scenarios listing the same scripts in another order are the same system; exhaustive
 *     enumeration then explores one of them
 */
public record ActorKind(String name, int minThreads, int maxThreads, int minOps, int maxOps, boolean interchangeable) {

    public ActorKind {
        if (minThreads < 0 || minThreads > maxThreads || minOps < 0 || minOps > maxOps) {
            throw new IllegalArgumentException("actor " + name + ": bad bounds");
        }
    }

    /** A kind whose threads are told apart by their position (the safe default). */
    public ActorKind(String name, int minThreads, int maxThreads, int minOps, int maxOps) {
        this(name, minThreads, maxThreads, minOps, maxOps, false);
    }
}
