package racetrace.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessTest {

    @Test
    void aDiffGivesOneStorePerChangedLeafAndNothingForHiddenVariables() {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("counter", 1);
        before.put("w", List.of(Map.of("linked", false), Map.of("linked", true)));
        before.put("pc", List.of("load", "store"));
        Map<String, Object> after = new LinkedHashMap<>(before);
        after.put("counter", 2);
        after.put("w", List.of(Map.of("linked", true), Map.of("linked", true)));
        after.put("pc", List.of("store", "store"));
        List<Access> diff = Access.diff(before, after, Set.of("pc"));
        assertThat(diff).containsExactly(Access.write("counter", "2"), Access.write("w[1].linked", "1"));
    }

    @Test
    void aPathConflictsWithItsPartsAndOnlyWhenOneSideStores() {
        Access wordRead = Access.read("word[1]", "[P=1]");
        Access bitStore = Access.write("word[1].L", "1");
        Access otherWord = Access.write("word[12].L", "1");
        assertThat(wordRead.conflicts(bitStore)).isTrue();
        assertThat(bitStore.conflicts(wordRead)).isTrue();
        assertThat(wordRead.conflicts(otherWord)).isFalse();
        assertThat(wordRead.conflicts(Access.read("word[1].L", "1"))).isFalse();
        assertThat(Access.sync("owner.memory", "1").conflicts(Access.write("owner.memory", "0"))).isFalse();
    }

    @Test
    void aStoreKeepsItsIntentAndNameWithAValue() {
        Access a = Access.write("mem[1]", "{a,b}").named("byte x").meaning("b");
        assertThat(a.name()).isEqualTo("byte x");
        assertThat(a.intent()).isEqualTo("b");
        assertThat(Access.read("x", null).value()).isEmpty();
        assertThat(Access.read("x", "1").name()).isEqualTo("x");
    }

    @Test
    void theDefaultAccessesOfAModelAreItsStores() {
        LostIncrementModel m = new LostIncrementModel(false);
        Scenario s = new Scenario(new Config(Map.of("start", 1)),
                List.of(new ThreadScript("cpu", List.of(Op.of("inc")))));
        LostIncrementModel.State start = m.initial(s);
        Transition<LostIncrementModel.State> load = m.step(start, 0);
        Transition<LostIncrementModel.State> store = m.step(load.next(), 0);
        assertThat(m.accesses(start, load, 0)).containsExactly(Access.write("reg[1]", "1"));
        assertThat(m.accesses(load.next(), store, 0)).contains(Access.write("counter", "2"));
        assertThat(m.violationDetail("NoLostIncrement", store.next())).isNull();
    }
}
