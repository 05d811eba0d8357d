package racetrace.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import racetrace.engine.BadInputException;
import racetrace.engine.LostIncrementModel;

class ScheduleStringTest {

    private final LostIncrementModel model = new LostIncrementModel(false);

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

    @Test
    void refusesAStringWithMissingFields() {
        assertThatThrownBy(() -> ScheduleString.decode("rt1:counter:racy:-"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("expected 8 ':'-separated fields");
    }

    @Test
    void refusesAnotherFormat() {
        assertThatThrownBy(() -> ScheduleString.decode("rt9:counter:racy:-:1.0:-:-:-"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("format 'rt9'");
    }

    @Test
    void refusesUnknownModelAndVariant() {
        assertThatThrownBy(() -> ScheduleString.decode("rt1:nosuch:racy:-:1.0:-:-:-"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("unknown model 'nosuch'");
        assertThatThrownBy(() -> ScheduleString.decode("rt1:counter:fast:-:1.0:-:-:-"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("unknown variant 'fast'");
    }

    @Test
    void refusesAStringMadeForAnotherModelVersionOrVariant() {
        String good = ScheduleString.encode(RandomCases.draw(model, 5, new Random(1)));
        String[] f = good.split(":");
        f[4] = "0" + f[4].substring(f[4].indexOf('.'));
        assertThatThrownBy(() -> ScheduleString.decode(String.join(":", f)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("made for model version 0, this racetrace has version 1");
        String[] g = good.split(":");
        g[2] = "locked";
        assertThatThrownBy(() -> ScheduleString.decode(String.join(":", g)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("was made for counter/locked")
                .hasMessageContaining("does not match");
    }

    @Test
    void refusesABadChoiceAndABadOp() {
        String good = ScheduleString.encode(RandomCases.draw(model, 5, new Random(2)));
        String[] f = good.split(":");
        f[7] = "01!";
        assertThatThrownBy(() -> ScheduleString.decode(String.join(":", f)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("is not a base-36 digit");
        String[] g = good.split(":");
        g[6] = "cpu/dec";
        assertThatThrownBy(() -> ScheduleString.decode(String.join(":", g)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("op dec is not in the cpu alphabet");
    }
}
