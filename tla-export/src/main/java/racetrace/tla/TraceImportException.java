package racetrace.tla;

/** A TLC trace could not be replayed in the Java model; the message says where and why. */
public class TraceImportException extends TlaExportException {

    private final int step;

    public TraceImportException(int step, String message) {
        super(message);
        this.step = step;
    }

    /** The TLC step (0 = the start state) that no Java step reproduces. */
    public int step() {
        return step;
    }
}
