package racetrace.engine;

import java.util.List;

/** One thread of a scenario: which kind of actor it is and the ops it runs, in order. */
public record ThreadScript(String actor, List<Op> ops) {

    public ThreadScript {
        ops = List.copyOf(ops);
    }

    public static ThreadScript of(String actor, Op... ops) {
        return new ThreadScript(actor, List.of(ops));
    }

    @Override
    public String toString() {
        return actor + ops;
    }
}
