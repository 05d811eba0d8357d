package racetrace.tla.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import racetrace.engine.Execution;

class CpuTableTest {

    @Test
    void markersShowThePreemptionAndTheRacingStepsAndReadsTheirValues() {
        Execution<?> ex = ExplainerTest.lostIncrement(new ReadingCounterModel(false));
        String table = CpuTable.render(ex);
        assertThat(table).isEqualTo("""
                start: counter=0 reg[1]=0 reg[2]=0 lock=-1 opi[1]=0 opi[2]=0 done[1]=0 done[2]=0
                    #  cpu A  cpu B  reads and changes
                 *  1  load          read counter=0
                >   2         load   read counter=0
                 *  3         store  counter=1 opi[2]=1
                 *  4  store         opi[1]=1 counter=1
                => NoLostIncrement violated after step 4
                   (> a preemption: the thread of the step before could have gone on; * the racing steps the sentence names)
                """);
    }

    @Test
    void longListsWrapAtEightyColumnsWithoutBreakingAnItem() {
        List<String> items = List.of("lost={{victim=virq_disabled, by=bardirty}}", "mem[1]={bardirty}",
                "owner.memory=0", "usage=2", "rpm=active", "wake=0", "open=1");
        List<String> lines = CpuTable.wrapWithIndent("start: ", items);
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(CpuTable.WIDTH));
        assertThat(String.join(" ", lines).replaceAll(" +", " ")).contains("lost={{victim=virq_disabled, by=bardirty}}");
        assertThat(lines.get(1)).startsWith("       ");
    }
}
