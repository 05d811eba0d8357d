instance,what,scenarios,java_states,tlc_states,java_ms,tlc_wall_ms,tlc_own_ms,java_states_per_s,tlc_wall_states_per_s,tlc_own_states_per_s,cores,java_states_per_s_per_core,java_bytes_per_state,size,verdict,java_cpu_ms,java_states_per_cpu_s
<#list exhaustive as r>
${r.instance},"${r.what?replace('"', "'")}",${r.scenarios},${r.javaStates},${r.tlcStates},${r.javaMillis},${r.tlcMillis},${r.tlcOwnMillis},${r.javaRate},${r.tlcRate},${r.tlcOwnRate},${r.cores},${r.javaRatePerCore},${r.bytesPerState},${r.size},"${r.verdict?replace('"', "'")}",${r.javaCpuMillis},${r.javaRatePerCpuSecond}
</#list>
