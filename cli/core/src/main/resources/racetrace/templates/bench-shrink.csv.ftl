instance,invariant,java_measure,java_step_shortest,tlc_shortest,tlc_states,tlc_ms
<#list shrink as r>
${r.instance},${r.invariant},${r.measure},${r.javaStepShortest},${r.tlcShortest},${r.tlcStates},${r.tlcMillis}
</#list>
