/**
 * What runs a {@link racetrace.api.Program}: {@link racetrace.engine.program.ProgramModel} adapts
 * it to the engine's {@link racetrace.engine.Model} with op choice, so runs, exhaustive search of
 * scenarios and scopes, shrinking, TLA+ export and the CPU table work on it as on the bundled
 * models; {@link racetrace.engine.program.ProgramFamily} adapts its {@link racetrace.api.Family}
 * to a {@link racetrace.engine.ModelFamily}, found by {@link racetrace.engine.Models}.
 */
package racetrace.engine.program;
