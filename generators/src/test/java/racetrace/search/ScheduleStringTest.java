package racetrace.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import racetrace.engine.BadInputException;
import racetrace.engine.Config;
import racetrace.engine.LostIncrementModel;
import racetrace.engine.Op;
import racetrace.engine.Scenario;
import racetrace.engine.Schedule;
import racetrace.engine.ThreadScript;

class ScheduleStringTest {

    private final LostIncrementModel model = new LostIncrementModel(false);

    /** Two threads that increment once each, from 0. */
    private static final Scenario TWO_INCS = new Scenario(new Config(Map.of("start", 0)),
            List.of(ThreadScript.of("cpu", Op.of("inc")), ThreadScript.of("cpu", Op.of("inc"))));

    @Test
    void roundTripsRandomCases() {
        Random random = new Random(11);
        for (int i = 0; i < 500; i++) {
            Case c = RandomCases.draw(model, 30, random);
            String text = ScheduleString.encode(c);
            Case back = ScheduleString.decode(text);
            assertThat(back.scenario()).isEqualTo(c.scenario());
            assertThat(back.schedule()).isEqualTo(c.schedule());
            assertThat(back.model().instance()).isEqualTo(c.model().instance());
            assertThat(text).matches("[A-Za-z0-9:/=,.+_-]+");
        }
    }

    @Test
    void refusesTextThatIsNoScheduleString() {
        assertThatThrownBy(() -> ScheduleString.decode("hello"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("not a racetrace schedule string");
    }

    /** A string whose check field is recomputed after an edit: what a forger (or a fuzzer) could write. */
    static String forged(String[] f) {
        return ScheduleString.reseal(String.join(":", Arrays.copyOf(f, 9)));
    }

    @Test
    void refusesAStringWithMissingFields() {
        assertThatThrownBy(() -> ScheduleString.decode("rt2:counter:racy:-"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("cut short")
                .hasMessageContaining("4 of 10").hasMessageContaining("ends in the options field");
    }

    @Test
    void refusesAnotherFormat() {
        assertThatThrownBy(() -> ScheduleString.decode("rt9:counter:racy:-:1.0:-:-:-"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("format 'rt9'");
    }

    @Test
    void refusesFormatOneWithTheCommandThatPrintsACurrentString() {
        assertThatThrownBy(() -> ScheduleString.decode("rt1:counter:racy:-:1.abcd0123:start=0:cpu/inc:01"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("format-1 schedule string")
                .hasMessageContaining("racetrace hunt counter --variant racy");
        // A format-1 counterexample that still ends in its violation replays; cut short, it does not.
        Case racy = new Case(model, TWO_INCS, Schedule.of(0, 1, 0, 1), "NoLostIncrement");
        assertThat(racy.run().outcome().invariantOrNull()).isEqualTo("NoLostIncrement");
        String[] f = ScheduleString.encode(racy).split(":");
        String old = String.join(":", "rt1", f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8]);
        assertThat(ScheduleString.decode(old).schedule()).isEqualTo(racy.schedule());
        String cut = String.join(":", "rt1", f[1], f[2], f[3], f[4], f[5], f[6], "0", f[8]);
        assertThatThrownBy(() -> ScheduleString.decode(cut)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("format-1");
    }

    @Test
    void ignoresWhitespaceAndLineBreaksOfAWrappedMail() {
        Case c = RandomCases.draw(model, 20, new Random(4));
        String text = ScheduleString.encode(c);
        String wrapped = "  " + text.substring(0, 17) + "\n   " + text.substring(17, 40) + "\r\n\t" + text.substring(40) + "\n";
        Case back = ScheduleString.decode(wrapped);
        assertThat(back.schedule()).isEqualTo(c.schedule());
        assertThat(back.scenario()).isEqualTo(c.scenario());
    }

    @Test
    void refusesEveryCutNamingTheField() {
        Case c = RandomCases.draw(model, 20, new Random(5)).focusedOn("NoLostIncrement");
        String text = ScheduleString.encode(c);
        for (int cut = 1; cut < text.length(); cut++) {
            String shorter = text.substring(0, cut);
            assertThatThrownBy(() -> ScheduleString.decode(shorter)).as(shorter).isInstanceOf(BadInputException.class);
        }
    }

    @Test
    void refusesAnEditOfAnyFieldNamingIt() {
        Case c = RandomCases.draw(model, 20, new Random(6)).focusedOn("NoLostIncrement");
        String[] f = ScheduleString.encode(c).split(":");
        String[] names = {"format", "model", "variant", "options", "model version and hash", "config", "threads",
            "choices", "only"};
        String[] edits = {null, "counter2", "locked", "x=1", "1.00000000", "start=1", "cpu/inc,cpu/inc", "0101", "-"};
        for (int i = 1; i < 9; i++) {
            String[] g = f.clone();
            g[i] = f[i].equals(edits[i]) ? edits[i] + "0" : edits[i];
            assertThatThrownBy(() -> ScheduleString.decode(String.join(":", g))).as(names[i])
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("schedule string's " + names[i] + " field ('");
        }
    }

    @Test
    void refusesAChoiceOfAThreadTheScenarioDoesNotHave() {
        Case c = new Case(model, TWO_INCS, Schedule.of(0, 1, 1, 0));
        String[] f = ScheduleString.encode(c).split(":");
        f[7] = "0121";
        assertThatThrownBy(() -> ScheduleString.decode(forged(f)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("choice '2' at position 3 names thread 3, but the scenario has 2 threads");
    }

    @Test
    void encodesAChoiceAsTheThreadTheEngineRuns() {
        Case c = new Case(model, TWO_INCS, Schedule.of(0, 3, 2, 1));
        Case back = ScheduleString.decode(ScheduleString.encode(c));
        assertThat(back.schedule()).isEqualTo(Schedule.of(0, 1, 0, 1));
        assertThat(back.run().executed()).isEqualTo(c.run().executed());
    }

    @Test
    void refusesUnknownModelAndVariant() {
        Case c = RandomCases.draw(model, 5, new Random(1));
        String[] f = ScheduleString.encode(c).split(":");
        String[] g = f.clone();
        g[1] = "nosuch";
        assertThatThrownBy(() -> ScheduleString.decode(forged(g)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("unknown model 'nosuch'");
        String[] h = f.clone();
        h[2] = "fast";
        assertThatThrownBy(() -> ScheduleString.decode(forged(h)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("unknown variant 'fast'");
    }

    @Test
    void refusesAStringMadeForAnotherModelVersionOrVariant() {
        String good = ScheduleString.encode(RandomCases.draw(model, 5, new Random(1)));
        String[] f = good.split(":");
        f[4] = "0" + f[4].substring(f[4].indexOf('.'));
        assertThatThrownBy(() -> ScheduleString.decode(forged(f)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("made for model version 0, this racetrace has version 1");
        String[] g = good.split(":");
        g[2] = "locked";
        assertThatThrownBy(() -> ScheduleString.decode(forged(g)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("was made for counter/locked")
                .hasMessageContaining("does not match");
    }

    @Test
    void refusesABadChoiceAndABadOp() {
        String good = ScheduleString.encode(RandomCases.draw(model, 5, new Random(2)));
        String[] f = good.split(":");
        f[7] = "0!";
        assertThatThrownBy(() -> ScheduleString.decode(forged(f)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("is not a base-36 digit");
        String[] g = good.split(":");
        g[6] = "cpu/dec";
        assertThatThrownBy(() -> ScheduleString.decode(forged(g)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("op dec is not in the cpu alphabet");
    }
}
