package racetrace.property;

import racetrace.search.Case;
import racetrace.search.ModelOrigin;

/**
 * The {@code racetrace replay} commands the property route prints. A model of one's own (tested
 * with {@code mvn test} in its own project) needs {@code --model-path} with the classes its family
 * was loaded from, so that the command replays as printed from any directory; racetrace's own
 * models need nothing ({@link ModelOrigin}).
 */
final class Replay {

    private Replay() {
    }

    /** {@code racetrace replay [--model-path P] <string>}. */
    static String command(Case c) {
        return "racetrace replay" + ModelOrigin.arguments(c.model()) + " " + c;
    }
}
