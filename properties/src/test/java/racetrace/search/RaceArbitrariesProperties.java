package racetrace.search;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import racetrace.engine.LostIncrementModel;
import racetrace.engine.Outcome;
import racetrace.engine.Scenario;
import racetrace.search.jqwik.RaceArbitraries;

class RaceArbitrariesProperties {

    private final LostIncrementModel model = new LostIncrementModel(true);

    @Provide
    Arbitrary<Case> cases() {
        return RaceArbitraries.cases(model);
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return RaceArbitraries.scenarios(model);
    }

    @Property(tries = 300, seed = "5")
    void generatedCasesAreWithinBoundsAndRunToTheEnd(@ForAll("cases") Case c) {
        model.space().validate(c.scenario());
        assertThat(c.run().outcome()).isInstanceOf(Outcome.Completed.class);
    }

    @Property(tries = 300, seed = "6")
    void generatedScenariosAreWithinBounds(@ForAll("scenarios") Scenario s) {
        model.space().validate(s);
        assertThat(s.threadCount()).isBetween(1, 3);
    }
}
