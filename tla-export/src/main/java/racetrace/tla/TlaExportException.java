package racetrace.tla;

/**
 * A value or name cannot be written as TLA+ (or a TLA+ text cannot be read back). The message
 * names the offending value and where it sits (e.g. {@code RT_Trace[3].pc[2]}).
 */
public class TlaExportException extends RuntimeException {

    public TlaExportException(String message) {
        super(message);
    }

    public TlaExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
