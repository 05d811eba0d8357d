package seqlock;

import java.util.List;
import java.util.Map;
import racetrace.engine.Model;
import racetrace.engine.ModelFamily;

/** The seqlock model, registered in META-INF/services/racetrace.engine.ModelFamily. */
public final class SeqlockFamily implements ModelFamily {

    @Override
    public String name() {
        return "seqlock";
    }

    @Override
    public String description() {
        return "a sequence lock over two words: writers under a spinlock, lock-free readers that retry";
    }

    @Override
    public List<String> variants() {
        return List.of("buggy", "fixed");
    }

    @Override
    public String describeVariant(String variant) {
        return variant.equals("buggy") ? "the reader starts on any count, odd ones too"
                : "the reader waits for an even count before it reads (read_seqbegin)";
    }

    @Override
    public Model<?> create(String variant, Map<String, String> options) {
        return new SeqlockModel(variant.equals("fixed"));
    }
}
