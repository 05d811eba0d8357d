package racetrace.search;

import java.util.List;
import java.util.Map;
import racetrace.engine.LostIncrementModel;
import racetrace.engine.Model;
import racetrace.engine.ModelFamily;

/** Registers the engine's toy model so schedule strings can name it in tests. */
public final class CounterFamily implements ModelFamily {

    @Override
    public String name() {
        return "counter";
    }

    @Override
    public String description() {
        return "toy: non-atomic increments of one counter";
    }

    @Override
    public List<String> variants() {
        return List.of("racy", "locked");
    }

    @Override
    public Model<?> create(String variant, Map<String, String> options) {
        return new LostIncrementModel(variant.equals("locked"));
    }
}
