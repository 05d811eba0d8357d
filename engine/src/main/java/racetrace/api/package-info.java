/**
 * What a model of one's own implements: a {@link racetrace.api.Program}, threads stepping over a
 * shared memory, described by its {@link racetrace.api.Family} (name, variants, options,
 * configuration parameters, the kinds of threads and their ops).
 *
 * <p>A program writes its steps the way a PlusCal algorithm writes its labels: each call of
 * {@link racetrace.api.Program#step} is one atomic step of one thread at the label {@code t.pc()},
 * it may {@link racetrace.api.ThreadStep#await await} a condition (the step is then not enabled),
 * changes the memory and the thread's registers, and says where the thread goes next
 * ({@link racetrace.api.ThreadStep#go go}, or {@link racetrace.api.ThreadStep#end end} of its op).
 * Everything else is the engine's: which op a thread runs next (a scenario's script, or a choice
 * during the exploration of a scope), threads that another thread creates and joins, the program
 * counter and op count of every thread, the identity of each instance, the TLA+ variables and
 * constants, fingerprints and the CPU table.
 *
 * <p>Optional capabilities are interfaces a program may also implement, each with defaults:
 * {@link racetrace.api.TlaMapped} (the TLA+ spec's name and constants of its own),
 * {@link racetrace.api.Covered} (the actions conformance must cover, and scenarios that reach
 * them), {@link racetrace.api.Presented} (the CPU table).
 *
 * <p>This package is the user's side only. The values it uses are the engine's plain records
 * ({@code Op}, {@code Config}, {@code Invariant}, {@code Scenario}, {@code ThreadScript},
 * {@code Param}); what runs a program (the adapter {@code racetrace.engine.program}, the
 * {@code Stepper}, {@code Execution}, the searches) is not part of it.
 */
package racetrace.api;
