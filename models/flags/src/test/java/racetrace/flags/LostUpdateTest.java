package racetrace.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import racetrace.engine.Execution;
import racetrace.engine.Invariant;
import racetrace.engine.Outcome;
import racetrace.engine.Scenario;
import racetrace.engine.Schedule;
import racetrace.engine.Step;
import racetrace.engine.Stepper;

/** A bitfield RMW loses an adjacent field's update exactly when both fields share a unit. */
class LostUpdateTest {

    // Thread 0 stops after loading the unit for virq_disabled; thread 1 clears bardirty; thread 0 stores.
    private static final Schedule VIRQ_VS_BAR = Schedule.of(0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0);

    @Test
    void configWriteOfCommandLosesTheBarReadsClearOfBardirtyInTheSameByte() {
        FlagsModel model = VfioPciFamily.model("pre-a", Granularity.BYTE);
        Scenario sc = Scenarios.of(0, "user", "cfgCmd(1)", "|", "user", "cfgReadBar");
        Execution<FlagsState> ex = Execution.run(model, sc, VIRQ_VS_BAR);
        assertThat(ex.steps()).extracting(Step::label).containsExactly("cfgCmd_pmGet", "cfgCmd_lockMem",
                "cfgCmd_unlockMem", "cfgCmd_virqTest", "cfgCmd_virq_load", "cfgReadBar_pmGet", "cfgReadBar_dirtyTest",
                "cfgReadBar_bardirty_load", "cfgReadBar_bardirty_modify", "cfgReadBar_bardirty_store",
                "cfgCmd_virq_modify", "cfgCmd_virq_store");
        assertThat(ex.outcome()).isEqualTo(new Outcome.Violated(FlagsModel.NO_LOST_UPDATE, 12));
        // The stale byte brought bardirty back.
        assertThat(FlagsProbe.bit(model, ex.stateAt(12), "bardirty")).isTrue();
        assertThat(FlagsProbe.bit(model, ex.stateAt(10), "bardirty")).isFalse();
    }

    @Test
    void theSameInterleavingLosesNothingWhenTheFlagsHaveTheirOwnUnits() {
        FlagsModel model = VfioPciFamily.model("merged", Granularity.BYTE);
        Scenario sc = Scenarios.of(0, "user", "cfgCmd(1)", "|", "user", "cfgReadBar");
        Execution<FlagsState> ex = Execution.run(model, sc, VIRQ_VS_BAR);
        assertThat(ex.outcome()).isInstanceOf(Outcome.Completed.class);
        FlagsState end = ex.stateAt(ex.steps().size());
        assertThat(FlagsProbe.bit(model, end, "bardirty")).isFalse();
        assertThat(FlagsProbe.bit(model, end, "virq_disabled")).isTrue();
    }

    @Test
    void fieldsInDifferentBytesShareAUnitOnlyUnderLocationGranularity() {
        Scenario sc = Scenarios.of(0, "user", "cfgCmd(1)", "|", "user", "lowPowerEntry(0)");
        Schedule s = Schedule.of(0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0);
        FlagsModel location = VfioPciFamily.model("pre-a", Granularity.LOCATION);
        Execution<FlagsState> lost = Execution.run(location, sc, s);
        assertThat(lost.steps().get(10).label()).isEqualTo("lowPowerEntry_eng_store");
        assertThat(lost.outcome()).isEqualTo(new Outcome.Violated(FlagsModel.NO_LOST_UPDATE, 13));

        FlagsModel bytes = VfioPciFamily.model("pre-a", Granularity.BYTE);
        assertThat(Execution.run(bytes, sc, s).outcome()).isInstanceOf(Outcome.Completed.class);
    }

    @Test
    void exhaustiveSearchAgreesWithTheUnits() {
        Scenario sc = Scenarios.of(0, "user", "cfgCmd(1)", "|", "user", "lowPowerEntry(0)");
        assertThat(anyLostUpdate(VfioPciFamily.model("pre-a", Granularity.LOCATION), sc)).isTrue();
        assertThat(anyLostUpdate(VfioPciFamily.model("pre-a", Granularity.BYTE), sc)).isFalse();
        Scenario sameByte = Scenarios.of(0, "user", "cfgCmd(1)", "|", "user", "cfgReadBar");
        assertThat(anyLostUpdate(VfioPciFamily.model("pre-a", Granularity.BYTE), sameByte)).isTrue();
        assertThat(anyLostUpdate(VfioPciFamily.model("v2", Granularity.LOCATION), sameByte)).isFalse();
        // Writers under a common lock never lose each other's update: both low-power ops hold memory_lock.
        Scenario locked = Scenarios.of(0, "user", "lowPowerEntry(1)", "|", "user", "lowPowerExit");
        assertThat(anyLostUpdate(VfioPciFamily.model("pre-a", Granularity.LOCATION), locked)).isFalse();
    }

    /** Explores every interleaving (states de-duplicated by their TLA+ variables). */
    static boolean anyLostUpdate(FlagsModel model, Scenario sc) {
        model.space().validate(sc);
        ArrayDeque<FlagsState> todo = new ArrayDeque<>();
        Set<Map<String, Object>> seen = new HashSet<>();
        FlagsState init = Stepper.of(model, sc).initial();
        todo.add(init);
        seen.add(model.variables(init));
        List<Invariant<FlagsState>> inv = model.invariants().subList(0, 1);
        while (!todo.isEmpty()) {
            FlagsState s = todo.poll();
            if (!inv.get(0).holds(s)) {
                return true;
            }
            for (int t = 0; t < sc.threadCount(); t++) {
                if (model.enabled(s, t)) {
                    FlagsState n = model.step(s, t).next();
                    if (seen.add(model.variables(n))) {
                        todo.add(n);
                    }
                }
            }
        }
        return false;
    }
}
