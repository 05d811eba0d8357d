package racetrace.cli;

/** TLC could not run or finish, or its files could not be written: exit code 3. */
final class TlcFailure extends RuntimeException {

    TlcFailure(String message) {
        super(message);
    }
}
