package racetrace.search.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import racetrace.engine.Config;
import racetrace.engine.LostIncrementModel;
import racetrace.engine.Measure;
import racetrace.engine.Op;
import racetrace.engine.Scenario;
import racetrace.engine.Schedule;
import racetrace.engine.ThreadScript;
import racetrace.search.Case;

class InHandTest {

    private static final LostIncrementModel MODEL = new LostIncrementModel(false);

    /** A candidate of configuration start=config with the given measure (the case itself is not run). */
    private record Offer(String name, Case c, Measure measure) implements InHand.Ranked {
    }

    private static Offer offer(String name, int config, int threads, int ops, int preemptions, int steps) {
        Scenario s = new Scenario(new Config(Map.of("start", config)),
                List.of(ThreadScript.of("cpu", Op.of("inc")), ThreadScript.of("cpu", Op.of("inc"))));
        return new Offer(name, new Case(MODEL, s, Schedule.of(0, 1, 0, 1)),
                new Measure(threads, ops, preemptions, steps));
    }

    private static List<String> names(InHand<Offer> c) {
        return c.all().stream().map(Offer::name).toList();
    }

    @Test
    void keepsTheSmallestOfEachConfigurationSmallestFirstAndAFewConfigurationsAtMost() {
        InHand<Offer> c = new InHand<>();
        c.offer(offer("first", 0, 3, 5, 2, 80));
        assertThat(names(c)).containsExactly("first");
        // A later, smaller case of the same configuration replaces the first.
        c.offer(offer("smaller", 0, 3, 3, 1, 40));
        assertThat(names(c)).containsExactly("smaller");
        c.offer(offer("other", 1, 2, 2, 1, 20));
        c.offer(offer("larger of 1", 1, 2, 2, 1, 21));
        assertThat(names(c)).containsExactly("other", "smaller");
        c.offer(offer("third", 2, 3, 4, 0, 10));
        assertThat(names(c)).containsExactly("other", "smaller", "third");
        // A fourth configuration gets in only by displacing the largest.
        c.offer(offer("too large", 3, 3, 5, 0, 10));
        assertThat(names(c)).containsExactly("other", "smaller", "third");
        c.offer(offer("fourth", 3, 2, 3, 0, 10));
        assertThat(names(c)).containsExactly("other", "fourth", "smaller");
        assertThat(c.best().name()).isEqualTo("other");
    }

    @Test
    void aTieKeepsTheEarlierCase() {
        InHand<Offer> c = new InHand<>();
        c.offer(offer("early", 0, 2, 2, 1, 20));
        c.offer(offer("same, later", 0, 2, 2, 1, 20));
        c.offer(offer("tie in another configuration", 1, 2, 2, 1, 20));
        assertThat(names(c)).containsExactly("early", "tie in another configuration");
    }

    @Test
    void wantsOnlyWhatCouldGetIn() {
        InHand<Offer> c = new InHand<>();
        Config zero = new Config(Map.of("start", 0));
        assertThat(c.wants(zero, new Measure(9, 9, 0, 0))).isTrue();
        c.offer(offer("a", 0, 2, 2, 1, 20));
        // Its own configuration: only a strictly smaller bound.
        assertThat(c.wants(zero, new Measure(2, 2, 1, 20))).isFalse();
        assertThat(c.wants(zero, new Measure(2, 2, 0, 20))).isTrue();
        c.offer(offer("b", 1, 2, 2, 1, 20));
        c.offer(offer("c", 2, 2, 3, 1, 20));
        // Full: a new configuration must beat the largest kept.
        Config three = new Config(Map.of("start", 3));
        assertThat(c.wants(three, new Measure(2, 3, 1, 20))).isFalse();
        assertThat(c.wants(three, new Measure(2, 3, 0, 20))).isTrue();
    }
}
