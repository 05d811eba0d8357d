<#if package?has_content>
package ${package};

</#if>
import static org.junit.jupiter.api.Assertions.assertEquals;
<#if !violated>
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
</#if>

import org.junit.jupiter.api.Test;
import racetrace.engine.Execution;
import racetrace.engine.Outcome;
import racetrace.search.ScheduleString;
import racetrace.tla.report.CpuTable;

/**
 * Written by racetrace for ${instance}: replays the counterexample found by
 * ${origin?replace("*/", "* /")}
 * and shrunk to ${measure},
 * and asserts that <#if violated>${invariant} is still violated<#else>the threads still deadlock</#if> after step ${steps}.
 * The schedule string is bound to the model's version and hash: when the model changes, decoding
 * it fails and says so; re-run the property to get a current string.
 */
class ${className} {

    static final String SCHEDULE = "${schedule?j_string}";

    @Test
    void ${method}() {
        Execution<?> ex = ScheduleString.decode(SCHEDULE).run();
<#if violated>
        assertEquals(new Outcome.Violated("${invariant?j_string}", ${steps}), ex.outcome(), () -> CpuTable.render(ex));
<#else>
        Outcome.Deadlock d = assertInstanceOf(Outcome.Deadlock.class, ex.outcome(), () -> CpuTable.render(ex));
        assertEquals(${steps}, d.steps(), () -> CpuTable.render(ex));
</#if>
    }
}
