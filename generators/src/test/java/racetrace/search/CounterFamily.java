package racetrace.search;

import racetrace.engine.LostIncrementModel;
import racetrace.engine.ToyFamily;

/** Registers the engine's toy model so schedule strings can name it in tests. */
public final class CounterFamily extends ToyFamily {

    public CounterFamily() {
        super("counter", "toy: non-atomic increments of one counter", v -> new LostIncrementModel(v.equals("locked")),
                "racy", "locked");
    }
}
