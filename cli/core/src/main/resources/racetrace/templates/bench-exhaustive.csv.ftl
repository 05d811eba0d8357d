instance,what,scenarios,java_states,tlc_states,java_ms,tlc_wall_ms,tlc_own_ms,java_states_per_s,tlc_wall_states_per_s,tlc_own_states_per_s,verdict
<#list exhaustive as r>
${r.instance},"${r.what?replace('"', "'")}",${r.scenarios},${r.javaStates},${r.tlcStates},${r.javaMillis},${r.tlcMillis},${r.tlcOwnMillis},${r.javaRate},${r.tlcRate},${r.tlcOwnRate},"${r.verdict?replace('"', "'")}"
</#list>
