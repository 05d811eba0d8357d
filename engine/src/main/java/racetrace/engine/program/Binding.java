package racetrace.engine.program;

import java.util.ArrayList;
import java.util.List;
import racetrace.api.Actor;
import racetrace.engine.Config;

/**
 * What one configuration of a run fixes, bound once when the run starts and shared by all its
 * states: the configuration and each thread's actor kind.
 */
final class Binding {

    final Config config;
    final List<String> actors;
    final Actor[] kind;

    Binding(Config config, List<String> actors, List<Actor> kinds) {
        this.config = config;
        this.actors = List.copyOf(actors);
        this.kind = new Actor[actors.size()];
        for (int t = 0; t < kind.length; t++) {
            String a = actors.get(t);
            kind[t] = kinds.stream().filter(k -> k.name().equals(a)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no actor kind '" + a + "'"));
        }
    }

    /** The threads (1-based) of {@code actor} that take part in the run of {@code s}. */
    List<Integer> threads(ProgramState s, String actor) {
        List<Integer> out = new ArrayList<>();
        for (int t = 0; t < kind.length; t++) {
            if (kind[t].name().equals(actor) && s.present(t)) {
                out.add(t + 1);
            }
        }
        return out;
    }
}
