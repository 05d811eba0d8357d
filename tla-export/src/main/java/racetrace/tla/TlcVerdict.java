package racetrace.tla;

/** How a TLC run ended. */
public enum TlcVerdict {
    /** Model checking completed and no error was found. */
    OK,
    /** An invariant is violated; {@link TlcResult#violatedInvariant()} names it. */
    INVARIANT_VIOLATED,
    /** A reachable state has no successor (with deadlock checking on). */
    DEADLOCK,
    /** SANY could not parse a module or found a semantic error (unknown name, level error...). */
    PARSE_ERROR,
    /** Any other error: bad .cfg, an evaluation error in the spec, TLC crashed or exited early. */
    ERROR,
    /** The run took longer than its timeout and was stopped. */
    TIMEOUT,
    /** TLC ran out of memory (heap, or too many initial states). */
    OUT_OF_MEMORY,
    /** No TLC jar could be found to run. */
    TLC_NOT_FOUND;

    /** Whether TLC gave no model-checking answer (OK, violation or deadlock) at all. */
    public boolean isFailure() {
        return this != OK && this != INVARIANT_VIOLATED && this != DEADLOCK;
    }
}
