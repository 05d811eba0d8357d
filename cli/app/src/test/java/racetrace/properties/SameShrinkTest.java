package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import racetrace.engine.Model;
import racetrace.engine.Models;
import racetrace.search.hunt.HuntOptions;
import racetrace.search.hunt.HuntResult;
import racetrace.search.hunt.Hunter;
import racetrace.search.Case;
import racetrace.search.Minimizer;
import racetrace.search.RandomCases;

/**
 * The property suites and the hunt end in the same Minimizer, so from any failing case of an
 * instance they reach the same counterexample (vfio-pci/pre-a at location granularity used to be
 * recorded with 2 preemptions by the suite and 1 by the hunt).
 */
class SameShrinkTest {

    @Test
    void everyFailingCaseOfPreAShrinksToTheHuntsCounterexample() {
        Model<?> m = Models.create("vfio-pci", "pre-a", Map.of("granularity", "location"));
        HuntResult hunt = Hunter.hunt(m, HuntOptions.defaults(), null);
        Case huntCase = hunt.findings().get(0).shrunk();
        assertThat(hunt.findings().get(0).minimality().scope()).isNotNull();

        Random random = new Random(20261123);
        int shrunk = 0;
        for (int i = 0; i < 4000 && shrunk < 3; i++) {
            Case c = RandomCases.draw(m, RandomCases.DEFAULT_SCHEDULE_LENGTH, random);
            var ex = c.run();
            if (ex.outcome().invariantOrNull() != null) {
                Minimizer.Result r = Minimizer.minimize(c, ex.outcome().invariantOrNull());
                assertThat(r.minimal()).as("from " + c).isEqualTo(huntCase);
                shrunk++;
            }
        }
        assertThat(shrunk).isEqualTo(3);
    }
}
