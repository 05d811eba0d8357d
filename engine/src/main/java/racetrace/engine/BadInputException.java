package racetrace.engine;

/** Input a user gave is wrong; the message names the input and what would be right. */
public class BadInputException extends RuntimeException {

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
