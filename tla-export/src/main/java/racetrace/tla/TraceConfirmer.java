package racetrace.tla;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import racetrace.engine.Execution;
import racetrace.engine.Outcome;
import racetrace.engine.Step;

/**
 * Exports a Java execution and has TLC check it against the hand-written spec: {@link
 * #confirm(Execution, Path, Duration)}.
 */
public final class TraceConfirmer {

    /** The "invariant" of a confirmed deadlock: TLC's own check, not an operator of the spec. */
    public static final String DEADLOCK = "deadlock";

    private final TraceExporter exporter;
    private final TlcRunner tlc;
    private final boolean diagnose;

    public TraceConfirmer(TraceExporter exporter, TlcRunner tlc) {
        this(exporter, tlc, true);
    }

    private TraceConfirmer(TraceExporter exporter, TlcRunner tlc, boolean diagnose) {
        this.exporter = exporter;
        this.tlc = tlc;
        this.diagnose = diagnose;
    }

    /**
     * Whether a step the spec cannot take is diagnosed with a second TLC run (what the spec's
     * Step(t) does there instead; on by default).
     */
    public TraceConfirmer diagnoseSteps(boolean on) {
        return new TraceConfirmer(exporter, tlc, on);
    }

    /** Specs from the classpath, TLC from the classpath. */
    public static TraceConfirmer standard() {
        return new TraceConfirmer(TraceExporter.standard(), TlcRunner.fromClasspath());
    }

    /**
     * Exports {@code ex} into {@code workDir} and runs TLC on the trace module.
     *
     * @return confirmed / conforms when TLC agrees with the Java verdict at the same step, rejected
     *     with the step where they part, or failed (with TLC's reason) when TLC gave no answer
     */
    public TlcConfirmation confirm(Execution<?> ex, Path workDir, Duration timeout) {
        ExportedTrace export;
        try {
            export = exporter.export(ex, workDir);
        } catch (TlaExportException e) {
            return new TlcConfirmation.Failed("export failed: " + e.getMessage(), null, null);
        }
        TlcResult r = tlc.run(workDir, export.module(), export.cfg().getFileName().toString(), timeout, List.of());
        TlcConfirmation c = judge(ex, export, r);
        if (diagnose && c instanceof TlcConfirmation.Rejected rej && rej.reason() == TlcConfirmation.Reason.STEP) {
            StepDiagnosis d = StepDiagnoser.diagnose(TraceData.of(ex, exporter.writer()), rej.step(), workDir, timeout,
                    tlc);
            if (d != null) {
                c = new TlcConfirmation.Rejected(rej.step(), rej.reason(), rej.thread(), rej.label(), rej.explanation(),
                        d, export, r);
            }
        }
        return c;
    }

    static TlcConfirmation judge(Execution<?> ex, ExportedTrace export, TlcResult r) {
        Outcome outcome = ex.outcome();
        int n = ex.steps().size();
        switch (r.verdict()) {
            case INVARIANT_VIOLATED -> {
                String inv = r.violatedInvariant();
                int at = r.trace().size() - 1;
                if ("RT_StartConforms".equals(inv)) {
                    return new TlcConfirmation.Rejected(0, TlcConfirmation.Reason.START_STATE, -1, null,
                            "the spec's Init does not allow the Java start state " + state(ex, 0), null, export, r);
                }
                if ("RT_VarsMatch".equals(inv)) {
                    return new TlcConfirmation.Rejected(0, TlcConfirmation.Reason.VARIABLES, -1, null,
                            "the spec's vars tuple is not the model's variables() " + names(ex)
                                    + " in that order (TLC state: " + r.trace().get(0).variables().keySet() + ")",
                            null, export, r);
                }
                if (outcome instanceof Outcome.Violated v && v.invariant().equals(inv) && v.steps() == at) {
                    return new TlcConfirmation.Confirmed(inv, at, export, r);
                }
                String java = outcome instanceof Outcome.Violated v && v.steps() == at
                        ? "the Java model reports " + v.invariant() + " there instead"
                        : "the Java model's invariants hold there";
                return new TlcConfirmation.Rejected(at, TlcConfirmation.Reason.INVARIANT_VIOLATED_IN_SPEC, -1, null,
                        "the spec's invariant " + inv + " is violated after step " + at + " but " + java
                                + " (state " + state(ex, at) + ")", null, export, r);
            }
            case DEADLOCK -> {
                int step = r.trace().size();
                if (outcome instanceof Outcome.Deadlock && step == n + 1) {
                    // The export lets the recording end only where the spec can go on (ENABLED
                    // Next): TLC stopping in the last state is the spec deadlocking there too.
                    return new TlcConfirmation.Confirmed(DEADLOCK, n, export, r);
                }
                if (step < 1 || step > n) {
                    return new TlcConfirmation.Failed("TLC reports a deadlock in state " + step
                            + ", outside the recorded trace of " + (n + 1) + " states", export, r);
                }
                Step<?> s = ex.steps().get(step - 1);
                String who = ex.model().threadName(ex.scenario(), s.thread());
                return new TlcConfirmation.Rejected(step, TlcConfirmation.Reason.STEP, s.thread(), s.label(),
                        "the spec cannot take step " + step + " (" + who + " " + s.label() + ", Step("
                                + (s.thread() + 1) + ")) from " + state(ex, step - 1) + " to "
                                + state(ex, step), null, export, r);
            }
            case OK -> {
                if (r.distinctStates() >= 0 && r.distinctStates() != n + 1) {
                    return new TlcConfirmation.Failed("TLC found " + r.distinctStates()
                            + " distinct states, the recorded trace has " + (n + 1)
                            + " (does the trace repeat a state, or is the module edited?)", export, r);
                }
                if (outcome instanceof Outcome.Deadlock d) {
                    return new TlcConfirmation.Rejected(n, TlcConfirmation.Reason.INVARIANT_HOLDS_IN_SPEC, -1, null,
                            "the Java model deadlocks after step " + n + " (threads " + d.blocked() + " blocked) but "
                                    + "the spec's Next can still take a step there (state " + state(ex, n) + ")",
                            null, export, r);
                }
                if (outcome instanceof Outcome.Violated v) {
                    return new TlcConfirmation.Rejected(v.steps(), TlcConfirmation.Reason.INVARIANT_HOLDS_IN_SPEC,
                            -1, null, "the Java model finds " + v.invariant() + " violated after step " + v.steps()
                                    + " but the spec's " + v.invariant() + " holds there (state "
                                    + state(ex, v.steps()) + ")", null, export, r);
                }
                return new TlcConfirmation.Conforms(n, export, r);
            }
            default -> {
                return new TlcConfirmation.Failed(r.message(), export, r);
            }
        }
    }

    private static String names(Execution<?> ex) {
        return namesOf(ex);
    }

    private static <S> String namesOf(Execution<S> ex) {
        return ex.model().variables(ex.stateAt(0)).keySet().toString();
    }

    static String state(Execution<?> ex, int i) {
        return stateOf(ex, i);
    }

    private static <S> String stateOf(Execution<S> ex, int i) {
        return TlaValueWriter.standard().writeRecord(ex.model().variables(ex.stateAt(i)), "state " + i);
    }
}
