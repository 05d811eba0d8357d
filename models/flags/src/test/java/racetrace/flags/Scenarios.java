package racetrace.flags;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import racetrace.engine.Config;
import racetrace.engine.Op;
import racetrace.engine.Scenario;
import racetrace.engine.ThreadScript;

/** Hand-written scenarios: {@code of(phase, "user", "cfgCmd(1)", "|", "user", "cfgBar")}. */
final class Scenarios {

    private Scenarios() {
    }

    static Scenario of(int phase, String... spec) {
        List<ThreadScript> threads = new ArrayList<>();
        String actor = null;
        List<Op> ops = new ArrayList<>();
        for (String s : spec) {
            if (s.equals("|")) {
                threads.add(new ThreadScript(actor, ops));
                actor = null;
                ops = new ArrayList<>();
            } else if (actor == null) {
                actor = s;
            } else {
                ops.add(op(s));
            }
        }
        if (actor != null) {
            threads.add(new ThreadScript(actor, ops));
        }
        return new Scenario(new Config(Map.of("phase", phase)), threads);
    }

    static Op op(String s) {
        int p = s.indexOf('(');
        if (p < 0) {
            return Op.of(s);
        }
        return Op.of(s.substring(0, p), Integer.parseInt(s.substring(p + 1, s.length() - 1)));
    }
}
