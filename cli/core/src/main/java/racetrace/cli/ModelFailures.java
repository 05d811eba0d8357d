package racetrace.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import racetrace.engine.ModelFailure;
import racetrace.search.Case;
import racetrace.search.ModelOrigin;
import racetrace.search.ScheduleString;

/**
 * How the command line reports a model that threw: its class and the call, the step label, the
 * schedule string that reproduces it (as a replay command that works as printed) and the
 * model's own stack frames. A model of one's own exits {@link ExitCode#MODEL_ERROR}; one of
 * racetrace's bundled models throwing is a bug of racetrace ({@link ExitCode#INTERNAL}).
 */
final class ModelFailures {

    /** Frames shown at most: the top of the model's own stack is where the fault is. */
    static final int MAX_FRAMES = 12;

    private ModelFailures() {
    }

    static int report(ModelFailure f, PrintWriter err) {
        boolean bundled = f.bundled();
        err.println("racetrace: " + (bundled ? "internal error: " : "") + Racetrace.oneLine(f.getMessage()));
        String replay = replayCommand(f);
        if (replay != null) {
            err.println("racetrace: reproduce it with: " + replay);
        }
        List<StackTraceElement> frames = f.modelFrames();
        for (int i = 0; i < Math.min(frames.size(), MAX_FRAMES); i++) {
            err.println("    at " + frames.get(i));
        }
        if (frames.size() > MAX_FRAMES) {
            err.println("    ... " + (frames.size() - MAX_FRAMES) + " more");
        }
        if (bundled) {
            err.println("racetrace: this is a bug in racetrace's bundled model (RACETRACE_DEBUG=1 prints the whole "
                    + "stack trace)");
            if (System.getenv("RACETRACE_DEBUG") != null) {
                f.printStackTrace(err);
            }
        } else {
            err.println("racetrace: the exception is your model's (" + f.modelClass() + "), not racetrace's: exit "
                    + ExitCode.MODEL_ERROR);
        }
        err.flush();
        return bundled ? ExitCode.INTERNAL : ExitCode.MODEL_ERROR;
    }

    /** Packages of racetrace, the JDK and racetrace's libraries: what is not one of them is a user's code. */
    private static final List<String> OURS = List.of("racetrace.", "java.", "javax.", "jdk.",
            "sun.", "com.sun.", "picocli.", "com.fasterxml.", "freemarker.", "net.jqwik.", "org.junit.");

    /**
     * Whether an exception was thrown by a user's class (a model family of one's own creating a
     * model, listing its variants...): its first frame outside the JDK is not racetrace's.
     */
    static boolean thrownByUserCode(Throwable ex) {
        for (StackTraceElement f : ex.getStackTrace()) {
            String c = f.getClassName();
            if (c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.")) {
                continue;
            }
            return OURS.stream().noneMatch(c::startsWith);
        }
        return false;
    }

    /** The report of an exception a user's class threw outside a run: no run to replay, its frames. */
    static int reportUserCode(Throwable ex, PrintWriter err) {
        List<StackTraceElement> frames = new ArrayList<>();
        for (StackTraceElement f : ex.getStackTrace()) {
            if (f.getClassName().startsWith("racetrace.")) {
                break;
            }
            frames.add(f);
        }
        String where = frames.stream().filter(f -> OURS.stream().noneMatch(f.getClassName()::startsWith)).findFirst()
                .map(f -> f.getClassName()).orElse("?");
        err.println("racetrace: a model of your own threw " + Racetrace.oneLine(String.valueOf(ex)) + " in " + where);
        for (int i = 0; i < Math.min(frames.size(), MAX_FRAMES); i++) {
            err.println("    at " + frames.get(i));
        }
        err.println("racetrace: the exception is your model's (" + where + "), not racetrace's: exit "
                + ExitCode.MODEL_ERROR);
        err.flush();
        return ExitCode.MODEL_ERROR;
    }

    /** {@code racetrace replay [--model-path P] <string>}, or null when the run cannot be written as a string. */
    static String replayCommand(ModelFailure f) {
        try {
            String s = ScheduleString.encode(new Case(f.model(), f.scenario(), f.schedule()));
            return "racetrace replay" + ModelOrigin.arguments(f.model()) + " " + s;
        } catch (RuntimeException e) {
            return null; // the model fails even to name itself (version(), space()): the frames say where
        }
    }
}
